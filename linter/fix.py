"""Choosing and applying fixes: edits on the original text, back to front, until stable."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import unescape

from linter.model import Applicability, Diagnostic, Edit

MAX_PASSES = 10
_ENTITY_TAIL = re.compile(r"[#A-Za-z0-9]*+")
_BREAK = re.compile(r"\r\n?|\n")


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
    """The edit spans already chosen in one pass, sorted, for conflict checks.

    Kept in blocks of at most 2 * _BLOCK spans, so adding one costs a block's length, not
    the whole list's: 100,000 nested wrappers make 200,000 edits in one pass.
    """

    _BLOCK = 256

    def __init__(self) -> None:
        self.blocks: list[list[tuple[int, int]]] = []
        self.firsts: list[int] = []  # the first start of each block

    def _neighbours(self, at: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """The last chosen span starting at or before `at`, and the first one after it."""
        block = bisect.bisect_right(self.firsts, at) - 1
        if block < 0:
            return None, (self.blocks[0][0] if self.blocks else None)
        spans = self.blocks[block]
        index = bisect.bisect_right(spans, (at, float("inf")))
        after = spans[index] if index < len(spans) else None
        if after is None and block + 1 < len(self.blocks):
            after = self.blocks[block + 1][0]
        return spans[index - 1], after

    def conflicts(self, edit: Edit) -> bool:
        # Chosen spans never overlap, so only the neighbours of `edit.start` can.
        before, after = self._neighbours(edit.start)
        if before is not None and (before[0] == edit.start or before[1] > edit.start):
            return True
        return after is not None and after[0] < edit.end

    def add(self, edit: Edit) -> None:
        span = (edit.start, edit.end)
        if not self.blocks:
            self.blocks.append([span])
            self.firsts.append(edit.start)
            return
        block = max(0, bisect.bisect_right(self.firsts, edit.start) - 1)
        spans = self.blocks[block]
        bisect.insort(spans, span)
        self.firsts[block] = spans[0][0]
        if len(spans) > 2 * self._BLOCK:
            self.blocks[block : block + 1] = [spans[: self._BLOCK], spans[self._BLOCK :]]
            self.firsts[block : block + 1] = [spans[0][0], spans[self._BLOCK][0]]


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


def fix_pass(
    text: str, diagnostics: Iterable[Diagnostic], wanted: Applicability, *, markdown: bool = False
) -> list[Diagnostic]:
    """The fixes to apply together to `text`: `choose_fixes`, less any that would glue.

    Deleting `<span></span>` from `<<span></span>b` would make `<b` a tag, and from
    `&am<span></span>p;` an entity: text that was shown would turn into markup. A fix
    whose edits bring such neighbours together is held back (its finding stays). In
    Markdown, so is one that adds or removes a blank line: that splits or joins blocks.
    """
    chosen = choose_fixes(diagnostics, wanted)
    while chosen:
        glued = _gluing(text, chosen, markdown)
        if not glued:
            break
        chosen = [d for d in chosen if id(d) not in glued]
    return chosen


def _gluing(text: str, chosen: list[Diagnostic], markdown: bool) -> set[int]:
    owned = sorted((edit, id(d)) for d in chosen if d.fix for edit in d.fix.edits)
    new = apply_edits(text, (edit for edit, _ in owned))
    glued: set[int] = set()
    shift = 0
    for edit, owner in owned:
        start = edit.start + shift
        end = start + len(edit.replacement)
        shift += len(edit.replacement) - (edit.end - edit.start)
        if (
            (_glues(new, start) and not _glues(text, edit.start))
            or (_glues(new, end) and not _glues(text, edit.end))
            or (markdown and _moves_blank_lines(text, new, edit, start, end))
        ):
            glued.add(owner)
    return glued


def _moves_blank_lines(text: str, new: str, edit: Edit, start: int, end: int) -> bool:
    if not _BREAK.search(text[edit.start : edit.end] + edit.replacement):
        return False
    return _blank_lines(text, edit.start, edit.end) != _blank_lines(new, start, end)


def _blank_lines(text: str, start: int, end: int) -> int:
    """How many of the lines that `text[start:end]` touches hold nothing but spaces."""
    first = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    ends = [at for at in (text.find("\n", end), text.find("\r", end)) if at >= 0]
    lines = _BREAK.split(text[first : min(ends, default=len(text))])
    return sum(1 for line in lines if not line.strip(" \t"))


def _glues(text: str, at: int) -> bool:
    """Whether the characters meeting at `at` read as more than their two sides apart."""
    if 0 < at < len(text):
        left, right = text[at - 1], text[at]
        if left == "<" and ((right.isascii() and right.isalpha()) or right in "/!?"):
            return True
        if left == right == "`":  # a longer backtick run changes Markdown code spans
            return True
    amp = text.rfind("&", max(0, at - 40), at)
    if amp < 0:
        return False
    tail = _ENTITY_TAIL.match(text, amp + 1, at)
    if tail is None or tail.end() != at:
        return False
    before, after = text[amp:at], text[at : at + 40]
    return unescape(before + after) != unescape(before) + unescape(after)


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
    *,
    markdown: bool = False,
) -> FixResult:
    """Lint, apply one batch of fixes, re-lint; stop when no fix applies.

    When fixes still apply after MAX_PASSES, the original text comes back with
    `converged=False`: a file that does not settle is never half fixed.
    """
    original = text
    applied: list[Diagnostic] = []
    diagnostics = lint(text)
    for _ in range(MAX_PASSES):
        chosen = fix_pass(text, diagnostics, wanted, markdown=markdown)
        if not chosen:
            return FixResult(text, diagnostics, applied, True)
        text = apply_edits(text, (edit for d in chosen if d.fix for edit in d.fix.edits))
        applied.extend(chosen)
        diagnostics = lint(text)
    if not fix_pass(text, diagnostics, wanted, markdown=markdown):
        return FixResult(text, diagnostics, applied, True)
    return FixResult(original, lint(original), [], False)
