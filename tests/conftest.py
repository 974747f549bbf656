"""Fixtures for command-line tests (a throwaway project folder, a way to run the CLI) and
the hypothesis profiles: `ci` (default: fixed seed, small budget) and `long` for local
runs (HYPOTHESIS_PROFILE=long).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

from linter.cli import main

settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=3000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FIXTURES = Path(__file__).resolve().parent / "fixtures"
JUNK_POST = FIXTURES / "junk_post.md"
CLEAN_POST = FIXTURES / "clean_post.md"

Run = Callable[..., Result]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository-like folder (it has a `.git` entry) with one junk and one clean post."""
    root = tmp_path / "site"
    posts = root / "source" / "_posts"
    posts.mkdir(parents=True)
    (root / ".git").mkdir()
    shutil.copy(JUNK_POST, posts / "junk.md")
    shutil.copy(CLEAN_POST, posts / "clean.md")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def cli() -> Run:
    """Run `posthygiene ARGS...` in-process; stdout and stderr stay apart."""

    def run(*args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)

    return run
