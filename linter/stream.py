"""Reports written file by file as results come in, so a run's memory does not grow with it.

Most formats are the concatenation of their reports for each file (`full`, `concise`,
`grouped`, `json-lines`, `github`). The framed ones (`json`, `gitlab`, `sarif`, `junit`)
put those parts between a head and a tail (see `linter.report.Framed`). Each file's
findings are rendered where the file was checked (in the worker processes, in parallel),
and the process that runs the check only writes the parts out in order and adds up counts
for the summary. When a head shows what only the end of the run knows (JUnit's totals,
SARIF's errors), the parts wait in a temporary file, not in memory. `--statistics` shows
no file's findings: each part carries its counts by rule, which are added up. With `--diff`
a file's part is its diff. With `--write-baseline` it is the file's baseline entries, which
wait in a temporary file until the baseline is written in path order. With `--show-fixes`
each part also carries the lines for the fixes applied to its file, shown after the report.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import IO

import click

from linter.baseline import BaselineWriter, entries, read_baseline, without_known
from linter.errors import SourceError
from linter.fingerprint import fingerprints
from linter.model import Applicability, Diagnostic, Severity
from linter.output import OutputOptions, render
from linter.paths import relative_path
from linter.registry import Rule, all_rules
from linter.report import (
    Counts,
    Renderer,
    RuleTally,
    RunReport,
    framed_format,
    load_reporters,
    tally,
)
from linter.report.fixes import file_fixes
from linter.runner import FileResult

PART_FORMAT = 4

# The text between two files' parts, for formats that are their files' parts joined.
SEPARATORS = {
    "full": "\n\n",
    "text": "\n\n",
    "concise": "\n",
    "grouped": "\n\n",
    "json-lines": "\n",
    "github": "\n",
}


class Content(StrEnum):
    """What a file's part holds, which decides what the run writes."""

    FINDINGS = "findings"  # the file's findings in the report's format
    STATISTICS = "statistics"  # nothing to show: the counts by rule are added up
    DIFF = "diff"  # the file's diff
    BASELINE = "baseline"  # the file's baseline entries; no report is written


def content_of(options: OutputOptions) -> Content:
    """A baseline is all a run writes when asked for one; else a preview is the diffs."""
    if options.write_baseline is not None:
        return Content.BASELINE
    if options.diff:
        return Content.DIFF
    return Content.STATISTICS if options.statistics else Content.FINDINGS


def streams(options: OutputOptions) -> bool:
    """Whether this run's report can be written as the results come in."""
    if content_of(options) is not Content.FINDINGS:
        return True
    return options.format in SEPARATORS or framed_format(options.format) is not None


@dataclass(frozen=True, slots=True)
class Part:
    """One file's share of a streamed report: its text and what the summary counts."""

    text: str
    found: int = 0
    fixable: int = 0
    unsafe_fixable: int = 0
    applied: int = 0
    hidden: int = 0
    by_severity: tuple[tuple[Severity, int], ...] = ()
    error: str | None = None
    by_rule: tuple[tuple[str, RuleTally], ...] = ()
    path: str = ""  # with --write-baseline: the file's path as the entries spell it
    fixes: str = ""  # with --show-fixes: the lines for the fixes applied to the file


