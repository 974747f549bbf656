"""A file's diagnostics as the cache stores them: compact JSON, each line of text once.

An entry holds everything a Diagnostic holds except its path (entries are looked up by a
key that includes the path). `FORMAT` changes whenever the layout does; an entry in
another format reads as missing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from linter.model import Applicability, Diagnostic, Edit, Fix, Location, Severity

FORMAT = 1


def encode(diagnostics: Sequence[Diagnostic]) -> bytes:
    return json.dumps(_encode(diagnostics), ensure_ascii=False).encode("utf-8")


def decode(data: bytes, path: str) -> list[Diagnostic]:
    """The diagnostics of an entry; ValueError, TypeError, KeyError... when it is damaged."""
    return _decode(json.loads(data), path)


def _encode(diagnostics: Sequence[Diagnostic]) -> dict[str, Any]:
    lines: dict[str, int] = {}
    rows: list[list[Any]] = []
    for d in diagnostics:
        fix = d.fix
        rows.append(
            [
                d.code,
                d.name,
                str(d.severity),
                d.start,
                d.end,
                d.location.row,
                d.location.column,
                d.end_location.row,
                d.end_location.column,
                d.message,
                lines.setdefault(d.line_text, len(lines)),
                None
                if fix is None
                else [
                    fix.title,
                    int(fix.applicability),
                    [[e.start, e.end, e.replacement] for e in fix.edits],
                ],
                [[a.row, a.column, b.row, b.column] for a, b in d.edit_locations],
            ]
        )
    return {"format": FORMAT, "lines": list(lines), "diagnostics": rows}


def _decode(entry: dict[str, Any], path: str) -> list[Diagnostic]:
    if entry["format"] != FORMAT:
        raise ValueError("another cache format")
    lines = entry["lines"]
    found: list[Diagnostic] = []
    for row in entry["diagnostics"]:
        code, name, severity, start, end, r, c, er, ec, message, line, fix, edits = row
        found.append(
            Diagnostic(
                path=path,
                code=code,
                name=name,
                severity=Severity(severity),
                start=start,
                end=end,
                location=Location(r, c),
                end_location=Location(er, ec),
                message=message,
                fix=None
                if fix is None
                else Fix(fix[0], tuple(Edit(*e) for e in fix[2]), Applicability(fix[1])),
                line_text=lines[line],
                edit_locations=tuple((Location(a, b), Location(x, y)) for a, b, x, y in edits),
            )
        )
    return found
