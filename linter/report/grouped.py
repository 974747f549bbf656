"""`grouped`: findings under a heading per file, one indented line each."""

from __future__ import annotations

from itertools import groupby

from linter.model import Diagnostic
from linter.report import RunReport, reporter
from linter.report.text import styled


def _line(diagnostic: Diagnostic, report: RunReport, width: int) -> str:
    where = f"{diagnostic.location.row}:{diagnostic.location.column}".ljust(width)
    fixable = diagnostic.fix is not None and diagnostic.fix.applicability >= report.wanted
    marker = styled(" [*]", report, fg="cyan") if fixable else ""
    code = styled(diagnostic.code, report, fg="red", bold=True)
    return f"  {where} {code}{marker} {diagnostic.message}"


@reporter("grouped")
def grouped(report: RunReport) -> str:
    blocks: list[str] = []
    for path, group in groupby(report.diagnostics, key=lambda d: d.path):
        found = list(group)
        width = max(len(f"{d.location.row}:{d.location.column}") for d in found)
        lines = [styled(f"{path}:", report, bold=True, underline=True)]
        lines.extend(_line(d, report, width) for d in found)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
