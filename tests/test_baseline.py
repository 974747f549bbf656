"""--write-baseline then --baseline: only new findings are reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from linter import baseline
from linter.baseline import read_baseline
from linter.errors import ConfigError
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


def _written(findings: str, head: str = "", tail: str = "") -> str:
    """A baseline laid out as posthygiene writes it, with `findings` between its brackets."""
    return (
        '{\n  "version": 1,\n  "fingerprint": "posthygiene/v1",\n'
        f'{head}  "findings": [{findings}\n  ]{tail}\n}}\n'
    )


def _entry(fingerprint: str, message: str = "m") -> str:
    quoted = json.dumps(message, ensure_ascii=False)
    return (
        f'\n    {{\n      "path": "a.md",\n      "code": "AFF001",\n'
        f'      "fingerprint": "{fingerprint}",\n      "message": {quoted}\n    }}'
    )


# Pieces as small as one byte: entries, strings and UTF-8 characters cut at every place.
# `streamed`: whether the file is read in pieces (False: another layout, read whole).
@pytest.mark.parametrize("piece", [1, 5, 64, 1 << 20])
@pytest.mark.parametrize(
    ("text", "expected", "streamed"),
    [
        pytest.param(_written(""), set(), True, id="no-findings"),
        pytest.param(
            _written(",".join(_entry(f"f{i}", "链接 `OPPO` 只覆盖单词的一部分") for i in range(5))),
            {f"f{i}" for i in range(5)},
            True,
            id="cjk-messages",
        ),
        pytest.param(
            _written(_entry("f1", 'ends "}," inside') + "," + _entry("f2", "},},")),
            {"f1", "f2"},
            True,
            id="entry-end-inside-a-string",
        ),
        pytest.param(
            _written('\n    {"extra": {"a": 1}, "fingerprint": "f1"},\n    [{"fingerprint": "x"}]'),
            {"f1"},
            True,
            id="nested-values",
        ),
        pytest.param(
            _written(_entry("f1") + "," + _entry("f2")).replace("\n", "\r\n"),
            {"f1", "f2"},
            True,
            id="crlf",
        ),
        pytest.param(
            _written(_entry("f1"), tail=',\n  "findings": []'),
            set(),
            False,
            id="findings-named-twice",
        ),
        pytest.param(
            _written(_entry("f1"), head='  "note": "hand-edited",\n'),
            {"f1"},
            False,
            id="other-layout",
        ),
    ],
)
def test_a_baseline_read_in_pieces_gives_what_the_whole_file_holds(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    piece: int,
    text: str,
    expected: set[str],
    streamed: bool,
) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(baseline, "_PIECE", piece)
    whole = {
        entry["fingerprint"]
        for entry in json.loads(text)["findings"]
        if isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str)
    }
    assert read_baseline(path) == expected == whole
    with path.open("rb") as file:
        assert (baseline._read_streamed(file) is not None) == streamed


_NOT_UTF8 = _written(_entry("f1") + "," + _entry("f2")).encode().replace(b"f2", b"\xff2")
_NOT_JSON = _written(_entry("f1") + ",," + _entry("f2"))
_SECOND_COMMA = _NOT_JSON.index(",,") + 1
_BAD_BYTE = _NOT_UTF8.index(b"\xff")


@pytest.mark.parametrize("piece", [3, 1 << 20])
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(
            _NOT_UTF8,
            f"can't decode byte 0xff in position {_BAD_BYTE}:",
            id="not-utf8-late",
        ),
        pytest.param(
            _NOT_JSON.encode(),
            f"Expecting value: line {_NOT_JSON.count(chr(10), 0, _SECOND_COMMA) + 1} column "
            f"{_SECOND_COMMA - _NOT_JSON.rfind(chr(10), 0, _SECOND_COMMA)} (char {_SECOND_COMMA})",
            id="not-json-late",
        ),
        pytest.param(
            _written(_entry("f1")).encode().replace(b'"version": 1', b'"version": 2'),
            "write a new one",
            id="other-version",
        ),
        pytest.param(
            _written(_entry("f1")).encode().replace(b'"version": 1', b'"version": 01'),
            "invalid JSON: Expecting ',' delimiter",
            id="version-with-leading-zero",
        ),
        pytest.param(
            _written(_entry("f1") + ",").encode(),
            "invalid JSON: Expecting value",
            id="comma-before-]",
        ),
        pytest.param(
            _written(_entry("f1")).replace('{\n  "version"', '{\u3000"version"').encode(),
            "invalid JSON: Expecting property name",
            id="not-json-white-space",
        ),
    ],
)
def test_a_broken_baseline_names_the_place_in_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece: int, content: bytes, reason: str
) -> None:
    path = tmp_path / "baseline.json"
    path.write_bytes(content)
    monkeypatch.setattr(baseline, "_PIECE", piece)
    with pytest.raises(ConfigError) as raised:
        read_baseline(path)
    assert reason in str(raised.value)


def test_a_baseline_posthygiene_wrote_is_read_a_piece_at_a_time(
    project: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("check", "--write-baseline", "baseline.json", "source")
    monkeypatch.setattr(baseline, "_PIECE", 256)
    with Path("baseline.json").open("rb") as file:
        streamed = baseline._read_streamed(file)
    written = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    assert streamed == {entry["fingerprint"] for entry in written}
    assert Path("baseline.json").stat().st_size > 4 * 256  # the file is many pieces long
