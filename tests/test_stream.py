from __future__ import annotations

import json
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bench.generate import generate
from linter import discovery
from linter.cli import main
from linter.collect import collect
from linter.config import Settings
from linter.discovery import discover
from linter.output import OutputOptions, render
from linter.parallel import run_files
from linter.registry import all_rules
from linter.report import load_reporters
from linter.report.fixes import fixes_text
from linter.runner import Job, Mode
from linter.stream import SEPARATORS, Part, ReportStream, streams


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(20, tmp_path_factory.mktemp("site") / "posts", seed=11)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--no-cache", "--jobs", "1", *args])


def whole_run_report(site: Path, output_format: str, *more: Path) -> str:
    """What the format's renderer makes of the whole run at once."""
    rules = list(all_rules().values())
    files = [*discover([str(site)], Settings(root=site)).files, *map(str, more)]
    report = collect(list(run_files(files, Job(rules, Settings()))), rules=rules)
    return load_reporters()[output_format](report)


FRAMED_FORMATS = ["json", "gitlab", "sarif", "junit"]


@pytest.mark.parametrize("output_format", [*SEPARATORS, *FRAMED_FORMATS])
def test_a_report_written_file_by_file_is_the_whole_run_report(
    site: Path, output_format: str, tmp_path: Path
) -> None:
    assert streams(OutputOptions(format=output_format))
    expected = whole_run_report(site, output_format)
    report_file = tmp_path / "report.txt"
    result = run("--output-format", output_format, "--output-file", str(report_file), str(site))
    assert result.exit_code == 1
    assert report_file.read_text(encoding="utf-8") == expected + "\n"
    assert expected.count("\n") > 40  # many files, many findings


