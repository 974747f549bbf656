"""HTM002: `<span>` and `<font>` elements without any attribute."""

from __future__ import annotations

from collections.abc import Iterator

from linter.config import Settings
from linter.document import Document
from linter.model import Edit, Finding, Fix, Severity
from linter.registry import FixAvailability, rule

WRAPPERS = ("span", "font")


@rule(
    "HTM002",
    summary="Wrapper element that does nothing",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
def bare_wrapper(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags `<span>` and `<font>` elements that carry no attribute at all. One whose end
    tag also closes elements left open inside it (`<span><i>a</span>b`) is not reported:
    that end tag ends the italics, so it does something.

    ## Why is this bad?
    Without attributes these elements have no effect: they neither style nor mark up
    anything. Imported posts are full of them once their inline styles are stripped,
    and they make the source harder to read and edit.

    ## Example
    ```html
    <p><span>Text</span></p>
    ```

    Use instead:
    ```html
    <p>Text</p>
    ```

    ## Fix safety
    Safe: the fix removes the start tag and its matching end tag and keeps everything
    between them, so the visible text and the other elements stay as they were.
    """
    for tag in doc.start_tags(*WRAPPERS):
        if tag.has_attributes or tag.self_closing or not tag.unwraps_cleanly:
            continue  # an end tag that closes other elements does something
        edits = [Edit.delete(tag.start, tag.end)]
        if tag.end_tag is not None:
            edits.append(Edit.delete(tag.end_tag.start, tag.end_tag.end))
        yield Finding(
            tag.start,
            tag.end,
            f"<{tag.name}> without attributes does nothing",
            Fix.safe(f"Unwrap the <{tag.name}>", *edits),
        )
