from __future__ import annotations

import pytest

from rules.autolink_splits_word import autolink_splits_word as aff001
from rules.autolinker_link import autolinker_link as rule
from tests.helpers import diagnostics, fix, lint

DUOMAI = "https://c.duomai.com/track.php?site_id=242986&amp;euid=&amp;t=https://list.jd.com/"
SIG = f'data-link="1" href="{DUOMAI}"'
MARK = {"affiliate": {"autolink-policy": "mark"}}
KEEP = {"affiliate": {"autolink-policy": "keep"}}


@pytest.mark.parametrize(
    ("html", "expected", "fixed"),
    [
        pytest.param(
            '<a data-link="1" href="https://example.com/">x</a>', [], None, id="plain-href"
        ),
        pytest.param(f'<a href="{DUOMAI}">x</a>', [], None, id="affiliate-without-mark"),
        pytest.param(f'<a data-link="0" href="{DUOMAI}">x</a>', [], None, id="other-data-link"),
        pytest.param(f"<a {SIG}>x", [], None, id="unclosed"),
        pytest.param(
            f'<p>对 <a {SIG} target="_blank">SSD</a> 设备</p>',
            ["1:6"],
            "<p>对 SSD 设备</p>",
            id="cnbeta-keyword",
        ),
        pytest.param(
            '<a class="vglnk" href="http://git.io/x" rel="nofollow">'
            "<span>git</span><span>.</span><span>io</span></a>",
            ["1:1"],
            "<span>git</span><span>.</span><span>io</span>",
            id="viglink-convert",
        ),
        pytest.param(
            f"as an <a {SIG}>OPPO</a>rtunity", ["1:7"], "as an opportunity", id="split-word"
        ),
        pytest.param(
            f"<P>Go\r\n<A DATA-LINK=1\r\nHREF='{DUOMAI}'>Intel</A> now</P>",
            ["2:1"],
            "<P>Go\r\nIntel now</P>",
            id="crlf-uppercase-single-quoted",
        ),
        pytest.param(
            '<a data-link="1" href="https://microsoft.pvxt.net/x9Vg1#top">Windows</a> 11',
            ["1:1"],
            "Windows 11",
            id="impact-vanity-with-fragment",
        ),
        pytest.param(
            f"<a {SIG}>AT&amp;T</a> deals", ["1:1"], "AT&amp;T deals", id="entity-in-text"
        ),
    ],
)
def test_autolinker_link(html: str, expected: list[str], fixed: str | None) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == (html if fixed is None else fixed)


def test_link_with_id_is_only_unwrapped_as_unsafe() -> None:
    html = f'<a id="x" {SIG}>SSD</a> 设备'
    assert lint(rule, html) == ["1:1"]
    assert fix(rule, html) == html
    assert fix(rule, html, unsafe=True) == "SSD 设备"


def test_split_word_gets_exactly_aff001s_fix() -> None:
    html = f"<p><a {SIG}>OPPO</a>rtunity knocks.</p>"
    [ours] = diagnostics(rule, html)
    [theirs] = diagnostics(aff001, html)
    assert ours.fix == theirs.fix
    assert fix([aff001, rule], html) == "<p>Opportunity knocks.</p>"


@pytest.mark.parametrize(
    ("html", "fixed"),
    [
        pytest.param(
            f'<a {SIG} target="_blank">SSD</a>',
            f'<a {SIG} target="_blank" rel="noopener sponsored">SSD</a>',
            id="adds-both-tokens",
        ),
        pytest.param(
            f'<a {SIG} rel="nofollow">SSD</a>',
            f'<a {SIG} rel="nofollow sponsored">SSD</a>',
            id="keeps-tokens",
        ),
        pytest.param(f'<a {SIG} rel="sponsored">SSD</a>', None, id="already-marked"),
        pytest.param(f"as an <a {SIG}>OPPO</a>rtunity", None, id="split-word-left-to-aff001"),
    ],
)
def test_mark_policy(html: str, fixed: str | None) -> None:
    assert len(lint(rule, html, MARK)) == 1
    assert fix(rule, html, MARK) == (html if fixed is None else fixed)


def test_keep_policy_reports_without_a_fix() -> None:
    html = f"<a {SIG}>SSD</a>"
    [found] = diagnostics(rule, html, KEEP)
    assert found.fix is None
    assert found.message == 'Link inserted by an auto-linker (data-link="1" through Duomai (多麦))'


def test_unknown_policy_is_a_config_error() -> None:
    from linter.errors import ConfigError

    with pytest.raises(ConfigError, match="autolink-policy"):
        lint(rule, "<a>x</a>", {"affiliate": {"autolink-policy": "remove"}})
