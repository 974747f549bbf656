from __future__ import annotations

import pytest

from linter.model import Applicability
from rules.tracking_parameter import tracking_parameter as rule
from tests.helpers import diagnostics, fix, lint

X = "https://example.com/p"


@pytest.mark.parametrize(
    ("html", "expected", "fixed"),
    [
        pytest.param(f'<a href="{X}?id=3&amp;page=2">x</a>', [], None, id="no-tracking"),
        pytest.param(f'<a href="{X}#utm_source=x">x</a>', [], None, id="in-fragment-only"),
        pytest.param('<a href="/utm_source/x">x</a>', [], None, id="in-path-only"),
        pytest.param('<a href="/a#x?utm_source=1">x</a>', [], None, id="question-in-fragment"),
        pytest.param(f'<a href="{X}?si=1">x</a>', [], None, id="site-only-name-elsewhere"),
        pytest.param(f'<a href="{X}?spmx=1">x</a>', [], None, id="longer-name"),
        pytest.param(f"<p>{X}?utm_source=x</p>", [], None, id="text-not-attribute"),
        pytest.param(f'<a title="{X}?utm_source=x">x</a>', [], None, id="other-attribute"),
        pytest.param(
            f'<a href="https://web.archive.org/web/2020/{X}?utm_source=a">x</a>',
            [],
            None,
            id="archived-url",
        ),
        pytest.param(
            f'<a href="{X}?utm_source=feed&amp;id=7&amp;fbclid=IwA#top">x</a>',
            ["1:10"],
            f'<a href="{X}?id=7#top">x</a>',
            id="entities-and-fragment",
        ),
        pytest.param(
            f'<a href="{X}?id=7&utm_medium=rss&x=%2F">x</a>',
            ["1:10"],
            f'<a href="{X}?id=7&x=%2F">x</a>',
            id="raw-ampersand-and-percent-escapes-kept",
        ),
        pytest.param(
            f'<a href="{X}?utm_source=a&amp;utm_medium=b">x</a>',
            ["1:10"],
            f'<a href="{X}">x</a>',
            id="whole-query-goes-with-its-question-mark",
        ),
        pytest.param(
            f'<a href="{X}?utm_source=a&">x</a>',
            ["1:10"],
            f'<a href="{X}">x</a>',
            id="no-trailing-ampersand",
        ),
        pytest.param(
            f"<A HREF={X}?gclid=1&amp;q=a>x</A>",
            ["1:9"],
            f"<A HREF={X}?q=a>x</A>",
            id="unquoted-uppercase",
        ),
        pytest.param(
            f"<a href='{X}?q=1&amp;MC_EID=2&amp;mc_cid=3'>x</a>",
            ["1:10"],
            f"<a href='{X}?q=1'>x</a>",
            id="single-quoted-any-case",
        ),
        pytest.param(
            f'<a\r\n  href="{X}?_hsenc=a&amp;_hsmi=b&amp;q=1"\r\n  >x</a>',
            ["2:9"],
            f'<a\r\n  href="{X}?q=1"\r\n  >x</a>',
            id="crlf-multiline",
        ),
        pytest.param(
            f'<img src="{X}.png?spm=a.b.c" srcset="{X}.png?igshid=1 1x, {X}@2x.png?x=1 2x">',
            ["1:11", "1:56"],
            f'<img src="{X}.png" srcset="{X}.png 1x, {X}@2x.png?x=1 2x">',
            id="src-and-srcset",
        ),
        pytest.param(
            '<iframe src="https://www.youtube.com/embed/a?si=Zx&amp;start=3"></iframe>',
            ["1:14"],
            '<iframe src="https://www.youtube.com/embed/a?start=3"></iframe>',
            id="site-specific-name",
        ),
        pytest.param(
            f'<a href="{X}?utm_source=a&amp;signature=s">x</a>',
            ["1:10"],
            None,
            id="signed-url-fix-is-unsafe",
        ),
        pytest.param(
            f'<a href=" {X}?msclkid=1&amp;dclid=2 ">x</a>',
            ["1:11"],
            f'<a href=" {X} ">x</a>',
            id="spaces-around-url-kept",
        ),
    ],
)
def test_tracking_parameter(html: str, expected: list[str], fixed: str | None) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == (html if fixed is None else fixed)


def test_a_url_that_would_be_left_empty_is_fixed_only_with_unsafe_fixes() -> None:
    html = '<a href="?utm_source=a">x</a>'
    assert lint(rule, html) == ["1:10"]
    assert fix(rule, html) == html
    assert fix(rule, html, unsafe=True) == '<a href="">x</a>'


def test_signed_url_is_fixed_only_with_unsafe_fixes() -> None:
    html = f'<a href="{X}?utm_source=a&amp;X-Amz-Signature=s">x</a>'
    assert fix(rule, html, unsafe=True) == f'<a href="{X}?X-Amz-Signature=s">x</a>'


def test_message_names_the_parameters_once() -> None:
    [found] = diagnostics(rule, f'<a href="{X}?utm_source=a&utm_source=b&fbclid=c">x</a>')
    assert found.message == "URL in <a href> carries tracking parameters `utm_source`, `fbclid`"


@pytest.mark.parametrize(
    ("config", "html", "fixed"),
    [
        pytest.param(
            {"extend-parameters": ["ref", "cmp_*"]},
            f'<a href="{X}?ref=feed&amp;cmp_id=4&amp;q=1">x</a>',
            f'<a href="{X}?q=1">x</a>',
            id="extend-with-name-and-prefix",
        ),
        pytest.param(
            {"allow-parameters": ["SPM"]},
            f'<a href="{X}?spm=1&amp;utm_source=x">x</a>',
            f'<a href="{X}?spm=1">x</a>',
            id="allow-keeps-a-built-in-name",
        ),
    ],
)
def test_options(config: dict[str, object], html: str, fixed: str) -> None:
    assert fix(rule, html, {"tracking": config}) == fixed


def test_a_value_cut_off_across_lines_gets_an_unsafe_fix_only() -> None:
    html = '<a href="https://x.com/p?utm_source=feed&amp;utm_term=x\n\n## Next item'
    html += '\n\nmore text">y</a>'
    [found] = diagnostics(rule, html)
    assert found.fix is not None
    assert found.fix.applicability is Applicability.UNSAFE
