"""The post this project started from: `check --fix` must give the expected file byte for byte."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import SEED, SEED_FIXED

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared is absent")


def posthygiene(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "linter", *args], capture_output=True, text=True, check=False
    )


def variant(tmp_path: Path, *, crlf: bool = False, bom: bool = False) -> tuple[Path, bytes]:
    data, want = SEED.read_bytes(), SEED_FIXED.read_bytes()
    if crlf:
        data, want = data.replace(b"\n", b"\r\n"), want.replace(b"\n", b"\r\n")
    if bom:
        data, want = b"\xef\xbb\xbf" + data, b"\xef\xbb\xbf" + want
    path = tmp_path / "post.md"
    path.write_bytes(data)
    return path, want


@pytest.mark.parametrize(
    ("crlf", "bom"), [(False, False), (True, False), (False, True)], ids=["lf", "crlf", "bom"]
)
def test_fix_gives_the_expected_file_byte_for_byte(tmp_path: Path, crlf: bool, bom: bool) -> None:
    path, want = variant(tmp_path, crlf=crlf, bom=bom)
    first = posthygiene("check", "--fix", str(path))
    assert first.returncode == 1, first.stdout + first.stderr  # the image's alt text remains
    assert path.read_bytes() == want
    mtime = path.stat().st_mtime_ns
    second = posthygiene("check", "--fix", str(path))
    assert path.read_bytes() == want
    assert path.stat().st_mtime_ns == mtime, "a second --fix must not rewrite the file"
    assert "Fixed" not in second.stdout


def test_check_reports_the_link_the_spans_and_the_alt_text(tmp_path: Path) -> None:
    path, _ = variant(tmp_path)
    result = posthygiene("check", "--output-format", "json", str(path))
    assert result.returncode == 1
    found = json.loads(result.stdout)
    by_code: dict[str, list[dict[str, object]]] = {}
    for item in found:
        by_code.setdefault(str(item["code"]), []).append(item)
    [link] = by_code["AFF001"]
    assert link["location"] == {"row": 17, "column": 1017}
    assert len(by_code["HTM001"]) == 17
    [alt] = by_code["IMG002"]
    assert "own URL" in str(alt["message"])
    assert path.read_bytes() == SEED.read_bytes()


def test_diff_shows_the_restored_word_and_writes_nothing(tmp_path: Path) -> None:
    path, _ = variant(tmp_path)
    result = posthygiene("check", "--diff", str(path))
    assert result.returncode == 1
    added = [line for line in result.stdout.splitlines() if line.startswith("+<p>")]
    assert any("as an opportunity to reinforce" in line for line in added)
    assert path.read_bytes() == SEED.read_bytes()
