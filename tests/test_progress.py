"""The progress bar: on stderr when it is a terminal and the run is long, never elsewhere."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from linter.progress import MIN_FILES
from tests.conftest import CLEAN_POST, JUNK_POST, Run

REPO = Path(__file__).resolve().parent.parent


def posts(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        shutil.copy(JUNK_POST if number == 0 else CLEAN_POST, folder / f"post-{number:03}.md")


def run_on_a_terminal(args: list[str], cwd: Path, tmp_path: Path) -> tuple[str, str]:
    """Run the CLI with stderr on a pseudo-terminal; return (stdout, what the terminal got)."""
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "80"}
    with (tmp_path / "stdout").open("w+b") as stdout:
        process = subprocess.Popen(
            [sys.executable, "-m", "linter", *args],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=slave,
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(master)
        assert process.wait(timeout=60) in (0, 1)
        stdout.seek(0)
        return stdout.read().decode(), b"".join(chunks).decode(errors="replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_bar_on_a_terminal_and_never_in_the_report(tmp_path: Path) -> None:
    posts(tmp_path / "many", MIN_FILES + 5)
    stdout, terminal = run_on_a_terminal(
        ["check", "--output-format", "json", "many"], tmp_path, tmp_path
    )
    assert "Checking" in terminal
    assert "100%" in terminal
    found = json.loads(stdout)  # the report is intact JSON
    assert {item["filename"] for item in found} == {"many/post-000.md"}
    assert "Checking" not in stdout


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_no_bar_for_a_few_files_or_with_quiet(tmp_path: Path) -> None:
    posts(tmp_path / "few", MIN_FILES - 1)
    posts(tmp_path / "many", MIN_FILES + 5)
    _, terminal = run_on_a_terminal(["check", "few"], tmp_path, tmp_path)
    assert "Checking" not in terminal
    _, terminal = run_on_a_terminal(["check", "-q", "many"], tmp_path, tmp_path)
    assert "Checking" not in terminal


def test_no_bar_when_stderr_is_not_a_terminal(tmp_path: Path, cli: Run) -> None:
    posts(tmp_path / "many", MIN_FILES + 5)
    result = cli("check", str(tmp_path / "many"))
    assert "Checking" not in result.stderr
    assert "Checking" not in result.stdout
