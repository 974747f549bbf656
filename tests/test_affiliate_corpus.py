"""Over ../shared/corpus: the registry finds the affiliate links, safe fixes keep the text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from html import unescape

import pytest

from linter.document import Document
from linter.engine import Linter
from linter.inventory import affiliate_links
from linter.model import Applicability
from linter.networks import Kind, builtin_networks, classify_url
from linter.registry import all_rules
from linter.source import Source, read_source
from linter.tokens import Text, tokenize
from linter.urls import host_of, registrable_domain
from tests.helpers import SHARED, settings

CORPUS = SHARED / "corpus"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent"),
]
# The networks issue 3 found in the corpus; each must be found again.
IN_CORPUS = {"skimlinks", "yahoo-shopping", "amazon", "amazon-redirect", "howl", "cj"}
IN_CORPUS |= {"impact", "rakuten", "duomai", "zdcs", "partnerize", "geniuslink", "awin"}
IN_CORPUS |= {"ebay", "ebay-rover", "jd-union", "amazon-short"}


def posts() -> Iterator[Source]:
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix in (".md", ".html") and path.name != "README.md":
            yield read_source(str(path), max_bytes=1 << 26)


@cache
def _registered_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Hosts, `*.` domains and registrable domains whose every link belongs to a network."""
    hosts: set[str] = set()
    wildcards: set[str] = set()
    domains: set[str] = set()
    for network in builtin_networks():
        if network.kind is Kind.AFFILIATE_PARAM:
            continue  # those need their id parameter
        for rule in (r for r in network.rules if not r.paths):
            hosts.update(h for h in rule.hosts if not h.startswith("*."))
            wildcards.update(h[2:] for h in rule.hosts if h.startswith("*."))
            domains.update(rule.domains)
    return frozenset(hosts), frozenset(wildcards), frozenset(domains)


@cache
def registered(host: str) -> bool:
    """Whether every link to `host` belongs to a network, whatever its path or query."""
    hosts, wildcards, domains = _registered_names()
    labels = host.split(".")
    suffixes = {".".join(labels[i:]) for i in range(len(labels))}
    return host in hosts or bool(suffixes & wildcards) or registrable_domain(host) in domains


def test_links_on_registered_hosts_are_all_classified() -> None:
    seen: Counter[str] = Counter()
    missed: list[str] = []
    for source in posts():
        for tag in Document(source).start_tags("a"):
            href = tag.get("href") or ""
            host = host_of(href)
            found = classify_url(href)
            if found is not None:
                seen[found.network.key] += 1
            elif host and registered(host):
                missed.append(href)
    assert not missed, missed[:10]
    assert set(seen) >= IN_CORPUS, IN_CORPUS - set(seen)


def visible_text(text: str, markdown: bool) -> str:
    doc = Document(Source("post.md" if markdown else "post.html", text, markdown=markdown))
    words = "".join(unescape(doc.raw(t)) for t in tokenize(doc.masked) if isinstance(t, Text))
    return re.sub(r"\s+", " ", words).strip().casefold()


def test_safe_fixes_keep_the_visible_text() -> None:
    config = settings()
    linter = Linter(list(all_rules().values()), config)
    fixed = 0
    for source in posts():
        if next(affiliate_links(source, config), None) is None:
            continue
        result = linter.fix(source, Applicability.SAFE)
        assert result.converged, source.path
        before = visible_text(source.text, source.markdown)
        assert visible_text(result.text, source.markdown) == before, source.path
        fixed += result.text != source.text
    assert fixed > 0
