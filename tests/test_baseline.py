"""--write-baseline then --baseline: only new findings are reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from linter.baseline import read_baseline
from tests.conftest import JUNK_POST, Run

POST = "source/_posts/junk.md"


def insert_before(marker: str, text: str, path: str = POST) -> None:
    body = Path(path).read_text(encoding="utf-8")
    assert marker in body
    Path(path).write_text(body.replace(marker, text + marker, 1), encoding="utf-8")


def count(cli: Run, *args: str) -> int:
    return len(json.loads(cli("check", "--output-format", "json", *args).stdout))


def test_baseline_hides_known_findings_and_shows_new_ones(project: Path, cli: Run) -> None:
    known = count(cli, "source")
    written = cli("check", "--write-baseline", "baseline.json", "source")
    assert written.exit_code == 0
    assert f"Recorded {known} findings in baseline.json." in written.stderr
    quiet = cli("check", "--baseline", "baseline.json", "source")
    assert quiet.exit_code == 0
    assert f"{known} known problems hidden by the baseline." in quiet.stdout
    # Lines added above move every old finding down without making it new.
    insert_before("<div>", "<p>A new intro.</p>\n\n<p><i class=''>new</i></p>\n")
    shutil.copy(JUNK_POST, "source/_posts/new-post.md")
    result = cli("check", "--baseline", "baseline.json", "--output-format", "json", "source")
    new = [
        (item["filename"], item["code"], item["location"]["row"])
        for item in json.loads(result.stdout)
    ]
    assert ("source/_posts/junk.md", "HTM001", 9) in new
    assert sum(1 for path, _, _ in new if path == "source/_posts/new-post.md") == known
    assert len(new) == known + 1
    assert result.exit_code == 1


def test_a_second_identical_finding_is_new(project: Path, cli: Run) -> None:
    Path("twice.html").write_text("<span style>x</span>\n<p>y</p>\n", encoding="utf-8")
    cli("check", "--write-baseline", "b.json", "twice.html")
    Path("twice.html").write_text("<span style>x</span>\n<span style>x</span>\n<p>y</p>\n", "utf-8")
    result = cli("check", "-q", "--baseline", "b.json", "--output-format", "concise", "twice.html")
    assert result.stdout.splitlines() == [
        "twice.html:2:7: HTM001 [*] Attribute `style` on <span> has no value"
    ]


def test_baseline_works_from_any_folder_of_the_repository(
    project: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("check", "--write-baseline", "baseline.json", "source")
    monkeypatch.chdir(project / "source" / "_posts")
    assert cli("check", "--baseline", "../../baseline.json", ".").exit_code == 0


def test_baseline_fingerprints_are_sarifs(project: Path, cli: Run) -> None:
    cli("check", "--write-baseline", "baseline.json", POST)
    recorded = {
        e["fingerprint"] for e in json.loads(Path("baseline.json").read_text("utf-8"))["findings"]
    }
    sarif = json.loads(cli("check", "--output-format", "sarif", POST).stdout)
    prints = {r["partialFingerprints"]["posthygiene/v1"] for r in sarif["runs"][0]["results"]}
    assert prints == recorded


def test_sarif_keeps_fingerprints_of_new_findings_under_a_baseline(project: Path, cli: Run) -> None:
    full = json.loads(cli("check", "--output-format", "sarif", POST).stdout)
    prints = [r["partialFingerprints"]["posthygiene/v1"] for r in full["runs"][0]["results"]]
    Path("one.json").write_text(
        json.dumps(
            {
                "version": 1,
                "fingerprint": "posthygiene/v1",
                "findings": [{"fingerprint": prints[0]}],
            }
        ),
        encoding="utf-8",
    )
    rest = json.loads(
        cli("check", "--baseline", "one.json", "--output-format", "sarif", POST).stdout
    )
    assert [
        r["partialFingerprints"]["posthygiene/v1"] for r in rest["runs"][0]["results"]
    ] == prints[1:]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(None, "cannot read baseline", id="missing"),
        pytest.param("{not json", "invalid JSON", id="not-json"),
        pytest.param('{"version": 9, "findings": []}', "write a new one", id="other-version"),
    ],
)
def test_bad_baseline_is_one_error_line(
    project: Path, cli: Run, content: str | None, reason: str
) -> None:
    if content is not None:
        Path("b.json").write_text(content, encoding="utf-8")
    result = cli("check", "--baseline", "b.json", POST)
    assert result.exit_code == 2
    assert result.stderr.startswith("posthygiene: error: b.json:")
    assert reason in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        pytest.param([{"path": "a.md", "fingerprint": "f1"}], {"f1"}, id="entry"),
        pytest.param([{"fingerprint": "f1"}, {"fingerprint": "f1"}], {"f1"}, id="twice"),
        pytest.param([{"path": "a.md"}, {"fingerprint": 7}, "f2", None], set(), id="no-string"),
        pytest.param([{"fingerprint": {"fingerprint": "inner"}}], set(), id="nested-object"),
        pytest.param([{"fingerprint": "f3", "findings": []}], {"f3"}, id="entry-with-findings"),
        pytest.param([], set(), id="empty"),
    ],
)
def test_reading_a_baseline_keeps_the_string_fingerprints_of_its_entries(
    tmp_path: Path, findings: list[object], expected: set[str]
) -> None:
    path = tmp_path / "baseline.json"
    document = {"version": 1, "fingerprint": "posthygiene/v1", "findings": findings}
    path.write_text(json.dumps(document), encoding="utf-8")
    assert read_baseline(path) == expected
