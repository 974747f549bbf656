"""The seed post through the command line: its link and image findings, and its safe fix."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from linter.cli import main
from tests.helpers import SEED, SEED_FIXED

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared is absent")


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / SEED.name
    shutil.copyfile(SEED, target)
    target.chmod(0o644)
    return target


def _position(text: str, needle: str, after: str = "") -> tuple[int, int]:
    """Row and column (1-based) of `needle`, searched from where `after` is found."""
    offset = text.index(needle, text.index(after) if after else 0)
    row = text.count("\n", 0, offset) + 1
    return row, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _check(path: Path, *options: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--output-format", "json", *options, str(path)]
    )
    assert result.exit_code == 1, result.output
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return findings


def test_check_reports_the_hotlinked_images_and_the_new_tab_link(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    found = _check(_copy(tmp_path), "--select", "URL,LNK,IMG003,IMG004")
    where = {(d["code"], d["location"]["row"], d["location"]["column"]): d for d in found}
    image_url = "https://n.sinaimg.cn/tech/crawl/27/w550h277/20210412/f11f-knqqqmu9888353.png"
    expected = {
        ("IMG004", *_position(text, image_url, "headimg:")),
        ("IMG004", *_position(text, image_url, "thumbnail:")),
        ("IMG003", *_position(text, image_url, "<img")),
        ("LNK001", *_position(text, 'target="_blank"', "c.duomai.com")),
    }
    assert set(where) == expected
    assert all(d["severity"] == "error" for d in found if d["code"].startswith("IMG"))
    image = next(d for d in found if d["code"] == "IMG003")
    assert 'referrerpolicy="no-referrer"' in image["message"]
    link = next(d for d in found if d["code"] == "LNK001")
    assert link["fix"]["applicability"] == "safe"


def test_safe_fix_gives_exactly_the_expected_post(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    result = CliRunner().invoke(main, ["check", "--isolated", "--fix", str(copy)])
    assert result.exit_code == 1, result.output  # the hotlinked images remain
    assert copy.read_bytes() == SEED_FIXED.read_bytes()
