from __future__ import annotations

import pytest

from linter.fix import MAX_PASSES, apply_edits, choose_fixes, fix_until_stable
from linter.model import Applicability, Diagnostic, Edit, Fix, Location, Severity
from linter.registry import FixAvailability


def diagnostic(fix: Fix, code: str = "HTM001") -> Diagnostic:
    here = Location(1, 1)
    return Diagnostic("p", code, "n", Severity.WARNING, 0, 1, here, here, "m", fix)


def test_apply_edits_back_to_front_keeps_everything_else() -> None:
    text = "<p><span style>x</span></p>"
    edits = [Edit.delete(3, 15), Edit.delete(16, 23), Edit.insert(2, ' class="a"')]
    assert apply_edits(text, edits) == '<p class="a">x</p>'


def test_apply_edits_rejects_overlaps() -> None:
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])


@pytest.mark.parametrize(
    ("first", "second", "both"),
    [
        pytest.param(Edit(0, 3), Edit(3, 5), True, id="touching-deletions"),
        pytest.param(Edit(0, 3), Edit(2, 5), False, id="overlapping"),
        pytest.param(Edit.insert(3, "a"), Edit.insert(3, "b"), False, id="same-insertion-point"),
        pytest.param(Edit(0, 6), Edit.insert(3, "b"), False, id="insertion-inside"),
        pytest.param(Edit(0, 3), Edit.insert(3, "b"), True, id="insertion-at-end"),
    ],
)
def test_choose_fixes_defers_conflicts(first: Edit, second: Edit, both: bool) -> None:
    chosen = choose_fixes(
        [diagnostic(Fix.safe("a", first)), diagnostic(Fix.safe("b", second), "HTM002")],
        Applicability.SAFE,
    )
    assert len(chosen) == (2 if both else 1)


def test_choose_fixes_respects_applicability() -> None:
    fixes = [
        diagnostic(Fix.unsafe("u", Edit(0, 1))),
        diagnostic(Fix.display_only("d", Edit(2, 3))),
    ]
    assert choose_fixes(fixes, Applicability.SAFE) == []
    assert [d.fix.title for d in choose_fixes(fixes, Applicability.UNSAFE) if d.fix] == ["u"]


def test_fixes_repeat_until_stable() -> None:
    def lint(text: str) -> list[Diagnostic]:
        index = text.find("x")
        return [] if index < 0 else [diagnostic(Fix.safe("drop x", Edit(index, index + 1)))]

    result = fix_until_stable("axbxc", lint)
    assert result.converged
    assert result.text == "abc"
    assert len(result.applied) == 2


def test_a_file_that_never_settles_comes_back_unchanged() -> None:
    def lint(text: str) -> list[Diagnostic]:
        return [diagnostic(Fix.safe("grow", Edit.insert(0, "x")))]

    result = fix_until_stable("abc", lint)
    assert not result.converged
    assert result.text == "abc"
    assert result.applied == []
    assert MAX_PASSES >= 2


def test_a_fix_that_changes_nothing_is_dropped() -> None:
    from collections.abc import Iterator

    from linter.config import Settings
    from linter.document import Document
    from linter.engine import Linter
    from linter.model import Finding
    from linter.registry import rule
    from linter.source import Source

    @rule("HTM997", summary="Test rule", fix=FixAvailability.ALWAYS)
    def same_again(doc: Document, settings: Settings) -> Iterator[Finding]:
        """## What it does\nx\n## Why is this bad?\nx\n## Example\nUse instead:\n## Fix safety\n"""
        yield Finding(0, 1, "m", Fix.safe("again", Edit(0, 1, doc.text[0])))

    linter = Linter([same_again], Settings())
    [found] = linter.lint(Source("p", "abc"))
    assert found.fix is None
    assert linter.fix(Source("p", "abc")).converged
