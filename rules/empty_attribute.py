"""HTM001: attributes that say nothing (`<span style>`, `class=""`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.config import Settings
from linter.document import Document
from linter.model import Edit, Finding, Fix, Severity
from linter.registry import FixAvailability, rule
from linter.urls import URL_ATTRIBUTES

CHECKED = frozenset({"style", "class", "id", "title", "lang", "dir"})
_WHITESPACE = "\t\n\f\r "
# A pre-check on a tag's raw attribute text: one of CHECKED (any case) as a whole
# attribute name, bare or with an empty or blank quoted value, or `=` and nothing. No
# match means no finding: a tag that fails it need not have its attributes parsed.
_MAY_BE_EMPTY = re.compile(
    rf"""(?<![^\t\n\f\r /"'])(?:{"|".join(sorted(CHECKED))})(?![^\t\n\f\r />=])
    [\t\n\f\r ]*+(?:(?!=)|=[\t\n\f\r ]*+(?:"[\t\n\f\r ]*+"|'[\t\n\f\r ]*+'|$))""",
    re.IGNORECASE | re.VERBOSE,
)


@rule(
    "HTM001",
    summary="Attribute with no value",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
def empty_attribute(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags `style`, `class`, `id`, `title`, `lang` and `dir` attributes that have no value
    or only white space, such as `<span style>` or `class=""`.

    ## Why is this bad?
    They do nothing. Feed importers and editors leave them behind when they strip the
    original styling, and they keep wrapper elements alive that could otherwise go.
    `alt=""` is never reported: on an image it means "decorative".

    ## Example
    ```html
    <p><span style>Text</span> and <b class="">bold</b></p>
    ```

    Use instead:
    ```html
    <p><span>Text</span> and <b>bold</b></p>
    ```

    ## Fix safety
    Safe: an empty `style`, `class`, `id`, `title`, `lang` or `dir` has no effect on
    rendering or meaning, so removing it (with the white space before it) changes nothing
    a reader sees.
    """
    may_be_empty = _MAY_BE_EMPTY.search
    for tag in doc.start_tags():
        if tag.attrs_start == tag.attrs_end:
            continue
        # Other rules parse the attributes of link and image tags anyway; for the rest
        # (most of a post's tags) the raw text says whether parsing could find anything.
        if tag.name not in URL_ATTRIBUTES and not may_be_empty(
            doc.masked, tag.attrs_start, tag.attrs_end
        ):
            continue
        for attribute in tag.attributes:
            if attribute.name not in CHECKED or attribute.raw_value.strip(_WHITESPACE):
                continue
            start = attribute.start
            # Take the white space before it too, unless the next attribute follows with
            # none of its own (`<p style=""title=x>`): that space must stay between them.
            if doc.masked[attribute.end] in _WHITESPACE + "/>":
                while start > tag.attrs_start and doc.masked[start - 1] in _WHITESPACE:
                    start -= 1
            shown = doc.masked[attribute.start : attribute.end]
            yield Finding(
                attribute.start,
                attribute.end,
                f"Attribute `{shown}` on <{tag.name}> has no value",
                Fix.safe(f"Remove `{shown}`", Edit.delete(start, attribute.end)),
            )