def test_an_empty_json_report_is_an_empty_array(tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text("<p>Nothing to see.</p>\n", encoding="utf-8")
    result = run("--output-format", "json", str(tmp_path / "clean.md"))
    assert result.exit_code == 0
    assert result.stdout == "[]\n"


def test_the_summary_counts_what_was_written(site: Path) -> None:
    expected = whole_run_report(site, "concise").count("\n") + 1
    result = run("--output-format", "concise", str(site))
    assert f"Found {expected} problems" in result.stdout


@pytest.mark.parametrize("output_format", ["sarif", "junit"])
def test_a_report_whose_head_needs_the_whole_run_is_still_the_whole_run_report(
    site: Path, output_format: str, tmp_path: Path
) -> None:
    # SARIF lists the files that could not be read before its results, JUnit counts the
    # findings in its first line: the parts wait in a temporary file until the run ends.
    bad = tmp_path / "latin1.md"
    bad.write_bytes(b"<p>caf\xe9</p>\n")
    expected = whole_run_report(site, output_format, bad)
    assert "latin1.md" in expected
    result = run("--output-format", output_format, str(site), str(bad))
    assert result.exit_code == 2
    assert result.stdout == expected + "\n"


@pytest.mark.parametrize("output_format", FRAMED_FORMATS)
def test_a_framed_report_of_a_clean_post_is_its_empty_form(
    output_format: str, tmp_path: Path
) -> None:
    (tmp_path / "clean.md").write_text("<p>Nothing to see.</p>\n", encoding="utf-8")
    expected = whole_run_report(tmp_path, output_format)
    result = run("--output-format", output_format, str(tmp_path / "clean.md"))
    assert result.exit_code == 0
    assert result.stdout == expected + "\n"


def whole_run_preview(site: Path) -> tuple[str, str]:
    """The diffs of a `--diff` run over the site, and its `--show-fixes` list, made from
    the results of the whole run at once."""
    rules = list(all_rules().values())
    files = discover([str(site)], Settings(root=site)).files
    results = list(run_files(files, Job(rules, Settings(), Mode.DIFF)))
    applied = [d for result in results for d in result.applied]
    return "".join(r.diff for r in results if r.diff), fixes_text(applied, dry_run=True)


def test_the_fixes_shown_after_a_report_written_file_by_file_are_the_whole_runs(
    site: Path, tmp_path: Path
) -> None:
    assert streams(OutputOptions(format="sarif", show_fixes=True))
    diffs, would_fix = whole_run_preview(site)
    assert would_fix.count("\n- ") > 5  # fixes in many files
    fixed = tmp_path / "posts"
    shutil.copytree(site, fixed)
    report = tmp_path / "report.txt"
    result = run("--fix", "--show-fixes", "--output-file", str(report), str(fixed))
    # The same fixes, applied: listed under the copy's paths.
    shown = would_fix.replace("Would fix", "Fixed").replace(str(site), str(fixed))
    assert result.stdout.startswith(shown + "\n")
    assert "Found " in result.stdout.removeprefix(shown)
    assert report.read_text(encoding="utf-8").count("\n") > 10  # the findings left
    preview = run("--diff", "--show-fixes", str(site))
    assert preview.stdout == diffs
    assert preview.stderr == would_fix + "\n"


def whole_run_statistics(site: Path, output_format: str) -> str:
    rules = list(all_rules().values())
    files = discover([str(site)], Settings(root=site)).files
    report = collect(list(run_files(files, Job(rules, Settings()))), rules=rules)
    return render(report, OutputOptions(format=output_format, statistics=True))


def test_statistics_are_added_up_file_by_file(site: Path, tmp_path: Path) -> None:
    assert streams(OutputOptions(format="json", statistics=True))
    expected = whole_run_statistics(site, "json")
    assert len(json.loads(expected)) > 3  # several rules fired
    result = run("--statistics", "--output-format", "json", str(site))
    assert result.exit_code == 1
    assert result.stdout == expected + "\n"
    text = run("--statistics", str(site))
    assert text.stdout.startswith(whole_run_statistics(site, "full") + "\n\nFound ")


def test_statistics_read_back_from_the_cache_are_the_same(site: Path, tmp_path: Path) -> None:
    def counted() -> Result:
        arguments = ["check", "--cache-dir", str(tmp_path / "cache"), "--jobs", "1"]
        return CliRunner().invoke(main, [*arguments, "--statistics", str(site)])

    first, again = counted(), counted()
    assert any((tmp_path / "cache").rglob("*"))  # the second run read what the first stored
    assert again.stdout == first.stdout
    assert again.stdout.startswith(whole_run_statistics(site, "full"))


def test_errors_follow_the_report_whole_lines_and_all(site: Path, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.md"
    bad.write_bytes(b"<p>caf\xe9</p>\n")
    result = run("--output-format", "concise", str(site), str(bad), str(tmp_path / "gone.md"))
    lines = result.output.splitlines()
    errors = [n for n, line in enumerate(lines) if line.startswith("posthygiene: error:")]
    findings = [n for n, line in enumerate(lines) if line.startswith(str(site))]
    assert len(errors) == 2
    assert max(findings) < min(errors)
    assert not [line for line in lines if "posthygiene: error:" in line[1:]]  # none mid-line


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("in_git", [False, True], ids=["plain-folder", "git-work-tree"])
def test_the_report_starts_before_the_walk_ends(
    tmp_path: Path, jobs: str, in_git: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Posts are checked as the folders are walked: a large site's report starts at once,
    and the run never holds the list of all its posts."""
    if in_git:
        if shutil.which("git") is None:
            pytest.skip("git is not installed")
        subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
        (tmp_path / ".gitignore").write_text("0*/\n", encoding="utf-8")
    for folder in range(60):
        for post in range(10):
            path = tmp_path / f"{folder:02}" / f"{post}.md"
            path.parent.mkdir(exist_ok=True)
            path.write_text('<p><img src="photo.png"></p>\n', encoding="utf-8")
    events: list[str] = []
    list_folder, add_part = discovery._entries, ReportStream.add

    def listing(folder: str, settings: Settings, unreadable: dict[str, str]) -> list[str]:
        events.append("listed")
        return list_folder(folder, settings, unreadable)

    def reporting(stream: ReportStream, part: Part) -> None:
        events.append("reported" if part.text else "clean")
        add_part(stream, part)

    monkeypatch.setattr(discovery, "_entries", listing)
    monkeypatch.setattr(ReportStream, "add", reporting)
    monkeypatch.chdir(tmp_path)
    result = run("--jobs", jobs, "--output-format", "concise", ".")
    posts = 500 if in_git else 600  # .gitignore drops the folders 00 to 09
    assert result.exit_code == 1
    assert result.stdout.count("IMG001") == posts
    assert events.count("listed") == 61
    assert events.count("reported") == posts
    last_listing = max(i for i, event in enumerate(events) if event == "listed")
    assert events.index("reported") < last_listing


def test_a_diff_preview_written_file_by_file_is_the_whole_runs(site: Path) -> None:
    streamed = run("--diff", str(site))
    assert streamed.stdout == whole_run_preview(site)[0]
    assert streamed.stdout.count("+++ b/") > 5
    assert streamed.exit_code == 1
    assert "Would fix" in streamed.stderr


def test_a_diff_preview_exits_1_when_fixing_would_leave_nothing(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("<p><span style>text</span></p>\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    result = run("--diff", "--output-file", str(report), str(post))
    assert "+<p>text</p>" in result.stdout  # both fixes, and no finding left after them
    assert "Would fix 2 problems in 1 file." in result.stderr
    assert result.exit_code == 1
    assert run("--diff", "--exit-zero", str(post)).exit_code == 0
    assert post.read_text(encoding="utf-8") == "<p><span style>text</span></p>\n"
    assert not report.exists()  # the diff goes to stdout, as without a report file


def baseline_as_json_writes_it(site: Path, *more: Path) -> str:
    """The baseline of the whole run, written as the format says: `json.dumps`, indent 2."""
    rules = list(all_rules().values())
    files = [*discover([str(site)], Settings(root=site)).files, *map(str, more)]
    report = collect(list(run_files(files, Job(rules, Settings()))), rules=rules)
    entries = sorted(
        (
            {
                "path": report.relative(d.path),
                "code": d.code,
                "fingerprint": fingerprint,
                "message": d.message,
            }
            for d, fingerprint in report.fingerprinted()
        ),
        key=lambda entry: (entry["path"], entry["code"], entry["fingerprint"]),
    )
    document = {"version": 1, "fingerprint": "posthygiene/v1", "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def test_a_baseline_written_file_by_file_is_the_whole_runs(site: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    report = tmp_path / "report.txt"
    cached = ["--cache-dir", str(tmp_path / "cache")]
    arguments = ["check", "--jobs", "1", "--write-baseline", str(baseline)]
    for _ in range(2):  # the second run reads every file's entries back from the cache
        result = CliRunner().invoke(
            main, [*arguments, *cached, "--output-file", str(report), str(site)]
        )
        assert result.exit_code == 0
        assert baseline.read_text(encoding="utf-8") == baseline_as_json_writes_it(site)
    assert any((tmp_path / "cache").rglob("*"))
    found = len(json.loads(baseline.read_text(encoding="utf-8"))["findings"])
    assert found > 40
    assert result.stderr == f"Recorded {found} findings in {baseline}.\n"
    assert result.stdout == ""
    assert not report.exists()  # a run that writes a baseline writes no report


def test_a_baseline_of_a_clean_post_has_no_findings(tmp_path: Path) -> None:
    post = tmp_path / "clean.md"
    post.write_text("<p>Nothing to see.</p>\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    result = run("--write-baseline", str(baseline), str(post))
    assert result.exit_code == 0
    assert baseline.read_text(encoding="utf-8") == baseline_as_json_writes_it(tmp_path)
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"] == []


def test_a_baseline_written_again_keeps_its_mode(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("<p><span style>x</span></p>\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    baseline.write_text("old\n", encoding="utf-8")
    baseline.chmod(0o640)
    assert run("--write-baseline", str(baseline), str(post)).exit_code == 0
    assert stat.S_IMODE(baseline.stat().st_mode) == 0o640
    assert "HTM001" in baseline.read_text(encoding="utf-8")


def test_a_baseline_behind_a_symlink_is_written_where_the_link_points(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("<p><span style>x</span></p>\n", encoding="utf-8")
    real = tmp_path / "shared" / "baseline.json"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "baseline.json"
    link.symlink_to(real)
    assert run("--write-baseline", str(link), str(post)).exit_code == 0
    assert link.is_symlink()
    assert "HTM001" in real.read_text(encoding="utf-8")


def test_a_baseline_that_cannot_be_written_whole_leaves_the_old_one(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("the old baseline\n", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    result = run("--write-baseline", str(baseline), str(site))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"posthygiene: error: {baseline}: cannot write baseline (No space left on device)"
    ]
    assert baseline.read_text(encoding="utf-8") == "the old baseline\n"
    assert [path.name for path in tmp_path.iterdir()] == ["baseline.json"]  # no temp file left
