"""Where a run's reports anchor their paths: the repository root, and paths relative to it."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def work_tree(path: Path) -> Path | None:
    """The git work tree holding `path`, found by its `.git` entry (a folder, or a file in
    linked worktrees and submodules) without starting git; None outside any."""
    here = Path(os.path.abspath(path))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None


def repository_root(start: Path | None = None) -> Path:
    """The git work tree holding `start` (default: the current folder), else `start` itself."""
    here = Path(os.path.abspath(start if start is not None else Path.cwd()))
    return work_tree(here) or here


@lru_cache(maxsize=4096)  # reports ask once per finding, and a post has many
def relative_path(path: str, root: Path) -> str:
    """`path` relative to `root` with `/` separators; absolute when it lies outside `root`."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()
