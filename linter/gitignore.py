"""`respect-gitignore`: which walked files git itself ignores.

`git check-ignore --stdin -z` answers for the walked files a batch at a time (one call per
repository per batch), so a site of any size is asked about in bounded pieces as it is
walked. Asking git, rather than matching .gitignore patterns in Python, gets git's exact
answer (nested .gitignore files, negations, `.git/info/exclude`, `core.excludesFile`, and
tracked files never counting as ignored) without a new dependency or a second
implementation to keep in step. Without git, or outside a work tree, nothing is filtered.
"""

from __future__ import annotations

import functools
import os
import subprocess
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from linter.paths import work_tree

TIMEOUT_SECONDS = 60
FIRST_BATCH = 64
BATCH = 4096


def kept(paths: Iterable[str]) -> Iterator[str]:
    """`paths` without those git ignores, in their order.

    Paths outside any work tree pass at once. The others wait for their batch, which is
    small at first, so that checking starts soon, and grows to BATCH.
    """
    tree_of = _work_trees()
    size = min(FIRST_BATCH, BATCH)
    batch: list[str] = []
    for path in paths:
        if not batch and tree_of(os.path.dirname(path)) is None:
            yield path
            continue
        batch.append(path)
        if len(batch) >= size:
            yield from _without_ignored(batch, tree_of)
            batch, size = [], min(size * 2, BATCH)
    yield from _without_ignored(batch, tree_of)


def _without_ignored(batch: list[str], tree_of: Callable[[str], Path | None]) -> Iterator[str]:
    dropped = _ignored(batch, tree_of)
    return (path for path in batch if path not in dropped)


def ignored(paths: Iterable[str]) -> set[str]:
    """The subset of `paths` that git ignores."""
    return _ignored(paths, _work_trees())


def _work_trees() -> Callable[[str], Path | None]:
    """The work tree of a folder; a walk's paths come folder by folder, so a few are kept."""
    return functools.lru_cache(maxsize=16)(lambda folder: work_tree(Path(folder or ".")))


def _ignored(paths: Iterable[str], tree_of: Callable[[str], Path | None]) -> set[str]:
    by_tree: dict[Path, list[str]] = {}
    for path in paths:
        tree = tree_of(os.path.dirname(path))
        if tree is not None:
            by_tree.setdefault(tree, []).append(path)
    found: set[str] = set()
    for tree, members in by_tree.items():
        found.update(_check_ignore(tree, members))
    return found


def _check_ignore(tree: Path, paths: list[str]) -> set[str]:
    absolute = [os.path.abspath(path) for path in paths]
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
    answers = {os.fsdecode(item) for item in completed.stdout.split(b"\0") if item}
    # Two spellings of one file ("posts/a.md", "../blog/posts/a.md") get the same answer.
    return {path for path, full in zip(paths, absolute, strict=True) if full in answers}
