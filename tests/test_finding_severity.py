"""A finding may raise (or lower) its rule's default severity; the engine keeps it."""

from __future__ import annotations

from collections.abc import Iterator

from linter.config import Settings
from linter.document import Document
from linter.model import Finding, Severity
from linter.registry import rule
from tests.helpers import diagnostics


@rule("PH999", summary="Test rule", severity=Severity.WARNING)
def marks_every_bold(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Reports `<b>`; `<b class=bad>` as an error.

    ## Why is this bad?
    It is a test.

    ## Example
    ```html
    <b>x</b>
    ```
    Use instead:
    ```html
    <i>x</i>
    ```
    """
    for tag in doc.start_tags("b"):
        bad = tag.get("class") == "bad"
        yield Finding(tag.start, tag.end, "bold", severity=Severity.ERROR if bad else None)


def test_findings_without_severity_get_the_rules_default() -> None:
    found = diagnostics(marks_every_bold, "<b>x</b> <b class=bad>y</b>")
    assert [d.severity for d in found] == [Severity.WARNING, Severity.ERROR]
