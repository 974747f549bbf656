from __future__ import annotations

import pytest

from rules.empty_attribute import empty_attribute as rule
from tests.helpers import fix, lint


@pytest.mark.parametrize(
    ("html", "expected", "fixed"),
    [
        pytest.param('<span style="color:red">x</span>', [], None, id="style-with-value"),
        pytest.param('<img src="a.png" alt="">', [], None, id="empty-alt-means-decorative"),
        pytest.param("<a href>x</a>", [], None, id="other-attributes-not-checked"),
        pytest.param("<span style>x</span>", ["1:7"], "<span>x</span>", id="valueless-style"),
        pytest.param('<b class="">x</b>', ["1:4"], "<b>x</b>", id="empty-class"),
        pytest.param("<b class=' \t'>x</b>", ["1:4"], "<b>x</b>", id="whitespace-only"),
        pytest.param(
            '<p id="" title lang="en">x</p>',
            ["1:4", "1:10"],
            '<p lang="en">x</p>',
            id="two-on-one-tag",
        ),
        pytest.param(
            "<P\r\n  STYLE=''\r\n  Class=x>y</P>",
            ["2:3"],
            "<P\r\n  Class=x>y</P>",
            id="crlf-multiline-uppercase",
        ),
        pytest.param("<span style/>", ["1:7"], "<span/>", id="self-closing"),
        pytest.param('<a title="" href="/x">x</a>', ["1:4"], '<a href="/x">x</a>', id="first"),
        pytest.param(
            '<p style=""title="t">x</p>', ["1:4"], '<p title="t">x</p>', id="next-attribute-glued"
        ),
    ],
)
def test_empty_attribute(html: str, expected: list[str], fixed: str | None) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == (html if fixed is None else fixed)


def test_front_matter_and_code_are_not_html() -> None:
    post = "---\ntitle: '<span style>'\n---\n\n```html\n<span style>x</span>\n```\n"
    assert lint(rule, post, markdown=True) == []
