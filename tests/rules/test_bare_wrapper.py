from __future__ import annotations

import pytest

from rules.bare_wrapper import bare_wrapper as rule
from rules.empty_attribute import empty_attribute
from tests.helpers import fix, lint


@pytest.mark.parametrize(
    ("html", "expected", "fixed"),
    [
        pytest.param('<span class="x">a</span>', [], None, id="span-with-attribute"),
        pytest.param("<b>a</b>", [], None, id="other-elements"),
        pytest.param("<span>a</span>", ["1:1"], "a", id="bare-span"),
        pytest.param(
            '<font>a</font> <font color="red">b</font>',
            ["1:1"],
            'a <font color="red">b</font>',
            id="bare-font",
        ),
        pytest.param(
            "<p><span><span>a</span>b</span></p>",
            ["1:4", "1:10"],
            "<p>ab</p>",
            id="nested-in-one-pass",
        ),
        pytest.param("<SPAN>a\r\n</SPAN>", ["1:1"], "a\r\n", id="uppercase-crlf"),
        pytest.param("<p><span>never closed</p>", ["1:4"], "<p>never closed</p>", id="unclosed"),
        pytest.param("<span >a</span >", ["1:1"], "a", id="space-before-bracket"),
    ],
)
def test_bare_wrapper(html: str, expected: list[str], fixed: str | None) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == (html if fixed is None else fixed)


def test_together_with_empty_attribute() -> None:
    html = "<p><span style><span style>Text</span></span></p>"
    assert fix([empty_attribute, rule], html) == "<p>Text</p>"


def test_markdown_code_keeps_its_spans() -> None:
    post = "Inline `<span>x</span>` stays.\n\n    <span>indented code</span>\n"
    assert lint(rule, post, markdown=True) == []
