"""A URL's query parameters, located in decoded attribute text, and spans that remove some."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote_plus

_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


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
