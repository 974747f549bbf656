"""Fixtures for every test: the network blocked for the whole session (any attempt to open a
connection fails loudly), the cache kept out of the repository, a throwaway project folder
and a way to run the CLI; and the
hypothesis profiles: `ci` (default: fixed seed, small budget) and `long` for local runs
(HYPOTHESIS_PROFILE=long)."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

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


class NetworkBlockedError(RuntimeError):
    """Raised by every socket connection and name look-up while the tests run."""


def _refuse(*args: object, **kwargs: object) -> NoReturn:
    raise NetworkBlockedError(f"posthygiene must never use the network (attempted with {args!r})")


@pytest.fixture(scope="session", autouse=True)
def no_network() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _refuse)
        patch.setattr(socket.socket, "connect_ex", _refuse)
        patch.setattr(socket.socket, "sendto", _refuse)
        patch.setattr(socket, "create_connection", _refuse)
        patch.setattr(socket, "getaddrinfo", _refuse)
        patch.setattr(socket, "gethostbyname", _refuse)
        patch.setattr(socket, "gethostbyname_ex", _refuse)
        yield


@pytest.fixture(scope="session", autouse=True)
def cache_outside_the_repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Runs that would keep a cache beside the current folder (the repository) keep it in a
    temporary folder instead; the CLI in subprocesses inherits the variable too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("POSTHYGIENE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


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
