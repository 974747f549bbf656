"""`--show-fixes`: the fixes a run applied (or, with --diff, would apply), by file and rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import groupby
from operator import attrgetter

from linter.model import Diagnostic

_PATH = attrgetter("path")


def fixes_text(applied: list[Diagnostic], *, dry_run: bool = False) -> str:
    """The whole list for a run whose applied fixes are all in hand."""
    return fixes_summary(len(applied), [file_fixes(applied)] if applied else [], dry_run=dry_run)


def file_fixes(applied: Sequence[Diagnostic]) -> str:
    """The lines for the fixes applied to some files: each file, then its count by rule."""
    lines: list[str] = []
    for path, group in groupby(sorted(applied, key=_PATH), key=_PATH):
        lines.append(f"- {path}:")
        counts = Counter((d.code, d.name) for d in group)
        for (code, name), count in sorted(counts.items()):
            lines.append(f"    {count} × {code} ({name})")
    return "\n".join(lines)


def fixes_summary(count: int, by_file: Sequence[str], *, dry_run: bool = False) -> str:
    """`count` fixes in all, then the `file_fixes` of each file (in path order)."""
    if not count:
        return "No fixes would be applied." if dry_run else "No fixes applied."
    verb = "Would fix" if dry_run else "Fixed"
    noun = "problem" if count == 1 else "problems"
    return "\n".join([f"{verb} {count} {noun}:", *by_file])
