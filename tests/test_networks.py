from __future__ import annotations

import re

import pytest

from linter.networks import (
    Kind,
    Registry,
    builtin_networks,
    builtin_registry,
    classify_plain_url,
    classify_raw_href,
    classify_url,
    load_networks,
    network_from_table,
)
from linter.redirects import real_url
from linter.urls import host_of

# Every network issue 3 names, by a link that must be classified as that network.
NAMED_IN_ISSUE = {
    "skimlinks": "https://go.redirectingat.com/?id=1X2&url=https%3A%2F%2Fa.example%2F",
    "amazon": "https://www.amazon.com/dp/B0?tag=abc-20",
    "amazon-short": "https://amzn.to/3xyz",
    "yahoo-shopping": "https://shopping.yahoo.com/rdlw?siteId=us-engadget&gcReferrer=https://a.example/",
    "howl": "https://shop-links.co/link/?url=https%3A%2F%2Fa.example%2F&publisher_slug=pcworld",
    "cj": "https://www.tkqlhce.com/click-8836598-15157544?sid=x&url=https%3A%2F%2Fa.example%2F",
    "rakuten": "https://click.linksynergy.com/deeplink?id=VZfI20jEa0c&mid=1&murl=https://a.example/",
    "impact": "https://goto.walmart.com/c/482924/565706/9383?u=https%3A%2F%2Fa.example%2F",
    "zdcs": "https://zdcs.link/Wmv76",
    "partnerize": "https://adobe.prf.hn/click/camref:1011lroIY/destination:https://a.example/",
    "geniuslink": "https://geni.us/abc",
    "awin": "https://www.awin1.com/cread.php?awinmid=1&awinaffid=9999&ued=https://a.example/",
    "ebay": "https://www.ebay.com/itm/1?mkcid=1&campid=5338974509",
    "duomai": "https://c.duomai.com/track.php?site_id=242986&euid=&t=https://oppo.jd.com/",
    "jd-union": "https://union-click.jd.com/jdc?e=&p=JF8BANgJK1olXDYC",
    "taobao-union": "https://s.click.taobao.com/t?e=m%3D2%26s%3DjVK3",
}


def test_registry_size_and_sources() -> None:
    networks = builtin_networks()
    paid_or_tracked = [n for n in networks if n.kind is not Kind.SHORTENER]
    assert len(paid_or_tracked) >= 40
    assert all(n.sources.get("match") for n in networks)
    assert all(n.sources.get("destination") for n in networks if n.destination_params)
    assert all(n.sources.get("id") for n in networks if n.id_params or n.id_path)


@pytest.mark.parametrize(("key", "href"), NAMED_IN_ISSUE.items())
def test_every_network_named_in_the_issue(key: str, href: str) -> None:
    found = classify_url(href)
    assert found is not None
    assert found.network.key == key


