from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.model import Severity
from rules.unsafe_href import _problem
from rules.unsafe_href import unsafe_or_empty_href as rule
from tests.helpers import diagnostics, fix, lint


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param("<a>x</a>", [], id="no-href-at-all"),
        pytest.param('<a href="#top">x</a>', [], id="named-fragment"),
        pytest.param('<a href="/javascript:x">x</a>', [], id="path-not-scheme"),
        pytest.param('<a href="https://x.com/?q=javascript:x">x</a>', [], id="in-query"),
        pytest.param('<a href="java script:x">x</a>', [], id="space-inside-is-no-scheme"),
        pytest.param('<a href="jav&#x01;ascript:x">x</a>', [], id="other-control-inside"),
        pytest.param('<img src="javascript:x">', [], id="not-a-link"),
        pytest.param('<a href="javascript:void(0)">x</a>', ["1:10"], id="javascript"),
        pytest.param('<a href="vbscript:msgbox">x</a>', ["1:10"], id="vbscript"),
        pytest.param("<A HREF=JavaScript:go()>x</A>", ["1:9"], id="unquoted-uppercase"),
        pytest.param("<a href='&#x20;\tjav&#x09;ascript:x'>x</a>", ["1:10"], id="entities-and-tab"),
        pytest.param(
            '<a href="&#106;ava&NewLine;script&colon;x">x</a>', ["1:10"], id="named-and-numeric"
        ),
        pytest.param('<a href="\x01 javascript:x">x</a>', ["1:10"], id="leading-control"),
        pytest.param('<a\r\n href="java\r\nscript:x"\r\n>x</a>', ["2:8"], id="crlf-split"),
        pytest.param('<a href="">x</a>', ["1:4"], id="empty"),
        pytest.param("<a href='  '>x</a>", ["1:10"], id="only-spaces"),
        pytest.param("<a href>x</a>", ["1:4"], id="valueless"),
        pytest.param("<a href=>x</a>", ["1:4"], id="equals-nothing"),
        pytest.param('<a href="#">x</a>', ["1:10"], id="bare-hash"),
        pytest.param("<area href=' # '>", ["1:13"], id="area-padded-hash"),
    ],
)
def test_unsafe_or_empty_href(html: str, expected: list[str]) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == html


@pytest.mark.parametrize(
    ("html", "message", "severity"),
    [
        (
            '<a href="javascript:x">x</a>',
            "<a> href is a `javascript:` URL, which runs script",
            Severity.ERROR,
        ),
        ('<a href="">x</a>', "<a> has an empty href: it reloads the page", Severity.WARNING),
        ('<a href="#">x</a>', '<a> links to "#", which goes nowhere', Severity.WARNING),
    ],
)
def test_message_and_severity(html: str, message: str, severity: Severity) -> None:
    [found] = diagnostics(rule, html)
    assert (found.message, found.severity) == (message, severity)


@given(st.sampled_from(["http://", "https://"]), st.text())
def test_a_web_address_is_never_a_problem(scheme: str, rest: str) -> None:
    """The rule passes over hrefs spelt `http(s)://…` without a look: none can be flagged."""
    assert _problem(scheme + rest) is None
