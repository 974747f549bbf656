from __future__ import annotations

import pytest

from linter.model import Severity
from rules.insecure_subresource import insecure_subresource as rule
from tests.helpers import diagnostics, fix, lint

H = "http://example.com"


@pytest.mark.parametrize(
    ("html", "expected", "fixed"),
    [
        pytest.param('<img src="https://example.com/a.png">', [], None, id="https"),
        pytest.param('<img src="//example.com/a.png">', [], None, id="scheme-relative"),
        pytest.param('<img src="/a.png?u=http://x">', [], None, id="http-inside-query"),
        pytest.param(f'<a href="{H}/">x</a>', [], None, id="links-are-not-subresources"),
        pytest.param(f'<img data-src="{H}/a.png">', [], None, id="other-attribute"),
        pytest.param('<img src="&#32;&#9;" srcset=" , ">', [], None, id="blank-values"),
        pytest.param(
            f'<img src="{H}/a.png?x=1&amp;y=2#f">',
            ["1:11"],
            '<img src="https://example.com/a.png?x=1&amp;y=2#f">',
            id="img",
        ),
        pytest.param(
            "<IMG SRC=HTTP://EXAMPLE.COM/A.PNG>",
            ["1:10"],
            "<IMG SRC=HTTPS://EXAMPLE.COM/A.PNG>",
            id="unquoted-uppercase-keeps-case",
        ),
        pytest.param(
            f"<img src='https://example.com/a.png' srcset='{H}/a.png 1x, {H}/b.png 2x'>",
            ["1:46", "1:75"],
            "<img src='https://example.com/a.png' "
            "srcset='https://example.com/a.png 1x, https://example.com/b.png 2x'>",
            id="srcset-candidates",
        ),
        pytest.param(
            f'<video poster="{H}/p.jpg"><source src="{H}/v.mp4"><track src="{H}/t.vtt"></video>',
            ["1:16", "1:55", "1:93"],
            '<video poster="https://example.com/p.jpg"><source src="https://example.com/v.mp4">'
            '<track src="https://example.com/t.vtt"></video>',
            id="video-parts",
        ),
        pytest.param(
            f'<iframe\r\n  src=" {H}/embed"\r\n></iframe>',
            ["2:9"],
            '<iframe\r\n  src=" https://example.com/embed"\r\n></iframe>',
            id="crlf-multiline-padded",
        ),
        pytest.param(
            '<img src="h&#x74;tp://example.com/a.png">',
            ["1:11"],
            '<img src="h&#x74;tps://example.com/a.png">',
            id="entity-in-scheme",
        ),
    ],
)
def test_insecure_subresource(html: str, expected: list[str], fixed: str | None) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == html, "the fix is unsafe"
    assert fix(rule, html, unsafe=True) == (html if fixed is None else fixed)


@pytest.mark.parametrize(
    ("html", "severity"),
    [
        (f'<script src="{H}/a.js"></script>', Severity.ERROR),
        (f'<iframe src="{H}/"></iframe>', Severity.ERROR),
        (f'<embed src="{H}/a.swf">', Severity.ERROR),
        (f'<audio src="{H}/a.mp3"></audio>', Severity.WARNING),
    ],
)
def test_blocked_mixed_content_is_an_error(html: str, severity: Severity) -> None:
    [found] = diagnostics(rule, html)
    assert found.severity == severity
