from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bench.generate import generate
from linter import parallel
from linter.cache import Cache
from linter.cli import main
from linter.config import Settings
from linter.discovery import discover
from linter.model import Applicability
from linter.registry import all_rules
from linter.runner import Job, Mode
from linter.stream import Parts

POSTS = 70  # enough for two workers (parallel.MIN_FILES_PER_WORKER each)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(POSTS, tmp_path_factory.mktemp("site") / "posts", seed=7)


def files(folder: Path) -> list[str]:
    return discover([str(folder)], Settings(root=folder)).files


def job(mode: Mode = Mode.CHECK) -> Job:
    return Job(list(all_rules().values()), Settings(), mode)


def test_workers_give_the_same_results_in_the_same_order(site: Path) -> None:
    paths = files(site)
    assert parallel.worker_count(2, len(paths)) == 2
    alone = list(parallel.run_files(paths, job(), jobs=1))
    together = list(parallel.run_files(paths, job(), jobs=2))
    assert [r.path for r in together] == paths
    assert together == alone
    assert sum(len(r.diagnostics) for r in alone) > POSTS  # the posts have plenty to find


def test_few_files_are_checked_without_starting_workers(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_workers() -> None:
        raise AssertionError("workers started for a handful of files")

    monkeypatch.setattr(parallel, "_context", no_workers)
    paths = files(site)[:3]
    assert [r.path for r in parallel.run_files(paths, job(), jobs=8)] == paths


def test_check_output_is_identical_with_one_or_two_jobs(site: Path) -> None:
    outputs = [
        CliRunner().invoke(main, ["check", "--no-cache", "--jobs", jobs, str(site)])
        for jobs in ("1", "2")
    ]
    assert outputs[0].exit_code == outputs[1].exit_code == 1
    assert outputs[0].output == outputs[1].output


def test_fixing_in_workers_writes_the_same_files(site: Path, tmp_path: Path) -> None:
    trees = []
    for jobs in ("1", "2"):
        copy = tmp_path / f"jobs{jobs}"
        shutil.copytree(site, copy)
        result = CliRunner().invoke(main, ["fix", "--no-cache", "--jobs", jobs, str(copy)])
        assert "Fixed" in result.output
        trees.append({p.relative_to(copy): p.read_bytes() for p in sorted(copy.rglob("*.*"))})
    assert trees[0] == trees[1]
    assert trees[0] != {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*.*"))}


def test_spawned_workers_give_the_same_results(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where fork is not used (macOS, Windows), workers start fresh and import the rules."""
    import multiprocessing

    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    paths = files(site)
    assert list(parallel.run_files(paths, job(), jobs=2)) == list(parallel.run_files(paths, job()))
    codes = tuple(rule.code for rule in job().rules)
    parts = Parts.create("full", Applicability.SAFE, False, False, codes, site, None)
    spawned = list(parallel.run_files(paths, job(), 2, None, parts))
    assert spawned == list(parallel.run_files(paths, job(), 1, None, parts))
    assert sum(part.found for part in spawned) > len(paths)


def test_a_worker_that_dies_does_not_hang_the_run(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A worker killed mid-run (out of memory, say): its files are checked here instead."""
    paths = files(site)
    parent = os.getpid()
    process_one = parallel._process_one

    def dies_in_a_worker(path: str, *args: Any) -> Any:
        if os.getpid() != parent and path == paths[len(paths) // 2]:
            os._exit(9)
        return process_one(path, *args)

    monkeypatch.setattr(parallel, "_process_one", dies_in_a_worker)
    assert list(parallel.run_files(paths, job(), jobs=2)) == list(parallel.run_files(paths, job()))
    assert "a worker process stopped unexpectedly" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("jobs", "cached"),
    [
        pytest.param(1, False, id="here"),
        pytest.param(2, False, id="workers"),
        pytest.param(2, True, id="workers-filling-the-cache"),
    ],
)
def test_paths_are_read_a_bounded_way_ahead_of_the_results(
    tmp_path: Path, jobs: int, cached: bool
) -> None:
    """A lazy walk keeps pace with the checking: the run never holds all paths at once."""
    posts = 1000
    for number in range(posts):
        (tmp_path / f"{number:04}.md").write_text("<p>tiny</p>\n", encoding="utf-8")
    paths = files(tmp_path)
    read = 0

    def walk() -> Iterator[str]:
        nonlocal read
        for path in paths:
            read += 1
            yield path

    cache = Cache(tmp_path / "cache", "key") if cached else None
    ahead = []
    results = []
    for result in parallel.run_files(walk(), job(), jobs, cache):
        results.append(result)
        ahead.append(read - len(results))
    assert [r.path for r in results] == paths
    if jobs == 1:
        assert max(ahead) <= 1  # one read, one checked
    else:  # what decides the workers, then what they are working on
        in_flight = jobs * parallel.CHUNKS_AHEAD * parallel.MAX_CHUNK
        assert max(ahead) <= jobs * parallel.LOOKAHEAD_PER_JOB + in_flight < posts // 2
