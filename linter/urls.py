"""URL helpers for rules: offline registrable domains and the browser's own URL clean-up."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, urlsplit

if TYPE_CHECKING:
    import tldextract

_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


@cache
def _extractor() -> tldextract.TLDExtract:
    import tldextract  # imported on first use: one-file runs that classify no link skip it

    # The bundled Public Suffix List snapshot only: no download, no cache written.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def browser_url(href: str) -> str:
    """The URL as a browser reads an href: outer controls and spaces, tabs and newlines gone."""
    return _TAB_OR_NEWLINE.sub("", href.strip(_C0_OR_SPACE))


def split_url(href: str) -> SplitResult | None:
    """`urlsplit` of the cleaned href, or None when it is not a parseable URL."""
    try:
        return urlsplit(browser_url(href))
    except ValueError:
        return None


def host_of(href: str) -> str:
    """Lower-case host of an absolute (or scheme-relative) URL; "" for relative ones."""
    parts = split_url(href)
    if parts is None:
        return ""
    try:
        host = parts.hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".")


@cache
def registrable_domain(host: str) -> str:
    """`c.duomai.com` -> `duomai.com`, `a.b.co.uk` -> `b.co.uk`; the host itself if unknown."""
    if not host:
        return ""
    extracted = _extractor()(host)
    return extracted.top_domain_under_public_suffix or host
