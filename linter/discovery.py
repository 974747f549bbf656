"""From the paths a user names to the posts to lint: sorted, found as a run needs them."""

from __future__ import annotations

import fnmatch
import heapq
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from linter import gitignore
from linter.config import Settings
from linter.paths import relative_path

EXTENSIONS = frozenset({".html", ".htm", ".md", ".markdown"})
# Folders skipped while walking (named explicitly, they are still walked).
SKIPPED_FOLDERS = frozenset({"node_modules", "public", "_site", "__pycache__", "venv"})
# The most names of one folder held at once (see _entries).
PAGE = 1024
MAX_READS = 16


@dataclass(frozen=True, slots=True)
class Posts:
    """The posts under some folders and some named files, sorted as strings, each once.

    Iterating walks the folders (afresh each time) and yields each post as it is reached:
    a run checks the first posts while later folders are unread, and never holds the list
    of a whole site. Named files are always kept; walked ones drop what .gitignore ignores
    when the settings say so. A folder that cannot be read is noted in `unreadable`.
    """

    folders: tuple[str, ...]
    files: tuple[str, ...]  # sorted
    settings: Settings
    # Folders the walks could not read, with the reason: their posts went unchecked.
    unreadable: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __iter__(self) -> Iterator[str]:
        walks = (_walk(folder, self.settings, self.unreadable) for folder in self.folders)
        walked = _unique(heapq.merge(*walks))
        if self.settings.respect_gitignore:
            walked = gitignore.kept(walked)
        return _unique(heapq.merge(self.files, walked))

    @property
    def problems(self) -> list[str]:
        """One line per folder the walks could not read, for the run's errors."""
        return [
            f"{folder}: cannot read the folder ({reason}); its posts were not checked"
            for folder, reason in self.unreadable.items()
        ]


@dataclass(frozen=True, slots=True)
class Found:
    files: Posts
    missing: list[str]


@dataclass(frozen=True, slots=True)
class Discovered:
    files: list[str]
    missing: list[str]
    problems: list[str] = field(default_factory=list)  # see Posts.problems


def find(paths: Iterable[str], settings: Settings) -> Found:
    """The posts to lint (walked when iterated) and the named paths that do not exist."""
    folders: list[str] = []
    files: list[str] = []
    missing: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            folders.append(str(path))  # as Path spells it: no "./" in front, no trailing "/"
        elif path.exists() or path.is_symlink():
            if not is_excluded(path, settings):
                files.append(name)
        else:
            missing.append(name)
    return Found(Posts(tuple(folders), tuple(sorted(files)), settings), missing)


def discover(paths: Iterable[str], settings: Settings) -> Discovered:
    """`find`, with the posts in a list."""
    found = find(paths, settings)
    files = list(found.files)  # the walk notes the folders it could not read
    return Discovered(files, found.missing, found.files.problems)


def _unique(paths: Iterable[str]) -> Iterator[str]:
    return (path for path, _ in itertools.groupby(paths))


def _walk(top: str, settings: Settings, unreadable: dict[str, str]) -> Iterator[str]:
    """The posts under `top` in sorted order, as os.walk finds them, without sorting them all.

    All paths below a subfolder share the prefix `subfolder/`, so they sort together and,
    among the folder's files, by that prefix ("a-b.md" < "a.md" < "a/x.md" < "a0.md").
    Visiting a folder's files and subfolders sorted that way, and walking each subfolder at
    its place, yields every path in sorted order while holding only the folders on the way
    down. Like os.walk, symlinked subfolders are not entered; a folder that cannot be read
    is passed over and noted in `unreadable`.
    """
    # Plain strings, not Path objects: pathlib interns every part of every name it parses.
    join, islink, separator = os.path.join, os.path.islink, os.sep
    folder = "" if top == "." else top  # walking "." gives "posts/x.md", as Path spells it
    stack = [(folder, iter(_entries(folder, settings, unreadable)))]
    while stack:
        folder, entries = stack[-1]
        for entry in entries:
            if not entry.endswith(separator):
                yield join(folder, entry)
                continue
            subfolder = join(folder, entry[:-1])
            if not islink(subfolder):
                stack.append((subfolder, iter(_entries(subfolder, settings, unreadable))))
                break
        else:
            stack.pop()


def _entries(folder: str, settings: Settings, unreadable: dict[str, str]) -> Iterator[str]:
    """The folder's posts and subfolders to walk (named with a trailing separator), sorted.

    Sorting takes every name in the folder, but holding them all would make a flat folder
    of 100,000 posts the biggest thing a run keeps. So each read of the folder keeps only
    the first page of names after the last one given, and a wide folder is read again per
    page: PAGE names at a time, or a MAX_READS-th of the folder when that is more.
    """
    excluded: set[str] = set()  # what the first read found excluded: not matched again
    size, after = PAGE, ""
    while True:
        page, remaining = _page(folder, settings, after, size, excluded, unreadable)
        yield from page
        if remaining <= size:
            return
        if not after:
            size = max(PAGE, -(-remaining // MAX_READS))
        after = page[-1]


def _page(
    folder: str,
    settings: Settings,
    after: str,
    size: int,
    excluded: set[str],
    unreadable: dict[str, str],
) -> tuple[list[str], int]:
    """The `size` smallest entries after `after` in sorted order, and how many there are."""
    join, separator, first = os.path.join, os.sep, not after
    remaining = 0

    def entries(scan: Iterator[os.DirEntry[str]]) -> Iterator[str]:
        nonlocal remaining
        for found in scan:
            name = found.name
            if name < after and not after.startswith(name):  # given already, as a file or folder
                continue
            entry = _entry(found)
            if entry is None or entry <= after or entry in excluded:
                continue
            if first and is_excluded(join(folder, entry.rstrip(separator)), settings):
                excluded.add(entry)
                continue
            remaining += 1
            yield entry

    try:
        with os.scandir(folder or ".") as scan:
            page = heapq.nsmallest(size, entries(scan))
    except OSError as exc:  # passed over, as os.walk does, but not in silence
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
        unreadable.setdefault(folder or ".", reason or str(exc))
        return [], 0
    return page, remaining


def _entry(found: os.DirEntry[str]) -> str | None:
    """A post's name, a subfolder's name and separator, or None for anything else."""
    if _is_folder(found):
        return None if _skipped_folder(found.name) else found.name + os.sep
    return found.name if os.path.splitext(found.name)[1].lower() in EXTENSIONS else None


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows symlinks, as os.walk does
    except OSError:
        return False


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
