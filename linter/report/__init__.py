"""Report formats: each module registers a function that renders a finished run."""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import groupby
from operator import attrgetter
from pathlib import Path

from linter.fingerprint import fingerprints
from linter.model import Applicability, Diagnostic, Severity
from linter.paths import relative_path
from linter.registry import Rule
from linter.report.fixes import fixes_summary, fixes_text


@dataclass(frozen=True, slots=True)
class RuleTally:
    """How often one rule fired, and how many of those it can fix."""

    name: str
    count: int = 0
    fixable: int = 0

    def __add__(self, other: RuleTally) -> RuleTally:
        return RuleTally(self.name, self.count + other.count, self.fixable + other.fixable)


def tally(diagnostics: Sequence[Diagnostic], wanted: Applicability) -> dict[str, RuleTally]:
    """Findings and fixable findings by rule code, in the order the codes first appear."""
    found: dict[str, RuleTally] = {}
    for diagnostic in diagnostics:
        fixable = diagnostic.fix is not None and diagnostic.fix.applicability >= wanted
        row = RuleTally(diagnostic.name, 1, int(fixable))
        known = found.get(diagnostic.code)
        found[diagnostic.code] = row if known is None else known + row
    return found


@dataclass(frozen=True, slots=True)
class Counts:
    """What a run whose findings were written out file by file (and dropped) knows of them."""

    found: int = 0
    fixable: int = 0
    unsafe_fixable: int = 0
    applied: int = 0
    by_severity: Mapping[Severity, int] = field(default_factory=dict)
    by_rule: Mapping[str, RuleTally] = field(default_factory=dict)
    # With --show-fixes: each fixed file's lines (`file_fixes`), in path order.
    fixes: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class RunReport:
    """Everything a reporter may show about a finished run."""

    diagnostics: list[Diagnostic]
    applied: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: int = 0
    wanted: Applicability = Applicability.SAFE
    fixing: bool = False
    color: bool = False
    # The rules that ran, for formats that describe them (SARIF).
    rules: Sequence[Rule] = ()
    # Reports name paths relative to this folder (the repository root).
    root: Path = field(default_factory=Path.cwd)
    # One per diagnostic, computed before a baseline hid any (see linter.fingerprint).
    fingerprints: Sequence[str] = ()
    baselined: int = 0
    # Set when the findings were reported as they came (see linter.stream): `diagnostics`
    # and `applied` are then empty, and these counts stand for them.
    counts: Counts | None = None

    @property
    def found(self) -> int:
        return self.counts.found if self.counts is not None else len(self.diagnostics)

    @property
    def fixed(self) -> int:
        return self.counts.applied if self.counts is not None else len(self.applied)

    @property
    def fixable(self) -> int:
        if self.counts is not None:
            return self.counts.fixable
        return sum(1 for d in self.diagnostics if d.fix and d.fix.applicability >= self.wanted)

    @property
    def unsafe_fixable(self) -> int:
        if self.counts is not None:
            return self.counts.unsafe_fixable
        return sum(
            1
            for d in self.diagnostics
            if d.fix and Applicability.UNSAFE <= d.fix.applicability < self.wanted
        )

    def by_severity(self) -> Mapping[Severity, int]:
        if self.counts is not None:
            return self.counts.by_severity
        return Counter(d.severity for d in self.diagnostics)

    def by_rule(self) -> Mapping[str, RuleTally]:
        if self.counts is not None:
            return self.counts.by_rule
        return tally(self.diagnostics, self.wanted)

    def fixes_text(self, *, dry_run: bool = False) -> str:
        """`--show-fixes`: the fixes applied (or, with `dry_run`, that would be), by file."""
        if self.counts is not None:
            return fixes_summary(self.counts.applied, self.counts.fixes, dry_run=dry_run)
        return fixes_text(self.applied, dry_run=dry_run)

    def fingerprinted(self) -> list[tuple[Diagnostic, str]]:
        prints = self.fingerprints or fingerprints(self.diagnostics, self.root)
        return list(zip(self.diagnostics, prints, strict=True))

    def relative(self, path: str) -> str:
        return relative_path(path, self.root)

    def by_file(self) -> Iterator[RunReport]:
        """The run's findings file by file (they come in file order), each as a report."""
        start = 0
        for _, group in groupby(self.diagnostics, key=attrgetter("path")):
            found = list(group)
            prints = self.fingerprints[start : start + len(found)]
            start += len(found)
            yield replace(self, diagnostics=found, applied=[], errors=[], fingerprints=prints)


Renderer = Callable[[RunReport], str]
REPORTERS: dict[str, Renderer] = {}
# Formats read by people; the others are read by programs and get no summary on stdout.
HUMAN_FORMATS = frozenset({"full", "text", "concise", "grouped"})


def reporter(name: str) -> Callable[[Renderer], Renderer]:
    def register(function: Renderer) -> Renderer:
        REPORTERS[name] = function
        return function

    return register


@dataclass(frozen=True, slots=True)
class Framed:
    """A format made of one part per file between a head and a tail (a JSON array, SARIF's
    results, JUnit's test suites), so that it can be written file by file, as files are
    checked, with each part rendered where its file was (see linter.stream).

    `part` renders one file's findings (a report of that file alone). `frame` gives the
    head and the tail for the finished run (its counts and errors); `empty` is the whole
    report when no file has a part. When `head_needs_run`, the head shows what only the
    end of the run knows (totals, errors), so the parts wait in a temporary file until then.
    """

    part: Renderer
    frame: Callable[[RunReport], tuple[str, str]]
    empty: Renderer
    separator: str = ",\n"
    head_needs_run: bool = False

    def whole(self, report: RunReport) -> str:
        """The report of a whole run whose findings were kept."""
        parts = [text for file in report.by_file() if (text := self.part(file))]
        if not parts:
            return self.empty(report)
        head, tail = self.frame(report)
        return head + self.separator.join(parts) + tail


FRAMED: dict[str, Framed] = {}


def framed(name: str, format: Framed) -> None:
    """Register a framed format: streamed file by file, or rendered whole (`Framed.whole`)."""
    FRAMED[name] = format
    REPORTERS[name] = format.whole


def json_array(items: Renderer) -> Framed:
    """A JSON array whose items `items` renders file by file, each indented one level (as
    `json.dumps(..., indent=2)` writes an array)."""
    return Framed(part=items, frame=lambda _: ("[\n", "\n]"), empty=lambda _: "[]")


def split_at(text: str, marker: str) -> tuple[str, str]:
    """`text` before and after the one `marker` in it: a frame rendered in one piece."""
    head, found, tail = text.partition(marker)
    assert found, marker
    return head, tail


def framed_format(name: str) -> Framed | None:
    """The framed format of that name, or None for a format that is not framed."""
    load_reporters()
    return FRAMED.get(name)


def load_reporters() -> dict[str, Renderer]:
    _import_formats()
    return REPORTERS


@cache
def _import_formats() -> None:
    """Import every module of this package once: each registers its formats. (Listing the
    package folder costs 60 µs, and workers ask for a format once per file.)"""
    for info in pkgutil.iter_modules(__path__, f"{__name__}."):
        importlib.import_module(info.name)
