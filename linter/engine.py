"""Running the selected rules over a post and turning findings into diagnostics."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from linter import suppress
from linter.config import Settings
from linter.discovery import matches_any
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

    def rules_for(self, path: str) -> list[Rule]:
        """The rules minus those `per-file-ignores` turns off for this path."""
        ignored = [
            selector
            for pattern, selectors in self.settings.per_file_ignores.items()
            if matches_any(Path(path), (pattern,), self.settings.root)
            for selector in selectors
        ]
        if not ignored:
            return list(self.rules)
        return [
            rule
            for rule in self.rules
            if not any(s == "ALL" or rule.code.startswith(s) for s in ignored)
        ]

    def lint(self, source: Source) -> list[Diagnostic]:
        document = Document(source)
        rules = self.rules_for(source.path)
        found = [
            (rule, finding) for rule in rules for finding in _run(rule, document, self.settings)
        ]
        directives, _ = suppress.parse(document)
        if directives:
            found = _suppressed(document, directives, rules, found)
        diagnostics = [_diagnostic(source, rule, finding) for rule, finding in found]
        diagnostics.sort(key=lambda d: d.sort_key)
        return diagnostics

    def fix(self, source: Source, wanted: Applicability = Applicability.SAFE) -> FixResult:
        return fix_until_stable(
            source.text,
            lambda text: self.lint(source.with_text(text)),
            wanted,
            markdown=source.markdown,
        )


def _run(rule: Rule, document: Document, settings: Settings) -> list[Finding]:
    path = document.path
    try:
        return [_without_no_op_fix(document.text, f) for f in rule.check(document, settings)]
    except RecursionError as exc:
        raise RuleError(f"{path}: {rule.code} hit the recursion limit") from exc
    except Exception as exc:  # a rule bug must not take the other files down
        raise RuleError(
            f"{path}: internal error in rule {rule.code} "
            f"({type(exc).__name__}: {exc}); please report it"
        ) from exc


def _suppressed(
    document: Document,
    directives: list[suppress.Directive],
    rules: list[Rule],
    found: list[tuple[Rule, Finding]],
) -> list[tuple[Rule, Finding]]:
    """Drop the findings the post's directives silence; add PH001 for idle directives."""
    scopes = suppress.build_scopes(document, directives)
    kept = [
        (rule, finding)
        for rule, finding in found
        if not suppress.is_suppressed(scopes, rule.code, finding.start)
    ]
    reporter = next((r for r in rules if r.code == suppress.UNUSED_CODE), None)
    if reporter is not None:
        judged = frozenset(r.code for r in rules) - {suppress.UNUSED_CODE}
        unused = suppress.unused(document, scopes, directives, judged)
        kept.extend((reporter, finding) for finding in unused)
    return kept


def _diagnostic(source: Source, rule: Rule, finding: Finding) -> Diagnostic:
    row, column = source.position(finding.start)
    end_row, end_column = source.position(finding.end)
    return Diagnostic(
        path=source.path,
        code=rule.code,
        name=rule.name,
        severity=finding.severity or rule.severity,
        start=finding.start,
        end=finding.end,
        location=Location(row, column),
        end_location=Location(end_row, end_column),
        message=finding.message,
        fix=finding.fix,
        line_text=source.line_text(row),
        edit_locations=_edit_locations(source, finding),
    )


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
    return dataclasses.replace(finding, fix=None)
