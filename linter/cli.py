"""The command line: `posthygiene check`, `fix`, `rule` and `rules`, modelled on ruff."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from linter import __version__
from linter.baseline import write_baseline
from linter.cache import Cache, clean, default_folder, run_key
from linter.collect import collect
from linter.config import Settings, check_selectors, load_settings
from linter.discovery import Posts, find
from linter.errors import ConfigError, LinterError
from linter.model import Applicability
from linter.output import OutputOptions, emit, emit_diff_summary, emit_summary
from linter.parallel import Finish, T, default_jobs, keep, run_files
from linter.paths import repository_root
from linter.progress import progress
from linter.registry import Rule, all_rules, select_rules
from linter.report import RunReport, load_reporters
from linter.runner import FileResult, Job, Mode
from linter.show_config import settings_toml
from linter.stdin import STDIN, output_bytes, process_stdin, reads_stdin
from linter.stream import ReportStream, streams

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


def fail(message: str) -> NoReturn:
    click.echo(f"posthygiene: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def use_color() -> bool:
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


class Group(click.Group):
    """Turns any LinterError raised by a command into one line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LinterError as exc:
            fail(str(exc))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="posthygiene")
def main() -> None:
    """Lint and fix the HTML inside blog posts."""


def check_options(function: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("--fix", is_flag=True, help="Apply safe fixes."),
        click.option("--unsafe-fixes", is_flag=True, help="Also apply (or count) unsafe fixes."),
        click.option("--diff", is_flag=True, help="Print the fixes as a diff; write nothing."),
        click.option("--select", help="Rule codes or prefixes to enable (comma-separated)."),
        click.option("--ignore", help="Rule codes or prefixes to disable (comma-separated)."),
        click.option("--extend-select", help="Codes or prefixes to add to the selection."),
        click.option(
            "--output-format",
            type=click.Choice(sorted(load_reporters())),
            default="full",
            show_default=True,
            help="How findings are printed.",
        ),
        click.option(
            "--output-file",
            "-o",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Write the report to this file; the terminal still gets the summary.",
        ),
        click.option("--statistics", is_flag=True, help="Count findings per rule instead."),
        click.option("--show-fixes", is_flag=True, help="List the fixes applied, per file."),
        click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems remain."),
        click.option(
            "--exit-non-zero-on-fix",
            is_flag=True,
            help="Exit 1 when fixes were applied, even if no problems remain.",
        ),
        click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary."),
        click.option(
            "--config",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Settings file to use instead of the nearest one.",
        ),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option(
            "--stdin-filename",
            help="With `-` as the path: the name of the post read from standard input.",
        ),
        click.option(
            "--baseline",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Report only findings not recorded in this baseline file.",
        ),
        click.option(
            "--write-baseline",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Record today's findings in this file (then use it with --baseline).",
        ),
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(min=1),
            help="Processes to check files in (default: one per core; 1 checks in this process).",
        ),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False, path_type=Path),
            help="Where to keep the cache (default: .posthygiene_cache beside the settings).",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@main.command()
@check_options
def check(**options: Any) -> None:
    """Report problems in posts (files or folders; default: the current folder)."""
    sys.exit(run_check(**options))


@main.command()
@check_options
def fix(**options: Any) -> None:
    """Shorthand for `check --fix`."""
    options["fix"] = True
    sys.exit(run_check(**options))


def build_settings(options: dict[str, Any]) -> Settings:
    settings = load_settings(options.get("config"), isolated=bool(options.get("isolated")))
    overrides: dict[str, tuple[str, ...]] = {}
    for key in ("select", "ignore", "extend_select"):
        codes = _codes(options.get(key))
        if codes:
            check_selectors(f"--{key.replace('_', '-')}", codes)
            overrides[key] = codes
    if "select" in overrides:
        overrides.setdefault("extend_select", ())
    if "ignore" in overrides:
        overrides["ignore"] = settings.ignore + overrides["ignore"]
    return dataclasses.replace(settings, **overrides)  # type: ignore[arg-type]


