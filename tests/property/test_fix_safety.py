"""Generated posts through every rule: nothing escapes, and fixes keep their promises."""

from __future__ import annotations

from hypothesis import given

from linter.config import Settings
from linter.engine import Linter
from linter.model import Applicability
from linter.registry import all_rules
from linter.source import Source
from tests.invariants import check_post
from tests.strategies import Post, posts

LINTER = Linter(list(all_rules().values()), Settings())


def _source(post: Post) -> Source:
    return Source(post.name, post.text, post.bom, post.markdown)


@given(posts())
def test_safe_fixes_keep_every_promise(post: Post) -> None:
    outcome = check_post(LINTER, _source(post), Applicability.SAFE)
    assert outcome.violations == []


@given(posts())
def test_unsafe_fixes_keep_structure_and_bytes(post: Post) -> None:
    outcome = check_post(LINTER, _source(post), Applicability.UNSAFE)
    assert outcome.violations == []
