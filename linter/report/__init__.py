"""Report formats: each module registers a function that renders a finished run."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from linter.fingerprint import fingerprints
from linter.model import Applicability, Diagnostic
from linter.paths import relative_path
from linter.registry import Rule


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

    @property
    def fixable(self) -> int:
        return sum(1 for d in self.diagnostics if d.fix and d.fix.applicability >= self.wanted)

    @property
    def unsafe_fixable(self) -> int:
        return sum(
            1
            for d in self.diagnostics
            if d.fix and Applicability.UNSAFE <= d.fix.applicability < self.wanted
        )

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