@dataclass(frozen=True, slots=True)
class Parts:
    """Makes a file's Part from its result; small and picklable, so workers get it once."""

    format: str
    wanted: Applicability
    fixing: bool
    color: bool
    codes: tuple[str, ...]
    root: Path
    known: frozenset[str] | None  # the baseline's fingerprints
    # A hash of all of the above: the cache stores parts under it (see linter.cache).
    spec: str = ""
    content: Content = Content.FINDINGS
    # `--show-fixes`: a part lists the fixes applied to its file, for the summary.
    show_fixes: bool = False

    @classmethod
    def create(
        cls,
        format: str,
        wanted: Applicability,
        fixing: bool,
        color: bool,
        codes: tuple[str, ...],
        root: Path,
        known: frozenset[str] | None,
        *,
        content: Content = Content.FINDINGS,
        show_fixes: bool = False,
    ) -> Parts:
        digest = hashlib.blake2b(digest_size=12)
        fields: tuple[object, ...] = (PART_FORMAT, format, int(wanted), fixing, color, codes)
        fields += (str(root), str(content), show_fixes)
        digest.update(repr(fields).encode("utf-8", "surrogateescape"))
        if known is not None:
            digest.update("\n".join(sorted(known)).encode())
        spec = digest.hexdigest()
        return cls(format, wanted, fixing, color, codes, root, known, spec, content, show_fixes)

    def dump(self, part: Part) -> bytes:
        severities = [[str(severity), count] for severity, count in part.by_severity]
        rules = [[code, row.name, row.count, row.fixable] for code, row in part.by_rule]
        row = [part.text, part.found, part.fixable, part.unsafe_fixable, part.applied]
        row += [part.hidden, severities, part.error, rules, part.path, part.fixes]
        return json.dumps(row, ensure_ascii=False).encode("utf-8")

    def load(self, data: bytes) -> Part:
        text, found, fixable, unsafe, applied, hidden, severities, error, rules, path, fixes = (
            json.loads(data)
        )
        by_severity = tuple((Severity(name), int(count)) for name, count in severities)
        by_rule = tuple((code, RuleTally(name, count, n)) for code, name, count, n in rules)
        return Part(
            text, found, fixable, unsafe, applied, hidden, by_severity, error, by_rule, path, fixes
        )

    def __call__(self, result: FileResult) -> Part:
        diagnostics = result.diagnostics
        prints: list[str] = []
        hidden = 0
        if self.known is not None and diagnostics:
            found = without_known(diagnostics, fingerprints(diagnostics, self.root), self.known)
            diagnostics, prints, hidden = found.diagnostics, found.fingerprints, found.hidden
        content = self.content
        if content is Content.BASELINE:
            if diagnostics and self.known is None:
                prints = fingerprints(diagnostics, self.root)
            text = entries(diagnostics, prints, self.root)
        elif content is Content.DIFF:
            text = result.diff or ""
        elif content is Content.FINDINGS and diagnostics:
            text = self._render(diagnostics, prints)
        else:
            text = ""
        fixable = sum(1 for d in diagnostics if d.fix and d.fix.applicability >= self.wanted)
        unsafe = sum(
            1
            for d in diagnostics
            if d.fix and Applicability.UNSAFE <= d.fix.applicability < self.wanted
        )
        by_severity = tuple(Counter(d.severity for d in diagnostics).items())
        return Part(
            text,
            len(diagnostics),
            fixable,
            unsafe,
            len(result.applied),
            hidden,
            by_severity,
            result.error,
            tuple(tally(diagnostics, self.wanted).items()) if content is Content.STATISTICS else (),
            relative_path(result.path, self.root) if content is Content.BASELINE else "",
            file_fixes(result.applied) if self.show_fixes else "",
        )

    def _render(self, diagnostics: list[Diagnostic], prints: list[str]) -> str:
        rules = all_rules()
        report = RunReport(
            diagnostics,
            wanted=self.wanted,
            fixing=self.fixing,
            color=self.color,
            rules=[rules[code] for code in self.codes if code in rules],
            root=self.root,
            fingerprints=prints,
        )
        framed = framed_format(self.format)
        return framed.part(report) if framed is not None else _renderer(self.format)(report)


@cache
def _renderer(name: str) -> Renderer:
    return load_reporters()[name]


