"""The command line: `posthygiene check`, `fix`, `rule` and `rules`, modelled on ruff."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from linter import __version__
from linter.config import Settings, check_selectors, load_settings
from linter.discovery import discover
from linter.errors import ConfigError, LinterError
from linter.model import Applicability
from linter.registry import Rule, all_rules, select_rules
from linter.report import RunReport, load_reporters
from linter.report.text import summary
from linter.runner import FileResult, Job, Mode, process_file

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
        click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems remain."),
        click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary."),
        click.option(
            "--config",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Settings file to use instead of the nearest one.",
        ),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
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
    try:
        found = discover(options["paths"] or (".",), settings)
        results = run_files(found.files, Job(rules, settings, mode, wanted))
    except KeyboardInterrupt:
        # Every write is a rename of a complete file: each post is whole, fixed or not.
        fail("interrupted; files written so far are fixed, the others are unchanged")
    errors = [f"{path}: no such file or folder" for path in found.missing]
    errors += [r.error for r in results if r.error]
    report = RunReport(
        diagnostics=[d for r in results for d in r.diagnostics],
        applied=[d for r in results for d in r.applied],
        errors=errors,
        files=len(found.files),
        wanted=wanted,
        fixing=mode is Mode.FIX,
        color=use_color(),
    )
    emit(report, results, options)
    if errors:
        return EXIT_ERROR
    if mode is Mode.DIFF and any(r.diff for r in results):
        return EXIT_CLEAN if options["exit_zero"] else EXIT_FINDINGS
    if report.diagnostics and not options["exit_zero"]:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def run_files(paths: Sequence[str], job: Job) -> list[FileResult]:
    return [process_file(path, job) for path in paths]


def emit(report: RunReport, results: list[FileResult], options: dict[str, Any]) -> None:
    for error in report.errors:
        click.echo(f"posthygiene: error: {error}", err=True)
    if options["diff"]:
        for result in results:
            if result.diff:
                click.echo(result.diff, nl=False)
        if not options["quiet"]:
            count = sum(1 for r in results if r.diff)
            click.echo(
                f"Would fix {len([d for r in results for d in r.applied])} problems "
                f"in {count} {'file' if count == 1 else 'files'}.",
                err=True,
            )
        return
    rendered = load_reporters()[options["output_format"]](report)
    if rendered:
        click.echo(rendered, color=report.color)
    if not options["quiet"] and options["output_format"] in ("full", "concise"):
        text = summary(report)
        if text:
            if rendered:
                click.echo()
            click.echo(text)


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
