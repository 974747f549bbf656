"""Machine formats with ruff's field names: `json` (one array) and `json-lines`."""

from __future__ import annotations

import json
from typing import Any

from linter.model import Diagnostic, Location
from linter.registry import all_rules
from linter.report import RunReport, framed, json_array, jsontext, reporter


def _location(location: Location) -> dict[str, int]:
    return {"row": location.row, "column": location.column}


def as_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    fix = diagnostic.fix
    rule = all_rules().get(diagnostic.code)
    return {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "message": diagnostic.message,
        "severity": str(diagnostic.severity),
        "filename": diagnostic.path,
        "location": _location(diagnostic.location),
        "end_location": _location(diagnostic.end_location),
        "fix": None
        if fix is None
        else {
            "applicability": fix.applicability.label,
            "message": fix.title,
            "edits": [
                {
                    "content": edit.replacement,
                    "location": _location(start),
                    "end_location": _location(end),
                }
                for edit, (start, end) in zip(fix.edits, diagnostic.edit_locations, strict=True)
            ],
        },
        "url": rule.url if rule else None,
    }


def _items(report: RunReport) -> str:
    return ",\n".join("  " + jsontext.dumps(as_dict(d), level=1) for d in report.diagnostics)


framed("json", json_array(_items))


@reporter("json-lines")
def json_lines(report: RunReport) -> str:
    return "\n".join(json.dumps(as_dict(d), ensure_ascii=False) for d in report.diagnostics)
