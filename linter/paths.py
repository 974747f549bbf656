"""Where a run's reports anchor their paths: the repository root, and paths relative to it."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath


def repository_root(start: Path | None = None) -> Path:
    """The git work tree holding `start` (default: the current folder), else `start` itself.

    A work tree is found by its `.git` entry (a folder, or a file in linked worktrees and
    submodules), so no git process is needed.
    """
    here = Path(os.path.abspath(start if start is not None else Path.cwd()))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def relative_path(path: str, root: Path) -> str:
    """`path` relative to `root` with `/` separators; absolute when it lies outside `root`."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def is_relative(path: str) -> bool:
    return not PurePosixPath(path).is_absolute()
