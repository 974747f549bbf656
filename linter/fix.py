"""Choosing and applying fixes: edits on the original text, back to front, until stable."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from linter.model import Applicability, Diagnostic, Edit

MAX_PASSES = 10


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits of the original `text`; every other character stays."""
    pieces: list[str] = []
    last = 0
    for edit in sorted(edits):
        if edit.start < last:
            raise ValueError(f"overlapping edits at offset {edit.start}")
        pieces.append(text[last : edit.start])
        pieces.append(edit.replacement)
        last = edit.end
    pieces.append(text[last:])
    return "".join(pieces)


class _Taken:
    """The edit spans already chosen in one pass, sorted, for conflict checks."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.spans: list[tuple[int, int]] = []

    def conflicts(self, edit: Edit) -> bool:
        # Chosen spans never overlap, so only the neighbours of `edit.start` can.
        index = bisect.bisect_right(self.starts, edit.start)
        if index > 0:
            start, end = self.spans[index - 1]
            if start == edit.start or end > edit.start:
                return True
        return index < len(self.spans) and self.spans[index][0] < edit.end

    def add(self, edit: Edit) -> None:
        index = bisect.bisect_right(self.starts, edit.start)
        self.starts.insert(index, edit.start)
        self.spans.insert(index, (edit.start, edit.end))


def choose_fixes(diagnostics: Iterable[Diagnostic], wanted: Applicability) -> list[Diagnostic]:
    """Diagnostics whose fixes apply together; one that would touch a chosen edit waits."""
    candidates = sorted(
        (d for d in diagnostics if d.fix is not None and d.fix.applicability >= wanted),
        key=lambda d: (d.fix.start if d.fix else 0, d.code),
    )
    taken = _Taken()
    chosen: list[Diagnostic] = []
    for diagnostic in candidates:
        assert diagnostic.fix is not None
        edits = diagnostic.fix.edits
        if any(taken.conflicts(edit) for edit in edits) or _self_overlapping(edits):
            continue
        for edit in edits:
            taken.add(edit)
        chosen.append(diagnostic)
    return chosen


def _self_overlapping(edits: Sequence[Edit]) -> bool:
    return any(a.end > b.start for a, b in itertools.pairwise(edits))


@dataclass(frozen=True, slots=True)
class FixResult:
    text: str
    remaining: list[Diagnostic]
    applied: list[Diagnostic]
    converged: bool

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_until_stable(
    text: str,
    lint: Callable[[str], list[Diagnostic]],
    wanted: Applicability = Applicability.SAFE,
) -> FixResult:
    """Lint, apply one batch of fixes, re-lint; stop when no fix applies.

    When fixes still apply after MAX_PASSES, the original text comes back with
    `converged=False`: a file that does not settle is never half fixed.
    """
    original = text
    applied: list[Diagnostic] = []
    diagnostics = lint(text)
    for _ in range(MAX_PASSES):
        chosen = choose_fixes(diagnostics, wanted)
        if not chosen:
            return FixResult(text, diagnostics, applied, True)
        text = apply_edits(text, (edit for d in chosen if d.fix for edit in d.fix.edits))
        applied.extend(chosen)
        diagnostics = lint(text)
    if not choose_fixes(diagnostics, wanted):
        return FixResult(text, diagnostics, applied, True)
    return FixResult(original, lint(original), [], False)
