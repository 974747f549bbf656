"""`sarif`: SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from linter import __version__
from linter.fingerprint import VERSION as FINGERPRINT_VERSION
from linter.model import Diagnostic, Location, Severity
from linter.registry import Rule, all_rules
from linter.report import RunReport, jsontext, reporter

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


def result(diagnostic: Diagnostic, fingerprint: str, index: int, report: RunReport) -> Any:
    location = {
        "artifactLocation": artifact_location(diagnostic.path, report),
        "region": region(diagnostic.location, diagnostic.end_location),
    }
    found: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": index,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {FINGERPRINT_VERSION: fingerprint},
    }
    changes = fixes(diagnostic, report)
    if changes:
        found["fixes"] = changes
    return found


def root_uri(report: RunReport) -> str:
    uri = report.root.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def described_rules(report: RunReport) -> list[Rule]:
    """The rules that ran, plus any rule a finding names (sorted by code)."""
    known = {rule.code: rule for rule in report.rules}
    registry = all_rules()
    for diagnostic in report.diagnostics:
        if diagnostic.code not in known and diagnostic.code in registry:
            known[diagnostic.code] = registry[diagnostic.code]
    return [known[code] for code in sorted(known)]


@reporter("sarif")
def sarif(report: RunReport) -> str:
    rules = described_rules(report)
    index = {rule.code: i for i, rule in enumerate(rules)}
    run = {
        "tool": {
            "driver": {
                "name": "posthygiene",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(rule) for rule in rules],
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
        "results": [
            result(diagnostic, fingerprint, index[diagnostic.code], report)
            for diagnostic, fingerprint in report.fingerprinted()
        ],
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return jsontext.dumps(document)
