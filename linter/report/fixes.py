"""`--show-fixes`: the fixes a run applied (or, with --diff, would apply), by file and rule."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from linter.model import Diagnostic


def fixes_text(applied: list[Diagnostic], *, dry_run: bool = False) -> str:
    if not applied:
        return "No fixes would be applied." if dry_run else "No fixes applied."
    verb = "Would fix" if dry_run else "Fixed"
    noun = "problem" if len(applied) == 1 else "problems"
    lines = [f"{verb} {len(applied)} {noun}:"]
    for path, group in groupby(sorted(applied, key=lambda d: d.path), key=lambda d: d.path):
        lines.append(f"- {path}:")
        counts = Counter((d.code, d.name) for d in group)
        for (code, name), count in sorted(counts.items()):
            lines.append(f"    {count} × {code} ({name})")
    return "\n".join(lines)
