"""`junit`: JUnit XML, one testsuite per file and one failing testcase per finding."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from linter.model import Diagnostic
from linter.report import RunReport, reporter

# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _suite(parent: ET.Element, name: str, tests: int, failures: int, errors: int) -> ET.Element:
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(errors)}
    return ET.SubElement(parent, "testsuite", {"name": clean(name), **counts})


def _case(suite: ET.Element, diagnostic: Diagnostic, path: str) -> None:
    row, column = diagnostic.location.row, diagnostic.location.column
    case = ET.SubElement(
        suite,
        "testcase",
        {
            "name": f"{diagnostic.code} {diagnostic.name} at {row}:{column}",
            "classname": clean(path),
            "file": clean(path),
            "line": str(row),
        },
    )
    failure = ET.SubElement(
        case, "failure", {"message": clean(diagnostic.message), "type": diagnostic.code}
    )
    failure.text = clean(f"{path}:{row}:{column}: {diagnostic.code} {diagnostic.message}")


def _errors(root: ET.Element, errors: list[str]) -> None:
    suite = _suite(root, "posthygiene", len(errors), 0, len(errors))
    for number, error in enumerate(errors, 1):
        case = ET.SubElement(suite, "testcase", {"name": f"error {number}"})
        ET.SubElement(case, "error", {"message": clean(error)})


@reporter("junit")
def junit(report: RunReport) -> str:
    total = len(report.diagnostics)
    root = ET.Element(
        "testsuites",
        {
            "name": "posthygiene",
            "tests": str(max(total, 1) + len(report.errors)),
            "failures": str(total),
            "errors": str(len(report.errors)),
        },
    )
    for path, group in groupby(report.diagnostics, key=lambda d: d.path):
        found = list(group)
        relative = report.relative(path)
        suite = _suite(root, relative, len(found), len(found), 0)
        for diagnostic in found:
            _case(suite, diagnostic, relative)
    if not report.diagnostics:
        suite = _suite(root, "posthygiene", 1, 0, 0)
        ET.SubElement(suite, "testcase", {"name": "no problems found", "classname": "posthygiene"})
    if report.errors:
        _errors(root, report.errors)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)
