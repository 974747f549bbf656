from __future__ import annotations

import pytest

from linter.model import Severity
from rules.front_matter_image import front_matter_image_hotlinked as rule
from tests.helpers import diagnostics, fix, lint

SINA = "https://n.sinaimg.cn/tech/a.png"
OTHER = "https://cdn.other.net/a.png"
SITE = {"site-hosts": ["example.com"]}


@pytest.mark.parametrize(
    ("post", "config", "expected"),
    [
        pytest.param(f"---\ncover: {OTHER}\n---\n", None, [], id="no-site-hosts-plain-foreign"),
        pytest.param(f"---\nlink: {SINA}\n---\n", None, [], id="not-an-image-key"),
        pytest.param(f"---\ncover: /img/{SINA}\n---\n", None, [], id="relative"),
        pytest.param(f"<p>\ncover: {SINA}\n</p>\n", None, [], id="no-front-matter"),
        pytest.param(f"---\ncover: |\n  {SINA}\n---\n", None, [], id="block-scalar-skipped"),
        pytest.param(f"---\n# cover: {SINA}\n---\n", None, [], id="comment"),
        pytest.param(f"---\ncover: {SINA}\n---\n", None, ["2:8"], id="plain"),
        pytest.param(f"---\ncover: '{SINA}'\n---\n", None, ["2:9"], id="single-quoted"),
        pytest.param(
            f'---\nHeadImg:   "{SINA}"  # header\n---\n', None, ["2:13"], id="double-quoted-case"
        ),
        pytest.param(
            f"\n---\r\ntitle: x\r\nthumbnail: {SINA}\r\n---\r\nbody\r\n",
            None,
            ["4:12"],
            id="blank-line-first-crlf",
        ),
        pytest.param(
            f"---\ncover:\n  image: {SINA}\nphotos:\n- {SINA}\n-   '{SINA}'\n---\n",
            None,
            ["3:10", "5:3", "6:6"],
            id="nested-and-list",
        ),
        pytest.param(
            f"---\nimages: [{SINA}, '/local.png', \"{SINA}\"]\n---\n",
            None,
            ["2:10", "2:58"],
            id="flow-list",
        ),
        pytest.param(
            f'+++\ntitle = "x"\n[params]\ncover.image = "{SINA}"\n'
            f'images = [\n  "{SINA}",\n]\n+++\n',
            None,
            ["4:16", "6:4"],
            id="toml",
        ),
        pytest.param(f"---\nbanner: {OTHER}\n---\n", SITE, ["2:9"], id="foreign-with-site-hosts"),
        pytest.param("---\nbanner: https://img.example.com/a.png\n---\n", SITE, [], id="own-host"),
        pytest.param(
            f"---\nhero_shot: {SINA}\n---\n",
            {"images": {"extend-front-matter-keys": ["Hero-Shot"]}},
            ["2:12"],
            id="extra-key",
        ),
    ],
)
def test_front_matter_image_hotlinked(
    post: str, config: dict[str, object] | None, expected: list[str]
) -> None:
    assert lint(rule, post, config, markdown=True) == expected
    assert fix(rule, post, config, markdown=True) == post


def test_message_and_severity() -> None:
    [sina] = diagnostics(rule, f"---\nheadimg: {SINA}\n---\n")
    assert sina.message == (
        "Front-matter `headimg` image hotlinked from n.sinaimg.cn, "
        "which refuses requests from other sites"
    )
    assert sina.severity == Severity.ERROR
    [other] = diagnostics(rule, f"---\nog_image: {OTHER}\n---\n", SITE)
    assert other.severity == Severity.WARNING
