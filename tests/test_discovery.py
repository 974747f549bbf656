"""Which files a run lints: exclude settings (explicit files too) and .gitignore."""

from __future__ import annotations

import itertools
import math
import os
import shutil
import subprocess
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from linter import discovery, gitignore
from linter.config import Settings, settings_from_table
from linter.discovery import EXTENSIONS, SKIPPED_FOLDERS, discover, find, is_excluded
from tests.conftest import JUNK_POST, Run


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real git work tree with posts that .gitignore files ignore and keep."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "blog"
    for name in (
        "source/_posts/kept.md",
        "source/_drafts/draft.md",
        "source/_posts/scratch.tmp.md",
        "source/_posts/wanted.tmp.md",
        "source/_posts/tracked.tmp.md",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(JUNK_POST, root / name)
    (root / ".gitignore").write_text("source/_drafts/\n*.tmp.md\n", encoding="utf-8")
    (root / "source/_posts/.gitignore").write_text("!wanted.tmp.md\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-f", "source/_posts/tracked.tmp.md")
    monkeypatch.chdir(root)
    return root


def found(table: dict[str, object], *paths: str, root: Path | None = None) -> list[str]:
    settings = settings_from_table(table, root=root or Path.cwd())
    return discover(paths, settings).files


def test_walk_skips_what_git_ignores(repo: Path) -> None:
    assert found({}, "source") == [
        "source/_posts/kept.md",
        "source/_posts/tracked.tmp.md",  # tracked files are never ignored
        "source/_posts/wanted.tmp.md",  # re-included by the nested .gitignore
    ]


def test_respect_gitignore_false_walks_everything(repo: Path) -> None:
    assert len(found({"respect-gitignore": False}, "source")) == 5


def test_explicit_files_are_linted_even_when_git_ignores_them(repo: Path) -> None:
    assert found({}, "source/_drafts/draft.md") == ["source/_drafts/draft.md"]


def test_outside_a_work_tree_nothing_is_filtered(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.md\n", encoding="utf-8")
    shutil.copy(JUNK_POST, tmp_path / "post.md")
    assert found({}, str(tmp_path), root=tmp_path) == [str(tmp_path / "post.md")]


def test_exclude_applies_to_explicit_files(project: Path, cli: Run) -> None:
    """pre-commit passes files one by one: the project's exclude must still hold."""
    Path("posthygiene.toml").write_text(
        'extend-exclude = ["source/_posts/junk.md"]\n', encoding="utf-8"
    )
    result = cli("check", "source/_posts/junk.md", "source/_posts/clean.md")
    assert result.exit_code == 0
    assert "All checks passed!" in result.stdout
    assert cli("check", "--isolated", "source/_posts/junk.md").exit_code == 1


def test_exclude_is_relative_to_the_config_file_not_the_cwd(
    project: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("posthygiene.toml").write_text('exclude = ["source/_posts/*.md"]\n', encoding="utf-8")
    monkeypatch.chdir(project / "source")
    assert cli("check", "_posts/junk.md").exit_code == 0


# -- the order of a lazy walk ---------------------------------------------------------------

TREE = (
    "A.md",
    "_b.md",
    "a-b.md",
    "a.md",
    "a/b/c.html",
    "a/x.md",
    "a0.md",
    "ab.md",
    "b.md.md",
    "b.md/inner.md",  # a folder named like a post
    "b/.hidden/x.md",
    "b/node_modules/x.md",
    "b/public/x.md",
    ".dot/x.md",
    "deep/1/2/3/4/5/z.md",
    "drafts/keep/y.md",
    "drafts/x.md",
    "notes.txt",
    "space dir/x y.md",
    "z.HTM",
    "é.md",
)
LINKS = {"alias.md": "a.md", "broken.md": "nowhere.md", "linked": "a"}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tree of posts whose names sort in tricky ways, in `site/` below the current folder."""
    root = tmp_path / "site"
    for name in TREE:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("<p>post</p>\n", encoding="utf-8")
    for name, target in LINKS.items():
        (root / name).symlink_to(target)
    monkeypatch.chdir(tmp_path)
    return root


def sorted_at_once(paths: list[str], settings: Settings) -> list[str]:
    """What discovery gave before it walked lazily: every file found, filtered, then sorted."""
    named: list[str] = []
    walked: list[str] = []
    for name in paths:
        if Path(name).is_dir():
            walked += walk_everything(str(Path(name)), settings)
        elif (Path(name).exists() or Path(name).is_symlink()) and not is_excluded(name, settings):
            named.append(name)
    if settings.respect_gitignore:
        dropped = gitignore.ignored(walked)
        walked = [path for path in walked if path not in dropped]
    return sorted(set(named + walked))


def walk_everything(root: str, settings: Settings) -> list[str]:
    found: list[str] = []
    for folder, subfolders, names in os.walk(root):
        if root == ".":
            folder = "" if folder == "." else folder[2:]
        subfolders[:] = [
            sub
            for sub in subfolders
            if not sub.startswith(".")
            and sub not in SKIPPED_FOLDERS
            and not is_excluded(os.path.join(folder, sub), settings)
        ]
        for name in names:
            path = os.path.join(folder, name)
            if os.path.splitext(name)[1].lower() in EXTENSIONS and not is_excluded(path, settings):
                found.append(path)
    return found


def test_a_walk_gives_paths_in_string_order(site: Path) -> None:
    assert found({}, "site") == [
        "site/A.md",
        "site/_b.md",
        "site/a-b.md",
        "site/a.md",
        "site/a/b/c.html",
        "site/a/x.md",
        "site/a0.md",
        "site/ab.md",
        "site/alias.md",  # a symlinked post is a post
        "site/b.md.md",
        "site/b.md/inner.md",
        "site/broken.md",  # reported as unreadable when checked
        "site/deep/1/2/3/4/5/z.md",
        "site/drafts/keep/y.md",
        "site/drafts/x.md",
        "site/space dir/x y.md",
        "site/z.HTM",
        "site/é.md",
    ]  # not walked: hidden, node_modules, public, the symlinked folder; notes.txt is no post


def unreadable(monkeypatch: pytest.MonkeyPatch, folder: str, error: OSError) -> None:
    """Make reading `folder` fail (root reads any folder, so a chmod would not do here)."""
    real_scandir = os.scandir

    def scandir(path: str) -> Any:
        if path == folder:
            raise error
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(5, "Input/output error"), "Input/output error"),
    ],
)
def test_a_folder_that_cannot_be_read_is_passed_over_and_named(
    site: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, reason: str
) -> None:
    unreadable(monkeypatch, "site/a", error)
    walked = discover(["site"], Settings(root=Path.cwd()))
    assert "site/a.md" in walked.files
    assert not [path for path in walked.files if path.startswith("site/a/")]
    assert walked.problems == [
        f"site/a: cannot read the folder ({reason}); its posts were not checked"
    ]


@pytest.mark.parametrize("output_format", ["full", "sarif"])  # streamed, and kept whole
def test_check_reports_a_folder_it_could_not_read_and_exits_2(
    site: Path, monkeypatch: pytest.MonkeyPatch, cli: Run, output_format: str
) -> None:
    (site / "a.md").write_text('<img src="x.png">\n', encoding="utf-8")
    unreadable(monkeypatch, "site/a", PermissionError(13, "Permission denied"))
    result = cli("check", "--isolated", "--no-cache", "--output-format", output_format, "site")
    assert result.exit_code == 2
    assert "site/a.md" in result.stdout  # the other posts are still checked
    assert result.stderr.count("site/a: cannot read the folder (permission denied)") == 1


@pytest.mark.parametrize(
    ("paths", "table"),
    [
        pytest.param(["site"], {}, id="one-folder"),
        pytest.param(["."], {}, id="dot"),
        pytest.param(["./"], {}, id="dot-slash"),
        pytest.param(["site/", "./site//a"], {}, id="trailing-and-doubled-separators"),
        pytest.param(["site/a", "site"], {}, id="overlapping-folders"),
        pytest.param(["site/b.md", ".", "site"], {}, id="dot-and-a-folder-named-like-a-post"),
        pytest.param(["site/a.md", "site", "site/a/x.md"], {}, id="named-files-inside-a-walk"),
        pytest.param(["./site/a.md", "site"], {}, id="a-named-file-spelled-otherwise"),
        pytest.param(["site/notes.txt", "site/b/public", "site"], {}, id="named-non-posts"),
        pytest.param(["site/linked", "site/deep/1/2"], {}, id="named-symlinked-folder"),
        pytest.param(["site"], {"exclude": ["drafts"]}, id="excluded-folder"),
        pytest.param(
            ["site", "site/drafts/x.md"],
            {"extend-exclude": ["site/drafts/*.md"]},
            id="excluded-files-named-or-walked",
        ),
        pytest.param(["site", "missing.md", "site/a"], {}, id="missing-path"),
        pytest.param(["site/a", "site/b.md", "site/deep"], {}, id="disjoint-folders"),
    ],
)
@pytest.mark.parametrize(
    ("page", "reads"),
    [
        pytest.param(discovery.PAGE, discovery.MAX_READS, id="whole-folders"),
        pytest.param(2, 32, id="pages-of-2"),
        pytest.param(1, 3, id="a-third-at-a-time"),
    ],
)
def test_lazy_walk_equals_sorting_everything(
    site: Path,
    paths: list[str],
    table: dict[str, object],
    page: int,
    reads: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(discovery, "PAGE", page)
    monkeypatch.setattr(discovery, "MAX_READS", reads)
    settings = settings_from_table(table, root=site.parent)
    expected = sorted_at_once(paths, settings)
    assert expected  # the case has posts to order
    assert discover(paths, settings).files == expected
    absolute = [str(site.parent / path) for path in paths]
    assert discover(absolute, settings).files == sorted_at_once(absolute, settings)


@pytest.mark.parametrize(
    "paths",
    [
        pytest.param(["."], id="dot"),
        pytest.param(["source", "source/_posts"], id="overlapping-folders"),
        pytest.param(["source/_drafts/draft.md", "source"], id="named-ignored-file"),
        pytest.param(["source", "../blog/source"], id="one-file-two-spellings"),
    ],
)
@pytest.mark.parametrize("batch", [1, 2, gitignore.BATCH])
def test_lazy_walk_asks_git_in_batches_with_the_same_answers(
    repo: Path, paths: list[str], batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_from_table({}, root=repo)
    expected = sorted_at_once(paths, settings)
    asked: list[int] = []
    real_run = subprocess.run

    def counting_run(command: list[str], **options: Any) -> subprocess.CompletedProcess[bytes]:
        asked.append(options["input"].count(b"\0"))
        return real_run(command, **options)

    monkeypatch.setattr(gitignore, "BATCH", batch)
    monkeypatch.setattr(gitignore.subprocess, "run", counting_run)
    assert discover(paths, settings).files == expected
    assert asked
    assert max(asked) <= batch
    assert all(not path.endswith("draft.md") or path in paths for path in expected)


@pytest.mark.parametrize("respect_gitignore", [False, True])
@pytest.mark.parametrize("shape", ["nested", "flat"])
def test_walking_holds_a_bounded_number_of_names(
    tmp_path: Path, respect_gitignore: bool, shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The memory a walk needs does not grow with the number of posts it walks: it holds
    the folders on the way down, a page of each (and with .gitignore respected, the batch
    of paths git is asked about)."""
    monkeypatch.setattr(gitignore, "BATCH", 50)
    monkeypatch.setattr(discovery, "PAGE", 50)
    monkeypatch.setattr(discovery, "MAX_READS", 100)  # a wider folder holds more than PAGE
    settings = Settings(root=tmp_path, respect_gitignore=respect_gitignore)

    def peak_while_walking(posts: int) -> int:
        root = tmp_path / f"site-{posts}"
        depth = round(math.log(posts // 25, 4))
        folders = itertools.product("abcd", repeat=depth) if shape == "nested" else [()]
        for leaf in folders:  # 4 subfolders in each folder, 25 posts in each leaf
            (root / os.path.join("posts", *leaf)).mkdir(parents=True)
            for post in range(posts if shape == "flat" else 25):
                (
                    root / os.path.join("posts", *leaf, f"a-post-with-a-long-name-{post:04}.md")
                ).touch()
        found = find([str(root)], settings).files
        tracemalloc.start()
        try:
            assert sum(1 for _ in found) == posts
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak_while_walking(100), peak_while_walking(1600)
    assert large < small * 1.5  # a list of the 1,600 paths alone would be 10x the small peak


def test_inventory_names_a_folder_it_could_not_read(
    site: Path, monkeypatch: pytest.MonkeyPatch, cli: Run
) -> None:
    unreadable(monkeypatch, "site/a", PermissionError(13, "Permission denied"))
    result = cli("inventory", "--isolated", "site")
    assert result.exit_code == 2
    assert "site/a: cannot read the folder (permission denied)" in result.stderr
