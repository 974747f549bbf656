"""Each --output-format, parsed the way its consumer parses it."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from tests.conftest import JUNK_POST, Run
from tests.helpers import SEED, SHARED

POST = "source/_posts/junk.md"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def findings(cli: Run, *paths: str) -> list[dict[str, Any]]:
    """The run's findings in ruff's JSON shape: the reference the other formats must match."""
    result = cli("check", "--output-format", "json", *paths)
    return list(json.loads(result.stdout))


def spans(items: list[dict[str, Any]]) -> list[tuple[str, int, int, int, int]]:
    return [
        (
            item["code"],
            item["location"]["row"],
            item["location"]["column"],
            item["end_location"]["row"],
            item["end_location"]["column"],
        )
        for item in items
    ]


def test_json_uses_ruff_field_names(project: Path, cli: Run) -> None:
    items = findings(cli, POST)
    assert {"AFF001", "HTM001"} <= {item["code"] for item in items}
    for item in items:
        assert set(item) >= {"code", "message", "filename", "location", "end_location", "fix"}
        assert item["filename"] == POST
    fixed = [item for item in items if item["fix"]]
    assert fixed
    assert all(item["fix"]["edits"] for item in fixed)


def test_json_lines_has_one_finding_per_line(project: Path, cli: Run) -> None:
    result = cli("check", "--output-format", "json-lines", POST)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == findings(cli, POST)
    assert result.exit_code == 1


def test_grouped_lists_findings_under_their_file(project: Path, cli: Run) -> None:
    shutil.copy(JUNK_POST, "source/_posts/second.md")
    result = cli("check", "--output-format", "grouped", "source")
    blocks = result.stdout.split("\n\n")
    heads = [block.splitlines()[0] for block in blocks if not block.startswith("Found")]
    assert heads == ["source/_posts/junk.md:", "source/_posts/second.md:"]
    entry = re.compile(r"^  (\d+):(\d+) +([A-Z]+\d{3})( \[\*\])? (.+)$")
    first = [entry.match(line) for line in blocks[0].splitlines()[1:]]
    assert all(first)
    expected = [
        (i["code"], i["location"]["row"], i["location"]["column"]) for i in findings(cli, POST)
    ]
    assert [(m[3], int(m[1]), int(m[2])) for m in first if m] == expected
    assert re.search(r"^Found \d+ problems \(\d+ fixable with --fix\)\.$", result.stdout, re.M)


# --- github ---------------------------------------------------------------------------

COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<properties>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def parse_github(output: str) -> list[dict[str, str]]:
    """Read workflow commands as the Actions runner does: split properties on `,` and `=`."""
    commands = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        assert match, line
        properties = dict(item.split("=", 1) for item in match["properties"].split(","))
        found = {key: unescape(value) for key, value in properties.items()}
        found["level"] = match["level"]
        found["message"] = unescape(match["message"])
        commands.append(found)
    return commands


def test_github_annotations_name_the_span_relative_to_the_repository(
    project: Path, cli: Run
) -> None:
    odd = "source/_posts/odd, name: 100%.md"
    # A whitespace-only value spans lines, so the message carries a CR LF.
    Path(odd).write_text('<p>x</p>\n<b class="\r\n">y</b>\n', encoding="utf-8", newline="")
    (project / "source").joinpath("sub").mkdir()
    result = cli("check", "--output-format", "github", "--", POST, odd)
    commands = parse_github(result.stdout)
    reference = findings(cli, POST, odd)
    assert len(commands) == len(reference)
    for command, item in zip(commands, reference, strict=True):
        assert command["file"] == item["filename"]
        assert (command["line"], command["col"]) == (
            str(item["location"]["row"]),
            str(item["location"]["column"]),
        )
        assert (command["endLine"], command["endColumn"]) == (
            str(item["end_location"]["row"]),
            str(item["end_location"]["column"]),
        )
        assert command["title"] == f"{item['code']} {item['name']}"
        assert command["message"] == item["message"]
    assert commands[-1]["file"] == odd
    assert "\r\n" in commands[-1]["message"]
    assert {c["level"] for c in commands} == {"error", "warning", "notice"}  # AFF003 is info


def test_github_paths_are_relative_to_the_repository_root_from_a_subfolder(
    project: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project / "source")
    commands = parse_github(cli("check", "--output-format", "github", "_posts").stdout)
    assert {c["file"] for c in commands} == {POST}


def test_github_summary_points_to_sarif_past_ten_annotations(project: Path, cli: Run) -> None:
    Path("source/_posts/many.md").write_text("<span style>x</span>\n" * 11, encoding="utf-8")
    result = cli("check", "--output-format", "github", "source/_posts/many.md")
    assert len(parse_github(result.stdout)) == 11
    assert "sarif" in result.stderr
    few = cli("check", "--output-format", "github", POST)
    assert "sarif" not in few.stderr
    assert few.stderr.startswith("Found ")


# --- sarif ----------------------------------------------------------------------------


def sarif(cli: Run, *paths: str) -> dict[str, Any]:
    result = cli("check", "--output-format", "sarif", "--", *paths)
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def validate_sarif(document: dict[str, Any]) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas is absent")
    from jsonschema import Draft4Validator

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(document), key=str)
    assert not errors, errors[0].message


def test_sarif_results_match_the_findings(project: Path, cli: Run) -> None:
    document = sarif(cli, POST)
    validate_sarif(document)
    run = document["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert "## Why is this bad?" in rule["help"]["markdown"]
        assert rule["helpUri"].endswith(f"{rule['id']}.md")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run["results"]
    reference = findings(cli, POST)
    got = []
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": POST, "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        got.append(
            (
                result["ruleId"],
                region["startLine"],
                region["startColumn"],
                region["endLine"],
                region["endColumn"],
            )
        )
    assert got == spans(reference)
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.as_uri() + "/"


def test_sarif_fixes_rebuild_the_fixed_post(project: Path, cli: Run) -> None:
    """Applying each fix's replacements (by line and column) gives what --fix writes."""
    text = Path(POST).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    starts = [sum(len(line) for line in lines[:i]) for i in range(len(lines) + 1)]
    result = sarif(cli, POST)["runs"][0]["results"][0]
    assert result["fixes"], "the first finding (HTM001) is fixable"
    (change,) = result["fixes"][0]["artifactChanges"]
    assert unquote(change["artifactLocation"]["uri"]) == POST
    for replacement in reversed(change["replacements"]):
        region = replacement["deletedRegion"]
        start = starts[region["startLine"] - 1] + region["startColumn"] - 1
        end = starts[region["endLine"] - 1] + region["endColumn"] - 1
        text = text[:start] + replacement["insertedContent"]["text"] + text[end:]
    assert "<span style>The hinge" not in text
    assert "<span>The hinge" in text


