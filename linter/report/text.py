"""Human formats: `full` (with an excerpt and a caret) and `concise` (one line each)."""

from __future__ import annotations

import unicodedata

import click

from linter.model import Applicability, Diagnostic
from linter.report import RunReport, reporter

EXCERPT_BEFORE = 40
EXCERPT_WIDTH = 100


def styled(text: str, report: RunReport, **styles: object) -> str:
    return click.style(text, **styles) if report.color else text  # type: ignore[arg-type]


def headline(diagnostic: Diagnostic, report: RunReport) -> str:
    location = diagnostic.location
    where = styled(f"{diagnostic.path}:{location.row}:{location.column}:", report, bold=True)
    code = styled(diagnostic.code, report, fg="red", bold=True)
    marker = " [*]" if diagnostic.fix and diagnostic.fix.applicability >= report.wanted else ""
    return f"{where} {code}{styled(marker, report, fg='cyan')} {diagnostic.message}"


def excerpt(diagnostic: Diagnostic) -> tuple[str, str]:
    """The source line around the finding, cut to fit, and a caret line under the span."""
    line = diagnostic.line_text.expandtabs(1)
    column = diagnostic.location.column - 1
    if diagnostic.end_location.row == diagnostic.location.row:
        width = max(1, diagnostic.end_location.column - 1 - column)
    else:
        width = max(1, len(line) - column)
    start = max(0, column - EXCERPT_BEFORE)
    stop = min(len(line), max(column + width, start + EXCERPT_WIDTH), start + EXCERPT_WIDTH)
    shown = line[start:stop]
    prefix = "…" if start > 0 else ""
    suffix = "…" if stop < len(line) else ""
    lead = prefix + line[start:column]
    marked = line[column : column + max(1, min(width, stop - column))]
    return prefix + shown + suffix, " " * display_width(lead) + "^" * max(1, display_width(marked))


def display_width(text: str) -> int:
    """Terminal columns: CJK and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def summary(report: RunReport) -> str:
    remaining = len(report.diagnostics)
    fixed = len(report.applied)
    lines: list[str] = []
    if report.fixing and fixed:
        lines.append(f"Fixed {fixed} {_plural(fixed, 'problem')}.")
    if remaining == 0:
        lines.append("All checks passed!" if not report.errors else "")
    else:
        text = f"Found {remaining} {_plural(remaining, 'problem')}"
        if report.fixable and not report.fixing:
            text += f" ({report.fixable} fixable with --fix)"
        elif report.fixable:
            text += f" ({report.fixable} fixable on another run)"
        lines.append(text + ".")
        if report.unsafe_fixable:
            lines.append(
                f"{report.unsafe_fixable} more fixable with --unsafe-fixes"
                f" ({_plural(report.unsafe_fixable, 'hidden fix', 'hidden fixes')})."
            )
    if report.errors:
        count = len(report.errors)
        lines.append(f"{count} {_plural(count, 'file')} could not be processed.")
    return "\n".join(line for line in lines if line)


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return word if count == 1 else (plural or word + "s")


@reporter("text")
@reporter("full")
def full(report: RunReport) -> str:
    blocks: list[str] = []
    for diagnostic in report.diagnostics:
        code_line, caret_line = excerpt(diagnostic)
        row = str(diagnostic.location.row)
        gutter = " " * len(row)
        block = [
            headline(diagnostic, report),
            f"{gutter} |",
            f"{row} | {code_line}",
            f"{gutter} | {styled(caret_line, report, fg='red')}",
        ]
        if diagnostic.fix and diagnostic.fix.applicability > Applicability.DISPLAY_ONLY:
            label = "" if diagnostic.fix.applicability >= report.wanted else " (unsafe)"
            block.append(f"{gutter} = help: {diagnostic.fix.title}{label}")
        blocks.append("\n".join(block))
    return "\n\n".join(blocks)


@reporter("concise")
def concise(report: RunReport) -> str:
    return "\n".join(headline(d, report) for d in report.diagnostics)
