"""Where a finished run goes: the report (stdout or --output-file), summary, errors (stderr)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from linter.errors import SourceError
from linter.report import HUMAN_FORMATS, RunReport, load_reporters
from linter.report.github import annotation_limit_hint
from linter.report.statistics import statistics_json, statistics_text
from linter.report.text import summary
from linter.runner import FileResult

JSON_FORMATS = frozenset({"json", "json-lines"})


@dataclass(frozen=True, slots=True)
class OutputOptions:
    format: str = "full"
    output_file: Path | None = None
    quiet: bool = False
    statistics: bool = False
    show_fixes: bool = False
    diff: bool = False
    # `--write-baseline`: the findings go to this baseline file, and no report is written.
    write_baseline: Path | None = None
    # The fixed post from standard input owns stdout: everything else goes to stderr.
    stdout_taken: bool = False


def machine_readable(options: OutputOptions) -> bool:
    """Whether the report is for a program (so nothing else may share its stream)."""
    if options.statistics:
        return options.format in JSON_FORMATS
    return options.format not in HUMAN_FORMATS


def render(report: RunReport, options: OutputOptions) -> str:
    if options.statistics:
        if options.format in JSON_FORMATS:
            return statistics_json(report)
        return statistics_text(report)
    return load_reporters()[options.format](report)


def terminal_summary(report: RunReport, options: OutputOptions) -> str:
    """The lines for people: counts, hints, and the fixes applied when asked."""
    lines: list[str] = []
    if options.show_fixes and report.fixing:
        lines.append(report.fixes_text())
    if not options.quiet:
        lines.append(summary(report))
        if report.baselined:
            lines.append(f"{report.baselined} known problems hidden by the baseline.")
        if options.format == "github":
            lines.append(annotation_limit_hint(report))
    return "\n".join(line for line in lines if line)


def write_report(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n" if text else "", encoding="utf-8", newline="")
    except OSError as exc:
        raise SourceError(str(path), f"cannot write report ({exc.strerror or exc})") from exc


def emit(report: RunReport, results: Sequence[FileResult], options: OutputOptions) -> None:
    for error in report.errors:
        click.echo(f"posthygiene: error: {error}", err=True)
    if options.diff:
        emit_diff(report, results, options)
        return
    report_to_stderr = options.stdout_taken
    if options.output_file is not None:
        write_report(options.output_file, render(dataclasses.replace(report, color=False), options))
        rendered = ""
    else:
        rendered = render(report, options)
        if rendered:
            click.echo(rendered, color=report.color, err=report_to_stderr)
    emit_summary(report, options, rendered=bool(rendered))


def emit_summary(report: RunReport, options: OutputOptions, *, rendered: bool) -> None:
    """The summary after the report; `rendered`: the report went to the terminal."""
    # People read the summary on stdout unless stdout carries a report for a program.
    summary_to_stderr = options.stdout_taken or (
        options.output_file is None and machine_readable(options)
    )
    text = terminal_summary(report, options)
    if not text:
        return
    if rendered and summary_to_stderr == options.stdout_taken:  # one stream: a blank line
        click.echo(err=summary_to_stderr)
    click.echo(text, err=summary_to_stderr)


def emit_diff(report: RunReport, results: Sequence[FileResult], options: OutputOptions) -> None:
    for result in results:
        if result.diff:
            click.echo(result.diff, nl=False)
    emit_diff_summary(report, sum(1 for r in results if r.diff), options)


def emit_diff_summary(report: RunReport, files: int, options: OutputOptions) -> None:
    """After the diffs, on stderr: the fixes they make (`--show-fixes`), or how many."""
    if options.show_fixes:
        click.echo(report.fixes_text(dry_run=True), err=True)
    elif not options.quiet:
        noun = "file" if files == 1 else "files"
        click.echo(f"Would fix {report.fixed} problems in {files} {noun}.", err=True)
