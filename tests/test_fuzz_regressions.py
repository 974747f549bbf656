"""Posts the property tests found mishandled, each pinned with the behaviour it now has."""

from __future__ import annotations

import pytest

from linter.config import Settings
from linter.engine import Linter
from linter.markdown import code_spans
from linter.registry import all_rules
from linter.source import Source
from linter.tokens import Broken, StartTag, tokenize
from rules.autolink_splits_word import autolink_splits_word
from tests.helpers import diagnostics, fix

RULES = list(all_rules().values())
AUTOLINK = '<a data-link="1" href="https://c.duomai.com/track.php?t=x">'


def test_end_tag_that_closes_an_inner_element_keeps_its_span() -> None:
    # Without the span, `b` would turn italic: the </span> is what ends the <i>.
    html = "the<span><i>a</span>b"
    assert fix(RULES, html) == html


def test_split_word_link_that_closes_an_inner_element_has_no_fix() -> None:
    html = f"an {AUTOLINK}<b>OPPO</a>rtunity"
    found = diagnostics(autolink_splits_word, html)
    assert [d.fix for d in found] == [None]
    assert fix(autolink_splits_word, html, unsafe=True) == html


def test_a_link_that_closes_an_open_link_is_not_unwrapped() -> None:
    # Without the second <a>, the first (never closed) would run on over the <p>.
    html = f'<a href="/x">one <p>two {AUTOLINK}OPPO</a>rtunity <b>three</b>'
    found = diagnostics(autolink_splits_word, html)
    assert [d.fix for d in found] == [None]
    assert fix(autolink_splits_word, html, unsafe=True) == html


def test_unterminated_quoted_value_means_the_file_ends_inside_the_tag() -> None:
    html = '<a href="mailto:sarah.re<p>the<span style>x</span></p>'
    assert [type(t) for t in tokenize(html)] == [Broken]
    assert fix(RULES, html) == html


@pytest.mark.parametrize(
    ("html", "names"),
    [
        pytest.param('<a b="x"="y">t', ["a"], id="equals-after-quoted-value-starts-a-name"),
        pytest.param("<a b= >t", ["a"], id="empty-value-before-gt"),
        pytest.param('<a b=c"d>t', ["a"], id="quote-inside-unquoted-value"),
        pytest.param('<p title="a>b">q</p>', ["p"], id="gt-inside-quotes"),
    ],
)
def test_tags_that_still_parse(html: str, names: list[str]) -> None:
    assert [t.name for t in tokenize(html) if isinstance(t, StartTag)] == names


def _held_back(text: str, *, markdown: bool = False) -> str:
    """Fix with every rule; the fixes held back leave their findings reported."""
    source = Source("post.md" if markdown else "post.html", text, markdown=markdown)
    result = Linter(RULES, Settings()).fix(source)
    assert result.converged
    return result.text


def test_removing_an_empty_wrapper_never_makes_a_tag_of_text() -> None:
    # `<<span></span>the` shows "<the"; deleting the span would make `<the` a tag.
    assert _held_back("<<span></span>the") == "<<span></span>the"
    assert _held_back("<<span><span></span></span>the") == "<<span><span></span></span>the"
    assert fix(RULES, "< <span></span>the") == "< the"


def test_removing_a_wrapper_never_makes_an_entity_of_text() -> None:
    assert _held_back("&am<span></span>p; x") == "&am<span></span>p; x"
    assert _held_back("&not<span>in;</span> x") == "&not<span>in;</span> x"
    assert fix(RULES, "&amp;<span></span>p x") == "&amp;p x"


def test_removing_a_wrapper_never_lengthens_a_backtick_run() -> None:
    post = "x ``<span></span>` y\n"  # no closers: the span is HTML, not code
    assert _held_back(post, markdown=True) == post


def test_in_markdown_a_fix_never_removes_a_blank_line() -> None:
    # The blank line ends the paragraph: without it the backticks would pair up.
    post = '`<p\r\r\nstyle=""></p>`'
    assert _held_back(post, markdown=True) == post
    assert fix(RULES, '<p\r\n  style=""></p>', markdown=True) == "<p></p>"


def test_a_tag_starting_a_paragraph_line_does_not_hide_its_code_spans() -> None:
    # CommonMark: `<span …>text` starts a paragraph, not an HTML block, so the backticks
    # make a code span, and the HTML inside it is code, never fixed.
    post = "<span style>x</span>the`<span style>x</span>`\n"
    assert code_spans(post, 0) == [(23, 45)]
    assert fix(RULES, post, markdown=True) == "xthe`<span style>x</span>`\n"


@pytest.mark.parametrize(
    "line",
    ["<div>", "<p>text", "</ul>", "<!-- c", "<script>", "<a href='x'>  ", "   <PRE>"],
)
def test_html_block_lines_still_hide_nothing(line: str) -> None:
    assert code_spans(f"{line}\n`x`\n", 0) == []
