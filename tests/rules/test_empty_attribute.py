from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.document import Document
from linter.source import Source
from rules.empty_attribute import CHECKED
from rules.empty_attribute import empty_attribute as rule
from tests.helpers import fix, lint, settings


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


# The pre-check must never hide a finding: each case is one the rule has to report on a
# tag whose attributes no other rule parses (`<p>`, `<div>`...).
@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param("<p STYLE>x</p>", ["1:4"], id="upper-case-bare"),
        pytest.param('<div Class="">x</div>', ["1:6"], id="mixed-case-empty"),
        pytest.param("<p iD='\t\n'>x</p>", ["1:4"], id="blank-single-quoted"),
        pytest.param("<p title=>x</p>", ["1:4"], id="equals-and-nothing"),
        pytest.param("<p title = >x</p>", ["1:4"], id="equals-between-spaces"),
        pytest.param('<p a="x"style>y</p>', ["1:9"], id="glued-after-a-quote"),
        pytest.param("<p/lang>x</p>", ["1:4"], id="after-a-slash"),
        pytest.param('<p\ndir\n=\n"">x</p>', ["2:1"], id="line-breaks-around-equals"),
        pytest.param("<td style/>", ["1:5"], id="bare-before-self-closing"),
        pytest.param('<p class id="x">y</p>', ["1:4"], id="bare-before-another"),
        pytest.param('<p data-id="" aria-title>x</p>', [], id="longer-names-are-not-checked"),
        pytest.param('<p class="&#32;">x</p>', [], id="an-entity-is-a-value"),
        pytest.param('<p title="a" title="">x</p>', [], id="duplicate-ignored-as-browsers-do"),
    ],
)
def test_pre_check_hides_no_finding(html: str, expected: list[str]) -> None:
    assert lint(rule, html) == expected


def test_case_insensitive_names_match_every_spelling_lower_accepts() -> None:
    # A name is compared after str.lower(): any character that lowers to a letter of a
    # checked name must be matched by the pre-check's case-insensitive pattern.
    letters = set("".join(CHECKED))
    for code in range(0x110000):
        char = chr(code)
        lowered = char.lower()
        if lowered in letters:
            assert re.fullmatch(lowered, char, re.IGNORECASE), hex(code)


_PIECES = st.sampled_from(
    [
        "style", "STYLE", "Class", "id", "iD", "title", "lang", "dir", "data-id", "x",
        " ", "\t", "\n", "/", "=", " = ", '""', "''", '" "', "'\t'", '"v"', "v", "&#32;",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=8), st.sampled_from(["p", "div", "span", "a", "img"]))
def test_findings_equal_a_check_of_every_parsed_attribute(pieces: list[str], name: str) -> None:
    html = f"<{name} {''.join(pieces)}>x</{name}>"
    doc = Document(Source("post.html", html))
    expected = [
        (attribute.start, attribute.end)
        for tag in doc.start_tags()
        for attribute in tag.attributes
        if attribute.name in CHECKED and not attribute.raw_value.strip("\t\n\f\r ")
    ]
    found = [(f.start, f.end) for f in rule.check(Document(Source("post.html", html)), settings())]
    assert found == expected
