"""Reports written file by file as results come in, so a run's memory does not grow with it.

Most formats are the concatenation of their reports for each file (`full`, `concise`,
`grouped`, `json-lines`, `github`); `json` is an array whose items can be written as they
come. For these, each file's findings are rendered, written and dropped; only counts stay
for the summary. The other formats (`sarif`, `junit`, `gitlab`), `--statistics`,
`--show-fixes`, `--diff` and `--write-baseline` need the whole run and keep the findings.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

import click

from linter.baseline import read_baseline, without_known
from linter.errors import SourceError
from linter.fingerprint import fingerprints
from linter.model import Applicability, Diagnostic, Severity
from linter.output import OutputOptions
from linter.registry import Rule
from linter.report import Counts, RunReport, load_reporters
from linter.report.json import as_dict
from linter.runner import FileResult

# The text between two files' parts, for formats that are their files' parts joined.
SEPARATORS = {
    "full": "\n\n",
    "text": "\n\n",
    "concise": "\n",
    "grouped": "\n\n",
    "json-lines": "\n",
    "github": "\n",
}


def streams(options: OutputOptions) -> bool:
    """Whether this run's report can be written as the results come in."""
    if options.statistics or options.show_fixes or options.diff:
        return False
    return options.format in SEPARATORS or options.format == "json"


@dataclass(slots=True)
class _Tally:
    found: int = 0
    fixable: int = 0
    unsafe_fixable: int = 0
    applied: int = 0
    hidden: int = 0
    by_severity: Counter[Severity] = field(default_factory=Counter)


class ReportStream:
    """Takes one file's result at a time; `close` ends the report and gives the summary's."""

    def __init__(
        self,
        options: OutputOptions,
        *,
        baseline: Path | None,
        wanted: Applicability,
        fixing: bool,
        color: bool,
        rules: Sequence[Rule],
        root: Path,
        errors: list[str],
    ) -> None:
        self.options = options
        self.template = RunReport(
            [], wanted=wanted, fixing=fixing, color=color, rules=rules, root=root
        )
        self.known = read_baseline(baseline) if baseline is not None else None
        self.errors = list(errors)
        self.tally = _Tally()
        self.files = 0
        self.written = False
        self.render = load_reporters()[options.format] if options.format != "json" else None
        self.file: IO[str] | None = None
        if options.output_file is not None:
            self.file = _open(options.output_file)
        self.color = color and self.file is None
        for error in errors:
            click.echo(f"posthygiene: error: {error}", err=True)

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.error:
            self.errors.append(result.error)
            click.echo(f"posthygiene: error: {result.error}", err=True)
        self.tally.applied += len(result.applied)
        diagnostics = result.diagnostics
        prints: list[str] = []
        if self.known is not None and diagnostics:
            filtered = without_known(
                diagnostics, fingerprints(diagnostics, self.template.root), self.known
            )
            diagnostics, prints = filtered.diagnostics, filtered.fingerprints
            self.tally.hidden += filtered.hidden
        if not diagnostics:
            return
        self._count(diagnostics)
        part = replace(
            self.template, diagnostics=diagnostics, fingerprints=prints, color=self.color
        )
        self._write(self._part(part))

    def _count(self, diagnostics: list[Diagnostic]) -> None:
        tally = self.tally
        wanted = self.template.wanted
        for d in diagnostics:
            tally.found += 1
            tally.by_severity[d.severity] += 1
            fix = d.fix
            if fix is not None:
                if fix.applicability >= wanted:
                    tally.fixable += 1
                elif fix.applicability >= Applicability.UNSAFE:
                    tally.unsafe_fixable += 1

    def _part(self, report: RunReport) -> str:
        if self.render is not None:
            return self.render(report)
        items = (json.dumps(as_dict(d), indent=2, ensure_ascii=False) for d in report.diagnostics)
        return ",\n".join("\n".join("  " + line for line in item.split("\n")) for item in items)

    def _write(self, part: str) -> None:
        if not part:
            return
        if self.written:
            part = (",\n" if self.render is None else SEPARATORS[self.options.format]) + part
        elif self.render is None:
            part = "[\n" + part
        self.written = True
        self._emit(part)

    def _emit(self, text: str) -> None:
        if self.file is not None:
            try:
                self.file.write(text)
            except OSError as exc:
                raise _report_error(self.options.output_file, exc) from exc
            return
        click.echo(text, nl=False, color=self.color, err=self.options.stdout_taken)

    def close(self) -> tuple[RunReport, bool]:
        """End the report; the run's report (counts only) and whether stdout got any of it."""
        if self.render is None:
            self._emit("\n]\n" if self.written else "[]\n")
        elif self.written:
            self._emit("\n")
        if self.file is not None:
            try:
                self.file.close()
            except OSError as exc:
                raise _report_error(self.options.output_file, exc) from exc
        tally = self.tally
        counts = Counts(
            tally.found, tally.fixable, tally.unsafe_fixable, tally.applied, tally.by_severity
        )
        report = replace(
            self.template,
            errors=self.errors,
            files=self.files,
            baselined=tally.hidden,
            counts=counts,
        )
        on_stdout = self.file is None and (self.written or self.render is None)
        return report, on_stdout


def _open(path: Path) -> IO[str]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise _report_error(path, exc) from exc


def _report_error(path: Path | None, exc: OSError) -> SourceError:
    return SourceError(str(path), f"cannot write report ({exc.strerror or exc})")
