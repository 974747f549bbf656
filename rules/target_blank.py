"""LNK001: a link that opens a new tab and lets that page reach back through `window.opener`."""

from __future__ import annotations

from collections.abc import Iterator

from linter.affiliate import links
from linter.config import Settings
from linter.document import Document
from linter.model import Finding, Fix, Severity
from linter.registry import FixAvailability, rule
from linter.rel import missing_rel_tokens, needs_noopener, rel_edit


@rule(
    "LNK001",
    summary='Link opens a new tab without rel="noopener"',
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
def target_blank_without_noopener(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags `<a>` and `<area>` links with `target="_blank"` (in any letter case) whose `rel`
    holds neither `noopener` nor `noreferrer` (which implies it). A link that says
    `rel="opener"` asked for the opener on purpose and is left alone, and so is an `<a>`
    without `href`, which navigates nowhere.

    ## Why is this bad?
    The page opened in the new tab gets `window.opener` and can send the original tab
    somewhere else, for example to a look-alike login page ("reverse tabnabbing").
    Current browsers imply `noopener` for `_blank`, but older ones, in-app browsers and
    feed readers do not. Links copied from affiliate widgets carry `target="_blank"`
    almost always.

    ## Example
    ```html
    <a href="https://example.com/" target="_blank" rel="nofollow">shop</a>
    ```

    Use instead:
    ```html
    <a href="https://example.com/" target="_blank" rel="nofollow noopener">shop</a>
    ```

    ## Fix safety
    Safe: the fix adds the token `noopener` to `rel` (or adds `rel="noopener"`), keeping
    the other tokens, their order and the attribute's place and quotes. The link still
    opens in a new tab; only the new page's access to this one goes. When other rules
    want tokens in the same `rel` (`sponsored` for affiliate links), one edit adds them
    all.
    """
    for tag in doc.start_tags("a", "area"):
        if not needs_noopener(tag):
            continue
        target = tag.attr("target")
        assert target is not None
        tokens = missing_rel_tokens(tag, settings, links(doc, settings)) or ["noopener"]
        added = " ".join(tokens)
        shown = doc.masked[target.start : target.end]
        yield Finding(
            target.start,
            target.end,
            f'Link with `{shown}` lacks rel="noopener"',
            Fix.safe(f"Add `{added}` to rel", rel_edit(doc, tag, tokens)),
        )
