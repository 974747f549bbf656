from __future__ import annotations

import subprocess
import sys

import pytest

from linter import psl
from linter.urls import _extractor

SAMPLE_HOSTS = [
    "c.duomai.com",
    "duomai.com",
    "com",
    "forums.bbc.co.uk",
    "bbc.co.uk",
    "co.uk",
    "n.sinaimg.cn",
    "www.gov.cn",
    "localhost",
    "a.b.c.d.e.example.com",
    "x.city.kawasaki.jp",
    "city.kawasaki.jp",
    "foo.bar.kawasaki.jp",
    "bar.kawasaki.jp",
    "kawasaki.jp",
    "1.2.3.4",
    "www.xn--fiqs8s",
    "a.xn--fiqs8s",
    "my-site.example",
    "192.168.0.1.nip.io",
]


def hosts_from_rules() -> list[str]:
    """Hosts at, under and above every rule of the list: wildcards and exceptions too."""
    text = psl._snapshot()
    assert text is not None
    rules = {m["suffix"] for m in psl._RULE.finditer(text.partition(psl._PRIVATE_SECTION)[0])}
    hosts: set[str] = set()
    for rule in rules:
        bare = rule.lstrip("!").replace("*.", "")
        for host in (bare, f"a.{bare}", f"a.b.{bare}", bare.partition(".")[2]):
            if host:
                hosts.add(host.lower())
    return sorted(hosts)


def tldextract_view(host: str) -> tuple[str, str]:
    extracted = _extractor()(host)
    return extracted.domain, extracted.suffix


@pytest.mark.parametrize("host", SAMPLE_HOSTS)
def test_plain_hosts_split_as_tldextract_splits_them(host: str) -> None:
    split = psl.split_host(host)
    if split is not None:
        assert split == tldextract_view(host)


def test_every_rule_of_the_list_gives_the_same_split() -> None:
    hosts = hosts_from_rules()
    assert len(hosts) > 10_000
    differ = [h for h in hosts if (s := psl.split_host(h)) is not None and s != tldextract_view(h)]
    assert differ == []
    assert sum(psl.split_host(h) is not None for h in hosts) > len(hosts) // 2


def test_names_tldextract_must_decide_are_left_to_it() -> None:
    for host in ("1.2.3.4", "www.xn--fiqs8s", "UPPER.example.com", "a..com", "[::1]", "例子.中国"):
        assert psl.split_host(host) is None


def test_looking_up_a_plain_host_does_not_import_tldextract() -> None:
    code = (
        "import sys; from linter.urls import registrable_domain, site_name;"
        "assert registrable_domain('c.duomai.com') == 'duomai.com';"
        "assert site_name('forums.bbc.co.uk') == 'bbc';"
        "assert 'tldextract' not in sys.modules and 'requests' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
