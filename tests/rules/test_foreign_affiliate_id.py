from __future__ import annotations

import pytest

from rules.foreign_affiliate_id import foreign_affiliate_id as rule
from tests.helpers import diagnostics, fix, lint

OWN = {"affiliate": {"own-ids": {"amazon": ["mytag-20"], "duomai": ["111"]}}}
DUOMAI = "https://c.duomai.com/track.php?site_id={}&amp;euid=&amp;t=https://oppo.jd.com/"


@pytest.mark.parametrize(
    ("html", "expected", "fixed"),
    [
        pytest.param(
            '<a href="https://www.amazon.com/dp/B0?tag=mytag-20">x</a>', [], None, id="own-tag"
        ),
        pytest.param(
            '<a href="https://assoc-redirect.amazon.com/g/r/https://www.amazon.com/dp/B0?tag=mytag-20">'
            "x</a>",
            [],
            None,
            id="own-tag-through-the-amazon-redirect",
        ),
        pytest.param(f'<a href="{DUOMAI.format(111)}">x</a>', [], None, id="own-site-id"),
        pytest.param('<a href="https://amzn.to/3xyz">x</a>', [], None, id="id-not-readable"),
        pytest.param('<a href="https://example.com/?tag=x">x</a>', [], None, id="not-affiliate"),
        pytest.param(
            '<p><a href="https://www.amazon.com/dp/B0?tag=someoneelse-20">this drive</a></p>',
            ["1:4"],
            "<p>this drive</p>",
            id="foreign-tag",
        ),
        pytest.param(
            f'see <A\nHREF="{DUOMAI.format(242986)}#x">OPPO</A> phones',
            ["1:5"],
            "see OPPO phones",
            id="foreign-site-id-multiline-uppercase",
        ),
        pytest.param(
            f"as an <a data-link=1 href='{DUOMAI.format(242986)}'>OPPO</a>rtunity",
            ["1:7"],
            "as an opportunity",
            id="split-word-case-restored",
        ),
        pytest.param(
            '<a href="https://click.linksynergy.com/deeplink?id=VZfI20jEa0c&amp;mid=1&amp;'
            'murl=https://a.example/">x</a>',
            ["1:1"],
            "x",
            id="program-without-own-ids",
        ),
    ],
)
def test_foreign_affiliate_id(html: str, expected: list[str], fixed: str | None) -> None:
    assert lint(rule, html, OWN) == expected
    assert fix(rule, html, OWN) == html, "the fix is unsafe"
    assert fix(rule, html, OWN, unsafe=True) == (html if fixed is None else fixed)


def test_silent_without_own_ids() -> None:
    assert lint(rule, '<a href="https://www.amazon.com/dp/B0?tag=someoneelse-20">x</a>') == []


def test_message_names_network_and_id() -> None:
    [found] = diagnostics(rule, f'<a href="{DUOMAI.format(242986)}">x</a>', OWN)
    assert found.message == "Affiliate link pays Duomai (多麦) id `242986`, not one of your ids"


def test_unclosed_link_has_no_fix() -> None:
    [found] = diagnostics(rule, f'<a href="{DUOMAI.format(242986)}">x', OWN)
    assert found.fix is None


def test_own_network_from_settings() -> None:
    config = {
        "affiliate": {
            "extra-hosts": {"mynetwork": ["go.example.com"]},
            "extra-id-params": {"mynetwork": ["ref"]},
            "own-ids": {"mynetwork": ["me"]},
        }
    }
    assert lint(rule, '<a href="https://go.example.com/?ref=me">x</a>', config) == []
    assert lint(rule, '<a href="https://go.example.com/?ref=you">x</a>', config) == ["1:1"]
