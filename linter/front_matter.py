"""Scalar values of YAML or TOML front matter with their exact spans, read line by line.

Not a YAML or TOML parser: enough of both to find `key: value`, `key = "value"`, list items
under a key and one-line flow lists, quoted or not, and to say where each value's text
sits in the file. Anything fancier (block scalars, anchors, multi-line quoted strings) is
skipped rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from linter.markdown import FrontMatter

_LINE = re.compile(r"[^\r\n]*")
_KEY = r"""(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\s"'#\[\]{},&*!|>%@`-][^\r\n]*?|-[^\s\r\n][^\r\n]*?)"""
_YAML_ENTRY = re.compile(
    rf"(?P<indent>[ \t]*)(?P<item>-(?:[ \t]+|$))?(?:(?P<key>{_KEY})[ \t]*:(?=[ \t]|$))?"
    r"[ \t]*(?P<rest>.*)"
)
_TOML_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\r\n]*"|'[^'\r\n]*')"""
_TOML_ENTRY = re.compile(
    rf"[ \t]*(?P<key>{_TOML_PART}(?:[ \t]*\.[ \t]*{_TOML_PART})*)[ \t]*=[ \t]*(?P<rest>.*)"
)
_TOML_LAST_PART = re.compile(rf"{_TOML_PART}[ \t]*$")
_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "b": "\b", "f": "\f"}


@dataclass(frozen=True, slots=True)
class FrontMatterValue:
    """`key` (the innermost key, unquoted) and its scalar `value` at `text[start:end]`."""

    key: str
    value: str
    start: int
    end: int


def front_matter_values(text: str, front: FrontMatter) -> Iterator[FrontMatterValue]:
    lines = _lines(text, front.body_start, front.body_end)
    if front.format == "toml":
        yield from _toml_values(lines)
    else:
        yield from _yaml_values(lines)


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    for match in _LINE.finditer(text, start, end):
        if match.group() or match.start() < end:
            yield match.start(), match.group()


def _yaml_values(lines: Iterator[tuple[int, str]]) -> Iterator[FrontMatterValue]:
    parent: tuple[str, int] | None = None  # the key whose list items follow, and its indent
    for offset, line in lines:
        entry = _YAML_ENTRY.match(line)
        if entry is None or line.lstrip().startswith("#"):
            continue
        indent = len(entry["indent"]) + (
            len(entry["item"]) if entry["key"] and entry["item"] else 0
        )
        rest, at = entry["rest"], offset + entry.start("rest")
        if entry["key"] is not None:
            key = _unquote_key(entry["key"])
            if not rest or rest.startswith("#"):
                parent = (key, indent)
                continue
            if parent is not None and indent <= parent[1]:
                parent = None
            yield from _scalars(key, rest, at)
        elif entry["item"] and parent is not None and len(entry["indent"]) >= parent[1]:
            yield from _scalars(parent[0], rest, at)


def _toml_values(lines: Iterator[tuple[int, str]]) -> Iterator[FrontMatterValue]:
    open_array: str | None = None
    for offset, line in lines:
        stripped = line.strip()
        if open_array is not None:
            if stripped.startswith("]"):
                open_array = None
            elif stripped[:1] in ("'", '"'):
                start = offset + len(line) - len(line.lstrip())
                yield from _scalars(open_array, stripped.rstrip(","), start)
            continue
        entry = _TOML_ENTRY.match(line)
        if entry is None:
            continue
        last = _TOML_LAST_PART.search(entry["key"])
        key = _unquote_key(last.group().strip() if last else entry["key"])
        rest = entry["rest"]
        if rest.startswith("[") and "]" not in rest:
            open_array = key
        yield from _scalars(key, rest, offset + entry.start("rest"))


def _unquote_key(key: str) -> str:
    key = key.strip()
    return key[1:-1] if len(key) >= 2 and key[0] == key[-1] and key[0] in "'\"" else key


def _scalars(key: str, rest: str, at: int) -> Iterator[FrontMatterValue]:
    """The scalar at the start of `rest` (found at offset `at`), or each item of a flow list."""
    if rest.startswith("["):
        position = 1
        while position < len(rest) and rest[position] != "]":
            if rest[position] in " \t,":
                position += 1
                continue
            found = _scalar(rest, position, ",]")
            if found is None:
                return
            value, start, end, position = found
            yield FrontMatterValue(key, value, at + start, at + end)
        return
    found = _scalar(rest, 0, "")
    if found is not None:
        value, start, end, _ = found
        yield FrontMatterValue(key, value, at + start, at + end)


def _scalar(rest: str, position: int, stops: str) -> tuple[str, int, int, int] | None:
    """(value, start, end, next position) of the scalar at `position`, or None."""
    first = rest[position : position + 1]
    if first == '"':
        end = _closing_double_quote(rest, position + 1)
        if end < 0:
            return None
        raw = rest[position + 1 : end]
        return _ESCAPE.sub(_unescape, raw), position + 1, end, end + 1
    if first == "'":
        end = position + 1
        while True:
            end = rest.find("'", end)
            if end < 0:
                return None
            if rest.startswith("''", end):
                end += 2
                continue
            return rest[position + 1 : end].replace("''", "'"), position + 1, end, end + 1
    if not first or first in "|>&*!{%@`":
        return None
    end = position
    while end < len(rest) and rest[end] not in stops and not rest.startswith(" #", end):
        end += 1
    stop = end
    while end > position and rest[end - 1] in " \t":
        end -= 1
    return rest[position:end], position, end, stop


def _closing_double_quote(text: str, position: int) -> int:
    while position < len(text):
        if text[position] == "\\":
            position += 2
            continue
        if text[position] == '"':
            return position
        position += 1
    return -1


def _unescape(match: re.Match[str]) -> str:
    code = match[1] or match[2] or match[3]
    if code:
        return chr(min(int(code, 16), 0x10FFFF))
    return _SIMPLE_ESCAPES.get(match[4], match[4])
