from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from bench import run
from bench.generate import generate
from bench.measure import run_once
from bench.peers import Peer
from bench.run import Inputs, Result, goals, table


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.*"))}


def test_generated_posts_are_the_same_on_every_run_and_at_every_size(tmp_path: Path) -> None:
    small = tree(generate(30, tmp_path / "a", seed=5))
    again = tree(generate(30, tmp_path / "b", seed=5))
    larger = tree(generate(60, tmp_path / "c", seed=5))
    other = tree(generate(30, tmp_path / "d", seed=6))
    assert small == again
    assert all(larger[name] == data for name, data in small.items() if name != "generated.json")
    assert small != other
    texts = [data.decode("utf-8") for name, data in small.items() if name != "generated.json"]
    joined = "".join(texts)
    for junk in ("<span style>", 'data-link="1"', "utm_", 'target="_blank"', "```"):
        assert junk in joined
    assert any("\u4e00" <= char <= "\u9fff" for char in joined)  # Chinese text too


def test_a_command_is_timed_and_its_memory_measured() -> None:
    code = "x = bytearray(30 * 1024 * 1024); import time; time.sleep(0.05)"
    sample = run_once([sys.executable, "-c", code])
    assert sample.returncode == 0
    assert sample.seconds >= 0.05
    assert sample.peak_mb >= 30


def test_long_file_lists_are_split_into_several_command_lines() -> None:
    peer = Peer("x", "x", ("--lint",))
    files = [f"/posts/{'p' * 90}-{n}.md" for n in range(20_000)]
    commands = peer.commands("/bin/x", files)
    assert len(commands) > 1
    assert [f for command in commands for f in command[2:]] == files


def result(case: str, seconds: float, ratio: float, tree_mb: float = 10.0) -> Result:
    return Result(case, case, case, 10, [seconds], seconds, ratio, 10 / seconds, 5.0, tree_mb)


def test_goals_compare_each_case_with_its_target() -> None:
    inputs = Inputs("generated 10,000", Path("."), [], 0, generated=10_000)
    results = [
        result("floor", 1.0, 1.0),
        result("jobs1", 2.5, 2.5),
        result("jobs", 2.0, 2.0, tree_mb=200),
        result("cache-write", 2.2, 2.2),
        result("cached", 0.3, 0.3),
        result("one", 0.3, 0.3),
        result("peer:htmlhint", 5.0, 5.0),
    ]
    met = {goal.name: goal.met for goal in goals(inputs, results)}
    assert met == {
        "check --jobs 1 / floor": True,
        "jobs / floor": False,
        "cached re-run / first run": True,
        "cached re-run / run without cache": True,
        "one file, wall seconds": False,
        "check --jobs 1 / peer:htmlhint": True,
        "memory, all processes, generated 10,000": False,
    }
    assert "cached" in table(inputs, results, runs=1)


def test_the_bench_measures_posthygiene_with_its_bytecode_written_as_installs_have_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A copy of a module in a package folder laid out as the repository is.
    package = tmp_path / "linter"
    package.mkdir()
    (package / "cli.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(run, "ROOT", tmp_path)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # as PYTHONDONTWRITEBYTECODE sets
    run.compile_bytecode()
    assert Path(importlib.util.cache_from_source(str(package / "cli.py"))).is_file()
