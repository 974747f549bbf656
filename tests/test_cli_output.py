"""Where the report and the summary go, and the run-level options around them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Run

POST = "source/_posts/junk.md"


def test_output_file_gets_the_report_and_the_terminal_the_summary(project: Path, cli: Run) -> None:
    result = cli("check", "--output-format", "json", "--output-file", "reports/ph.json", POST)
    written = json.loads(Path("reports/ph.json").read_text(encoding="utf-8"))
    assert written == json.loads(cli("check", "--output-format", "json", POST).stdout)
    assert result.stdout.strip() == "Found 3 problems (3 fixable with --fix)."
    assert result.exit_code == 1


def test_output_file_never_gets_colour(project: Path, cli: Run) -> None:
    cli("check", "--output-file", "report.txt", POST)
    text = Path("report.txt").read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert "source/_posts/junk.md:8:10: HTM001" in text


def test_unwritable_output_file_is_one_error_line(project: Path, cli: Run) -> None:
    Path("taken").write_text("", encoding="utf-8")
    result = cli("check", "--output-file", "taken/report.txt", POST)
    assert result.exit_code == 2
    assert result.stderr.startswith("posthygiene: error: taken")
    assert "Traceback" not in result.stderr


def test_machine_formats_keep_stdout_clean(project: Path, cli: Run) -> None:
    result = cli("check", "--output-format", "json", POST)
    json.loads(result.stdout)
    assert "Found 3 problems" in result.stderr


def test_statistics_as_text(project: Path, cli: Run) -> None:
    result = cli("check", "--statistics", POST)
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["2", "HTM001", "empty-attribute", "2", "fixable"]
    assert lines[1].split() == ["1", "AFF001", "autolink-splits-word", "1", "fixable"]
    assert "Found 3 problems" in result.stdout
    assert result.exit_code == 1


def test_statistics_as_json(project: Path, cli: Run) -> None:
    result = cli("check", "--statistics", "--output-format", "json", POST)
    assert json.loads(result.stdout) == [
        {"code": "HTM001", "name": "empty-attribute", "count": 2, "fixable_count": 2},
        {"code": "AFF001", "name": "autolink-splits-word", "count": 1, "fixable_count": 1},
    ]


def test_show_fixes_lists_what_was_fixed(project: Path, cli: Run) -> None:
    result = cli("check", "--fix", "--show-fixes", POST)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        "Fixed 5 problems:",
        f"- {POST}:",
        "    1 × AFF001 (autolink-splits-word)",
        "    2 × HTM001 (empty-attribute)",
        "    2 × HTM002 (bare-wrapper)",
    ]


def test_show_fixes_with_diff_says_what_would_be_fixed(project: Path, cli: Run) -> None:
    result = cli("check", "--diff", "--show-fixes", POST)
    assert "Would fix 5 problems:" in result.stderr
    assert result.stdout.startswith(f"--- a/{POST}")


def test_exit_non_zero_on_fix(project: Path, cli: Run) -> None:
    plain = project / "plain.md"
    plain.write_text("<p><span style>x</span></p>\n", encoding="utf-8")
    assert cli("check", "--fix", "plain.md").exit_code == 0
    plain.write_text("<p><span style>x</span></p>\n", encoding="utf-8")
    assert cli("check", "--fix", "--exit-non-zero-on-fix", "plain.md").exit_code == 1
    assert plain.read_text(encoding="utf-8") == "<p>x</p>\n"
    assert cli("check", "--fix", "--exit-non-zero-on-fix", "plain.md").exit_code == 0
