"""Reading a link's query and path: the affiliate id it pays and the destination it hides."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, unquote, unquote_plus

from linter.urls import split_url

if TYPE_CHECKING:
    from linter.networks import Network

Pairs = list[tuple[str, str, str]]


def query_pairs(query: str) -> Pairs:
    """`(lower-cased decoded name, raw value, raw piece)` for each `name=value` of a query."""
    pairs = []
    for piece in query.split("&"):
        name, _, value = piece.partition("=")
        pairs.append((unquote_plus(name).lower(), value, piece))
    return pairs


def affiliate_id(network: Network, parts: SplitResult, pairs: Pairs) -> str | None:
    for wanted in network.id_params:
        for name, value, _ in pairs:
            if name == wanted and value.strip():
                return unquote_plus(value).strip()
    if network.id_path is not None:
        found = network.id_path.search(parts.path)
        if found:
            return unquote(found["id"])
    return None


def destination(network: Network, parts: SplitResult, pairs: Pairs) -> str | None:
    found = next(_destinations(network, parts, pairs), None)
    if found is None:
        return None
    if parts.fragment and "#" not in found:
        found += "#" + parts.fragment  # browsers carry the fragment over a redirect
    return found


def _destinations(network: Network, parts: SplitResult, pairs: Pairs) -> Iterator[str]:
    for wanted in network.destination_params:
        for index, (name, raw, _) in enumerate(pairs):
            if name != wanted:
                continue
            value: str | None = raw
            if "?" in raw and index < len(pairs) - 1:
                value = _spilled(raw, pairs[index + 1 :], network.wrapper_params)
            url = None if value is None else real_url(unquote(value))
            if url is not None:
                yield url
    if network.destination_path is not None:
        found = network.destination_path.search(parts.path)
        if found:
            yield from _path_destination(found["dest"], parts.query)


def _spilled(raw: str, rest: Pairs, wrapper_params: frozenset[str]) -> str | None:
    """An unencoded destination with the parameters that spilled out of it, if that is clear.

    `url=https://shop.example/p?a=1&b=2&xcust=9`: `b=2` belongs to the shop URL when the
    redirect's own parameters (`xcust`) come only after it; otherwise nobody can tell.
    """
    names = [name for name, _, _ in rest]
    cut = next((i for i, name in enumerate(names) if name in wrapper_params), len(names))
    if not wrapper_params or any(name not in wrapper_params for name in names[cut:]):
        return None
    return "&".join([raw, *(piece for _, _, piece in rest[:cut])])


def _path_destination(raw: str, query: str) -> Iterator[str]:
    if raw[:10].lower().startswith(("http%3a", "https%3a")):
        url = real_url(unquote(raw))  # encoded: the query belongs to the redirect
    else:
        url = real_url(raw + ("?" + query if query else ""))
    if url is not None:
        yield url


_UNSAFE = re.compile(r"[\x00-\x20\x7f]")


def real_url(candidate: str) -> str | None:
    """`candidate` when it is an absolute http(s) URL with a real host, else None."""
    if _UNSAFE.search(candidate):
        return None
    parts = split_url(candidate)
    if parts is None or parts.scheme.lower() not in ("http", "https"):
        return None
    try:
        host, user = parts.hostname, parts.username
    except ValueError:
        return None
    if not host or "." not in host.strip(".") or user is not None:
        return None
    return candidate