@pytest.mark.parametrize(
    ("href", "key", "affiliate_id", "destination"),
    [
        pytest.param(
            "https://c.duomai.com/track.php?site_id=242986&euid=&t=https://list.jd.com/list.html?cat=670,677",
            "duomai",
            "242986",
            "https://list.jd.com/list.html?cat=670,677",
            id="raw-destination-last-keeps-its-query",
        ),
        pytest.param(
            "HTTPS://GO.SKIMRESOURCES.COM/?ID=225336X1707200&URL=https%3A%2F%2Fa.example%2Fb%2Bc",
            "skimlinks",
            "225336X1707200",
            "https://a.example/b+c",
            id="upper-case-url-and-parameter-names",
        ),
        pytest.param(
            "https://go.redirectingat.com/?id=1X2&url=http://amazon.com.au/x?tag=t-22&xcust=2",
            "skimlinks",
            "1X2",
            "http://amazon.com.au/x?tag=t-22",
            id="unencoded-destination-up-to-the-redirects-own-parameters",
        ),
        pytest.param(
            "https://go.redirectingat.com/?id=1X2&url=https://a.example/p?a=1&th=1&xcust=2&sref=3",
            "skimlinks",
            "1X2",
            "https://a.example/p?a=1&th=1",
            id="parameters-spilled-out-of-an-unencoded-destination",
        ),
        pytest.param(
            "https://go.redirectingat.com/?id=1X2&url=https://a.example/p?a=1&xcust=2&th=1",
            "skimlinks",
            "1X2",
            None,
            id="ambiguous-unencoded-destination",
        ),
        pytest.param(
            "https://www.kqzyfj.com/click-1-2?url=https://a.example/p?a=1&sid=3",
            "cj",
            "1",
            None,
            id="ambiguous-without-wrapper-parameters",
        ),
        pytest.param(
            "https://www.anrdoezrs.net/links/9019719/type/dlg/sid//https://www.dell.com/deals?a=1",
            "cj",
            "9019719",
            "https://www.dell.com/deals?a=1",
            id="cj-path-destination-with-its-query",
        ),
        pytest.param(
            "https://streaklinks.com/BrTib/https%3A%2F%2Fa.example%2Fb?email=x",
            "streak",
            None,
            "https://a.example/b",
            id="encoded-path-destination-leaves-the-query",
        ),
        pytest.param(
            "//bestbuy.7tiv.net/c/321564/633495/10014?u=https%3A%2F%2Fapi.bestbuy.com%2Fx#frag",
            "impact",
            "321564",
            "https://api.bestbuy.com/x#frag",
            id="scheme-relative-with-fragment",
        ),
        pytest.param(
            "https://www.amazon.de/gp/redirect.html?tag=x-21&location=https%3A%2F%2Fwww.amazon.de%2Fdp%2FB0",
            "amazon-redirect",
            "x-21",
            "https://www.amazon.de/dp/B0",
            id="path-rule-wins-over-brand-rule",
        ),
        pytest.param(
            "https://rover.ebay.co.uk/rover/1/710-1/1?campid=5&mpre=https%3A%2F%2Fwww.ebay.co.uk%2Fitm%2F1",
            "ebay-rover",
            "5",
            "https://www.ebay.co.uk/itm/1",
            id="host-prefix-rule",
        ),
    ],
)
def test_classify_url(
    href: str, key: str, affiliate_id: str | None, destination: str | None
) -> None:
    found = classify_url(href)
    assert found is not None
    assert (found.network.key, found.affiliate_id, found.destination) == (
        key,
        affiliate_id,
        destination,
    )


@pytest.mark.parametrize(
    "href",
    [
        pytest.param("/relative/path", id="relative"),
        pytest.param("mailto:someone@amazon.com", id="mailto"),
        pytest.param("https://www.amazon.com/dp/B0", id="amazon-without-tag"),
        pytest.param("https://www.theguardian.com/world", id="ordinary"),
        pytest.param("https://goto.example.com/about", id="host-prefix-without-its-path"),
        pytest.param("https://shopping.yahoo.com/deals", id="network-host-other-path"),
        pytest.param("https://www.duomai.com/", id="network-home-page"),
        pytest.param("https://notamazon.com/?tag=x", id="brand-is-the-whole-label"),
        pytest.param("https://[::1/", id="unparseable"),
    ],
)
def test_ordinary_links_are_not_classified(href: str) -> None:
    assert classify_url(href) is None


def test_a_custom_registry() -> None:
    network = network_from_table(
        {
            "key": "mine",
            "name": "Mine",
            "kind": "affiliate-redirect",
            "match": [{"hosts": ["*.example.net"]}],
            "id-params": ["ref"],
            "sources": {"match": "test"},
        }
    )
    registry = Registry((network,))
    found = classify_url("https://a.b.example.net/x?ref=me", registry)
    assert found is not None
    assert found.affiliate_id == "me"
    assert classify_url("https://example.net/?ref=me", registry) is not None
    assert classify_url("https://go.redirectingat.com/?id=1", registry) is None