class ReportStream:
    """Writes the files' parts in order; `close` ends the report and gives the summary's."""

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
        errors: Sequence[str],
    ) -> None:
        self.options = options
        content = self.content = content_of(options)
        self.file: IO[str] | None = None
        self.recorder = BaselineWriter() if content is Content.BASELINE else None
        # Diffs go to stdout; a run that writes a baseline writes no report.
        if options.output_file is not None and content in (Content.FINDINGS, Content.STATISTICS):
            self.file = _open(options.output_file)
        known = read_baseline(baseline) if baseline is not None else None
        codes = tuple(rule.code for rule in rules)
        # A report written to a file has no colour; the summary on the terminal may.
        to_terminal = color and self.file is None
        self.parts = Parts.create(
            options.format,
            wanted,
            fixing,
            to_terminal,
            codes,
            root,
            known,
            content=content,
            show_fixes=options.show_fixes,
        )
        self.summary = RunReport(
            [], wanted=wanted, fixing=fixing, color=color, rules=rules, root=root
        )
        self.framed = None
        self.between = ""  # diffs end their own last lines; other contents are not shown
        if content is Content.FINDINGS:
            self.framed = framed_format(options.format)
            self.between = SEPARATORS.get(options.format, "")
            if self.framed is not None:
                self.between = self.framed.separator
        # Parts wait here when the head can only be written once the run is over.
        self.spool: IO[str] | None = None
        if self.framed is not None and self.framed.head_needs_run:
            self.spool = _spool()
        self.errors = list(errors)
        self.counts = Counter[str]()
        self.by_severity = Counter[Severity]()
        self.by_rule: dict[str, RuleTally] = {}
        self.fixes: list[str] = []  # with --show-fixes; a few lines per fixed file
        self.files = 0
        self.diffs = 0  # files that --fix would change
        self.written = False

    def add(self, part: Part) -> None:
        self.files += 1
        if part.error:
            self.errors.append(part.error)
        self.counts.update(
            found=part.found,
            fixable=part.fixable,
            unsafe_fixable=part.unsafe_fixable,
            applied=part.applied,
            hidden=part.hidden,
        )
        self.by_severity.update(dict(part.by_severity))
        for code, found in part.by_rule:
            known = self.by_rule.get(code)
            self.by_rule[code] = found if known is None else known + found
        if part.fixes:
            self.fixes.append(part.fixes)
        if self.recorder is not None:
            self.recorder.add(part.path, part.text)
        elif part.text:
            if self.content is Content.DIFF:
                self.diffs += 1
            self._write(part.text)

    def _write(self, text: str) -> None:
        framed = self.framed
        if self.written:
            text = self.between + text
        elif framed is not None and self.spool is None:
            text = framed.frame(self.summary)[0] + text
        self.written = True
        if self.spool is None:
            self._emit(text)
            return
        try:
            self.spool.write(text)
        except OSError as exc:
            raise _spool_error(exc) from exc

    def _emit(self, text: str) -> None:
        if self.file is not None:
            try:
                self.file.write(text)
            except OSError as exc:
                raise _report_error(self.options.output_file, exc) from exc
            return
        click.echo(text, nl=False, color=self.parts.color, err=self.options.stdout_taken)

    def close(self) -> tuple[RunReport, bool]:
        """End the report; the run's report (counts only) and whether the terminal got it."""
        report = self._finished()
        framed = self.framed
        if self.recorder is not None:
            assert self.options.write_baseline is not None
            self.recorder.write(self.options.write_baseline)
        elif self.content is Content.DIFF:
            pass  # the summary says how much would change (see linter.output)
        elif self.content is Content.STATISTICS:
            text = render(report, self.options)
            if text:
                self._emit(text + "\n")
                self.written = True
        elif framed is None:
            if self.written:
                self._emit("\n")
        elif not self.written:
            self._emit(framed.empty(report) + "\n")
        else:
            head, tail = framed.frame(report)
            if self.spool is not None:
                self._emit(head)
                self._copy_spool()
            self._emit(tail + "\n")
        if self.spool is not None:
            self.spool.close()
        if self.file is not None:
            try:
                self.file.close()
            except OSError as exc:
                raise _report_error(self.options.output_file, exc) from exc
        # After the report, not inside it: on a terminal they would split its lines.
        for error in self.errors:
            click.echo(f"posthygiene: error: {error}", err=True)
        return report, self.file is None and (self.written or framed is not None)

    def _finished(self) -> RunReport:
        """The run's report as the stream ends: counts and errors, no findings."""
        counts = self.counts
        return RunReport(
            [],
            errors=self.errors,
            files=self.files,
            wanted=self.summary.wanted,
            fixing=self.summary.fixing,
            color=self.summary.color,
            rules=self.summary.rules,
            root=self.parts.root,
            baselined=counts["hidden"],
            counts=Counts(
                counts["found"],
                counts["fixable"],
                counts["unsafe_fixable"],
                counts["applied"],
                dict(self.by_severity),
                dict(self.by_rule),
                self.fixes,
            ),
        )

    def _copy_spool(self) -> None:
        assert self.spool is not None
        try:
            self.spool.seek(0)
            # Small pieces: copying a 650 MB SARIF file in 1 MiB ones grew the process by
            # 60 MB (freed blocks the allocator kept); 64 KiB ones keep it level.
            while chunk := self.spool.read(1 << 16):
                self._emit(chunk)
        except OSError as exc:
            raise _spool_error(exc) from exc


def _spool() -> IO[str]:
    try:
        return tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
    except OSError as exc:
        raise _spool_error(exc) from exc


def _spool_error(exc: OSError) -> SourceError:
    return SourceError("the report's temporary file", f"cannot write ({exc.strerror or exc})")


def _open(path: Path) -> IO[str]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise _report_error(path, exc) from exc


def _report_error(path: Path | None, exc: OSError) -> SourceError:
    return SourceError(str(path), f"cannot write report ({exc.strerror or exc})")