def run_check(**options: Any) -> int:
    try:
        settings = build_settings(options)
    except ConfigError as exc:
        fail(str(exc))
    rules = select_rules(settings.selected, settings.ignore)
    mode = Mode.DIFF if options["diff"] else Mode.FIX if options["fix"] else Mode.CHECK
    wanted = Applicability.UNSAFE if options["unsafe_fixes"] else Applicability.SAFE
    job = Job(rules, settings, mode, wanted)
    paths: tuple[str, ...] = options["paths"]
    missing: list[str] = []
    problems: list[str] = []  # folders that could not be read
    if reads_stdin(paths, options["stdin_filename"]):
        results = [run_stdin(job, options["stdin_filename"])]
    elif STDIN in paths:
        fail("`-` (standard input) cannot be combined with other paths")
    else:
        try:
            found = find(paths or (".",), settings)
            missing = found.missing
            if streams(output_options(options)):
                return stream_check(found.files, missing, job, options)
            results = check_files(found.files, job, options)
            problems = found.files.problems
        except KeyboardInterrupt:
            # Every write is a rename of a complete file: each post is whole, fixed or not.
            fail("interrupted; files written so far are fixed, the others are unchanged")
    report = collect(
        results,
        missing=missing,
        problems=problems,
        rules=rules,
        wanted=wanted,
        fixing=mode is Mode.FIX,
        color=use_color(),
        baseline=options["baseline"],
    )
    if options["write_baseline"] is not None:
        return record_baseline(report, options["write_baseline"])
    emit(report, results, output_options(options))
    return exit_code(report, options, would_change=any(r.diff for r in results))


def run_stdin(job: Job, filename: str | None) -> FileResult:
    data = sys.stdin.buffer.read()
    source, result = process_stdin(data, filename, job)
    if job.mode is Mode.FIX:
        fixed = data if source is None else output_bytes(source, result)
        sys.stdout.flush()
        sys.stdout.buffer.write(fixed)
        sys.stdout.buffer.flush()
    return result


def record_baseline(report: RunReport, path: Path) -> int:
    write_baseline(path, report.fingerprinted(), report.root)
    for error in report.errors:
        click.echo(f"posthygiene: error: {error}", err=True)
    return recorded(len(report.diagnostics), report.errors, path)


def recorded(count: int, errors: Sequence[str], path: Path) -> int:
    """Say what the baseline holds (its errors are out already); 2 if a file went unread."""
    click.echo(f"Recorded {count} {'finding' if count == 1 else 'findings'} in {path}.", err=True)
    return EXIT_ERROR if errors else EXIT_CLEAN


def exit_code(report: RunReport, options: dict[str, Any], *, would_change: bool = False) -> int:
    """2 when a file could not be processed, 1 for findings (or, with --diff, for changes)."""
    if report.errors:
        return EXIT_ERROR
    if options["exit_non_zero_on_fix"] and report.fixed and not options["diff"]:
        return EXIT_FINDINGS
    if options["diff"] and would_change:
        return EXIT_CLEAN if options["exit_zero"] else EXIT_FINDINGS
    if report.found and not options["exit_zero"]:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def output_options(options: dict[str, Any]) -> OutputOptions:
    return OutputOptions(
        format=options["output_format"],
        output_file=options["output_file"],
        quiet=options["quiet"],
        statistics=options["statistics"],
        show_fixes=options["show_fixes"],
        diff=options["diff"],
        write_baseline=options["write_baseline"],
        stdout_taken=options["fix"] and reads_stdin(options["paths"], options["stdin_filename"]),
    )


def check_files(
    paths: Sequence[str] | Posts, job: Job, options: dict[str, Any]
) -> list[FileResult]:
    """Every file's result, in the order of `paths`."""
    return list(each_result(paths, job, options, keep, quiet=options["quiet"]))


def each_result(
    paths: Sequence[str] | Posts,
    job: Job,
    options: dict[str, Any],
    finish: Finish[T],
    *,
    quiet: bool,
) -> Iterator[T]:
    """`finish` of each file's result as they come, in the order of `paths`.

    See linter.parallel: `finish` runs where the file was checked (in the workers). Posts
    are walked as the check goes; a progress bar counts them in a walk of its own first.
    """
    cache = None
    if not options["no_cache"]:
        folder = options["cache_dir"] or default_folder(job.settings)
        cache = Cache(folder, run_key(job.rules, job.settings))
    jobs = options["jobs"] or default_jobs()
    with progress(lambda: _count(paths), quiet=quiet) as advance:
        for result in run_files(paths, job, jobs, cache, finish):
            yield result
            advance()


