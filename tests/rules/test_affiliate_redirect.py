from __future__ import annotations

import pytest

from rules.affiliate_redirect import affiliate_redirect as rule
from tests.helpers import diagnostics, fix, lint

SKIM = "https://go.redirectingat.com/?id=1X2&amp;xs=1&amp;url="
CJ = "https://www.anrdoezrs.net/click-100770772-15232592?sid=x&amp;url="


@pytest.mark.parametrize(
    ("html", "expected", "fixed"),
    [
        pytest.param(
            '<a href="https://example.com/?url=https://a.example/">x</a>', [], None, id="ordinary"
        ),
        pytest.param('<a href="https://howl.me/cjkwEJKFTwT">x</a>', [], None, id="short-code"),
        pytest.param(
            f'<a href="{CJ}https://a.example/x?y=1&amp;z=2">x</a>',
            [],
            None,
            id="unencoded-destination-followed-by-parameters",
        ),
        pytest.param(
            f'<a href="{SKIM}https://a.example/x?y=1&amp;th=1&amp;xcust=2&amp;sref=z">x</a>',
            ["1:4"],
            '<a href="https://a.example/x?y=1&amp;th=1">x</a>',
            id="unencoded-destination-up-to-the-redirects-own-parameters",
        ),
        pytest.param(f'<a href="{SKIM}javascript:alert(1)">x</a>', [], None, id="not-http"),
        pytest.param(f'<a href="{SKIM}http://wf-1000xm5">x</a>', [], None, id="no-real-host"),
        pytest.param(f'<a href="{SKIM}https://user@a.example/">x</a>', [], None, id="userinfo"),
        pytest.param(
            '<a href="https://c.duomai.com/track.php?site_id=242986&euid=&t=https://oppo.jd.com/">'
            "OPPO</a>",
            ["1:4"],
            '<a href="https://oppo.jd.com/">OPPO</a>',
            id="seed-duomai-raw-destination",
        ),
        pytest.param(
            f'<a href="{SKIM}https%3A%2F%2Fshop.example%2Fa%3Fb%3D1%26c%3D2&amp;sref=z">x</a>',
            ["1:4"],
            '<a href="https://shop.example/a?b=1&amp;c=2">x</a>',
            id="encoded-destination-escaped-amp",
        ),
        pytest.param(
            f"<a href='{SKIM}https%3A%2F%2Fshop.example%2Fit%27s%22'>x</a>",
            ["1:4"],
            "<a href='https://shop.example/it&#39;s\"'>x</a>",
            id="single-quoted",
        ),
        pytest.param(
            "<a href=https://www.anrdoezrs.net/click-1-2?url=https%3A%2F%2Fa.example%2F>x</a>",
            ["1:4"],
            "<a href=https://a.example/>x</a>",
            id="unquoted",
        ),
        pytest.param(
            "<a href=https://www.anrdoezrs.net/click-1-2?url=https%3A%2F%2Fa.example%2F%3Fq%3D%27>"
            "x</a>",
            ["1:4"],
            '<a href="https://a.example/?q=\'">x</a>',
            id="unquoted-value-that-needs-quotes",
        ),
        pytest.param(
            f'<a href="{CJ}https://www.gog.com/en/game/x#reviews">x</a>',
            ["1:4"],
            '<a href="https://www.gog.com/en/game/x#reviews">x</a>',
            id="fragment-carried-over",
        ),
        pytest.param(
            '<A CLASS=x\n   HREF="https://adobe.prf.hn/click/camref:1011lroIY/pubref:2-1/'
            'destination:https://www.adobe.com/plans.html?plan=1&amp;mv=other">x</A>',
            ["2:4"],
            '<A CLASS=x\n   HREF="https://www.adobe.com/plans.html?plan=1&amp;mv=other">x</A>',
            id="uppercase-multiline-path-destination",
        ),
        pytest.param(
            '<a href="https://assoc-redirect.amazon.com/g/r/https://www.amazon.com/dp/B0?tag=t-20">'
            "x</a>",
            ["1:4"],
            '<a href="https://www.amazon.com/dp/B0?tag=t-20">x</a>',
            id="amazon-assoc-redirect",
        ),
        pytest.param(
            '<a href="https://www.google.com/url?q=http://www.befrienders.org&amp;sa=D">x</a>',
            ["1:4"],
            '<a href="http://www.befrienders.org">x</a>',
            id="tracking-redirect",
        ),
    ],
)
def test_affiliate_redirect(html: str, expected: list[str], fixed: str | None) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == html, "the fix is unsafe"
    assert fix(rule, html, unsafe=True) == (html if fixed is None else fixed)


def test_message_names_network_and_destination() -> None:
    [found] = diagnostics(rule, f'<a href="{CJ}https://a.example/">x</a>')
    assert found.message == (
        "Link goes through the CJ Affiliate affiliate redirect to https://a.example/"
    )
    assert found.fix is not None
    assert [(e.start, e.end) for e in found.fix.edits] == [(9, 9 + len(CJ) + 18)]


def test_extra_destination_parameter() -> None:
    config = {
        "affiliate": {
            "extra-hosts": {"mynetwork": ["*.example.net"]},
            "extra-destination-params": {"mynetwork": ["to"]},
        }
    }
    html = '<a href="https://go.example.net/out?to=https%3A%2F%2Fa.example%2F">x</a>'
    assert lint(rule, html) == []
    assert fix(rule, html, config, unsafe=True) == '<a href="https://a.example/">x</a>'
