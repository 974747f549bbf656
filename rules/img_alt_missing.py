"""IMG001: images without an `alt` attribute."""

from __future__ import annotations

from collections.abc import Iterator

from linter.config import Settings
from linter.document import Document
from linter.model import Finding, Severity
from linter.registry import rule
from linter.tokens import StartTag


def is_hidden(tag: StartTag) -> bool:
    """Whether assistive technology is told to skip the image."""
    role = (tag.get("role") or "").strip().lower()
    hidden = (tag.get("aria-hidden") or "").strip().lower()
    return hidden == "true" or role in ("presentation", "none")


@rule("IMG001", summary="Image without alt text", severity=Severity.WARNING)
def img_alt_missing(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags `<img>` elements that have no `alt` attribute, unless they are hidden from
    assistive technology (`aria-hidden="true"`, `role="presentation"` or `role="none"`).

    ## Why is this bad?
    Screen readers announce an image without `alt` by its file name or URL, and search
    engines have nothing to index. WCAG 2 (success criterion 1.1.1) asks for a text
    alternative on every image; a decorative image takes an empty `alt=""`.

    ## Example
    ```html
    <img src="/images/pancakes.jpg">
    ```

    Use instead:
    ```html
    <img src="/images/pancakes.jpg" alt="A stack of pancakes with blueberries">
    ```

    No fix is offered: only a person can say what an image shows.
    """
    for tag in doc.start_tags("img"):
        if tag.attr("alt") is not None or is_hidden(tag):
            continue
        source = tag.get("src") or ""
        shown = f" ({source[:60]})" if source else ""
        yield Finding(tag.start, tag.end, f"Image has no alt text{shown}")
