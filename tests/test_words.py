"""Letters of alphabetic scripts: the set lookup agrees with the character class."""

from __future__ import annotations

import re

import pytest

from linter.words import ALPHABETIC, is_alphabetic_letter


def test_every_character_up_to_cjk_agrees_with_the_class() -> None:
    letter = re.compile(f"[{ALPHABETIC}]")
    for code in range(0x3100):
        char = chr(code)
        assert is_alphabetic_letter(char) == bool(letter.fullmatch(char)), hex(code)


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        pytest.param("a", True, id="latin"),
        pytest.param("\u00e9", True, id="accented"),
        pytest.param("\u03b1", True, id="greek"),
        pytest.param("\u0436", True, id="cyrillic"),
        pytest.param("\u4e2d", False, id="cjk-is-not-alphabetic"),
        pytest.param("1", False, id="digit"),
        pytest.param("", False, id="empty"),
        pytest.param("ab", False, id="two-letters-are-not-one"),
    ],
)
def test_is_alphabetic_letter(text: str, letter: bool) -> None:
    assert is_alphabetic_letter(text) is letter
