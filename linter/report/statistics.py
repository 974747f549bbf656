"""`--statistics`: how often each rule fired, as a table or as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from linter.report import RunReport


@dataclass(frozen=True, slots=True)
class RuleCount:
    code: str
    name: str
    count: int
    fixable_count: int


def count_by_rule(report: RunReport) -> list[RuleCount]:
    """One row per rule that fired, most frequent first (then by code)."""
    rows = [
        RuleCount(code, found.name, found.count, found.fixable)
        for code, found in report.by_rule().items()
    ]
    return sorted(rows, key=lambda row: (-row.count, row.code))


def statistics_text(report: RunReport) -> str:
    rows = count_by_rule(report)
    if not rows:
        return ""
    width = max(len(str(row.count)) for row in rows)
    name_width = max(len(row.name) for row in rows)
    lines = []
    for row in rows:
        fixable = f"{row.fixable_count} fixable" if row.fixable_count else ""
        line = f"{row.count:>{width}}  {row.code}  {row.name.ljust(name_width)}  {fixable}"
        lines.append(line.rstrip())
    return "\n".join(lines)


def statistics_json(report: RunReport) -> str:
    return json.dumps([asdict(row) for row in count_by_rule(report)], indent=2)
