"""Attribute values decoded as browsers decode them, each character mapped back to the source."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.entities import html5

_CHARREF = re.compile(r"&(?:#[xX]([0-9A-Fa-f]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*;?))")
_WINDOWS_1252 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


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
    return DecodedValue(decode_value(source[start:end]), source, start, end)


def decode_value(raw: str) -> str:
    """A raw attribute value as browsers read it.

    Unlike `html.unescape`, a legacy reference without `;` stays literal when `=`, a letter
    or a digit follows, as the HTML standard says for attributes: `?a=1&currency=USD`
    keeps `&curren`.
    """
    if "&" not in raw:
        return raw
    if raw.count("&") == raw.count("&amp;"):
        return raw.replace("&amp;", "&")
    return _CHARREF.sub(lambda m: _character_reference(m, raw) or m.group(), raw)


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
