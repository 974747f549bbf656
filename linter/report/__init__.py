"""Report formats: each module registers a function that renders a finished run."""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from linter.fingerprint import fingerprints
from linter.model import Applicability, Diagnostic, Severity
from linter.paths import relative_path
from linter.registry import Rule


@dataclass(frozen=True, slots=True)
class Counts:
    """What a run whose findings were written out file by file (and dropped) knows of them."""

    found: int = 0
    fixable: int = 0
    unsafe_fixable: int = 0
    applied: int = 0
    by_severity: Mapping[Severity, int] = field(default_factory=dict)


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

    def fingerprinted(self) -> list[tuple[Diagnostic, str]]:
        prints = self.fingerprints or fingerprints(self.diagnostics, self.root)
        return list(zip(self.diagnostics, prints, strict=True))

    def relative(self, path: str) -> str:
        return relative_path(path, self.root)


Renderer = Callable[[RunReport], str]
REPORTERS: dict[str, Renderer] = {}
# Formats read by people; the others are read by programs and get no summary on stdout.
HUMAN_FORMATS = frozenset({"full", "text", "concise", "grouped"})


def reporter(name: str) -> Callable[[Renderer], Renderer]:
    def register(function: Renderer) -> Renderer:
        REPORTERS[name] = function
        return function

    return register


def load_reporters() -> dict[str, Renderer]:
    for info in pkgutil.iter_modules(__path__, f"{__name__}."):
        importlib.import_module(info.name)
    return REPORTERS
