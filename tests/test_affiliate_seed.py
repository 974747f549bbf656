"""The seed post: check names the duomai link with every affiliate rule (tests/test_seed.py
checks that the safe fix with every rule stays byte for byte the expected file)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import SEED

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds is absent")


def posthygiene(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "linter", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_reports_the_duomai_link(tmp_path: Path) -> None:
    shutil.copyfile(SEED, tmp_path / "post.md")
    (tmp_path / "posthygiene.toml").write_text(
        '[affiliate]\nown-ids = {duomai = ["100000"]}\n', encoding="utf-8"
    )
    result = posthygiene("check", "--output-format", "concise", "post.md", cwd=tmp_path)
    found = {line.split()[1] for line in result.stdout.splitlines() if ":17:10" in line}
    assert {"AFF001", "AFF002", "AFF003", "AFF004", "AFF005"} <= found
    assert "post.md:17:1017: AFF005 Affiliate link pays Duomai (多麦) id `242986`" in result.stdout
    assert "redirect to https://oppo.jd.com/" in result.stdout
