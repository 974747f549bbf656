"""URL helpers: the browser's clean-up, schemes, hosts, srcset candidates."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.charrefs import decode_value
from linter.urls import (
    browser_url,
    host_of,
    plain_url,
    registrable_domain,
    scheme_of,
    site_name,
    srcset_spans,
    url_span,
)


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
        ("https://user@Example.com/", "example.com"),
        ("https://example.com:8080@evil.net/", "evil.net"),
        ("https://example.com\\@evil.net/", "evil.net"),
        ("mailto:a@b.com", ""),
    ],
)
def test_host_of(href: str, host: str) -> None:
    assert host_of(href) == host


def test_no_host_means_no_domain() -> None:
    assert site_name("") == ""
    assert registrable_domain("") == ""


@given(
    st.sampled_from(["https://", "HTTP://", "//", "ftp://", "x:", " https://"]),
    st.text(alphabet="ab.-:/@[]?#%1\\\tXZ", max_size=20),
)
def test_host_of_agrees_with_urlsplit(prefix: str, rest: str) -> None:
    url = browser_url(prefix + rest)
    try:
        expected = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        expected = ""
    assert host_of(prefix + rest) == expected


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        pytest.param(" https://a.example/x ", "https://a.example/x", id="outer-spaces-go"),
        pytest.param("\x01/path\x0c", "/path", id="outer-controls-go"),
        pytest.param("", "", id="empty"),
        pytest.param("https://a.example/?a=1&amp;b=2", None, id="entity-needs-decoding"),
        pytest.param("https://a.example/?a=1&b=2", None, id="bare-ampersand-needs-decoding"),
        pytest.param("https://a.\texample/", None, id="tab-inside"),
        pytest.param("https://a.example/\n", None, id="line-break"),
        pytest.param("https://a.example/\r", None, id="carriage-return"),
    ],
)
def test_plain_url(raw: str, url: str | None) -> None:
    assert plain_url(raw) == url


@given(st.text(alphabet=st.sampled_from("ab:/#?&;=\t\n\r\x0c \x00.")))
def test_plain_url_agrees_with_decoding(raw: str) -> None:
    plain = plain_url(raw)
    if plain is not None:
        assert plain == browser_url(decode_value(raw))
