from __future__ import annotations

import pytest

from rules.target_blank import target_blank_without_noopener as rule
from rules.tracking_parameter import tracking_parameter
from tests.helpers import diagnostics, fix, lint

REL = ' rel="noopener"'


@pytest.mark.parametrize(
    ("html", "expected", "fixed"),
    [
        pytest.param('<a href="/x">x</a>', [], None, id="no-target"),
        pytest.param('<a href="/x" target="_self">x</a>', [], None, id="same-tab"),
        pytest.param('<a target="_blank">x</a>', [], None, id="no-href"),
        pytest.param(
            '<a href="/x" target="_blank" rel="noopener">x</a>', [], None, id="has-noopener"
        ),
        pytest.param(
            '<a href="/x" target="_blank" rel="nofollow NoReferrer">x</a>',
            [],
            None,
            id="noreferrer-implies-noopener",
        ),
        pytest.param(
            '<a href="/x" target="_blank" rel="opener">x</a>', [], None, id="opener-on-purpose"
        ),
        pytest.param(
            '<a href="/x" rel="noopenernoreferrer" target="_blank">x</a>',
            ["1:39"],
            '<a href="/x" rel="noopenernoreferrer noopener" target="_blank">x</a>',
            id="glued-tokens-are-not-tokens",
        ),
        pytest.param(
            '<a href="/x" target="_blank">x</a>',
            ["1:14"],
            f'<a href="/x" target="_blank"{REL}>x</a>',
            id="adds-rel",
        ),
        pytest.param(
            '<a href="/x" target="_blank" rel="nofollow external">x</a>',
            ["1:14"],
            '<a href="/x" target="_blank" rel="nofollow external noopener">x</a>',
            id="keeps-other-tokens",
        ),
        pytest.param(
            "<a rel='nofollow' href=/x target='_blank'>x</a>",
            ["1:27"],
            "<a rel='nofollow noopener' href=/x target='_blank'>x</a>",
            id="single-quoted-rel-keeps-its-place",
        ),
        pytest.param(
            "<a href=/x target=_blank rel=nofollow>x</a>",
            ["1:12"],
            '<a href=/x target=_blank rel="nofollow noopener">x</a>',
            id="unquoted-rel-gains-quotes",
        ),
        pytest.param(
            '<a href="/x" target="_blank" rel="">x</a><a href="/y" target="_blank" rel>y</a>',
            ["1:14", "1:55"],
            f'<a href="/x" target="_blank"{REL}>x</a><a href="/y" target="_blank"{REL}>y</a>',
            id="empty-and-valueless-rel",
        ),
        pytest.param(
            "<A HREF=/x TARGET=_BLANK>x</A>",
            ["1:12"],
            f"<A HREF=/x TARGET=_BLANK{REL}>x</A>",
            id="uppercase",
        ),
        pytest.param(
            '<a\r\n  href="https://x.com/?a=1&amp;b=2#f"\r\n  target=" _blank"\r\n>x</a>',
            ["3:3"],
            f'<a\r\n  href="https://x.com/?a=1&amp;b=2#f"\r\n  target=" _blank"{REL}\r\n>x</a>',
            id="crlf-multiline-padded-target",
        ),
        pytest.param(
            '<map><area href="/x" target="_blank" alt="x"/></map>',
            ["1:22"],
            f'<map><area href="/x" target="_blank" alt="x"{REL}/></map>',
            id="area-self-closing",
        ),
    ],
)
def test_target_blank_without_noopener(html: str, expected: list[str], fixed: str | None) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == (html if fixed is None else fixed)


def test_message_quotes_the_target() -> None:
    [found] = diagnostics(rule, "<a href=/x target=_Blank>x</a>")
    assert found.message == 'Link with `target=_Blank` lacks rel="noopener"'


def test_one_pass_with_the_tracking_fix_on_the_same_tag() -> None:
    html = "<a target=_blank href=https://x.com/?utm_source=a>x</a>"
    fixed = fix([rule, tracking_parameter], html)
    assert fixed == '<a target=_blank href=https://x.com/ rel="noopener">x</a>'


def test_fix_still_adds_noopener_when_run_outside_the_selection() -> None:
    html = '<a href="/x" target="_blank">x</a>'
    assert fix(rule, html, {"select": ["URL"]}) == f'<a href="/x" target="_blank"{REL}>x</a>'
