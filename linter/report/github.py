"""`github`: workflow commands that GitHub Actions turns into annotations on the diff.

GitHub shows at most 10 annotations of each level per step; the summary points to SARIF
for complete results (see `annotation_limit_hint`).
"""

from __future__ import annotations

from linter.model import Diagnostic, Severity
from linter.report import RunReport, reporter

ANNOTATION_LIMIT = 10
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(diagnostic: Diagnostic, report: RunReport) -> str:
    start, end = diagnostic.location, diagnostic.end_location
    properties = {
        "file": report.relative(diagnostic.path),
        "line": str(start.row),
        "col": str(start.column),
        "endLine": str(end.row),
        "endColumn": str(end.column),
        "title": f"{diagnostic.code} {diagnostic.name}",
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{LEVELS[diagnostic.severity]} {joined}::{escape_data(diagnostic.message)}"


@reporter("github")
def github(report: RunReport) -> str:
    return "\n".join(command(d, report) for d in report.diagnostics)


def annotation_limit_hint(report: RunReport) -> str:
    """A note for the summary when GitHub will not show every finding as an annotation."""
    per_level: dict[str, int] = {}
    for diagnostic in report.diagnostics:
        level = LEVELS[diagnostic.severity]
        per_level[level] = per_level.get(level, 0) + 1
    if all(count <= ANNOTATION_LIMIT for count in per_level.values()):
        return ""
    return (
        f"GitHub shows only {ANNOTATION_LIMIT} annotations of each level per step; "
        f"upload `--output-format sarif` to code scanning to see all "
        f"{len(report.diagnostics)} findings."
    )
