"""From the paths a user names to a sorted list of posts to lint."""

from __future__ import annotations

import fnmatch
import itertools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from linter import gitignore
from linter.config import Settings
from linter.paths import relative_path

EXTENSIONS = frozenset({".html", ".htm", ".md", ".markdown"})
# Folders skipped while walking (named explicitly, they are still walked).
SKIPPED_FOLDERS = frozenset({"node_modules", "public", "_site", "__pycache__", "venv"})


@dataclass(frozen=True, slots=True)
class Discovered:
    files: list[str]
    missing: list[str]


def discover(paths: Iterable[str], settings: Settings) -> Discovered:
    # Lists, sorted once and deduplicated in order: a set of every path of a large site
    # would be the biggest thing a run holds.
    found: list[str] = []
    walked: list[str] = []
    missing: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            walked.extend(_walk(path, settings))
        elif path.exists() or path.is_symlink():
            if not is_excluded(path, settings):
                found.append(name)
        else:
            missing.append(name)
    if settings.respect_gitignore and walked:
        walked.sort()
        ignored = gitignore.ignored(walked)
        if ignored:
            walked = [path for path in walked if path not in ignored]
    found.extend(walked)
    del walked
    found.sort()
    return Discovered([path for path, _ in itertools.groupby(found)], missing)


def _walk(top: Path, settings: Settings) -> Iterable[str]:
    # Plain strings, not Path objects: pathlib interns every part of every name it parses,
    # which a site of 100,000 posts would keep paying for in memory.
    join, extension = os.path.join, os.path.splitext
    root = str(top)  # as Path spells it: no "./" in front, no trailing separator
    for folder, subfolders, names in os.walk(root):
        if root == ".":  # walking "." gives "./posts": keep the names Path would give
            folder = folder[2:] if folder != "." else ""
        subfolders[:] = sorted(
            sub
            for sub in subfolders
            if not _skipped_folder(sub) and not is_excluded(join(folder, sub), settings)
        )
        for name in sorted(names):
            path = join(folder, name)
            if extension(name)[1].lower() in EXTENSIONS and not is_excluded(path, settings):
                yield path


def _skipped_folder(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_FOLDERS


def is_excluded(path: str | Path, settings: Settings) -> bool:
    """Whether `exclude` or `extend-exclude` matches the path, relative to the config root."""
    return matches_any(path, settings.exclude + settings.extend_exclude, settings.root)


def matches_any(path: str | Path, patterns: Sequence[str], root: Path) -> bool:
    """Whether a glob matches the path relative to `root`, its name, or a folder above it."""
    if not patterns:
        return False
    relative = relative_path(str(path), root)
    parts = relative.split("/")  # relative_path gives `/` separators
    name = os.path.basename(os.path.normpath(str(path)))
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(name, pattern):
            return True
        # A folder pattern excludes everything below it.
        if any(fnmatch.fnmatch("/".join(parts[:i]), pattern) for i in range(1, len(parts))):
            return True
    return False
