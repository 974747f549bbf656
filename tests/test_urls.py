"""URL helpers: attribute decoding with offsets, srcset, queries and removal spans."""

from __future__ import annotations

import pytest

from linter.urls import (
    browser_url,
    decode_attribute,
    find_query,
    host_of,
    registrable_domain,
    removal_spans,
    scheme_of,
    site_name,
    srcset_spans,
    url_span,
)


@pytest.mark.parametrize(
    ("raw", "decoded"),
    [
        pytest.param("a&amp;b", "a&b", id="named-with-semicolon"),
        pytest.param("a&AMP;b", "a&b", id="upper-case-name"),
        pytest.param("?a=1&copy=2", "?a=1&copy=2", id="legacy-name-before-equals-stays"),
        pytest.param("&copyright", "&copyright", id="legacy-name-running-on-stays"),
        pytest.param("&copy x", "© x", id="legacy-name-alone-decodes"),
        pytest.param("&copy;=", "©=", id="semicolon-always-decodes"),
        pytest.param("&bogus;", "&bogus;", id="unknown-name-stays"),
        pytest.param("jav&#x09;ascript", "jav\tascript", id="hex-tab"),
        pytest.param("&#106;&#X61;", "ja", id="decimal-and-upper-x"),
        pytest.param("&#0;&#xD800;&#x110000;", "\ufffd" * 3, id="invalid-code-points"),
        pytest.param("&#128;&#x81;", "€\x81", id="windows-1252-range"),
        pytest.param("&#99999999999999999999;", "\ufffd", id="huge-number"),
        pytest.param("&#;&#x;&", "&#;&#x;&", id="not-references"),
    ],
)
def test_decode_attribute(raw: str, decoded: str) -> None:
    value = decode_attribute("<" + raw + ">", 1, len(raw) + 1)
    assert value.text == decoded
    assert len(value.offsets) == len(decoded) + 1
    assert value.offsets[0] == 1
    assert value.offsets[-1] == len(raw) + 1


def test_offsets_point_at_the_raw_text_of_each_character() -> None:
    raw = "x?a=1&amp;b=2"
    value = decode_attribute(raw, 0, len(raw))
    amp = value.text.index("&")
    assert value.source_span(amp, amp + 1) == (5, 10)
    assert raw[value.offsets[amp + 1]] == "b"


@pytest.mark.parametrize(
    ("srcset", "urls"),
    [
        pytest.param("a.png", ["a.png"], id="one"),
        pytest.param("a.png 1x, b.png 2x", ["a.png", "b.png"], id="two-with-descriptors"),
        pytest.param("a.png,b.png", ["a.png,b.png"], id="comma-inside-a-url-is-part-of-it"),
        pytest.param("a.png, b.png,", ["a.png", "b.png"], id="trailing-commas"),
        pytest.param(
            "data:image/png;base64,AA== 1x, c.png 2x",
            ["data:image/png;base64,AA==", "c.png"],
            id="data-url",
        ),
        pytest.param(" \n ,, ", [], id="nothing"),
    ],
)
def test_srcset_spans(srcset: str, urls: list[str]) -> None:
    assert [srcset[start:end] for start, end in srcset_spans(srcset)] == urls


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://x.com/a?utm_source=tw&id=3&fbclid=Ab#c", "https://x.com/a?id=3#c"),
        ("https://x.com/a?utm_source=tw&amp;id=3#c", "https://x.com/a?id=3#c"),
        ("https://x.com/a?id=3&amp;utm_source=tw", "https://x.com/a?id=3"),
        ("https://x.com/a?utm_a=1&amp;utm_b=2#f", "https://x.com/a#f"),
        ("https://x.com/a?utm_a=1&&b=2&", "https://x.com/a?b=2"),
        ("https://x.com/a?b=2&utm_a=1&c&utm_b", "https://x.com/a?b=2&c"),
        ("https://x.com/a?b=%20&utm_a=1", "https://x.com/a?b=%20"),
        ("/a?utm%5Fsource=1&b=2", "/a?b=2"),
        ("https://x.com/a?b=1#x?utm_a=1", "https://x.com/a?b=1#x?utm_a=1"),
        ("https://x.com/a?b=1&#38;utm_a=1&#38;c=3", "https://x.com/a?b=1&#38;c=3"),
        ("/a?b=1&amp;amp;utm_a=1&amp;amp;c=3", "/a?b=1&amp;amp;c=3"),
        ("/a?amp;utm_a=1&amp;amp;c=3", "/a?amp;c=3"),
    ],
)
def test_removal_spans_keep_every_other_byte(url: str, kept: str) -> None:
    value = decode_attribute(url, 0, len(url))
    query = find_query(value.text)
    assert query is not None
    spans = removal_spans(query, lambda p: p.name.startswith("utm_") or p.name == "fbclid")
    result = url
    for start, end in reversed(spans):
        raw_start, raw_end = value.source_span(start, end)
        result = result[:raw_start] + result[raw_end:]
    assert result == kept


@pytest.mark.parametrize("url", ["https://x.com/a", "https://x.com/#a?b=1", "/a#?x"])
def test_no_query(url: str) -> None:
    assert find_query(url) is None


def test_nothing_to_remove_means_no_spans() -> None:
    query = find_query("/a?b=1&c=2")
    assert query is not None
    assert removal_spans(query, lambda p: False) == []


@pytest.mark.parametrize(
    ("href", "cleaned", "scheme"),
    [
        (" \x01javascript:x ", "javascript:x", "javascript"),
        ("jav\tascr\nipt:x", "javascript:x", "javascript"),
        ("HTTP://Example.com/", "HTTP://Example.com/", "http"),
        ("/path:x", "/path:x", ""),
        ("a b:c", "a b:c", ""),
    ],
)
def test_browser_url_and_scheme(href: str, cleaned: str, scheme: str) -> None:
    assert browser_url(href) == cleaned
    assert scheme_of(cleaned) == scheme


@pytest.mark.parametrize(
    ("text", "span"), [(" \t x \n", (3, 4)), ("", (0, 0)), ("   ", (3, 3)), ("ab", (0, 2))]
)
def test_url_span(text: str, span: tuple[int, int]) -> None:
    assert url_span(text) == span


@pytest.mark.parametrize(
    ("href", "host"),
    [
        ("https://WWW.Example.COM./x", "www.example.com"),
        ("//cdn.example.com/a.png", "cdn.example.com"),
        ("/local.png", ""),
        ("http://[::1", ""),
        ("https://x.com:99999/", "x.com"),
    ],
)
def test_host_of(href: str, host: str) -> None:
    assert host_of(href) == host


def test_no_host_means_no_domain() -> None:
    assert site_name("") == ""
    assert registrable_domain("") == ""
