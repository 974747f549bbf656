from __future__ import annotations

import pytest

from linter.tokens import Broken, Comment, EndTag, Other, RawText, StartTag, Text, scan, tokenize


def kinds(html: str) -> list[tuple[str, str]]:
    return [(type(t).__name__, html[t.start : t.end]) for t in tokenize(html)]


def test_tokens_cover_the_text_without_gaps() -> None:
    html = "<p class=x>a &amp; b<!-- c --><br/>\n<script>1<2</script></p><?php ?><!DOCTYPE html>"
    tokens = tokenize(html)
    assert "".join(html[t.start : t.end] for t in tokens) == html
    # The index of a markup token is its place in scan's list, which has no text.
    markup = scan(html).tokens
    spans = [(type(t), t.start, t.end, t.index) for t in tokens if not isinstance(t, Text)]
    assert spans == [(type(t), t.start, t.end, t.index) for t in markup]
    assert [t.index for t in markup] == list(range(len(markup)))


def test_kinds() -> None:
    assert kinds("<b>x</b><!--c--><script>a<b</script><!doctype html>") == [
        ("StartTag", "<b>"),
        ("Text", "x"),
        ("EndTag", "</b>"),
        ("Comment", "<!--c-->"),
        ("StartTag", "<script>"),
        ("RawText", "a<b"),
        ("EndTag", "</script>"),
        ("Other", "<!doctype html>"),
    ]


@pytest.mark.parametrize(
    ("html", "name", "raw", "quote", "has_value"),
    [
        pytest.param('<a href="x y">', "href", "x y", '"', True, id="double"),
        pytest.param("<a href='x\"y'>", "href", 'x"y', "'", True, id="single"),
        pytest.param("<a href=x>", "href", "x", "", True, id="unquoted"),
        pytest.param("<span style>", "style", "", "", False, id="valueless"),
        pytest.param('<a HREF = "x">', "href", "x", '"', True, id="spaces-and-case"),
        pytest.param('<a\r\n  title="a>b">', "title", "a>b", '"', True, id="gt-in-quotes"),
        pytest.param("<a href=>", "href", "", "", True, id="empty-unquoted"),
    ],
)
def test_attribute_spans(html: str, name: str, raw: str, quote: str, has_value: bool) -> None:
    [tag] = [t for t in tokenize(html) if isinstance(t, StartTag)]
    attribute = tag.attr(name)
    assert attribute is not None
    assert (attribute.raw_value, attribute.quote, attribute.has_value) == (raw, quote, has_value)
    assert html[attribute.value_start : attribute.value_end] == raw
    assert html[attribute.start : attribute.end].lower().startswith(name)


def test_entities_decoded_in_values_only() -> None:
    [tag] = tokenize('<a href="?a=1&amp;b=2">')
    assert isinstance(tag, StartTag)
    assert tag.get("href") == "?a=1&b=2"


def test_duplicate_attribute_keeps_the_first_as_browsers_do() -> None:
    [tag] = tokenize('<a rel="x" rel="y">')
    assert isinstance(tag, StartTag)
    assert tag.get("rel") == "x"
    assert len(tag.attributes) == 1


def test_insert_at_is_after_the_last_attribute() -> None:
    html = '<a href="x" />'
    [tag] = tokenize(html)
    assert isinstance(tag, StartTag)
    assert html[: tag.insert_at] == '<a href="x"'
    assert tag.self_closing


def test_end_tags_match_their_start_tags() -> None:
    tokens = scan("<div><span><b>x</span></div>").tokens
    div, span, bold = (t for t in tokens if isinstance(t, StartTag))
    assert span.end_tag is not None
    assert span.end_tag.name == "span"
    assert tokens[span.end_tag.opener] is span
    assert bold.end_tag is None  # closed implicitly by </span>
    assert div.end_tag is not None
    assert bold.parent is span
    assert span.parent is div


def test_stray_end_tag_matches_nothing() -> None:
    tokens = scan("<p>a</span></p>").tokens  # markup only: the text "a" is between
    stray = tokens[1]
    assert isinstance(stray, EndTag)
    assert stray.opener == -1
    assert tokens[0].end_tag is tokens[2]  # </p> closes <p>; </span> closed nothing


@pytest.mark.parametrize(
    ("html", "last"),
    [
        pytest.param('text <a href="mailto:sarah.re', Broken, id="cut-inside-tag"),
        pytest.param("text <!-- never closed", Comment, id="unterminated-comment"),
        pytest.param("<script>never closed", RawText, id="unterminated-script"),
        pytest.param("<![CDATA[ never closed", Other, id="unterminated-cdata"),
        pytest.param("a < b and c <3", Text, id="lone-less-than"),
    ],
)
def test_broken_input_never_raises(html: str, last: type) -> None:
    tokens = tokenize(html)
    assert isinstance(tokens[-1], last)
    assert tokens[-1].end == len(html)


def test_void_and_raw_text_elements() -> None:
    tokens = tokenize("<p><img src=x><br>t</p><textarea><b>x</b></textarea>")
    p = tokens[0]
    assert isinstance(p, StartTag)
    assert p.end_tag is not None
    assert any(isinstance(t, RawText) and t.end - t.start == 8 for t in tokens)
    assert not any(isinstance(t, StartTag) and t.name == "b" for t in tokens)


@pytest.mark.parametrize(
    ("html", "comments"),
    [
        pytest.param(
            "<p>a<!-- one -->b<!---->c</p><!-- two",
            ["<!-- one -->", "<!---->", "<!-- two"],
            id="in-order-and-unclosed",
        ),
        pytest.param("<script><!-- not a comment --></script><!x>", [], id="raw-text-and-bogus"),
        pytest.param("<!--> <!---> x", ["<!-->", "<!--->"], id="abruptly-closed"),
    ],
)
def test_scan_lists_the_comments_it_found_in_order(html: str, comments: list[str]) -> None:
    scanned = scan(html)
    assert [html[c.start : c.end] for c in scanned.comments] == comments
    assert scanned.comments == [t for t in scanned.tokens if isinstance(t, Comment)]
