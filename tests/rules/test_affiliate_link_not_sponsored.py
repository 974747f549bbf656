from __future__ import annotations

import pytest

from rules.affiliate_link_not_sponsored import affiliate_link_not_sponsored as rule
from tests.helpers import diagnostics, fix, lint

SKIM = "https://go.redirectingat.com/?id=123X456&amp;url=https%3A%2F%2Fshop.example%2F"
DUOMAI = "https://c.duomai.com/track.php?site_id=242986&euid=&t=https://oppo.jd.com/"
REL = ' rel="sponsored"'


@pytest.mark.parametrize(
    ("html", "expected", "fixed"),
    [
        pytest.param('<a href="https://example.com/">x</a>', [], None, id="ordinary-link"),
        pytest.param('<a href="/about">x</a>', [], None, id="relative-link"),
        pytest.param(f'<a rel="Sponsored nofollow" href="{SKIM}">x</a>', [], None, id="marked"),
        pytest.param('<a href="https://www.amazon.com/dp/B0C8">x</a>', [], None, id="no-tag"),
        pytest.param('<a href="https://bit.ly/3abc">x</a>', [], None, id="plain-shortener"),
        pytest.param('<a href="https://app.adjust.com/w4u7jx3">x</a>', [], None, id="tracker"),
        pytest.param('<a href="https://duomai.com/about">x</a>', [], None, id="network-home-page"),
        pytest.param(
            f'<p><a href="{SKIM}">x</a></p>',
            ["1:4"],
            f'<p><a href="{SKIM}"{REL}>x</a></p>',
            id="adds-rel",
        ),
        pytest.param(
            f"<a rel='nofollow' href='{DUOMAI}'>x</a>",
            ["1:1"],
            f"<a rel='nofollow sponsored' href='{DUOMAI}'>x</a>",
            id="single-quoted-rel-keeps-tokens",
        ),
        pytest.param(
            "<a rel=nofollow href=https://amzn.to/3xyz>x</a>",
            ["1:1"],
            '<a rel="nofollow sponsored" href=https://amzn.to/3xyz>x</a>',
            id="unquoted",
        ),
        pytest.param(
            f'<a data-link="1" href="{DUOMAI}" target="_blank">OPPO</a> phone',
            ["1:1"],
            f'<a data-link="1" href="{DUOMAI}" target="_blank" rel="noopener sponsored">OPPO</a>'
            " phone",
            id="one-edit-with-noopener",
        ),
        pytest.param(
            f'<a href="{SKIM}" rel="">x</a>',
            ["1:1"],
            f'<a href="{SKIM}" rel="sponsored">x</a>',
            id="empty-rel",
        ),
        pytest.param(
            f'<a rel="nofollow" rel="sponsored" href="{SKIM}">x</a>',
            ["1:1"],
            f'<a rel="nofollow sponsored" rel="sponsored" href="{SKIM}">x</a>',
            id="first-of-duplicated-rel-counts",
        ),
        pytest.param(
            '<a href="https://www.amazon.co.uk/dp/B0C8?tag=mine-21#reviews">x</a>',
            ["1:1"],
            f'<a href="https://www.amazon.co.uk/dp/B0C8?tag=mine-21#reviews"{REL}>x</a>',
            id="amazon-tag-any-suffix-with-fragment",
        ),
        pytest.param(
            "<A\r\n HREF=https://amzn.to/x>1</A>",
            ["1:1"],
            f"<A\r\n HREF=https://amzn.to/x{REL}>1</A>",
            id="crlf-multiline-uppercase",
        ),
        pytest.param(
            '<a href="https://amzn.\nto/x">x</a>',
            ["1:1"],
            f'<a href="https://amzn.\nto/x"{REL}>x</a>',
            id="href-split-across-lines",
        ),
        pytest.param(
            '<a href="https://greenmangaming.sjv.io/c/1804712/1219987/15105?u=https://g.example/">'
            "x</a>",
            ["1:1"],
            '<a href="https://greenmangaming.sjv.io/c/1804712/1219987/15105?u=https://g.example/"'
            f"{REL}>x</a>",
            id="any-subdomain-of-a-network-domain",
        ),
    ],
)
def test_affiliate_link_not_sponsored(html: str, expected: list[str], fixed: str | None) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == (html if fixed is None else fixed)


def test_message_names_the_network() -> None:
    [found] = diagnostics(rule, f'<a href="{DUOMAI}">x</a>')
    assert found.message == 'Affiliate link through Duomai (多麦) lacks rel="sponsored"'


def test_extra_hosts_from_settings() -> None:
    config = {"affiliate": {"extra-hosts": {"mynetwork": ["go.example.com"]}}}
    html = '<a href="https://go.example.com/x">x</a>'
    assert lint(rule, html) == []
    assert lint(rule, html, config) == ["1:1"]
