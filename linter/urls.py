"""URL helpers for rules: offline registrable domains and the browser's own URL clean-up."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from html.entities import html5
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, unquote_plus, urlsplit

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


def split_url(href: str) -> SplitResult | None:
    """`urlsplit` of the cleaned href, or None when it is not a parseable URL."""
    try:
        return urlsplit(browser_url(href))
    except ValueError:
        return None


def host_of(href: str) -> str:
    """Lower-case host of an absolute (or scheme-relative) URL; "" for relative ones."""
    url = browser_url(href)
    if "//" not in url:
        return ""
    simple = _SIMPLE_AUTHORITY.match(url)
    if simple is not None:  # the common case, without urlsplit's cost
        return simple[1].lower().rstrip(".")
    parts = split_url(url)
    if parts is None:
        return ""
    try:
        host = parts.hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".")


@cache
def site_name(host: str) -> str:
    """The registrable domain without its public suffix: `www.amazon.co.uk` -> `amazon`."""
    if not host:
        return ""
    return str(_extractor()(host).domain) or host


@cache
def registrable_domain(host: str) -> str:
    """`c.duomai.com` -> `duomai.com`, `a.b.co.uk` -> `b.co.uk`; the host itself if unknown."""
    if not host:
        return ""
    extracted = _extractor()(host)
    return extracted.top_domain_under_public_suffix or host


# --- Attribute values as browsers decode them, each character mapped back to the source ---

_CHARREF = re.compile(r"&(?:#[xX]([0-9A-Fa-f]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*;?))")
_WINDOWS_1252 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_HTML_SPACE = "\t\n\f\r "


class DecodedValue:
    """An attribute value with character references decoded as a browser does in attributes.

    `offsets[i]` is the source offset of character `i` of `text`; `offsets[len(text)]` is the
    end of the raw value. A span of `text` maps back to the raw bytes that spell it, so a fix
    can delete or insert exactly there and leave every other byte (and entity) as it was.
    The offsets are worked out on first use: most values are only read.
    """

    __slots__ = ("_end", "_offsets", "_source", "_start", "text")

    def __init__(self, text: str, source: str, start: int, end: int) -> None:
        self.text = text
        self._source, self._start, self._end = source, start, end
        self._offsets: Sequence[int] | None = None

    @property
    def offsets(self) -> Sequence[int]:
        if self._offsets is None:
            self._offsets = _offsets(self._source, self._start, self._end)
        return self._offsets

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        offsets = self.offsets
        return offsets[start], offsets[end]


def decode_attribute(source: str, start: int, end: int) -> DecodedValue:
    """Decode the raw attribute value `source[start:end]`."""
    raw = source[start:end]
    if "&" not in raw:
        text = raw
    elif raw.count("&") == raw.count("&amp;"):
        text = raw.replace("&amp;", "&")
    else:
        text = _CHARREF.sub(lambda m: _character_reference(m, raw) or m.group(), raw)
    return DecodedValue(text, source, start, end)


def _offsets(source: str, start: int, end: int) -> Sequence[int]:
    raw = source[start:end]
    if "&" not in raw:
        return range(start, end + 1)
    offsets: list[int] = []
    last = 0
    for match in _CHARREF.finditer(raw):
        decoded = _character_reference(match, raw)
        if decoded is None:
            continue
        offsets.extend(range(start + last, start + match.start()))
        offsets.extend([start + match.start()] * len(decoded))
        last = match.end()
    offsets.extend(range(start + last, end + 1))
    return offsets


def _character_reference(match: re.Match[str], raw: str) -> str | None:
    hexadecimal, decimal, name = match.groups()
    if name is None:
        digits = hexadecimal or decimal
        if len(digits.lstrip("0")) > 8:
            return "\ufffd"
        return _code_point(int(digits, 16 if hexadecimal else 10))
    if name.endswith(";"):
        return html5.get(name)
    # A legacy reference without `;` stays literal in an attribute when `=` follows
    # (`?a=1&copy=2`), as it does when letters or digits follow (the name ran on).
    following = raw[match.end() : match.end() + 1]
    if name not in html5 or following == "=":
        return None
    return html5[name]


def _code_point(value: int) -> str:
    if value == 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return "\ufffd"
    return _WINDOWS_1252.get(value, chr(value))


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


# --- Query parameters, located in the decoded attribute text ---


@dataclass(frozen=True, slots=True)
class QueryParameter:
    """One `name=value` of a URL's query: `start:end` in the text the URL was read from."""

    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Query:
    """The query of a URL: `start` is its `?`, `end` where the fragment or the URL ends."""

    start: int
    end: int
    parameters: tuple[QueryParameter, ...]


def find_query(text: str, start: int = 0, end: int | None = None) -> Query | None:
    """The query of the URL in `text[start:end]` (fragments ignored), or None."""
    end = len(text) if end is None else end
    question = text.find("?", start, end)
    if question < 0:
        return None
    hash_mark = text.find("#", start, end)
    if 0 <= hash_mark < question:
        return None
    query_end = end if hash_mark < 0 else hash_mark
    parameters: list[QueryParameter] = []
    position = question + 1
    while position <= query_end:
        amp = text.find("&", position, query_end)
        stop = query_end if amp < 0 else amp
        raw_name = text[position:stop].partition("=")[0]
        parameters.append(QueryParameter(_parameter_name(raw_name), position, stop))
        position = stop + 1
    return Query(question, query_end, tuple(parameters))


def _parameter_name(raw: str) -> str:
    """The name as the server reads it, except that `amp;` left by escaping `&amp;` twice
    (`?a=1&amp;amp;utm_source=x`) is dropped: the name was meant without it."""
    name = unquote_plus(_TAB_OR_NEWLINE.sub("", raw))
    while name[:4].lower() == "amp;":
        name = name[4:]
    return name


def removal_spans(query: Query, remove: Callable[[QueryParameter], bool]) -> list[tuple[int, int]]:
    """Spans to delete so that the parameters `remove` picks are gone with their separators.

    Every other parameter keeps its place, spelling and separator; empty pieces (`&&`) go
    with the removed ones; when nothing is left, the `?` goes too.
    """
    chosen = [remove(p) for p in query.parameters]
    if not any(chosen):
        return []
    parameters = query.parameters
    doomed = [drop or p.start == p.end for drop, p in zip(chosen, parameters, strict=True)]
    if all(doomed):
        return [(query.start, query.end)]
    first_kept = doomed.index(False)
    spans: list[tuple[int, int]] = []
    for index, parameter in enumerate(parameters):
        if not doomed[index]:
            continue
        if index < first_kept:  # the parameter and the separator after it
            spans.append((parameter.start, parameters[index + 1].start))
        else:  # the separator before it and the parameter
            spans.append((parameters[index - 1].end, parameter.end))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
