"""`gitlab`: a GitLab Code Quality report (a JSON array of issues)."""

from __future__ import annotations

from typing import Any

from linter.model import Diagnostic, Severity
from linter.report import RunReport, framed, json_array, jsontext

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(diagnostic: Diagnostic, fingerprint: str, report: RunReport) -> dict[str, Any]:
    start, end = diagnostic.location, diagnostic.end_location
    return {
        "type": "issue",
        "description": f"{diagnostic.code} {diagnostic.message}",
        "check_name": f"{diagnostic.code} {diagnostic.name}",
        "fingerprint": fingerprint,
        "severity": SEVERITIES[diagnostic.severity],
        "categories": ["Style"],
        "location": {
            "path": report.relative(diagnostic.path),
            "positions": {
                "begin": {"line": start.row, "column": start.column},
                "end": {"line": end.row, "column": end.column},
            },
        },
    }


def _items(report: RunReport) -> str:
    return ",\n".join(
        "  " + jsontext.dumps(issue(d, fingerprint, report), level=1)
        for d, fingerprint in report.fingerprinted()
    )


framed("gitlab", json_array(_items))
