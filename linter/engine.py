"""Running the selected rules over a post and turning findings into diagnostics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linter.config import Settings
from linter.document import Document
from linter.errors import RuleError
from linter.fix import FixResult, fix_until_stable
from linter.model import Applicability, Diagnostic, Finding, Location
from linter.registry import Rule
from linter.source import Source


@dataclass(frozen=True, slots=True)
class Linter:
    """The rules to run and the settings they read."""

    rules: Sequence[Rule]
    settings: Settings

    def lint(self, source: Source) -> list[Diagnostic]:
        document = Document(source)
        diagnostics: list[Diagnostic] = []
        for rule in self.rules:
            try:
                findings = list(rule.check(document, self.settings))
            except RecursionError as exc:
                raise RuleError(f"{source.path}: {rule.code} hit the recursion limit") from exc
            except Exception as exc:  # a rule bug must not take the other files down
                raise RuleError(
                    f"{source.path}: internal error in rule {rule.code} "
                    f"({type(exc).__name__}: {exc}); please report it"
                ) from exc
            for finding in findings:
                finding = _without_no_op_fix(source.text, finding)
                row, column = source.position(finding.start)
                end_row, end_column = source.position(finding.end)
                diagnostics.append(
                    Diagnostic(
                        path=source.path,
                        code=rule.code,
                        name=rule.name,
                        severity=rule.severity,
                        start=finding.start,
                        end=finding.end,
                        location=Location(row, column),
                        end_location=Location(end_row, end_column),
                        message=finding.message,
                        fix=finding.fix,
                        line_text=source.line_text(row),
                        edit_locations=_edit_locations(source, finding),
                    )
                )
        diagnostics.sort(key=lambda d: d.sort_key)
        return diagnostics

    def fix(self, source: Source, wanted: Applicability = Applicability.SAFE) -> FixResult:
        return fix_until_stable(source.text, lambda text: self.lint(source.with_text(text)), wanted)


def _edit_locations(source: Source, finding: Finding) -> tuple[tuple[Location, Location], ...]:
    if finding.fix is None:
        return ()
    return tuple(
        (Location(*source.position(edit.start)), Location(*source.position(edit.end)))
        for edit in finding.fix.edits
    )


def _without_no_op_fix(text: str, finding: Finding) -> Finding:
    """Drop a fix that would leave the text as it is: it could only loop."""
    fix = finding.fix
    if fix is None or any(text[e.start : e.end] != e.replacement for e in fix.edits):
        return finding
    return Finding(finding.start, finding.end, finding.message, None)
