from __future__ import annotations

import pytest

from rules.img_alt_missing import img_alt_missing as rule
from tests.helpers import diagnostics, fix, lint


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param('<img src="a.png" alt="A cat">', [], id="has-alt"),
        pytest.param('<img src="a.png" alt="">', [], id="decorative"),
        pytest.param('<img src="a.png" aria-hidden="true">', [], id="aria-hidden"),
        pytest.param('<img src="a.png" role="presentation">', [], id="role-presentation"),
        pytest.param('<img src="a.png" ROLE="None">', [], id="role-none"),
        pytest.param('<img src="a.png">', ["1:1"], id="missing"),
        pytest.param('<p>x</p>\n<IMG\n SRC="a.png"/>', ["2:1"], id="uppercase-multiline"),
        pytest.param('<img src="a.png" aria-hidden="false">', ["1:1"], id="not-hidden"),
        pytest.param('<img src="a.png" alt>', [], id="valueless-alt-counts-as-empty"),
    ],
)
def test_img_alt_missing(html: str, expected: list[str]) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == html


def test_message_shows_the_source() -> None:
    [found] = diagnostics(rule, '<img src="/cat.png">')
    assert "/cat.png" in found.message
