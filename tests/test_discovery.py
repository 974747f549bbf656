"""Which files a run lints: exclude settings (explicit files too) and .gitignore."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from linter.config import settings_from_table
from linter.discovery import discover
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
