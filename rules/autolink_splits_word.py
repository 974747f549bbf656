"""AFF001: a link that covers only part of a word, as keyword auto-linkers make them."""

from __future__ import annotations

from collections.abc import Iterator

from linter.affiliate import links
from linter.config import Settings
from linter.document import Document
from linter.model import Finding, Severity
from linter.registry import FixAvailability, rule
from linter.signatures import autolinker_signature
from linter.wordsplit import unwrap, word_split


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
        split = word_split(doc, tag)
        if split is None:
            continue
        assert tag.end_tag is not None
        signature = autolinker_signature(tag, links(doc, settings))
        yield Finding(
            tag.start,
            tag.end_tag.end,
            f"Link text `{split.link_text}` covers only part of the word `{split.word}`",
            unwrap(doc, tag, split, safe=signature is not None),
        )
