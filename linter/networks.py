"""The affiliate-network registry (linter/data/networks.toml) and the classification of links.

`classify_url(href)` says which network a link goes through, whose affiliate id it carries
and where it really leads; `link_info(tag, settings)` does the same for an `<a>` with the
user's extra networks from `[tool.posthygiene.affiliate]` (see linter/affiliate.py).
"""

from __future__ import annotations

import enum
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from html import unescape
from importlib import resources
from urllib.parse import SplitResult

from linter.redirects import affiliate_id, destination, query_pairs
from linter.urls import browser_url, host_of, plain_url, registrable_domain, split_url


class Kind(enum.StrEnum):
    AFFILIATE_REDIRECT = "affiliate-redirect"
    AFFILIATE_PARAM = "affiliate-param"
    AFFILIATE_SHORTENER = "affiliate-shortener"
    TRACKING_REDIRECT = "tracking-redirect"
    SHORTENER = "shortener"

    @property
    def affiliate(self) -> bool:
        return self.value.startswith("affiliate-")

    @property
    def redirect(self) -> bool:
        """Affiliate links and tracking redirects: a link a person rarely types by hand."""
        return self is not Kind.SHORTENER


@dataclass(frozen=True, slots=True)
class HostRule:
    """Which hosts (and, optionally, paths) belong to a network."""

    hosts: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    host_prefixes: tuple[str, ...] = ()
    paths: tuple[re.Pattern[str], ...] = ()

    def path_matches(self, path: str) -> bool:
        return not self.paths or any(p.match(path) for p in self.paths)


@dataclass(frozen=True, slots=True)
class Network:
    key: str
    name: str
    kind: Kind
    rules: tuple[HostRule, ...]
    program: str = ""
    id_params: tuple[str, ...] = ()
    id_path: re.Pattern[str] | None = None
    destination_params: tuple[str, ...] = ()
    destination_path: re.Pattern[str] | None = None
    wrapper_params: frozenset[str] = frozenset()
    sources: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LinkInfo:
    """What a link is: its network, the id it pays, and the real destination when known."""

    network: Network
    affiliate_id: str | None = None
    destination: str | None = None

    @property
    def is_affiliate(self) -> bool:
        return self.network.kind.affiliate


# ------------------------------------------------------------------ loading the data file

_NETWORK_KEYS = frozenset(
    {
        "key",
        "name",
        "program",
        "kind",
        "match",
        "id-params",
        "id-path",
        "destination-params",
        "destination-path",
        "wrapper-params",
        "sources",
    }
)
_RULE_KEYS = frozenset({"hosts", "domains", "brands", "host-prefixes", "paths"})
_SOURCE_KEYS = frozenset({"match", "id", "destination"})
KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")


@cache
def builtin_networks() -> tuple[Network, ...]:
    """The networks shipped in linter/data/networks.toml, validated, in file order."""
    text = resources.files("linter").joinpath("data/networks.toml").read_text(encoding="utf-8")
    return load_networks(text)


def load_networks(text: str) -> tuple[Network, ...]:
    """Networks from the text of a registry file; ValueError names what is wrong."""
    tables = tomllib.loads(text).get("network")
    if not isinstance(tables, list):
        raise ValueError("networks.toml: no [[network]] tables")
    networks = tuple(network_from_table(table) for table in tables)
    keys = [network.key for network in networks]
    if len(keys) != len(set(keys)):
        raise ValueError("networks.toml: duplicate network key")
    return networks


def _strings(table: Mapping[str, object], key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"networks.toml: {key} must be a list of non-empty strings")
    return tuple(value)


def _pattern(table: Mapping[str, object], key: str, group: str) -> re.Pattern[str] | None:
    value = table.get(key)
    if value is None:
        return None
    pattern = re.compile(str(value), re.IGNORECASE)
    if group not in pattern.groupindex:
        raise ValueError(f"networks.toml: {key} needs a group named {group!r}")
    return pattern


