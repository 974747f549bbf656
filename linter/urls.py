"""URL helpers for rules: offline registrable domains, the browser's own URL clean-up, and
the URLs each element names (its `href`, `src`, `srcset` candidates)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, urlsplit

from linter.charrefs import DecodedValue, decode_attribute
from linter.document import Document
from linter.psl import split_host
from linter.tokens import Attribute, StartTag

if TYPE_CHECKING:
    import tldextract

_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# `scheme://host/...` with a plain host and maybe a port: no user info, brackets or escapes.
_SIMPLE_AUTHORITY = re.compile(
    r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?//([A-Za-z0-9.-]+)(?::[0-9]*)?(?=[/?#]|$)"
)


@cache
def _extractor() -> tldextract.TLDExtract:
    import tldextract  # imported on first use: one-file runs that classify no link skip it

    # The bundled Public Suffix List snapshot only: no download, no cache written.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def browser_url(href: str) -> str:
    """The URL as a browser reads an href: outer controls and spaces, tabs and newlines gone."""
    url = href.strip(_C0_OR_SPACE)
    if "\t" in url or "\n" in url or "\r" in url:
        return _TAB_OR_NEWLINE.sub("", url)
    return url


def plain_url(raw: str) -> str | None:
    """`browser_url` of a raw attribute value that holds no `&`, tab or line break, which
    reads as it is spelt; None for any other value (decode it first)."""
    if "&" in raw or "\t" in raw or "\n" in raw or "\r" in raw:
        return None
    return raw.strip(_C0_OR_SPACE)


class PlainHrefs:
    """`(url, host)` of each link's href that reads as it is spelt (`plain_url`), found
    once per document for the rules that all ask (link classification, URL002).

    None for an href that must be decoded first; a link without href reads as `href=""`.
    """

    __slots__ = ("_known",)

    def __init__(self) -> None:
        self._known: dict[int, tuple[str, str] | None] = {}  # by the tag's start

    def get(self, tag: StartTag) -> tuple[str, str] | None:
        known = self._known
        start = tag.start
        if start in known:
            return known[start]
        href = tag.attr("href")
        url = "" if href is None else plain_url(href.raw_value)
        known[start] = found = None if url is None else (url, _host_of_clean(url))
        return found


def plain_hrefs(doc: Document) -> PlainHrefs:
    """The document's PlainHrefs, shared by every rule that asks."""
    return doc.remembered(_new_plain_hrefs)


def _new_plain_hrefs(doc: Document) -> PlainHrefs:
    return PlainHrefs()


def split_url(href: str) -> SplitResult | None:
    """`urlsplit` of the cleaned href, or None when it is not a parseable URL."""
    try:
        return urlsplit(browser_url(href))
    except ValueError:
        return None


def host_of(href: str) -> str:
    """Lower-case host of an absolute (or scheme-relative) URL; "" for relative ones."""
    return _host_of_clean(browser_url(href))


def _host_of_clean(url: str) -> str:
    """`host_of` a URL that `browser_url` has already cleaned."""
    if "//" not in url:
        return ""
    simple = _SIMPLE_AUTHORITY.match(url)
    if simple is not None:  # the common case, without urlsplit's cost
        return simple[1].lower().rstrip(".")
    parts = split_url(url)
    host = (parts.hostname if parts is not None else None) or ""
    return host.rstrip(".")


@lru_cache(maxsize=4096)  # bounded: a site names ever more hosts
def site_name(host: str) -> str:
    """The registrable domain without its public suffix: `www.amazon.co.uk` -> `amazon`."""
    if not host:
        return ""
    split = split_host(host)  # plain host names without importing tldextract
    domain = split[0] if split is not None else str(_extractor()(host).domain)
    return domain or host


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """`c.duomai.com` -> `duomai.com`, `a.b.co.uk` -> `b.co.uk`; the host itself if unknown."""
    if not host:
        return ""
    split = split_host(host)  # plain host names without importing tldextract
    if split is None:
        return _extractor()(host).top_domain_under_public_suffix or host
    domain, suffix = split
    return f"{domain}.{suffix}" if domain and suffix else host


_HTML_SPACE = "\t\n\f\r "


def url_span(text: str) -> tuple[int, int]:
    """The URL inside an attribute value: without the C0 controls and spaces around it."""
    start, end = 0, len(text)
    while start < end and text[start] <= " ":
        start += 1
    while end > start and text[end - 1] <= " ":
        end -= 1
    return start, end


def srcset_spans(text: str) -> list[tuple[int, int]]:
    """The URL of each image candidate in a `srcset` value (descriptors left out)."""
    spans: list[tuple[int, int]] = []
    position, length = 0, len(text)
    while position < length:
        while position < length and text[position] in _HTML_SPACE + ",":
            position += 1
        start = position
        while position < length and text[position] not in _HTML_SPACE:
            position += 1
        end = position
        while end > start and text[end - 1] == ",":
            end -= 1
        if end > start:
            spans.append((start, end))
        if end == position:  # no comma ended the URL: skip its descriptors
            comma = text.find(",", position)
            position = length if comma < 0 else comma + 1
    return spans


def scheme_of(url: str) -> str:
    """Lower-case scheme of an already cleaned URL (`browser_url`), or "" when relative."""
    found = _SCHEME.match(url)
    return found[1].lower() if found else ""


# --- The URLs an element names, in the attributes that hold them ---

LINK_ATTRIBUTES: dict[str, tuple[str, ...]] = {"a": ("href",), "area": ("href",)}
SUBRESOURCE_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "script": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "track": ("src",),
}
URL_ATTRIBUTES = {**LINK_ATTRIBUTES, **SUBRESOURCE_ATTRIBUTES}


@dataclass(frozen=True, slots=True)
class AttributeUrl:
    """One URL in an attribute value: `start:end` in `value.text` (srcset holds several)."""

    tag: StartTag
    attribute: Attribute
    value: DecodedValue
    start: int
    end: int

    @property
    def url(self) -> str:
        return browser_url(self.value.text[self.start : self.end])

    @property
    def source_span(self) -> tuple[int, int]:
        return self.value.source_span(self.start, self.end)


def attribute_urls(
    source: str, tag: StartTag, names: tuple[str, ...], *, hint: Callable[[str], bool] | None = None
) -> Iterator[AttributeUrl]:
    """The non-empty URLs in the tag's `names` attributes (`srcset` split into candidates).

    `hint`, a cheap test on the raw value, skips decoding values that cannot matter.
    """
    for name in names:
        attribute = tag.attr(name)
        if attribute is None or not attribute.raw_value:
            continue
        if hint is not None and not hint(attribute.raw_value):
            continue
        value = decode_attribute(source, attribute.value_start, attribute.value_end)
        spans = srcset_spans(value.text) if name == "srcset" else [url_span(value.text)]
        for start, end in spans:
            if end > start:
                yield AttributeUrl(tag, attribute, value, start, end)
