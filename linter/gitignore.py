"""`respect-gitignore`: which walked files git itself ignores.

One `git check-ignore --stdin -z` per repository per run answers for every walked file.
Asking git, rather than matching .gitignore patterns in Python, gets git's exact answer
(nested .gitignore files, negations, `.git/info/exclude`, `core.excludesFile`, and tracked
files never counting as ignored) without a new dependency or a second implementation to
keep in step. Without git, or outside a work tree, nothing is filtered.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from linter.paths import work_tree

TIMEOUT_SECONDS = 60


def ignored(paths: Iterable[str]) -> set[str]:
    """The subset of `paths` that git ignores."""
    by_tree: dict[Path, list[str]] = {}
    trees: dict[str, Path | None] = {}  # by folder: posts share a few folders
    for path in paths:
        folder = os.path.dirname(path)
        if folder not in trees:
            trees[folder] = work_tree(Path(folder or "."))
        tree = trees[folder]
        if tree is not None:
            by_tree.setdefault(tree, []).append(path)
    found: set[str] = set()
    for tree, members in by_tree.items():
        found.update(_check_ignore(tree, members))
    return found


def _check_ignore(tree: Path, paths: list[str]) -> set[str]:
    absolute = {os.path.abspath(path): path for path in paths}
    payload = b"\0".join(os.fsencode(path) for path in absolute) + b"\0"
    try:
        completed = subprocess.run(
            ["git", "-C", str(tree), "check-ignore", "--stdin", "-z"],
            input=payload,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if completed.returncode not in (0, 1):  # 128: not a work tree, git too old, ...
        return set()
    answers = (os.fsdecode(item) for item in completed.stdout.split(b"\0") if item)
    return {absolute[answer] for answer in answers if answer in absolute}