def host_rule(table: Mapping[str, object]) -> HostRule:
    unknown = set(table) - _RULE_KEYS
    if unknown:
        raise ValueError(f"networks.toml: unknown match keys {sorted(unknown)}")
    paths = tuple(re.compile(p, re.IGNORECASE) for p in _strings(table, "paths"))
    rule = HostRule(
        hosts=tuple(h.lower() for h in _strings(table, "hosts")),
        domains=tuple(d.lower() for d in _strings(table, "domains")),
        brands=tuple(b.lower() for b in _strings(table, "brands")),
        host_prefixes=tuple(p.lower() for p in _strings(table, "host-prefixes")),
        paths=paths,
    )
    if rule.host_prefixes and not rule.paths:
        raise ValueError("networks.toml: host-prefixes need paths")
    if not (rule.hosts or rule.domains or rule.brands or rule.host_prefixes):
        raise ValueError("networks.toml: a match names no host")
    return rule


def network_from_table(table: Mapping[str, object]) -> Network:
    unknown = set(table) - _NETWORK_KEYS
    if unknown:
        raise ValueError(f"networks.toml: unknown keys {sorted(unknown)}")
    key = str(table.get("key"))
    if not KEY_PATTERN.fullmatch(key):
        raise ValueError(f"networks.toml: bad key {key!r}")
    sources = table.get("sources", {})
    if not isinstance(sources, dict) or not set(sources) <= _SOURCE_KEYS or "match" not in sources:
        raise ValueError(f"networks.toml: {key} needs sources with at least `match`")
    matches = table.get("match")
    if not isinstance(matches, list) or not matches:
        raise ValueError(f"networks.toml: {key} needs a match list")
    if "name" not in table or "kind" not in table:
        raise ValueError(f"networks.toml: {key} needs a name and a kind")
    return Network(
        key=key,
        name=str(table["name"]),
        kind=Kind(str(table["kind"])),
        rules=tuple(host_rule(m) for m in matches),
        program=str(table.get("program", key)),
        id_params=tuple(p.lower() for p in _strings(table, "id-params")),
        id_path=_pattern(table, "id-path", "id"),
        destination_params=tuple(p.lower() for p in _strings(table, "destination-params")),
        destination_path=_pattern(table, "destination-path", "dest"),
        wrapper_params=frozenset(p.lower() for p in _strings(table, "wrapper-params")),
        sources={str(k): str(v) for k, v in sources.items()},
    )


# ------------------------------------------------------------------ the index


_HOSTS_REMEMBERED = 50_000


class Registry:
    """Networks indexed by host, domain, brand and host prefix for quick lookups."""

    def __init__(self, networks: tuple[Network, ...]) -> None:
        self.networks = networks
        self._exact: dict[str, list[tuple[Network, HostRule]]] = {}
        self._wildcard: dict[str, list[tuple[Network, HostRule]]] = {}
        self._domains: dict[str, list[tuple[Network, HostRule]]] = {}
        self._brands: dict[str, list[tuple[Network, HostRule]]] = {}
        self._prefixes: dict[str, list[tuple[Network, HostRule]]] = {}
        self._labels: set[str] = set()
        self._known: dict[str, list[tuple[Network, HostRule]]] = {}  # candidates by host
        for network in networks:
            for rule in network.rules:
                self._index(network, rule)

    def _index(self, network: Network, rule: HostRule) -> None:
        entry = (network, rule)
        for host in rule.hosts:
            if host.startswith("*."):
                self._wildcard.setdefault(host[2:], []).append(entry)
                self._labels.update(host[2:].split(".")[:-1])
            else:
                self._exact.setdefault(host, []).append(entry)
        for domain in rule.domains:
            self._domains.setdefault(domain, []).append(entry)
            self._labels.update(domain.split(".")[:-1])
        for brand in rule.brands:
            self._brands.setdefault(brand, []).append(entry)
            self._labels.add(brand)
        for prefix in rule.host_prefixes:
            self._prefixes.setdefault(prefix, []).append(entry)

    def candidates(self, host: str) -> list[tuple[Network, HostRule]]:
        """Network rules for `host`, most specific first (rules with paths before others)."""
        found = self._known.get(host)
        if found is None:
            if len(self._known) >= _HOSTS_REMEMBERED:
                self._known.clear()
            found = self._known[host] = self._candidates(host)
        return found

    def _candidates(self, host: str) -> list[tuple[Network, HostRule]]:
        labels = host.split(".")
        found = list(self._exact.get(host, ()))
        found += self._prefixes.get(labels[0], []) if len(labels) > 2 else []
        for i in range(len(labels) - 1):
            found += self._wildcard.get(".".join(labels[i:]), [])
        if not self._labels.isdisjoint(labels[:-1]):  # else no registry domain is in the host
            domain = registrable_domain(host)
            found += self._domains.get(domain, [])
            found += self._brands.get(domain.split(".", 1)[0], [])
        return sorted(found, key=lambda entry: not entry[1].paths)


