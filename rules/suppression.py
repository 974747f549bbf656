"""PH001-PH003: suppression comments that do nothing, name unknown rules, or are misspelt."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.config import Settings
from linter.document import Document
from linter.model import Finding, Severity
from linter.registry import FixAvailability, all_rules, rule
from linter.suppress import Kind, parse

_CODE = re.compile(r"[^\t\n\f\r ,]+")


@rule(
    "PH001",
    summary="Suppression comment that suppresses nothing",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
def unused_suppression(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags a `posthygiene-disable`, `posthygiene-disable-next-line` or
    `posthygiene-disable-file` comment, or one code in it, that silenced no finding in this
    run, and a `posthygiene-enable` with no disable to end.

    The engine reports this rule (see `linter/suppress.py`), since only it knows which
    findings a comment silenced; the function here has nothing to check. Codes of rules
    that did not run (not selected, or turned off by `per-file-ignores`) are not judged.
    This rule's own findings cannot be silenced by comments: ignore `PH001` in the
    configuration instead.

    ## Why is this bad?
    A stale suppression hides the next real problem at that spot, and tells readers of the
    source that something there needs excusing when nothing does.

    ## Example
    ```html
    <!-- posthygiene-disable-next-line -->
    <p>Nothing here needs excusing.</p>
    ```

    Use instead:
    ```html
    <p>Nothing here needs excusing.</p>
    ```

    ## Fix safety
    Safe: the fix deletes the comment (with its line when it stands alone, and the matching
    `posthygiene-enable` when that ends nothing else), or only the unused codes in it.
    HTML comments are never shown to readers.
    """
    yield from ()


@rule(
    "PH002",
    summary="Suppression comment names an unknown rule",
    severity=Severity.WARNING,
)
def unknown_rule_in_suppression(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags a code in a suppression comment that is not the code of any rule, such as a typo
    (`HMT001`) or a prefix (`HTM`).

    ## Why is this bad?
    The comment silences nothing it names, so the finding it was meant for still shows up,
    or the comment outlives a rule that no longer exists.

    ## Example
    ```html
    <!-- posthygiene-disable-next-line HMT001 -->
    <p><span style>Legacy markup.</span></p>
    ```

    Use instead:
    ```html
    <!-- posthygiene-disable-next-line HTM001 -->
    <p><span style>Legacy markup.</span></p>
    ```
    """
    known = all_rules()
    directives, _ = parse(doc)
    for directive in directives:
        for match in _CODE.finditer(doc.masked, directive.codes_start, directive.codes_end):
            code = match.group().upper()
            if code not in known:
                yield Finding(
                    match.start(),
                    match.end(),
                    f"Unknown rule code `{match.group()}` in `{directive.label}`",
                )


@rule(
    "PH003",
    summary="Comment looks like a suppression but is not one",
    severity=Severity.WARNING,
)
def invalid_suppression_comment(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags an HTML comment that starts with `posthygiene-` but names no directive, such as
    `<!-- posthygiene-disbale HTM001 -->` or `<!-- posthygiene-ignore -->`.

    ## Why is this bad?
    The comment was meant to silence something and silences nothing; the mistake is easy
    to miss because comments are invisible in the rendered post.

    ## Example
    ```html
    <!-- posthygiene-ignore HTM001 -->
    <p><span style>Legacy markup.</span></p>
    ```

    Use instead:
    ```html
    <!-- posthygiene-disable-next-line HTM001 -->
    <p><span style>Legacy markup.</span></p>
    ```
    """
    kinds = ", ".join(f"`posthygiene-{kind}`" for kind in Kind)
    _, malformed = parse(doc)
    for comment in malformed:
        yield Finding(
            comment.start,
            comment.end,
            f"`posthygiene-{comment.kind}` is not a directive (use one of {kinds})",
        )
