from __future__ import annotations

import pytest

from linter.model import Severity
from rules.img_hotlinked import img_hotlinked as rule
from tests.helpers import diagnostics, fix, lint

SINA = "https://n.sinaimg.cn/tech/a.png"
OTHER = "https://cdn.other.net/a.png"
SITE = {"site-hosts": ["example.com"]}
NO_REF = 'referrerpolicy="no-referrer"'


@pytest.mark.parametrize(
    ("html", "config", "expected"),
    [
        pytest.param(f'<img src="{OTHER}">', None, [], id="no-site-hosts-plain-foreign"),
        pytest.param(f'<img src="/a.png" {NO_REF}>', None, [], id="relative-no-referrer"),
        pytest.param(f'<img src="data:image/png;base64,AA" {NO_REF}>', None, [], id="data-url"),
        pytest.param(f'<a href="{SINA}">x</a>', None, [], id="links-are-not-images"),
        pytest.param(f'<img src="{OTHER}" {NO_REF}>', None, ["1:11"], id="no-referrer"),
        pytest.param(f'<img src="{SINA}">', None, ["1:11"], id="referer-checking-host"),
        pytest.param(
            f"<IMG REFERRERPOLICY=NO-REFERRER SRC={SINA}?a=1&amp;b=2#f>",
            None,
            ["1:37"],
            id="unquoted-uppercase",
        ),
        pytest.param(
            f"<img\r\n src='/a.png'\r\n srcset='/a.png 1x, {SINA} 2x'>",
            None,
            ["3:21"],
            id="crlf-multiline-srcset",
        ),
        pytest.param(
            '<img src=" https://n.sinaimg&#46;cn/a.png ">', None, ["1:12"], id="entity-in-src"
        ),
        pytest.param(f'<img src="\t{SINA}\n">', None, ["1:12"], id="tab-and-line-break-around-src"),
        pytest.param(
            f'<img src="{OTHER}" srcset="{SINA} 2x">',
            None,
            [],
            id="only-the-first-hotlinked-url-counts",
        ),
        pytest.param(
            f'<img src="/a.png" srcset="{SINA}">', SITE, ["1:27"], id="relative-src-then-srcset"
        ),
        pytest.param('<img src="https://example.com/a.png">', SITE, [], id="own-host"),
        pytest.param('<img src="https://img.example.com/a.png">', SITE, [], id="own-subdomain"),
        pytest.param(
            '<img src="https://example.com.evil.net/a.png">', SITE, ["1:11"], id="lookalike"
        ),
        pytest.param(f'<img src="{OTHER}">', SITE, ["1:11"], id="foreign-with-site-hosts"),
        pytest.param(
            f'<img src="{OTHER}">',
            {**SITE, "images": {"allowed-hosts": ["other.net"]}},
            [],
            id="allowed-cdn",
        ),
        pytest.param(
            '<img src="https://pics.blog.example/a.png">',
            {"images": {"extend-referer-checking-hosts": ["blog.example"]}},
            ["1:11"],
            id="extra-referer-checking-host",
        ),
    ],
)
def test_img_hotlinked(html: str, config: dict[str, object] | None, expected: list[str]) -> None:
    assert lint(rule, html, config) == expected
    assert fix(rule, html, config) == html


@pytest.mark.parametrize(
    ("html", "config", "message", "severity"),
    [
        (
            f'<img src="{OTHER}" {NO_REF}>',
            None,
            'Image hotlinked from cdn.other.net with referrerpolicy="no-referrer", '
            "which hides the page from the host's Referer check",
            Severity.ERROR,
        ),
        (
            f'<img src="{SINA}">',
            None,
            "Image hotlinked from n.sinaimg.cn, which refuses requests from other sites",
            Severity.ERROR,
        ),
        (
            f'<img src="{OTHER}">',
            SITE,
            "Image hotlinked from cdn.other.net, which is not one of the site's hosts",
            Severity.WARNING,
        ),
    ],
)
def test_message_and_severity(
    html: str, config: dict[str, object] | None, message: str, severity: Severity
) -> None:
    [found] = diagnostics(rule, html, config)
    assert (found.message, found.severity) == (message, severity)
