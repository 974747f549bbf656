"""Checking, fixing and diffing files: one pure function per file, so runs can go in parallel."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from linter.config import Settings
from linter.engine import Linter
from linter.errors import LinterError, SourceError
from linter.model import Applicability, Diagnostic
from linter.registry import Rule
from linter.source import Source, read_source, write_atomic


class Mode(StrEnum):
    CHECK = "check"
    FIX = "fix"
    DIFF = "diff"


@dataclass(frozen=True, slots=True)
class Job:
    """What to do with every file of a run."""

    rules: Sequence[Rule]
    settings: Settings
    mode: Mode = Mode.CHECK
    wanted: Applicability = Applicability.SAFE


@dataclass(slots=True)
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    applied: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    diff: str | None = None
    written: bool = False
    fixed_text: str | None = None


def process_file(path: str, job: Job) -> FileResult:
    """Lint one file and, as the job says, fix it, diff it or only report."""
    try:
        source = read_source(path, max_bytes=job.settings.max_file_size)
    except SourceError as exc:
        return FileResult(path, error=str(exc))
    return process_source(source, job)


def process_source(source: Source, job: Job, *, write: bool = True) -> FileResult:
    linter = Linter(job.rules, job.settings)
    path = source.path
    try:
        if job.mode is Mode.CHECK:
            return FileResult(path, linter.lint(source))
        outcome = linter.fix(source, job.wanted)
    except LinterError as exc:
        return FileResult(path, error=str(exc))
    except RecursionError:
        return FileResult(path, error=f"{path}: too deeply nested to process")
    if not outcome.converged:
        message = f"{path}: fixes did not settle after several passes; file left unchanged"
        return FileResult(path, outcome.remaining, error=message)
    result = FileResult(path, outcome.remaining, outcome.applied)
    if not outcome.changed or outcome.text == source.text:
        return result
    result.fixed_text = outcome.text
    if job.mode is Mode.DIFF:
        result.diff = unified_diff(path, source.text, outcome.text)
    elif write:
        try:
            write_atomic(path, source.encoded(outcome.text), expected=source.encoded())
        except SourceError as exc:
            result.error = str(exc)
            return result
        result.written = True
    return result


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)
