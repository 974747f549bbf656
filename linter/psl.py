"""The Public Suffix List lookups tldextract makes, for plain host names, without tldextract.

Importing tldextract costs about 0.2 s (it brings `requests` along), which a one-file run
for pre-commit cannot afford. This module reads the same bundled snapshot of the list
(ICANN section; tldextract's default leaves private domains out) and walks the same trie
the same way, for host names of lower-case ASCII letters, digits and hyphens. Anything else
(punycode labels, IP addresses, odd characters) returns None, and linter.urls asks
tldextract. tests/test_psl.py checks the two agree on every rule of the list.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

# The patterns tldextract uses to read the list (tldextract/suffix_list.py).
_RULE = re.compile(r"^(?P<suffix>[.*!]*\w[\S]*)", re.UNICODE | re.MULTILINE)
_PRIVATE_SECTION = "// ===BEGIN PRIVATE DOMAINS==="
_PLAIN_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*")


class _Node:
    __slots__ = ("end", "matches")

    def __init__(self) -> None:
        self.matches: dict[str, _Node] = {}
        self.end = False


def _snapshot() -> str | None:
    spec = importlib.util.find_spec("tldextract")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / ".tld_set_snapshot"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


@cache
def _trie() -> _Node | None:
    text = _snapshot()
    if text is None:
        return None
    root = _Node()
    public = text.partition(_PRIVATE_SECTION)[0]
    for rule in frozenset(m["suffix"] for m in _RULE.finditer(public)):
        node = root
        for label in reversed(rule.split(".")):
            node = node.matches.setdefault(label, _Node())
        node.end = True
    return root


def _suffix_index(root: _Node, labels: list[str]) -> int | None:
    """Where the public suffix starts in `labels` (tldextract's `suffix_index`)."""
    node = root
    suffix_index = label_index = len(labels)
    for label in reversed(labels):
        child = node.matches.get(label)
        if child is not None:
            label_index -= 1
            node = child
            if node.end:
                suffix_index = label_index
            continue
        if "*" in node.matches:
            return label_index if "!" + label in node.matches else label_index - 1
        break
    return None if suffix_index == len(labels) else suffix_index


def split_host(host: str) -> tuple[str, str] | None:
    """(domain, public suffix) as tldextract reads them; None when tldextract must decide.

    `forums.bbc.co.uk` gives `("bbc", "co.uk")`; a host under no listed suffix gives its
    last label and "" (as tldextract does).
    """
    if not _PLAIN_HOST.fullmatch(host) or "xn--" in host or host.rpartition(".")[2].isdigit():
        return None
    root = _trie()
    if root is None:
        return None
    labels = host.split(".")
    index = _suffix_index(root, labels)
    if index is None:
        return labels[-1], ""
    return (labels[index - 1] if index > 0 else ""), ".".join(labels[index:])