def test_sarif_fingerprints_survive_lines_added_above(project: Path, cli: Run) -> None:
    def prints() -> list[str]:
        results = sarif(cli, POST)["runs"][0]["results"]
        return [r["partialFingerprints"]["posthygiene/v1"] for r in results]

    before = prints()
    assert len(set(before)) == len(before)
    assert prints() == before
    text = Path(POST).read_text(encoding="utf-8")
    Path(POST).write_text(text.replace("<div>\n", "<div>\n<p>New intro.</p>\n\n"), "utf-8")
    assert prints() == before


@pytest.mark.corpus
def test_sarif_over_the_seed_and_a_corpus_sample_validates(cli: Run) -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir() or not SEED.is_file():
        pytest.skip("../shared is absent")
    posts = [p for p in corpus.rglob("*") if p.suffix in (".md", ".html") and p.stem != "README"]
    sample = sorted(posts)[::97]
    paths = [str(SEED), *map(str, sample)]
    document = sarif(cli, *paths)
    validate_sarif(document)
    results = document["runs"][0]["results"]
    reference = findings(cli, *paths)
    assert len(results) == len(reference)
    assert any("/corpus/" in item["filename"] for item in reference)
    for result, item in zip(results, reference, strict=True):
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert " " not in uri
        assert unquote(uri.removeprefix("file://")) == str(Path(item["filename"]).resolve())


# --- gitlab ---------------------------------------------------------------------------


def test_gitlab_code_quality_report(project: Path, cli: Run) -> None:
    shutil.copy(JUNK_POST, "source/_posts/copy.md")
    result = cli("check", "--output-format", "gitlab", "source")
    issues = json.loads(result.stdout)
    reference = findings(cli, "source")
    assert len(issues) == len(reference)
    assert {item["filename"] for item in reference} == {"source/_posts/copy.md", POST}
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    for issue, item in zip(issues, reference, strict=True):
        assert issue["check_name"].startswith(item["code"])
        assert item["message"] in issue["description"]
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == item["filename"]
        begin = issue["location"]["positions"]["begin"]
        assert (begin["line"], begin["column"]) == (
            item["location"]["row"],
            item["location"]["column"],
        )


# --- junit ----------------------------------------------------------------------------


def test_junit_one_suite_per_file_one_case_per_finding(project: Path, cli: Run) -> None:
    shutil.copy(JUNK_POST, "source/_posts/copy.md")
    result = cli("check", "--output-format", "junit", "source")
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["source/_posts/copy.md", POST]
    reference = findings(cli, "source")
    cases = [case for suite in suites for case in suite.findall("testcase")]
    assert len(cases) == len(reference)
    for case, item in zip(cases, reference, strict=True):
        assert case.get("file") == item["filename"]
        assert case.get("line") == str(item["location"]["row"])
        failure = case.find("failure")
        assert failure is not None
        assert failure.get("type") == item["code"]
        assert failure.get("message") == item["message"]
    assert root.get("failures") == str(len(reference))


def test_junit_clean_run_is_one_passing_case(project: Path, cli: Run) -> None:
    result = cli("check", "--output-format", "junit", "source/_posts/clean.md")
    root = ET.fromstring(result.stdout)
    assert root.get("failures") == "0"
    assert [case.find("failure") for case in root.iter("testcase")] == [None]
    assert result.exit_code == 0


def test_unreadable_posts_are_errors_in_junit_and_sarif(project: Path, cli: Run) -> None:
    Path("source/_posts/latin1.md").write_bytes(b"<p>caf\xe9</p>\n")
    junit = cli("check", "--output-format", "junit", "source")
    assert junit.exit_code == 2
    errors = [case.find("error") for case in ET.fromstring(junit.stdout).iter("testcase")]
    messages = [error.get("message") for error in errors if error is not None]
    assert messages == ["source/_posts/latin1.md: not valid UTF-8 (byte 0xe9 at offset 6)"]
    document = sarif(cli, "source")
    validate_sarif(document)
    (invocation,) = document["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
    assert notes == messages