def _count(paths: Sequence[str] | Posts) -> int:
    return len(paths) if isinstance(paths, Sequence) else sum(1 for _ in paths)


def stream_check(
    paths: Sequence[str] | Posts, missing: Sequence[str], job: Job, options: dict[str, Any]
) -> int:
    """Check and report file by file (see linter.stream): memory stays flat."""
    output = output_options(options)
    stream = ReportStream(
        output,
        baseline=options["baseline"],
        wanted=job.wanted,
        fixing=job.mode is Mode.FIX,
        color=use_color(),
        rules=job.rules,
        root=repository_root(),
        errors=[f"{path}: no such file or folder" for path in missing],
    )
    # A progress bar would tear a report that is being written to the same terminal.
    to_terminal = output.output_file is None and output.write_baseline is None
    quiet = options["quiet"] or (to_terminal and sys.stdout.isatty())
    for part in each_result(paths, job, options, stream.parts, quiet=quiet):
        stream.add(part)
    if isinstance(paths, Posts):
        stream.errors += paths.problems
    report, rendered = stream.close()
    if output.write_baseline is not None:
        return recorded(report.found, report.errors, output.write_baseline)
    if output.diff:
        emit_diff_summary(report, stream.diffs, output)
    else:
        emit_summary(report, output, rendered=rendered)
    return exit_code(report, options, would_change=stream.diffs > 0)


@main.command("config")
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Settings file to use instead of the nearest one.",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
def config_command(config: Path | None, isolated: bool) -> None:
    """Print the effective settings (as a posthygiene.toml)."""
    click.echo(settings_toml(load_settings(config, isolated=isolated)), nl=False)


@main.command("clean")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path))
def clean_command(cache_dir: Path | None, config: Path | None) -> None:
    """Remove the cache (.posthygiene_cache beside the settings, or --cache-dir)."""
    folder = cache_dir or default_folder(load_settings(config))
    if clean(folder):
        click.echo(f"Removed {folder}")


@main.command("rule")
@click.argument("code")
def rule_command(code: str) -> None:
    """Print a rule's documentation."""
    found = all_rules().get(code.upper())
    if found is None:
        fail(f"unknown rule {code!r}; `posthygiene rules` lists them")
    click.echo(rule_page(found))


def rule_page(rule: Rule) -> str:
    fix = {
        "none": "No fix",
        "sometimes": "Fix sometimes available",
        "always": "Fix always available",
    }
    return (
        f"# {rule.name} ({rule.code})\n\n{rule.summary}.\n\n"
        f"Default severity: {rule.severity}. {fix[str(rule.fix)]}.\n\n{rule.docs}\n"
    )


@main.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text")
def rules_command(output_format: str) -> None:
    """List every rule: code, name, summary and whether it can fix."""
    rules = list(all_rules().values())
    if output_format == "json":
        import json

        click.echo(json.dumps([_rule_dict(r) for r in rules], indent=2))
        return
    width = max(len(r.name) for r in rules)
    for r in rules:
        mark = "[*]" if r.fixable else "   "
        click.echo(f"{r.code}  {mark}  {r.name.ljust(width)}  {r.summary}")


@main.command("inventory")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--output-format", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--files", "show_files", is_flag=True, help="List the files under each row.")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), help="Settings file.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
def inventory_command(
    paths: tuple[str, ...],
    output_format: str,
    show_files: bool,
    config: Path | None,
    isolated: bool,
) -> None:
    """List every affiliate network and id in the posts, with link and file counts."""
    from linter import inventory

    try:
        settings = load_settings(config, isolated=isolated)
    except ConfigError as exc:
        fail(str(exc))
    found = inventory.take_inventory(paths or (".",), settings)
    for error in found.errors:
        click.echo(f"posthygiene: error: {error}", err=True)
    if output_format == "json":
        click.echo(inventory.render_json(found))
    else:
        click.echo(inventory.render_table(found, show_files=show_files))
    sys.exit(EXIT_ERROR if found.errors else EXIT_CLEAN)


def _rule_dict(rule: Rule) -> dict[str, str | bool]:
    return {
        "code": rule.code,
        "name": rule.name,
        "summary": rule.summary,
        "severity": str(rule.severity),
        "fix": str(rule.fix),
        "fixable": rule.fixable,
        "url": rule.url,
    }


def entry() -> None:
    try:
        main()
    except LinterError as exc:
        fail(str(exc))
