"""The tracking-parameter pre-check: its factored pattern finds what a plain one finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.tracking import GLOBAL_NAMES, GLOBAL_PREFIXES, TrackingParameters, alternation

_WORDS = st.lists(st.text(alphabet="abU_", max_size=4), max_size=6)


@given(_WORDS, st.text(alphabet="abuU_?&x", max_size=12))
def test_alternation_matches_what_a_plain_alternation_matches(words: list[str], text: str) -> None:
    plain = re.compile("(?:" + "|".join(re.escape(word) for word in words) + ")", re.IGNORECASE)
    factored = re.compile(alternation(words), re.IGNORECASE)
    for start in range(len(text) + 1):
        assert bool(plain.match(text, start)) == bool(factored.match(text, start))


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("https://e.example/?UTM_SOURCE=x", id="upper-case-prefix"),
        pytest.param("https://e.example/?a=1&amp;FbClId=2", id="mixed-case-after-an-entity"),
        pytest.param("https://e.example/?a=1;gclid=2", id="semicolon-separator"),
        pytest.param("https://e.example/?utm%5Fsource=x", id="percent-escaped-name"),
        pytest.param("https://www.youtube.com/watch?v=1&si=x", id="site-name"),
        pytest.param("https://YOUTU.BE/x?si=1", id="site-name-that-starts-another"),
        pytest.param("https://m.bilibili.com/video/1?p=1", id="site-name-with-only-a-plain-query"),
        *(pytest.param(f"/p?{name}=1", id=name) for name in sorted(GLOBAL_NAMES)),
        *(pytest.param(f"/p?{prefix}x=1", id=prefix) for prefix in GLOBAL_PREFIXES),
    ],
)
def test_may_track_lets_every_tracking_spelling_through(raw: str) -> None:
    assert TrackingParameters().may_track(raw)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("https://e.example/post", id="no-query"),
        pytest.param("https://e.example/?id=7&page=2", id="plain-parameters"),
    ],
)
def test_may_track_turns_away_plain_queries(raw: str) -> None:
    assert not TrackingParameters().may_track(raw)
