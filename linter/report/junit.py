"""`junit`: JUnit XML, one testsuite per file and one failing testcase per finding."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from linter.model import Diagnostic
from linter.report import Framed, RunReport, framed, split_at

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


def _root(report: RunReport) -> ET.Element:
    total = report.found
    return ET.Element(
        "testsuites",
        {
            "name": "posthygiene",
            "tests": str(max(total, 1) + len(report.errors)),
            "failures": str(total),
            "errors": str(len(report.errors)),
        },
    )


def _file_suite(report: RunReport) -> str:
    """One file's test suite (a report of that file, with findings), indented as inside
    `testsuites`."""
    relative = report.relative(report.diagnostics[0].path)
    count = len(report.diagnostics)
    suite = _suite(ET.Element("testsuites"), relative, count, count, 0)
    for diagnostic in report.diagnostics:
        _case(suite, diagnostic, relative)
    ET.indent(suite, level=1)
    return ET.tostring(suite, encoding="unicode")


_MARKER = "posthygiene-files"


def _frame(report: RunReport) -> tuple[str, str]:
    """The document before and after the files' suites."""
    return split_at(_document(report, files=True), f"<{_MARKER} />")


def _document(report: RunReport, *, files: bool) -> str:
    """The whole document, with a marker where the files' suites go (`files`), or with
    none and the suite that says nothing was found."""
    root = _root(report)
    if files:
        ET.SubElement(root, _MARKER)
    else:
        suite = _suite(root, "posthygiene", 1, 0, 0)
        ET.SubElement(suite, "testcase", {"name": "no problems found", "classname": "posthygiene"})
    if report.errors:
        _errors(root, report.errors)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


framed(
    "junit",
    Framed(
        part=_file_suite,
        frame=_frame,
        empty=lambda report: _document(report, files=False),
        separator="\n  ",
        head_needs_run=True,  # the totals and the errors
    ),
)