@cache
def builtin_registry() -> Registry:
    return Registry(builtin_networks())


# ------------------------------------------------------------------ classifying a URL


def classify_url(href: str, registry: Registry | None = None) -> LinkInfo | None:
    """The network an href goes through, or None for an ordinary link."""
    return _classify(browser_url(href), registry or builtin_registry())


# Hrefs remembered across posts (a site's menus and footers repeat in every post); a
# post's own links are remembered per document. Bounded, so memory stays flat however
# many posts one process checks.
_MEMO = 4096


def classify_raw_href(raw: str, registry: Registry) -> LinkInfo | None:
    """`classify_url` of an attribute's raw source text (entities not yet decoded)."""
    url = plain_url(raw)  # most hrefs need no decoding, and go where no network is
    if url is not None:
        return classify_plain_url(url, host_of(url), registry)
    return _classify_raw(raw, registry)


def classify_plain_url(url: str, host: str, registry: Registry) -> LinkInfo | None:
    """`classify_url` of a `plain_url` whose `host_of` is known: most are settled by it."""
    if not may_have_network_at(url, host, registry):
        return None
    return _classify(url, registry)


@lru_cache(maxsize=_MEMO)
def _classify_raw(raw: str, registry: Registry) -> LinkInfo | None:
    return _classify(browser_url(unescape(raw)), registry)


def _may_have_network(url: str, registry: Registry) -> bool:
    """False when the URL's host alone shows that no network knows it (most links)."""
    return may_have_network_at(url, host_of(url), registry)


def may_have_network_at(url: str, host: str, registry: Registry) -> bool:
    """`_may_have_network` with the URL's `host_of` already worked out."""
    # The host first: it settles most links (relative ones have none).
    return may_have_network(host, registry) and may_be_absolute(url)


def may_have_network(host: str, registry: Registry) -> bool:
    """False when no network's rule names this host (`host_of` an http(s) URL)."""
    return bool(host) and bool(registry.candidates(host))


@lru_cache(maxsize=_MEMO)
def _classify(url: str, registry: Registry) -> LinkInfo | None:
    if not _may_have_network(url, registry):
        return None
    parts = _absolute(url)
    if parts is None:
        return None
    host = _host(parts)
    pairs = query_pairs(parts.query)
    for network, rule in registry.candidates(host) if host else ():
        if not rule.path_matches(parts.path):
            continue
        paid = affiliate_id(network, parts, pairs)
        if network.kind is Kind.AFFILIATE_PARAM and paid is None:
            continue
        return LinkInfo(network, paid, destination(network, parts, pairs))
    return None


def may_be_absolute(url: str) -> bool:
    return url[:6].lower().startswith(("http:", "https:", "//"))


def _absolute(url: str) -> SplitResult | None:
    """The parts of an http(s) or scheme-relative URL; None for anything else."""
    if not may_be_absolute(url):
        return None
    return split_url(url)


def _host(parts: SplitResult) -> str:
    try:
        return (parts.hostname or "").rstrip(".")
    except ValueError:
        return ""
