from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bench.generate import generate
from linter import cache as cache_module
from linter import runner
from linter.cache import Cache, clean, run_key
from linter.cli import main
from linter.config import Settings
from linter.discovery import discover
from linter.parallel import run_files
from linter.registry import all_rules, select_rules
from linter.runner import Job

POST = (
    "---\ntitle: t\n---\n\n"
    '<p><span style>As an <a data-link="1" href="https://c.duomai.com/track.php?t=x">'
    "OPPO</a>rtunity.</span><img src=x.png></p>\n"
)


@pytest.fixture
def trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust a file's status at once (not only two seconds after its last change)."""
    monkeypatch.setattr(cache_module, "RACY_NANOSECONDS", 0)


@pytest.fixture
def cache_root(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(24, tmp_path_factory.mktemp("site") / "posts", seed=3)


@pytest.fixture
def site(generated: Path, tmp_path: Path) -> list[str]:
    copy = shutil.copytree(generated, tmp_path / "site")
    return discover([str(copy)], Settings(root=copy)).files


def no_linting(*args: object, **kwargs: object) -> runner.FileResult:
    raise AssertionError("a file was linted although its result was stored")


def checked(
    paths: list[str], root: Path, settings: Settings | None = None
) -> list[runner.FileResult]:
    settings = settings or Settings()
    rules = select_rules(settings.selected, settings.ignore)
    cache = Cache(root, run_key(rules, settings))
    return list(run_files(paths, Job(rules, settings), jobs=1, cache=cache))


def test_stored_results_equal_fresh_ones(site: list[str], cache_root: Path) -> None:
    fresh = list(run_files(site, Job(list(all_rules().values()), Settings())))
    assert checked(site, cache_root) == fresh  # the first run stores
    assert checked(site, cache_root) == fresh  # the second reads


@pytest.mark.usefixtures("trusted")
def test_unchanged_files_are_not_read_again(
    site: list[str], cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = checked(site, cache_root)
    monkeypatch.setattr(cache_module, "read_bytes", no_linting)
    assert checked(site, cache_root) == first


def test_recently_changed_files_are_read_but_not_linted(
    site: list[str], cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = checked(site, cache_root)  # files written just now: status not trusted
    monkeypatch.setattr(cache_module, "process_source", no_linting)
    assert checked(site, cache_root) == first


@pytest.mark.usefixtures("trusted")
def test_a_changed_file_is_linted_again(tmp_path: Path, cache_root: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    status = post.stat()
    [before] = checked([str(post)], cache_root)
    post.write_text(POST.replace("<span style>", "<span title>"), encoding="utf-8")
    os.utime(post, ns=(status.st_atime_ns, status.st_mtime_ns))  # same size, same mtime
    [after] = checked([str(post)], cache_root)
    assert [d.message for d in after.diagnostics] != [d.message for d in before.diagnostics]


def test_settings_and_rules_are_part_of_the_key(site: list[str], cache_root: Path) -> None:
    checked(site, cache_root)
    [only] = {
        d.code
        for r in checked(site, cache_root, Settings(select=("HTM001",)))
        for d in r.diagnostics
    }
    assert only == "HTM001"


def test_a_corrupt_entry_is_ignored(site: list[str], cache_root: Path) -> None:
    first = checked(site, cache_root)
    entries = [p for p in cache_root.rglob("*") if p.is_file() and len(p.name) == 40]
    assert len(entries) == len(site)
    for number, entry in enumerate(entries):
        entry.write_bytes(b'{"format": 1, "lines": [' if number % 2 else b"\xff")
    assert checked(site, cache_root) == first


@pytest.mark.usefixtures("trusted")
def test_an_entry_gone_from_under_the_index_is_checked_again(
    site: list[str], cache_root: Path
) -> None:
    first = checked(site, cache_root)
    for entry in cache_root.rglob("*"):
        if entry.is_file() and len(entry.name) == 40:
            entry.unlink()
    assert checked(site, cache_root) == first
    assert checked(site, cache_root) == first  # and stored again


@pytest.mark.usefixtures("trusted")
def test_runs_at_the_same_time_keep_each_others_records(tmp_path: Path, cache_root: Path) -> None:
    posts = [tmp_path / "a.md", tmp_path / "b.md"]
    for post in posts:
        post.write_text(POST, encoding="utf-8")
    key = run_key(list(all_rules().values()), Settings())
    one, two = Cache(cache_root, key), Cache(cache_root, key)  # both read an empty index
    job = Job(list(all_rules().values()), Settings())
    list(run_files([str(posts[0])], job, cache=one))
    list(run_files([str(posts[1])], job, cache=two))
    assert set(Cache(cache_root, key).index) == {str(p) for p in posts}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_fix_with_a_cache_fixes_and_stores_the_fixed_result(
    tmp_path: Path, cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    cache_dir = ("--cache-dir", str(cache_root), "--jobs", "1")
    assert run("check", *cache_dir, str(post)).exit_code == 1
    assert run("fix", *cache_dir, str(post)).exit_code == 1  # IMG001 has no fix
    assert "<span" not in post.read_text(encoding="utf-8")
    monkeypatch.setattr(cache_module, "process_source", no_linting)
    result = run("check", *cache_dir, "--output-format", "concise", str(post))
    assert [line.split()[1] for line in result.output.splitlines()[:-2]] == ["IMG001"]
    assert run("fix", *cache_dir, str(post)).exit_code == 1  # nothing left to fix: not linted


def test_no_cache_writes_nothing(tmp_path: Path, cache_root: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    run("check", "--no-cache", "--cache-dir", str(cache_root), str(post))
    assert not cache_root.exists()


def test_clean_removes_the_cache_and_nothing_else(tmp_path: Path, cache_root: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    run("check", "--cache-dir", str(cache_root), str(post))
    assert (cache_root / ".gitignore").read_text().splitlines()[-1] == "*"
    other = tmp_path / "other"
    other.mkdir()
    (other / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n")
    assert run("clean", "--cache-dir", str(other)).output == ""
    assert other.exists()
    assert run("clean", "--cache-dir", str(cache_root)).output == f"Removed {cache_root}\n"
    assert not cache_root.exists()
    assert not clean(cache_root)


def test_a_status_taken_right_after_a_change_is_not_trusted(
    tmp_path: Path, cache_root: Path
) -> None:
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    key = run_key(list(all_rules().values()), Settings())
    list(
        run_files(
            [str(post)], Job(list(all_rules().values()), Settings()), cache=Cache(cache_root, key)
        )
    )
    assert Cache(cache_root, key).index == {}  # the entry is there, found by content
    assert len([p for p in cache_root.rglob("*") if len(p.name) == 40]) == 1


@pytest.mark.usefixtures("trusted")
def test_a_streamed_report_of_unchanged_files_is_read_back_not_rendered(
    generated: Path, tmp_path: Path, cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = shutil.copytree(generated, tmp_path / "site")
    args = ["check", "--cache-dir", str(cache_root), "--jobs", "1", str(site)]
    first = CliRunner().invoke(main, args)
    monkeypatch.setattr(cache_module.Store, "load", no_linting)  # no stored finding is decoded
    monkeypatch.setattr(cache_module, "read_bytes", no_linting)  # no post is read
    again = CliRunner().invoke(main, args)
    assert first.exit_code == again.exit_code == 1
    assert again.output == first.output
    # Parts in another format were never stored: that run has to decode the findings.
    other_format = CliRunner().invoke(main, [*args, "--output-format", "concise"])
    assert isinstance(other_format.exception, AssertionError)


@pytest.mark.usefixtures("trusted")
def test_a_clean_file_touched_but_unchanged_is_not_linted_again(
    tmp_path: Path, cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = tmp_path / "clean.md"
    post.write_text("<p>Nothing to see.</p>\n", encoding="utf-8")
    assert checked([str(post)], cache_root)[0].diagnostics == []
    assert not [p for p in cache_root.rglob("*") if len(p.name) == 40]  # no entry: the index knows
    os.utime(post, ns=(1, 1))  # a new status, the same bytes
    monkeypatch.setattr(cache_module, "process_source", no_linting)
    assert checked([str(post)], cache_root)[0].diagnostics == []


def test_the_cache_sits_beside_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POSTHYGIENE_CACHE_DIR", raising=False)
    (tmp_path / "posthygiene.toml").write_text('ignore = ["HTM002"]\n', encoding="utf-8")
    posts = tmp_path / "source" / "_posts"
    posts.mkdir(parents=True)
    (posts / "post.md").write_text(POST, encoding="utf-8")
    monkeypatch.chdir(posts)
    assert run("check", "post.md").exit_code == 1
    assert (tmp_path / ".posthygiene_cache" / "CACHEDIR.TAG").is_file()
    assert not (posts / ".posthygiene_cache").exists()
    assert run("clean").output == f"Removed {tmp_path / '.posthygiene_cache'}\n"


def test_processes_filling_one_cache_at_once_leave_whole_entries_and_no_temporary_files(
    tmp_path: Path, cache_root: Path
) -> None:
    site = generate(300, tmp_path / "site", seed=4)
    command = [sys.executable, "-m", "linter", "check", "--isolated", "--jobs", "1"]
    command += ["--output-format", "concise", "--cache-dir", str(cache_root), str(site)]
    root = Path(__file__).resolve().parent.parent
    # Processes write the same entries at the same time (as pre-commit's do).
    runs = [subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE) for _ in range(4)]
    outputs = [process.communicate()[0] for process in runs]
    fresh = subprocess.run([*command, "--no-cache"], cwd=root, capture_output=True).stdout
    assert outputs == [fresh] * 4
    stored = [path for path in cache_root.rglob("*") if path.is_file()]
    assert not [path for path in stored if path.name.endswith(".tmp")]
    assert subprocess.run(command, cwd=root, capture_output=True).stdout == fresh  # read back
