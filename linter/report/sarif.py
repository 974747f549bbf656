"""`sarif`: SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it."""

from __future__ import annotations

from operator import attrgetter
from typing import Any
from urllib.parse import quote

from linter import __version__
from linter.fingerprint import VERSION as FINGERPRINT_VERSION
from linter.model import Diagnostic, Location, Severity
from linter.registry import Rule
from linter.report import Framed, RunReport, framed, jsontext, split_at

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://github.com/posthygiene/posthygiene"
ROOT_ID = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def first_section(docs: str, heading: str = "## What it does") -> str:
    """The text of one `## ` section of a rule's docs, joined into one paragraph."""
    _, found, rest = docs.partition(heading)
    if not found:
        return ""
    return " ".join(rest.split("\n## ", 1)[0].split())


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": first_section(rule.docs) or rule.summary},
        "help": {"text": rule.docs, "markdown": rule.docs},
        "helpUri": rule.url,
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"fixable": rule.fixable},
    }


def region(start: Location, end: Location) -> dict[str, int]:
    return {
        "startLine": start.row,
        "startColumn": start.column,
        "endLine": end.row,
        "endColumn": end.column,
    }


def artifact_location(path: str, report: RunReport) -> dict[str, str]:
    relative = report.relative(path)
    if relative.startswith("/"):
        return {"uri": "file://" + quote(relative)}
    return {"uri": quote(relative), "uriBaseId": ROOT_ID}


def fixes(diagnostic: Diagnostic, report: RunReport) -> list[dict[str, Any]]:
    fix = diagnostic.fix
    if fix is None:
        return []
    replacements = [
        {"deletedRegion": region(start, end), "insertedContent": {"text": edit.replacement}}
        for edit, (start, end) in zip(fix.edits, diagnostic.edit_locations, strict=True)
    ]
    change = {
        "artifactLocation": artifact_location(diagnostic.path, report),
        "replacements": replacements,
    }
    return [
        {
            "description": {"text": fix.title},
            "artifactChanges": [change],
            "properties": {"applicability": fix.applicability.label},
        }
    ]


def result(diagnostic: Diagnostic, fingerprint: str, index: int | None, report: RunReport) -> Any:
    location = {
        "artifactLocation": artifact_location(diagnostic.path, report),
        "region": region(diagnostic.location, diagnostic.end_location),
    }
    found: dict[str, Any] = {"ruleId": diagnostic.code}
    if index is not None:  # a rule the run describes (every rule that ran)
        found["ruleIndex"] = index
    found.update(
        {
            "level": LEVELS[diagnostic.severity],
            "message": {"text": diagnostic.message},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {FINGERPRINT_VERSION: fingerprint},
        }
    )
    changes = fixes(diagnostic, report)
    if changes:
        found["fixes"] = changes
    return found


def root_uri(report: RunReport) -> str:
    uri = report.root.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def described_rules(report: RunReport) -> list[Rule]:
    """The rules that ran, sorted by code: the head is written before any finding."""
    return sorted(report.rules, key=attrgetter("code"))


def document(report: RunReport, results: list[Any]) -> dict[str, Any]:
    run = {
        "tool": {
            "driver": {
                "name": "posthygiene",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(rule) for rule in described_rules(report)],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": error}} for error in report.errors
                ],
            }
        ],
        "originalUriBaseIds": {ROOT_ID: {"uri": root_uri(report)}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


# A result sits four levels deep: the document, `runs`, the run, `results`.
_RESULT_LEVEL = 4
_BETWEEN = ",\n" + "  " * _RESULT_LEVEL
_MARKER = "\0results"


def _results(report: RunReport) -> str:
    index = {rule.code: number for number, rule in enumerate(described_rules(report))}
    return _BETWEEN.join(
        jsontext.dumps(result(d, fingerprint, index.get(d.code), report), level=_RESULT_LEVEL)
        for d, fingerprint in report.fingerprinted()
    )


def _frame(report: RunReport) -> tuple[str, str]:
    """The document before and after its results."""
    return split_at(jsontext.dumps(document(report, [_MARKER])), jsontext.dumps(_MARKER))


framed(
    "sarif",
    Framed(
        part=_results,
        frame=_frame,
        empty=lambda report: jsontext.dumps(document(report, [])),
        separator=_BETWEEN,
        head_needs_run=True,  # invocations: whether every file could be read
    ),
)
