"""Records shared by the engine, the rules and the reporters."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Applicability(enum.IntEnum):
    """How sure a fix is; ordered, so `fix.applicability >= wanted` decides."""

    DISPLAY_ONLY = 0
    UNSAFE = 1
    SAFE = 2

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")


@dataclass(frozen=True, order=True, slots=True)
class Edit:
    """Replace `text[start:end]` of the original text with `replacement`."""

    start: int
    end: int
    replacement: str = ""

    @classmethod
    def insert(cls, at: int, text: str) -> Edit:
        return cls(at, at, text)

    @classmethod
    def delete(cls, start: int, end: int) -> Edit:
        return cls(start, end, "")


@dataclass(frozen=True, slots=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability

    @classmethod
    def safe(cls, title: str, *edits: Edit) -> Fix:
        return cls(title, tuple(sorted(edits)), Applicability.SAFE)

    @classmethod
    def unsafe(cls, title: str, *edits: Edit) -> Fix:
        return cls(title, tuple(sorted(edits)), Applicability.UNSAFE)

    @classmethod
    def display_only(cls, title: str, *edits: Edit) -> Fix:
        return cls(title, tuple(sorted(edits)), Applicability.DISPLAY_ONLY)

    @property
    def start(self) -> int:
        return self.edits[0].start

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule yields: a span of the original text, a message, maybe a fix.

    `severity`, when set, overrides the rule's default for this one finding (a hotlink that
    dodges the owner's Referer check is worse than a plain one).
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Location:
    row: int
    column: int


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding resolved by the engine: rule identity, path, line and column."""

    path: str
    code: str
    name: str
    severity: Severity
    start: int
    end: int
    location: Location
    end_location: Location
    message: str
    fix: Fix | None
    # The whole source line of `location`, for excerpts and fingerprints.
    line_text: str = ""
    # Line and column of each fix edit's start and end, for reports that show edits.
    edit_locations: tuple[tuple[Location, Location], ...] = ()

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.start, self.end, self.code)
