"""AFF001: a link that covers only part of a word, as keyword auto-linkers make them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

from linter.config import Settings
from linter.document import Document, escape_text
from linter.model import Edit, Finding, Fix, Severity
from linter.registry import FixAvailability, rule
from linter.signatures import autolinker_signature
from linter.tokens import StartTag, Text
from linter.words import (
    is_alphabetic_letter,
    leading_letters,
    restore_case,
    starts_sentence,
    trailing_letters,
)

INFLECTIONS = frozenset({"s", "es"})
_DOMAIN_LIKE = re.compile(r"\w\.\w|://")
_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}")


@rule(
    "AFF001",
    summary="Link covers only part of a word",
    severity=Severity.ERROR,
    fix=FixAvailability.SOMETIMES,
)
def autolink_splits_word(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags a link whose visible text is glued to letters outside it, so that it covers
    only part of a word: `an <a href="…">OPPO</a>rtunity` was "an opportunity". Words
    continue across inline tags (`OPPO</a></span><span>rtunity`), but not across spaces,
    `&nbsp;`, punctuation, `<br>`, images or block boundaries.

    Only words in alphabetic scripts (Latin, Greek, Cyrillic) are checked: in Chinese or
    Japanese text a link next to other characters proves nothing. Plain inflections
    (`<a>GPU</a>s`, `<a>iPhone</a>es`) and possessives are not reported.

    ## Why is this bad?
    Keyword auto-linkers wrap brand names wherever the letters occur, even inside other
    words, and re-case them to the brand's spelling. Readers see a broken word
    ("OPPOrtunity"), screen readers announce a link followed by a fragment, and the post
    carries a paid link its author never chose.

    ## Example
    ```html
    <p>Using this as an <a data-link="1" href="https://c.duomai.com/track.php?t=https://oppo.jd.com/">OPPO</a>rtunity</p>
    ```

    Use instead:
    ```html
    <p>Using this as an opportunity</p>
    ```

    ## Fix safety
    The fix removes the link, keeps its text and restores the word's letter case from the
    rest of the word (`OPPO` + `rtunity` becomes `opportunity`; a capital only where the
    word starts a sentence, capitals only in text that is all capitals). It is safe when
    the link carries an auto-linker signature (`data-link="1"`, or an href through an
    affiliate or tracking redirector) and has no `id` or `name`; otherwise it is unsafe,
    since a person may have linked part of a word on purpose. There is no fix when the
    link's end tag also closes an element opened inside it (`<a …><b>OPPO</a>rtunity`):
    without the link the rest of the paragraph would turn bold.
    """
    for tag in doc.start_tags("a"):
        if tag.end_tag is None or not doc.is_prose(tag):
            continue
        link_text = doc.inner_text(tag)
        if not link_text.strip():
            continue
        before, before_boundary = doc.text_before(tag.index)
        after, _ = doc.text_after(tag.end_tag.index)
        left = trailing_letters(before) if is_alphabetic_letter(link_text[0]) else ""
        right = leading_letters(after) if is_alphabetic_letter(link_text[-1]) else ""
        if not left and (not right or right.lower() in INFLECTIONS):
            continue
        signature = autolinker_signature(tag)
        if signature is None and _looks_hand_made(doc, tag, link_text, left, right):
            continue
        word = left + link_text + right
        restored = restore_case(
            link_text,
            left + right,
            sentence_start=not left and starts_sentence(before, before_boundary),
            around=before + " " + after,
        )
        fix = _unwrap(doc, tag, restored, signature) if tag.unwraps_cleanly else None
        yield Finding(
            tag.start,
            tag.end_tag.end,
            f"Link text `{link_text}` covers only part of the word `{word}`",
            fix,
        )


def _looks_hand_made(doc: Document, tag: StartTag, link_text: str, left: str, right: str) -> bool:
    """A missing space next to a hand-made link, not a word cut by an auto-linker.

    Auto-linkers wrap one keyword inside running text. Link text with spaces or a URL,
    or glued letters behind another tag (`</em><a>claims</a>`: a space lost between
    elements), point to a typo rather than a split word whose case can be restored.
    """
    if any(c.isspace() for c in link_text) or _DOMAIN_LIKE.search(link_text):
        return True
    if _CAPITALISED.fullmatch(left) or _CAPITALISED.fullmatch(right):
        return True  # `Encrypt<a>announced</a>`: a name, then a lost space
    assert tag.end_tag is not None
    before = doc.tokens[tag.index - 1] if tag.index > 0 else None
    after_index = tag.end_tag.index + 1
    after = doc.tokens[after_index] if after_index < len(doc.tokens) else None
    return bool(left and not isinstance(before, Text)) or bool(
        right and not isinstance(after, Text)
    )


def _unwrap(doc: Document, tag: StartTag, restored: str | None, signature: str | None) -> Fix:
    assert tag.end_tag is not None
    edits = [Edit.delete(tag.start, tag.end), Edit.delete(tag.end_tag.start, tag.end_tag.end)]
    if restored is not None:
        edits.extend(_recase(doc, tag, restored))
    word = restored if restored is not None else doc.inner_text(tag)
    title = f"Remove the link and keep `{word}`"
    if signature is not None and tag.attr("id") is None and tag.attr("name") is None:
        return Fix.safe(title, *edits)
    return Fix.unsafe(title, *edits)


def _recase(doc: Document, tag: StartTag, restored: str) -> Iterator[Edit]:
    """Edits that give the link's text nodes the restored case, one node at a time."""
    offset = 0
    for token in doc.children(tag):
        if not isinstance(token, Text):
            continue
        raw = doc.raw(token)
        text = unescape(raw)
        new = restored[offset : offset + len(text)]
        offset += len(text)
        if new != text:
            yield Edit(token.start, token.end, escape_text(new))