@pytest.mark.parametrize(
    ("table", "message"),
    [
        pytest.param({"key": "Bad Key"}, "bad key", id="key"),
        pytest.param({"key": "x", "colour": 1}, "unknown keys", id="unknown-key"),
        pytest.param({"key": "x", "match": [{"hosts": ["a.b"]}]}, "sources", id="no-sources"),
        pytest.param(
            {
                "key": "x",
                "name": "X",
                "kind": "shortener",
                "sources": {"match": "s"},
                "match": [{"paths": ["/x"]}],
            },
            "names no host",
            id="no-host",
        ),
        pytest.param(
            {
                "key": "x",
                "name": "X",
                "kind": "shortener",
                "sources": {"match": "s"},
                "match": [{"host-prefixes": ["go"]}],
            },
            "need paths",
            id="prefix-without-path",
        ),
        pytest.param(
            {
                "key": "x",
                "name": "X",
                "kind": "affiliate-redirect",
                "sources": {"match": "s"},
                "match": [{"hosts": ["a.b"]}],
                "id-path": "/c/(\\d+)",
            },
            "group named 'id'",
            id="id-path-without-group",
        ),
    ],
)
def test_bad_registry_data_is_rejected(table: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        network_from_table(table)


def test_load_networks_rejects_duplicates_and_empty_files() -> None:
    one = '[[network]]\nkey = "x"\nname = "X"\nkind = "shortener"\n'
    one += 'match = [{ hosts = ["a.example"] }]\nsources.match = "s"\n'
    assert [n.key for n in load_networks(one)] == ["x"]
    with pytest.raises(ValueError, match="duplicate network key"):
        load_networks(one + one)
    with pytest.raises(ValueError, match="no \\[\\[network\\]\\] tables"):
        load_networks('title = "nothing"\n')


@pytest.mark.parametrize(
    ("table", "message"),
    [
        pytest.param({"hosts": "a.example"}, "must be a list", id="not-a-list"),
        pytest.param({"hosts": ["a.example"], "colour": 1}, "unknown match keys", id="key"),
    ],
)
def test_bad_match_rules_are_rejected(table: dict[str, object], message: str) -> None:
    network = {"key": "x", "name": "X", "kind": "shortener", "sources": {"match": "s"}}
    with pytest.raises(ValueError, match=message):
        network_from_table({**network, "match": [table]})


@pytest.mark.parametrize(
    ("candidate", "url"),
    [
        pytest.param("https://a.example/ok?x=1", "https://a.example/ok?x=1", id="real"),
        pytest.param("ftp://a.example/", None, id="not-http"),
        pytest.param("https://localhost/", None, id="no-dot"),
        pytest.param("https://a.example/x y", None, id="space"),
        pytest.param("https://a.example/\x01", None, id="control"),
        pytest.param("https://[::1", None, id="unparseable"),
        pytest.param("https://a.example:99999/", "https://a.example:99999/", id="odd-port"),
        pytest.param("https://u:p@a.example/", None, id="userinfo"),
    ],
)
def test_real_url(candidate: str, url: str | None) -> None:
    assert real_url(candidate) == url


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        pytest.param("https://amzn.to/x", "amazon-short", id="plain"),
        pytest.param(" HTTPS://AMZN.TO/x ", "amazon-short", id="upper-case-and-spaces"),
        pytest.param("https://amzn&#46;to/x", "amazon-short", id="entity-in-the-host"),
        pytest.param("https://amzn.\nto/x", "amazon-short", id="line-break-in-the-host"),
        pytest.param("//amzn.to/x", "amazon-short", id="scheme-relative"),
        pytest.param(
            "https://www.amazon.com/dp/B0?a=1&amp;tag=abc-20", "amazon", id="escaped-query"
        ),
        pytest.param("https://example.org/amzn.to", None, id="ordinary-host"),
        pytest.param("/relative/amzn.to", None, id="relative"),
    ],
)
def test_raw_hrefs_classify_as_their_decoded_url(raw: str, key: str | None) -> None:
    found = classify_raw_href(raw, builtin_registry())
    assert (found.network.key if found else None) == key


@pytest.mark.parametrize(
    "url",
    [
        *NAMED_IN_ISSUE.values(),
        "https://www.theguardian.com/world",
        "//amzn.to/3xyz",
        "/relative?tag=x-20",
        "mailto:someone@amazon.com",
        "",
    ],
)
def test_a_plain_url_with_its_host_is_classified_as_any_url(url: str) -> None:
    registry = builtin_registry()
    assert classify_plain_url(url, host_of(url), registry) == classify_url(url, registry)
