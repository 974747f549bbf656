"""`[tool.posthygiene.affiliate]`: the owner's ids, extra networks and the auto-link policy."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache

from linter.config import Settings, derived
from linter.document import Document
from linter.errors import ConfigError
from linter.networks import (
    HostRule,
    Kind,
    LinkInfo,
    Network,
    Registry,
    builtin_networks,
    builtin_registry,
    classify_plain_url,
    classify_raw_href,
)
from linter.registry import option_section
from linter.tokens import StartTag
from linter.urls import PlainHrefs, plain_hrefs

POLICIES = ("unwrap", "mark", "keep")
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_HOST = re.compile(rf"(?:\*\.)?{_LABEL}(?:\.{_LABEL})+")
_PARAM = re.compile(r"[^\s&=#?]+")
_Table = tuple[tuple[str, tuple[str, ...]], ...]


@option_section("affiliate")
@dataclass(frozen=True, slots=True)
class AffiliateOptions:
    """`own-ids = {amazon = ["mytag-20"]}` marks your ids; `extra-hosts` adds networks."""

    own_ids: dict[str, tuple[str, ...]] = field(default_factory=dict)
    extra_hosts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    extra_id_params: dict[str, tuple[str, ...]] = field(default_factory=dict)
    extra_destination_params: dict[str, tuple[str, ...]] = field(default_factory=dict)
    autolink_policy: str = "unwrap"

    def validate(self) -> None:
        if self.autolink_policy not in POLICIES:
            raise ConfigError(
                f"affiliate.autolink-policy: expected one of {', '.join(POLICIES)}, "
                f"got {self.autolink_policy!r}"
            )
        builtin = {network.key for network in builtin_networks()}
        new = set(self.extra_hosts) - builtin
        _check_names("extra-hosts", self.extra_hosts, _HOST, "host name")
        for option in ("extra_id_params", "extra_destination_params"):
            table: dict[str, tuple[str, ...]] = getattr(self, option)
            _check_keys(option, table, builtin | new, "network")
            _check_names(option, table, _PARAM, "parameter name")
        programs = {network.program for network in builtin_networks()} | new
        _check_keys("own_ids", self.own_ids, programs, "affiliate program")
        _check_names("own_ids", self.own_ids, re.compile(r"\S+"), "id")

    @property
    def table_key(self) -> tuple[_Table, _Table, _Table]:
        return (
            _freeze(self.extra_hosts),
            _freeze(self.extra_id_params),
            _freeze(self.extra_destination_params),
        )


def _option(attribute: str) -> str:
    return "affiliate." + attribute.replace("_", "-")


def _check_keys(
    option: str, table: Mapping[str, tuple[str, ...]], known: set[str], what: str
) -> None:
    for key in table:
        if key not in known:
            raise ConfigError(
                f"{_option(option)}: unknown {what} {key!r} "
                "(use a key of linter/data/networks.toml or of affiliate.extra-hosts)"
            )


def _check_names(
    option: str, table: Mapping[str, tuple[str, ...]], pattern: re.Pattern[str], what: str
) -> None:
    for key, values in table.items():
        if not values:
            raise ConfigError(f"{_option(option)}.{key}: expected at least one {what}")
        for value in values:
            if not pattern.fullmatch(value.lower() if what == "host name" else value):
                raise ConfigError(f"{_option(option)}.{key}: {value!r} is not a valid {what}")


def _freeze(table: Mapping[str, tuple[str, ...]]) -> _Table:
    return tuple(sorted((key, tuple(values)) for key, values in table.items()))


def _context(settings: Settings) -> tuple[AffiliateOptions, Registry]:
    section = settings.section(AffiliateOptions)
    key = section.table_key
    registry = builtin_registry() if key == ((), (), ()) else _custom_registry(key)
    return section, registry


def options(settings: Settings) -> AffiliateOptions:
    return derived(settings, _context)[0]


def registry_for(settings: Settings) -> Registry:
    """The shipped registry, plus the networks and parameters the settings add."""
    return derived(settings, _context)[1]


@cache
def _custom_registry(key: tuple[_Table, _Table, _Table]) -> Registry:
    hosts, ids, destinations = (dict(table) for table in key)
    networks = [
        Network(
            key=name,
            name=name,
            kind=Kind.AFFILIATE_REDIRECT,
            rules=(),
            program=name,
            sources={"match": "[tool.posthygiene.affiliate] extra-hosts"},
        )
        for name in hosts
        if name not in {network.key for network in builtin_networks()}
    ]
    networks += builtin_networks()
    return Registry(
        tuple(
            _extend(n, hosts.get(n.key, ()), ids.get(n.key, ()), destinations.get(n.key, ()))
            for n in networks
        )
    )


def _extend(
    network: Network, hosts: tuple[str, ...], ids: tuple[str, ...], destinations: tuple[str, ...]
) -> Network:
    if not (hosts or ids or destinations):
        return network
    rules = network.rules + ((HostRule(hosts=tuple(h.lower() for h in hosts)),) if hosts else ())
    return replace(
        network,
        rules=rules,
        id_params=network.id_params + tuple(p.lower() for p in ids),
        destination_params=network.destination_params + tuple(p.lower() for p in destinations),
    )


def link_info(tag: StartTag, settings: Settings) -> LinkInfo | None:
    """What the `href` of this `<a>` goes through, or None for an ordinary link."""
    return _classify_tag(tag, registry_for(settings))


def _classify_tag(tag: StartTag, registry: Registry) -> LinkInfo | None:
    href = tag.attr("href")
    if href is None or not href.raw_value:
        return None
    return classify_raw_href(href.raw_value, registry)


class Links:
    """The `link_info` of each `<a>` of one document, worked out once for every rule."""

    __slots__ = ("_hrefs", "_known", "_registry")

    def __init__(self, registry: Registry, hrefs: PlainHrefs) -> None:
        self._registry = registry
        self._hrefs = hrefs
        self._known: dict[int, LinkInfo | None] = {}  # by the tag's start

    def info(self, tag: StartTag) -> LinkInfo | None:
        known = self._known
        start = tag.start
        if start in known:
            return known[start]
        plain = self._hrefs.get(tag)  # most links: a plain href to a host no network knows
        if plain is not None:
            info = classify_plain_url(*plain, self._registry)
        else:
            info = _classify_tag(tag, self._registry)
        known[start] = info
        return info

    def affiliate(self, tag: StartTag) -> LinkInfo | None:
        info = self.info(tag)
        return info if info is not None and info.is_affiliate else None


def links(doc: Document, settings: Settings) -> Links:
    """The document's links as the settings' registry classifies them."""
    registry = registry_for(settings)
    memo = doc.remembered(_links_by_registry)
    found = memo.get(registry)
    if found is None:
        found = memo[registry] = Links(registry, plain_hrefs(doc))
    return found


def _links_by_registry(doc: Document) -> dict[Registry, Links]:
    return {}


def affiliate_link(tag: StartTag, settings: Settings) -> LinkInfo | None:
    """The link's network and id when it is an affiliate link, else None."""
    info = link_info(tag, settings)
    return info if info is not None and info.is_affiliate else None


def foreign_id(info: LinkInfo, settings: Settings) -> bool:
    """True when the owner listed their ids and this link's id is not among them."""
    own = options(settings).own_ids
    if not own or info.affiliate_id is None:
        return False
    return info.affiliate_id not in own.get(info.network.program, ())
