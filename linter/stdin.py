"""`posthygiene check - --stdin-filename PATH`: one post read from standard input."""

from __future__ import annotations

from pathlib import Path

from linter.discovery import is_excluded
from linter.errors import SourceError
from linter.runner import FileResult, Job, process_source
from linter.source import Source, decode

STDIN = "-"


def reads_stdin(paths: tuple[str, ...], stdin_filename: str | None) -> bool:
    return paths == (STDIN,) or (not paths and stdin_filename is not None)


def process_stdin(data: bytes, filename: str | None, job: Job) -> tuple[Source | None, FileResult]:
    """Lint (or fix, without writing) the post; `filename` names it for rules and settings.

    A filename the project excludes is passed through untouched, as pre-commit and editors
    expect of an excluded file.
    """
    path = filename or STDIN
    try:
        source = decode(path, data)
    except SourceError as exc:
        return None, FileResult(path, error=str(exc))
    if filename is not None and is_excluded(Path(filename), job.settings):
        return source, FileResult(path)
    return source, process_source(source, job, write=False)


def output_bytes(source: Source, result: FileResult) -> bytes:
    """What `--fix` writes to standard output: the fixed post, or the post as it came."""
    return source.encoded(result.fixed_text)
