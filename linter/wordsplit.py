"""Links that cover part of a word, and the one way every rule removes a link.

AFF001 reports a split word; AFF004 and AFF005 remove auto-inserted or foreign links.
All of them unwrap through `unwrap_fix`, so a link that splits a word always leaves the
word behind in its own case ("opportunity", never "OPPOrtunity"), whichever rule acts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

from linter.document import Document, escape_text, transparent
from linter.model import Edit, Fix
from linter.signatures import inserted_mark
from linter.tokens import StartTag
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


@dataclass(frozen=True, slots=True)
class WordSplit:
    """A link whose text is glued to letters outside it."""

    link_text: str
    word: str
    # The link's part of the word in the word's own case; None when it cannot be told.
    restored: str | None


def word_split(doc: Document, tag: StartTag) -> WordSplit | None:
    """How this `<a>` splits a word, or None when its text stands on its own.

    Unless an auto-linker marked the link as its own, a missing space next to a link a
    person made is not taken for a split word (see `_looks_hand_made`).
    """
    if tag.end_tag is None:
        return None
    # Cheapest first: a letter may lie just outside the link (most links stand between
    # spaces or punctuation), then a letter at that end of the link text.
    may_precede = _letter_may_precede(doc, tag.index)
    may_follow = _letter_may_follow(doc, tag.end_tag.index)
    if not (may_precede or may_follow):
        return None
    link_text = doc.inner_text(tag)
    if not link_text.strip():
        return None
    starts_with_letter = is_alphabetic_letter(link_text[0])
    ends_with_letter = is_alphabetic_letter(link_text[-1])
    if not (
        (starts_with_letter and may_precede) or (ends_with_letter and may_follow)
    ) or not doc.is_prose(tag):
        return None
    before, before_boundary = doc.text_before(tag.index)
    after, _ = doc.text_after(tag.end_tag.index)
    left = trailing_letters(before) if starts_with_letter else ""
    right = leading_letters(after) if ends_with_letter else ""
    if not left and (not right or right.lower() in INFLECTIONS):
        return None
    if inserted_mark(tag) is None and _looks_hand_made(doc, tag, link_text, left, right):
        return None
    restored = restore_case(
        link_text,
        left + right,
        sentence_start=not left and starts_sentence(before, before_boundary),
        around=before + " " + after,
    )
    return WordSplit(link_text, left + link_text + right, restored)


def _letter_may_precede(doc: Document, index: int) -> bool:
    """False when the visible text before token `index` surely ends in no letter.

    One raw character tells, unless it could end a character reference (`;`, an ASCII
    letter or digit) or an inline tag or comment lies in between.
    """
    start, end = doc.text_span_before(index)
    if start == end:
        return index > 0 and transparent(doc.tokens[index - 1])
    char = doc.masked[end - 1]
    return char == ";" or (char.isascii() and char.isalnum()) or is_alphabetic_letter(char)


def _letter_may_follow(doc: Document, index: int) -> bool:
    """False when the visible text after token `index` surely starts with no letter."""
    start, end = doc.text_span_before(index + 1)
    if start == end:
        return index + 1 < len(doc.tokens) and transparent(doc.tokens[index + 1])
    char = doc.masked[start]
    return char == "&" or is_alphabetic_letter(char)


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
    text_before = doc.text_span_before(tag.index)
    text_after = doc.text_span_before(tag.end_tag.index + 1)
    return bool(left and text_before[0] == text_before[1]) or bool(
        right and text_after[0] == text_after[1]
    )


def unwrap_fix(doc: Document, tag: StartTag, *, safe: bool) -> Fix | None:
    """Remove the link and keep its text, in the word's case when it splits a word.

    Never safe for a link with an `id` or `name`: something may point at it.
    """
    if tag.end_tag is None:
        return None
    return unwrap(doc, tag, word_split(doc, tag), safe=safe)


def unwrap(doc: Document, tag: StartTag, split: WordSplit | None, *, safe: bool) -> Fix | None:
    """None when removing the tags would change other elements: the link's end tag also
    closes an element opened inside it (`<a …><b>OPPO</a>rtunity`), or its start tag
    closed a link left open before it."""
    assert tag.end_tag is not None
    if not tag.unwraps_cleanly:
        return None
    edits = [Edit.delete(tag.start, tag.end), Edit.delete(tag.end_tag.start, tag.end_tag.end)]
    restored = None if split is None else split.restored
    if restored is not None:
        edits.extend(_recase(doc, tag, restored))
    kept = restored if restored is not None else doc.inner_text(tag)
    title = f"Remove the link and keep `{kept}`"
    if safe and tag.attr("id") is None and tag.attr("name") is None:
        return Fix.safe(title, *edits)
    return Fix.unsafe(title, *edits)


def _recase(doc: Document, tag: StartTag, restored: str) -> Iterator[Edit]:
    """Edits that give the link's text nodes the restored case, one node at a time."""
    offset = 0
    for start, end in doc.text_spans(tag):
        text = unescape(doc.masked[start:end])
        new = restored[offset : offset + len(text)]
        offset += len(text)
        if new != text:
            yield Edit(start, end, escape_text(new))
