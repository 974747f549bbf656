"""Suppression comments in posts, applied by the engine; rules never see them.

    <!-- posthygiene-disable HTM001, AFF001 -->  ...  <!-- posthygiene-enable -->
    <!-- posthygiene-disable-next-line HTM001 -->
    <!-- posthygiene-disable-file -->                 (no codes: every rule)

Only real HTML comments count (not comments inside Markdown code or front matter), and
anything after ` -- ` is a free-text reason. A directive or code that suppressed nothing
is reported as PH001 (unused-suppression), with a fix that removes it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from linter.document import Document
from linter.model import Edit, Finding, Fix
from linter.tokens import Comment

UNUSED_CODE = "PH001"
# A directive: `posthygiene-KIND CODES`, then maybe ` -- a reason`. Two linear scans:
# one pattern with a lazy CODES and trailing white space took n² steps on long blanks.
_DIRECTIVE = re.compile(r"[\t\n\f\r ]*+posthygiene-(?P<kind>[^\t\n\f\r ]*+)")
_REASON = re.compile(r"[\t\n\f\r ]--(?:[\t\n\f\r ]|\Z)")
_SPACE = "\t\n\f\r "
_CODE_SPLIT = re.compile(r"[\t\n\f\r ,]+")
_BLANK = "\t\f "


class Kind(StrEnum):
    DISABLE = "disable"
    ENABLE = "enable"
    NEXT_LINE = "disable-next-line"
    FILE = "disable-file"


_KINDS = frozenset(kind.value for kind in Kind)


@dataclass(frozen=True, slots=True)
class Directive:
    kind: Kind
    codes: tuple[str, ...]  # empty: every rule
    start: int  # the comment
    end: int
    codes_start: int  # the code list inside the comment
    codes_end: int

    @property
    def label(self) -> str:
        return f"posthygiene-{self.kind}"


@dataclass(frozen=True, slots=True)
class Malformed:
    start: int
    end: int
    kind: str


def comment_body(text: str, comment: Comment) -> tuple[int, int]:
    """The span between `<!--` and `-->` (or `--!>`, or the end of an unclosed comment)."""
    start, end = comment.start + 4, comment.end
    raw = text[start:end]
    for closer in ("-->", "--!>"):
        if raw.endswith(closer):
            return start, max(start, end - len(closer))
    return start, max(start, end)


def parse(doc: Document) -> tuple[list[Directive], list[Malformed]]:
    """Every posthygiene comment of the post, in order, and the ones that are not directives.

    Worked out once per document: the engine, PH002 and PH003 all read it; nobody changes it.
    """
    return doc.remembered(_parse)


def _parse(doc: Document) -> tuple[list[Directive], list[Malformed]]:
    directives: list[Directive] = []
    malformed: list[Malformed] = []
    # The tokeniser listed the comments: no search of the whole text (slow on CJK text).
    for comment in doc.comments:
        start, end = comment_body(doc.masked, comment)
        match = _DIRECTIVE.match(doc.masked, start, end)
        if match is None:
            continue
        kind = match["kind"].lower()
        if kind not in _KINDS:
            malformed.append(Malformed(comment.start, comment.end, match["kind"]))
            continue
        codes_start = match.end()
        reason = _REASON.search(doc.masked, codes_start, end)
        codes_end = reason.start() if reason else end
        while codes_end > codes_start and doc.masked[codes_end - 1] in _SPACE:
            codes_end -= 1
        listed = doc.masked[codes_start:codes_end]
        codes = tuple(c.upper() for c in _CODE_SPLIT.split(listed) if c)
        directives.append(
            Directive(Kind(kind), codes, comment.start, comment.end, codes_start, codes_end)
        )
    return directives, malformed


@dataclass(slots=True, eq=False)
class Scope:
    """Where one directive silences one code (None: every code)."""

    directive: Directive
    code: str | None
    start: int
    end: int
    used: bool = False
    closed_by: Directive | None = None

    def covers(self, code: str, offset: int) -> bool:
        return (self.code is None or self.code == code) and self.start <= offset < self.end


@dataclass(slots=True)
class Scopes:
    scopes: list[Scope] = field(default_factory=list)
    # What each `enable` closed; one that closed nothing is unused.
    closed: dict[int, list[Scope]] = field(default_factory=dict)
    line_starts: list[int] = field(default_factory=list)
    _index: _Index | None = None

    def covering(self, code: str, offset: int) -> list[Scope]:
        """The scopes that silence `code` at `offset`, found without a walk over them all."""
        if self._index is None:
            self._index = _Index(self.scopes)
        line = self.line_starts[bisect.bisect_right(self.line_starts, offset) - 1]
        return [
            scope
            for key in (code, None)
            for scope in self._index.candidates(key, offset, line)
            if scope.covers(code, offset)
        ]


class _Index:
    """Scopes by code: whole-file ones; `disable` ranges (per code they never overlap, so
    the last one starting at or before an offset is the only candidate); next-line ones by
    the line they cover."""

    def __init__(self, scopes: list[Scope]) -> None:
        self.always: dict[str | None, list[Scope]] = {}
        self.ranges: dict[str | None, tuple[list[int], list[Scope]]] = {}
        self.lines: dict[tuple[str | None, int], list[Scope]] = {}
        for scope in scopes:
            kind = scope.directive.kind
            if kind is Kind.FILE:
                self.always.setdefault(scope.code, []).append(scope)
            elif kind is Kind.NEXT_LINE:
                self.lines.setdefault((scope.code, scope.start), []).append(scope)
            elif scope.end > scope.start:
                starts, ranges = self.ranges.setdefault(scope.code, ([], []))
                starts.append(scope.start)
                ranges.append(scope)

    def candidates(self, code: str | None, offset: int, line: int) -> list[Scope]:
        found = [*self.always.get(code, ()), *self.lines.get((code, line), ())]
        starts, ranges = self.ranges.get(code, ([], []))
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0:
            found.append(ranges[index])
        return found


def build_scopes(doc: Document, directives: Sequence[Directive]) -> Scopes:
    result = Scopes(line_starts=doc.source.line_starts)
    text_end = len(doc.text) + 1  # a finding may start at the very end
    open_scopes: dict[str | None, Scope] = {}
    for directive in directives:
        codes: tuple[str | None, ...] = directive.codes or (None,)
        if directive.kind is Kind.ENABLE:
            closing = [s for c, s in open_scopes.items() if not directive.codes or c in codes]
            for scope in closing:
                scope.end = directive.start
                scope.closed_by = directive
                del open_scopes[scope.code]
            result.closed[directive.start] = closing
            continue
        start, end = _reach(doc, directive, text_end)
        for code in codes:
            scope = Scope(directive, code, start, end)
            if directive.kind is Kind.DISABLE:
                if code in open_scopes:  # already disabled: this one can do nothing
                    scope.end = scope.start
                else:
                    open_scopes[code] = scope
            result.scopes.append(scope)
    return result


def _reach(doc: Document, directive: Directive, text_end: int) -> tuple[int, int]:
    if directive.kind is Kind.FILE:
        return 0, text_end
    if directive.kind is Kind.DISABLE:
        return directive.end, text_end
    starts = doc.source.line_starts
    line, _ = doc.source.position(max(directive.start, directive.end - 1))
    if line >= len(starts):  # the comment is on the last line
        return text_end, text_end
    return starts[line], starts[line + 1] if line + 1 < len(starts) else text_end


def is_suppressed(scopes: Scopes, code: str, offset: int) -> bool:
    """Whether a finding of `code` at `offset` is silenced; marks the scopes that did it."""
    hit = False
    for scope in scopes.covering(code, offset):
        scope.used = True
        hit = True
    return hit


def unused(
    doc: Document, scopes: Scopes, directives: Sequence[Directive], judged: frozenset[str]
) -> list[Finding]:
    """PH001 findings: directives, or codes in them, that silenced nothing.

    Only codes in `judged` (rules that ran on this file) are judged: a code whose rule is
    not selected may well be needed by another run.
    """
    by_directive: dict[int, list[Scope]] = {}
    for scope in scopes.scopes:
        by_directive.setdefault(scope.directive.start, []).append(scope)
    found: list[Finding] = []
    for directive in directives:
        if directive.kind is Kind.ENABLE:
            if not scopes.closed.get(directive.start):
                message = f"`{directive.label}` has no `posthygiene-disable` to end"
                title = "Remove the comment"
                found.append(_finding(directive, message, title, [_delete(doc, directive)]))
            continue
        own = by_directive.get(directive.start, [])
        idle = [s for s in own if not s.used and (s.code is None or s.code in judged)]
        if idle:
            found.append(_unused_finding(doc, directive, own, idle, scopes))
    return found


def _unused_finding(
    doc: Document, directive: Directive, own: list[Scope], idle: list[Scope], scopes: Scopes
) -> Finding:
    kept = [s.code for s in own if s not in idle and s.code is not None]
    # An enable that only ended idle scopes goes with them.
    enables = {id(s.closed_by): s.closed_by for s in idle if s.closed_by is not None}
    extra = [
        _delete(doc, enable)
        for enable in enables.values()
        if all(any(s is i for i in idle) for s in scopes.closed.get(enable.start, []))
    ]
    if kept:
        names = ", ".join(str(s.code) for s in idle)
        message = f"Unused {_plural(len(idle), 'code')} {names} in `{directive.label}`"
        edit = Edit(directive.codes_start, directive.codes_end, " " + ", ".join(kept))
        return _finding(directive, message, "Remove the unused code", [edit, *extra])
    shown = f"{directive.label} {', '.join(directive.codes)}".rstrip()
    message = f"Unused suppression `{shown}`"
    edits = [_delete(doc, directive), *extra]
    return _finding(directive, message, "Remove the unused suppression comment", edits)


def _finding(directive: Directive, message: str, title: str, edits: list[Edit]) -> Finding:
    return Finding(directive.start, directive.end, message, Fix.safe(title, *edits))


def _delete(doc: Document, directive: Directive) -> Edit:
    """Delete the comment; when it stands alone on its line, the whole line."""
    text = doc.text
    start, end = directive.start, directive.end
    before = start
    while before > 0 and text[before - 1] in _BLANK:
        before -= 1
    after = end
    while after < len(text) and text[after] in _BLANK:
        after += 1
    alone_before = before == 0 or text[before - 1] in "\r\n"
    if alone_before and text.startswith("\r\n", after):
        return Edit.delete(before, after + 2)
    if alone_before and after < len(text) and text[after] in "\r\n":
        return Edit.delete(before, after + 1)
    if alone_before and after == len(text):
        return Edit.delete(before, after)
    return Edit.delete(start, end)


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
