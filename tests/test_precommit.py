"""The shipped pre-commit hooks, proven with pre-commit itself.

`pre-commit try-repo` clones a repository's HEAD, so the session first commits a copy of
this working tree (uncommitted and untracked files included) to a temporary repository.
pre-commit then builds the hook environment from the package registry once per session
(PRE_COMMIT_HOME is a temporary folder), which is why these tests are marked
`network_tool`: deselect them offline with `-m "not network_tool"`.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from tests.conftest import CLEAN_POST, JUNK_POST

REPO = Path(__file__).resolve().parent.parent
MANIFEST = REPO / ".pre-commit-hooks.yaml"
PYPROJECT = '[tool.posthygiene]\nextend-exclude = ["source/_vendor"]\n'

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None,
    reason="needs pre-commit and git",
)


def git(cwd: Path, *args: str) -> str:
    completed = subprocess.run(
        [
            "git",
            "-c",
            "user.name=posthygiene tests",
            "-c",
            "user.email=tests@example.invalid",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=cwd,
        check=True,
        capture_output=True,
    )
    return completed.stdout.decode()


def test_manifest_is_valid() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    text = MANIFEST.read_text(encoding="utf-8")
    assert "id: posthygiene\n" in text
    assert "id: posthygiene-fix\n" in text


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed copy of this working tree, as try-repo needs."""
    if not (REPO / ".git").exists():
        pytest.skip("the project is not a git work tree")
    copy = tmp_path_factory.mktemp("hook-repo")
    listed = git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "commit", "-q", "-m", "working tree under test")
    return copy


@dataclass(frozen=True)
class HookRun:
    site: Path
    returncode: int
    output: str
    expected_fix: bytes

    def section(self, hook_id: str) -> str:
        """What pre-commit printed for one hook (from its `- hook id:` line on)."""
        parts = self.output.split("- hook id: ")
        found = [part for part in parts[1:] if part.split("\n", 1)[0].strip() == hook_id]
        assert len(found) == 1, self.output
        return found[0]


def make_site(root: Path) -> Path:
    """A blog repository: a junk post, a clean post, and a junk post the config excludes."""
    for name, post in (
        ("source/_posts/junk.md", JUNK_POST),
        ("source/_posts/clean.md", CLEAN_POST),
        ("source/_vendor/theme-demo.md", JUNK_POST),
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(post, root / name)
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    return root


def fixed_by_cli(root: Path) -> bytes:
    """What `posthygiene fix` makes of the junk post, in a site with the same config."""
    make_site(root)
    cwd = Path.cwd()
    os.chdir(root)
    try:
        CliRunner().invoke(main, ["fix", "source/_posts/junk.md"], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    return (root / "source/_posts/junk.md").read_bytes()


@pytest.fixture(scope="session")
def hook_run(hook_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> HookRun:
    """Both hooks, through one `pre-commit try-repo` call: one hook environment per session.

    try-repo always installs into a throwaway store of its own (PRE_COMMIT_HOME only
    steers its cache), so every call builds the environment again; one call running
    every hook of the manifest on all three posts keeps it to one build.
    """
    site = make_site(tmp_path_factory.mktemp("blog"))
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "NO_COLOR": "1",
    }
    files = ["source/_posts/junk.md", "source/_posts/clean.md", "source/_vendor/theme-demo.md"]
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(hook_repo),
            "--color",
            "never",
            "--files",
            *files,
        ],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    expected = fixed_by_cli(tmp_path_factory.mktemp("expected"))
    return HookRun(site, completed.returncode, completed.stdout + completed.stderr, expected)


@pytest.mark.network_tool
def test_check_hook_fails_with_the_findings(hook_run: HookRun) -> None:
    section = hook_run.section("posthygiene")
    assert "- exit code: 1" in section
    assert "source/_posts/junk.md:8:10: HTM001" in section
    assert "source/_posts/junk.md:8:49: AFF001" in section
    assert hook_run.returncode == 1


@pytest.mark.network_tool
def test_fix_hook_rewrites_the_post_as_the_cli_does(hook_run: HookRun) -> None:
    section = hook_run.section("posthygiene-fix")
    assert "- files were modified by this hook" in section
    fixed = (hook_run.site / "source/_posts/junk.md").read_bytes()
    assert fixed != JUNK_POST.read_bytes()
    assert fixed == hook_run.expected_fix


@pytest.mark.network_tool
def test_clean_and_excluded_posts_pass_untouched(hook_run: HookRun) -> None:
    for hook_id in ("posthygiene", "posthygiene-fix"):
        section = hook_run.section(hook_id)
        assert "clean.md" not in section
        assert "theme-demo.md" not in section
    assert (hook_run.site / "source/_posts/clean.md").read_bytes() == CLEAN_POST.read_bytes()
    demo = hook_run.site / "source/_vendor/theme-demo.md"
    assert demo.read_bytes() == JUNK_POST.read_bytes()
