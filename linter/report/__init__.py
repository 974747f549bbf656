"""Report formats: each module registers a function that renders a finished run."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

from linter.model import Applicability, Diagnostic


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


Renderer = Callable[[RunReport], str]
REPORTERS: dict[str, Renderer] = {}


def reporter(name: str) -> Callable[[Renderer], Renderer]:
    def register(function: Renderer) -> Renderer:
        REPORTERS[name] = function
        return function

    return register


def load_reporters() -> dict[str, Renderer]:
    for info in pkgutil.iter_modules(__path__, f"{__name__}."):
        importlib.import_module(info.name)
    return REPORTERS
