"""URL003: links that run script (`javascript:`) or go nowhere (`href=""`, `href="#"`)."""

from __future__ import annotations

from collections.abc import Iterator

from linter.charrefs import decode_value
from linter.config import Settings
from linter.document import Document
from linter.model import Finding, Severity
from linter.registry import rule
from linter.urls import LINK_ATTRIBUTES, browser_url, plain_url, scheme_of

SCRIPT_SCHEMES = frozenset({"javascript", "vbscript"})


@rule("URL003", summary="Link runs script or goes nowhere", severity=Severity.WARNING)
def unsafe_or_empty_href(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags `<a>` and `<area>` links whose `href` is a `javascript:` (or `vbscript:`) URL,
    is empty (`href=""`, only spaces, or a bare `href`), or is a bare `#`. The URL is read
    the way a browser reads it: character references decoded, control characters and
    spaces around it dropped, tabs and line breaks inside it removed, so
    `jav&#x09;ascript:` and ` JAVASCRIPT:` count. Script links are errors. A link to a
    named fragment (`#section`) is fine, and so is an `<a>` without `href`.

    ## Why is this bad?
    A script link does nothing in feed readers, with script turned off, or once the page
    that defined its functions is gone, and it is a classic way to smuggle script into a
    page. An empty `href` reloads the page and `#` jumps to its top: both are links that
    go nowhere, often what is left after an affiliate URL was stripped, and they confuse
    keyboard and screen-reader users.

    ## Example
    ```html
    <a href="javascript:void(0)">Buy</a> or <a href="">here</a> or <a href="#">top</a>
    ```

    Use instead:
    ```html
    <a href="https://example.com/buy">Buy</a> or here or <a href="#top">top</a>
    ```
    """
    for tag in doc.start_tags(*LINK_ATTRIBUTES):
        attribute = tag.attr("href")
        if attribute is None or attribute.raw_value.startswith(("https://", "http://")):
            continue  # most links: a web address, which neither runs script nor is empty
        problem = _problem(attribute.raw_value)
        if problem is None:
            continue
        message, severity = problem
        start, end = (
            (attribute.value_start, attribute.value_end)
            if attribute.value_end > attribute.value_start
            else (attribute.start, attribute.end)
        )
        yield Finding(start, end, f"<{tag.name}> {message}", severity=severity)


def _problem(raw: str) -> tuple[str, Severity | None] | None:
    url = plain_url(raw)
    if url is None:
        url = browser_url(decode_value(raw))
    if not url:
        return "has an empty href: it reloads the page", None
    if url == "#":
        return 'links to "#", which goes nowhere', None
    scheme = scheme_of(url)
    if scheme in SCRIPT_SCHEMES:
        return f"href is a `{scheme}:` URL, which runs script", Severity.ERROR
    return None
