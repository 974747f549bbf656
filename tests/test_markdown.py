from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.markdown import code_spans, find_front_matter


def hidden(text: str) -> list[str]:
    return [text[a:b] for a, b in code_spans(text, 0)]


@pytest.mark.parametrize(
    ("text", "fence", "body"),
    [
        pytest.param("---\ntitle: x\n---\nbody", "---", "title: x\n", id="yaml"),
        pytest.param("\n---\ntitle: x\n---\n", "---", "title: x\n", id="leading-blank-line"),
        pytest.param("+++\ntitle = 'x'\n+++\n", "+++", "title = 'x'\n", id="toml"),
        pytest.param("---\r\na: 1\r\n---\r\n", "---", "a: 1\r\n", id="crlf"),
    ],
)
def test_front_matter(text: str, fence: str, body: str) -> None:
    found = find_front_matter(text)
    assert found is not None
    assert found.fence == fence
    assert text[found.body_start : found.body_end] == body


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("---\ntitle: never closed\n", id="unclosed"),
        pytest.param("text\n---\na: 1\n---\n", id="not-at-start"),
        pytest.param("<p>---</p>", id="html"),
    ],
)
def test_no_front_matter(text: str) -> None:
    assert find_front_matter(text) is None


def test_fenced_blocks_with_backticks_and_tildes() -> None:
    text = "a\n\n```html\n<span style>\n```\n\n~~~~\n<b>\n~~~~\nafter\n"
    assert hidden(text) == ["```html\n", "<span style>\n", "```\n", "~~~~\n", "<b>\n", "~~~~\n"]


def test_unclosed_fence_runs_to_the_end() -> None:
    assert hidden("```\n<span style>\n") == ["```\n", "<span style>\n"]


def test_indented_code_after_a_blank_line_only() -> None:
    text = "para\n    <span>continuation</span>\n\n    <span>code</span>\n"
    assert hidden(text) == ["    <span>code</span>\n"]


def test_indented_html_inside_an_html_block_is_html() -> None:
    text = "<figure>\n      <img src=x>\n    </figure>\n"
    assert hidden(text) == []


def test_list_continuation_is_not_code() -> None:
    text = "- item\n\n    <span>still the item</span>\n"
    assert hidden(text) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        pytest.param("a `<span>` b", ["`<span>`"], id="simple"),
        pytest.param("a ``x ` y`` b", ["``x ` y``"], id="double-backticks"),
        pytest.param("a \\`<b>\\` b", [], id="escaped"),
        pytest.param('a <a title="`x`">y</a> b', [], id="backticks-inside-a-tag"),
        pytest.param("a `unclosed <b>", [], id="unclosed"),
        pytest.param("a `x\ny` b", ["`x\ny`"], id="across-lines"),
    ],
)
def test_inline_code_spans(text: str, spans: list[str]) -> None:
    assert hidden(text) == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        pytest.param("    <b>code</b>\n", ["    <b>code</b>\n"], id="first-line"),
        pytest.param("\n\t<b>code</b>\n", ["\t<b>code</b>\n"], id="after-a-first-blank-line"),
        pytest.param("p\n \u3000\n    <b>c</b>\n", ["    <b>c</b>\n"], id="after-wide-space"),
        pytest.param("p\n    <b>p</b>\n  \t<b>p</b>\n", [], id="indented-inside-a-paragraph"),
        pytest.param("p\r\n\r\n    <b>c</b>\r\n", ["    <b>c</b>\r\n"], id="crlf"),
        pytest.param("p\n\n    \n", [], id="indented-blank-line"),
    ],
)
def test_indented_code_blocks(text: str, spans: list[str]) -> None:
    assert hidden(text) == spans


_LINES = ["", " ", " \u3000", "p", "<div>", "</div>", "- item", "    <b>", "   \tx", "  x", "1. x"]


@given(st.lists(st.sampled_from(_LINES), max_size=12), st.sampled_from(["\n", "\r\n", "\r"]))
def test_the_quick_check_for_code_never_changes_the_spans(lines: list[str], eol: str) -> None:
    """Skipping the line-by-line walk when no code can start must give the walk's answer."""
    text = eol.join(lines)
    with patch("linter.markdown._may_have_code", return_value=True):
        walked = code_spans(text, 0)
    assert code_spans(text, 0) == walked
