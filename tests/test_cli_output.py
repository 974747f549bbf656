"""Where the report and the summary go, and the run-level options around them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Run

POST = "source/_posts/junk.md"


def test_output_file_gets_the_report_and_the_terminal_the_summary(project: Path, cli: Run) -> None:
    result = cli("check", "--output-format", "json", "--output-file", "reports/ph.json", POST)
    written = json.loads(Path("reports/ph.json").read_text(encoding="utf-8"))
    plain = cli("check", "--output-format", "json", POST)
    assert written == json.loads(plain.stdout)
    assert result.stdout.startswith(f"Found {len(written)} problems (")
    assert result.stdout == plain.stderr
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
    found = json.loads(result.stdout)
    assert f"Found {len(found)} problems" in result.stderr


def expected_statistics(cli: Run) -> list[dict[str, object]]:
    """Per-rule counts worked out from the JSON report: most frequent first, then by code."""
    counts: dict[tuple[str, str], list[int]] = {}
    for item in json.loads(cli("check", "--output-format", "json", POST).stdout):
        row = counts.setdefault((item["code"], item["name"]), [0, 0])
        row[0] += 1
        row[1] += item["fix"] is not None and item["fix"]["applicability"] == "safe"
    rows = sorted(counts.items(), key=lambda entry: (-entry[1][0], entry[0][0]))
    return [
        {"code": code, "name": name, "count": n, "fixable_count": fixable}
        for (code, name), (n, fixable) in rows
    ]


def test_statistics_as_text(project: Path, cli: Run) -> None:
    result = cli("check", "--statistics", POST)
    expected = expected_statistics(cli)
    lines = result.stdout.splitlines()
    assert len(expected) >= 2
    for line, row in zip(lines, expected, strict=False):
        fixable = [str(row["fixable_count"]), "fixable"] if row["fixable_count"] else []
        assert line.split() == [str(row["count"]), row["code"], row["name"], *fixable]
    assert lines[len(expected)] == ""
    assert lines[len(expected) + 1].startswith("Found ")
    assert result.exit_code == 1


def test_statistics_as_json(project: Path, cli: Run) -> None:
    result = cli("check", "--statistics", "--output-format", "json", POST)
    assert json.loads(result.stdout) == expected_statistics(cli)


def test_show_fixes_lists_what_was_fixed(project: Path, cli: Run) -> None:
    Path("wrapped.html").write_text("<p><span style>x</span> <b class=''>y</b></p>\n", "utf-8")
    result = cli("check", "--select", "HTM", "--fix", "--show-fixes", "wrapped.html")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Fixed 3 problems:",
        "- wrapped.html:",
        "    2 × HTM001 (empty-attribute)",
        "    1 × HTM002 (bare-wrapper)",
        "Fixed 3 problems.",
        "All checks passed!",
    ]
    assert Path("wrapped.html").read_text(encoding="utf-8") == "<p>x <b>y</b></p>\n"


def test_show_fixes_with_diff_says_what_would_be_fixed(project: Path, cli: Run) -> None:
    Path("wrapped.html").write_text("<p><span style>x</span> <b class=''>y</b></p>\n", "utf-8")
    result = cli("check", "--select", "HTM", "--diff", "--show-fixes", "wrapped.html")
    assert "Would fix 3 problems:" in result.stderr
    assert result.stdout.startswith("--- a/wrapped.html")


def test_exit_non_zero_on_fix(project: Path, cli: Run) -> None:
    plain = project / "plain.md"
    plain.write_text("<p><span style>x</span></p>\n", encoding="utf-8")
    assert cli("check", "--fix", "plain.md").exit_code == 0
    plain.write_text("<p><span style>x</span></p>\n", encoding="utf-8")
    assert cli("check", "--fix", "--exit-non-zero-on-fix", "plain.md").exit_code == 1
    assert plain.read_text(encoding="utf-8") == "<p>x</p>\n"
    assert cli("check", "--fix", "--exit-non-zero-on-fix", "plain.md").exit_code == 0
