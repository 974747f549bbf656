from __future__ import annotations

import pytest

from rules.shortened_link import shortened_link as rule
from tests.helpers import diagnostics, fix, lint


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param('<a href="https://example.com/bit.ly">x</a>', [], id="name-in-path"),
        pytest.param('<a href="https://notbit.ly/x">x</a>', [], id="lookalike-host"),
        pytest.param('<a href="https://youtu.be/abc">x</a>', [], id="brand-short-domain"),
        pytest.param('<a href="/t.co/x">x</a>', [], id="relative"),
        pytest.param('<img src="https://bit.ly/x.png">', [], id="not-a-link"),
        pytest.param('<a href="https://jd.com/item">x</a>', [], id="parent-of-short-host"),
        pytest.param('<a href="https://bit.ly/3xYz">x</a>', ["1:10"], id="bitly"),
        pytest.param("<A HREF=HTTPS://T.CO/abc>x</A>", ["1:9"], id="unquoted-uppercase"),
        pytest.param("<a href='//amzn.to/3Ab'>x</a>", ["1:10"], id="scheme-relative"),
        pytest.param(
            '<a href="https://u.jd.com/x?a=1&amp;b=2#f">x</a>', ["1:10"], id="host-specific"
        ),
        pytest.param('<a href="http://www.tinyurl.com/x">x</a>', ["1:10"], id="subdomain"),
        pytest.param(
            '<a\r\n href="https://t.cn/A6x"\r\n>x</a><area href="https://dwz.cn/y">',
            ["2:8", "3:19"],
            id="crlf-multiline-and-area",
        ),
        pytest.param(
            '<blockquote class="twitter-tweet"><p><a href="https://t.co/x">pic</a></p>'
            "</blockquote>",
            [],
            id="embedded-tweet",
        ),
        pytest.param(
            '<blockquote class="twitter-tweet"><a href="https://bit.ly/x">x</a></blockquote>',
            ["1:44"],
            id="other-shortener-in-tweet",
        ),
    ],
)
def test_shortened_link(html: str, expected: list[str]) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == html


def test_message_names_the_shortener() -> None:
    [found] = diagnostics(rule, '<a href="https://geni.us/x">x</a>')
    assert found.message == "Link through the shortener geni.us hides its destination"


@pytest.mark.parametrize(
    ("config", "html", "expected"),
    [
        ({"extend-hosts": ["go.example"]}, '<a href="https://go.example/x">x</a>', ["1:10"]),
        ({"allow-hosts": ["bit.ly"]}, '<a href="https://bit.ly/x">x</a>', []),
    ],
)
def test_options(config: dict[str, object], html: str, expected: list[str]) -> None:
    assert lint(rule, html, {"shorteners": config}) == expected
