"""Per-file results kept between runs, in `.posthygiene_cache/` beside the configuration.

A result is stored under a key that hashes the file's path and bytes together with the run
key: the tool's version and code, the settings and the selected rules. Anything that could
change a result changes the key, so a stored result is never stale; it is just not found.

Entries are written to a temporary file and renamed into place, so processes running at the
same time (pre-commit starts several) never see half an entry; they write identical bytes
for identical keys. An entry that cannot be read or parsed counts as missing.

Reading every file to hash it would cost most of what the cache saves, so an index maps each
path to the file's status (size, times, inode) at the time it was hashed, and a file whose
status is unchanged is not read again. As in git's index, a status taken within two seconds
of a change is not trusted: the file could change again within the timestamp's granularity.
The index is rewritten whole at the end of a run; when two runs race, one's additions may be
lost, which costs a re-hash later and nothing else.

Fixing uses the cache only where it proves there is nothing to fix: a file whose stored
result has no fix that would apply is left alone; after a fix is written, the fixed text's
result is stored, so the next check finds it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast, runtime_checkable

from linter import __version__, entries
from linter.config import Settings
from linter.errors import SourceError
from linter.model import Diagnostic
from linter.registry import Rule
from linter.runner import FileResult, Job, Mode, process_source
from linter.source import decode, read_bytes

CACHE_DIR = ".posthygiene_cache"
ENVIRONMENT_VARIABLE = "POSTHYGIENE_CACHE_DIR"
FORMAT = 1
RACY_NANOSECONDS = 2_000_000_000
TAG_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"
TAG = f"{TAG_SIGNATURE}\n# posthygiene's cache: `posthygiene clean` removes it.\n"
NO_FIX = -1

T = TypeVar("T")

# size, mtime_ns, ctime_ns, inode, device
Signature = tuple[int, int, int, int, int]


@dataclass(frozen=True, slots=True)
class Record:
    """What the index keeps of one path: its status, its entry, what the entry holds."""

    signature: Signature
    key: str
    count: int  # diagnostics
    best_fix: int  # the highest fix applicability among them, or NO_FIX


def default_folder(settings: Settings) -> Path:
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    return Path(configured) if configured else settings.root / CACHE_DIR


def run_key(rules: Sequence[Rule], settings: Settings) -> str:
    """Everything besides the file that a result depends on, hashed."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (str(FORMAT), __version__, code_fingerprint(), repr(settings)):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(",".join(rule.code for rule in rules).encode())
    return digest.hexdigest()


def code_fingerprint() -> str:
    """Name, size and modification time of every file of posthygiene and its rules."""
    import linter
    import rules

    parts: list[str] = []
    for package in (linter, rules):
        for top in package.__path__:
            for folder, subfolders, names in os.walk(top):
                subfolders[:] = sorted(s for s in subfolders if s != "__pycache__")
                for name in sorted(names):
                    status = os.stat(os.path.join(folder, name))
                    parts.append(f"{folder}/{name}:{status.st_size}:{status.st_mtime_ns}")
    return "\n".join(parts)


def signature(status: os.stat_result) -> Signature | None:
    """The file's status, or None when it changed too recently to be trusted."""
    changed = max(status.st_mtime_ns, status.st_ctime_ns)
    if time.time_ns() - changed < RACY_NANOSECONDS:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)


def best_fix(diagnostics: Sequence[Diagnostic]) -> int:
    return max((int(d.fix.applicability) for d in diagnostics if d.fix), default=NO_FIX)


@dataclass(frozen=True, slots=True)
class Store:
    """The entries of one run key; small, so it goes to worker processes as it is."""

    root: Path
    key: str
    # Worked out once: every post looks up and stores entries below these.
    folder: Path = field(init=False)
    _entries: str = field(init=False, repr=False)
    _outputs: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        folder = self.root / f"v{FORMAT}" / self.key
        object.__setattr__(self, "folder", folder)
        object.__setattr__(self, "_entries", os.path.join(folder, "entries"))
        object.__setattr__(self, "_outputs", os.path.join(folder, "outputs"))

    def entry_key(self, path: str, data: bytes) -> str:
        digest = hashlib.blake2b(self.key.encode(), digest_size=20)
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> str:
        return os.path.join(self._entries, key)

    def load(self, key: str, path: str) -> list[Diagnostic] | None:
        try:
            with open(self._entry(key), "rb") as handle:
                return entries.decode(handle.read(), path)
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            return None

    def save(self, key: str, diagnostics: Sequence[Diagnostic]) -> None:
        """Write one entry atomically; a cache that cannot be written is skipped."""
        self.write(self._entry(key), entries.encode(diagnostics))

    def _output(self, storable: Storable[Any], key: str) -> str:
        return os.path.join(self._outputs, storable.spec, key)

    def load_output(self, storable: Storable[T], key: str) -> tuple[T, int, int] | None:
        """A stored output, with its result's finding count and best fix."""
        try:
            with open(self._output(storable, key), "rb") as handle:
                data = handle.read()
            head, _, body = data.partition(b"\n")
            count, fixes = (int(part) for part in head.split())
            return storable.load(body), count, fixes
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            return None

    def save_output(
        self,
        storable: Storable[T] | None,
        key: str,
        value: T,
        diagnostics: Sequence[Diagnostic],
    ) -> None:
        if storable is None or not diagnostics:  # a clean file's output is made at once
            return
        head = f"{len(diagnostics)} {best_fix(diagnostics)}\n".encode()
        self.write(self._output(storable, key), head + storable.dump(value))

    def write(self, target: str | Path, data: bytes) -> None:
        # One temporary name per process, used again for every entry: a new name for each
        # costs twice as much on ext4 (1,131 entries: 0.11 s against 0.05 s, measured
        # here), and processes never share one (their ids differ).
        parent = os.path.dirname(target)
        temporary = os.path.join(parent, f".{os.getpid()}.tmp")
        try:
            try:
                descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            except FileNotFoundError:
                self._make_folder(Path(parent))
                descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                os.write(descriptor, data)
            finally:
                os.close(descriptor)
            os.replace(temporary, target)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
        except BaseException:  # interrupted: leave no temp file behind
            Path(temporary).unlink(missing_ok=True)
            raise

    def _make_folder(self, folder: Path) -> None:
        """Make the folder; the cache root gets a CACHEDIR.TAG and a .gitignore first."""
        if not (self.root / "CACHEDIR.TAG").exists():
            self.root.mkdir(parents=True, exist_ok=True)
            (self.root / ".gitignore").write_text("# Made by posthygiene.\n*\n", encoding="utf-8")
            (self.root / "CACHEDIR.TAG").write_text(TAG, encoding="utf-8")
        folder.mkdir(parents=True, exist_ok=True)


def _record(status: os.stat_result, key: str, diagnostics: Sequence[Diagnostic]) -> Record | None:
    found = signature(status)
    if found is None:
        return None
    return Record(found, key, len(diagnostics), best_fix(diagnostics))


@runtime_checkable
class Storable(Protocol[T]):
    """A finish step (see linter.parallel) whose output is worth storing too.

    `spec` hashes everything the output depends on besides the file's result (a report
    format and its options, say), so that output can be stored beside the result.
    """

    @property
    def spec(self) -> str: ...

    def __call__(self, result: FileResult) -> T: ...

    def dump(self, value: T) -> bytes: ...

    def load(self, data: bytes) -> T: ...


def _storable(finish: Callable[[FileResult], T], job: Job) -> Storable[T] | None:
    """The finish step, when its output may be stored: checks only (fixing writes files)."""
    if job.mode is Mode.CHECK and _is_storable(finish):
        return cast(Storable[T], finish)
    return None


def _is_storable(finish: Callable[[FileResult], Any]) -> bool:
    """`isinstance(finish, Storable)`, asked once per finish step: a run asks for every post,
    and a runtime protocol check looks up each of the protocol's members every time."""
    try:
        return _storable_kind(finish)
    except TypeError:  # a finish step that cannot be hashed
        return isinstance(finish, Storable)


@lru_cache(maxsize=16)
def _storable_kind(finish: Callable[[FileResult], Any]) -> bool:
    return isinstance(finish, Storable)


def process(
    path: str,
    job: Job,
    store: Store,
    finish: Callable[[FileResult], T],
    earlier: Record | None = None,
) -> tuple[T, Record | None]:
    """`finish(runner.process_file(...))` through the cache; the record is for the index.

    `earlier` is what the index held for the path, though the file's status has changed
    since: when its content has not, a clean file is known clean without any stored entry.
    """
    try:
        data, status = read_bytes(path, max_bytes=job.settings.max_file_size)
    except SourceError as exc:
        return finish(FileResult(path, error=str(exc))), None
    key = store.entry_key(path, data)
    if earlier is not None and earlier.key == key and earlier.count == 0:
        return finish(FileResult(path)), _record(status, key, ())
    storable = _storable(finish, job)
    if storable is not None:
        stored = store.load_output(storable, key)
        if stored is not None:
            value, count, fixes = stored
            found = signature(status)
            return value, None if found is None else Record(found, key, count, fixes)
    cached = store.load(key, path)
    if cached is not None and (job.mode is Mode.CHECK or best_fix(cached) < job.wanted):
        value = finish(FileResult(path, cached))
        store.save_output(storable, key, value, cached)
        return value, _record(status, key, cached)
    try:
        source = decode(path, data)
    except SourceError as exc:
        return finish(FileResult(path, error=str(exc))), None
    result = process_source(source, job)
    if result.error is not None:
        return finish(result), None
    if not result.applied:  # the diagnostics are those of this very text
        value = finish(result)
        _keep(store, storable, key, value, result.diagnostics)
        return value, _record(status, key, result.diagnostics)
    if result.written and result.fixed_text is not None:
        fixed = source.encoded(result.fixed_text)
        _keep(store, None, store.entry_key(path, fixed), None, result.diagnostics)
    return finish(result), None


def _keep(
    store: Store,
    storable: Storable[T] | None,
    key: str,
    value: T,
    diagnostics: Sequence[Diagnostic],
) -> None:
    """Store a result: nothing for a clean file (the index knows), else its output or entry.

    A check run whose output is stored keeps only that: creating files is the slowest
    part of filling a cache, and a run in another format just checks those posts again.
    """
    if not diagnostics:
        return
    if storable is not None:
        store.save_output(storable, key, value, diagnostics)
    else:
        store.save(key, diagnostics)


class Cache:
    """The index and the store of one run key, used by the process that runs the check."""

    def __init__(self, root: Path, key: str) -> None:
        self.store = Store(root, key)
        self.index = self._read_index()
        self.updates: dict[str, Record] = {}

    @property
    def _index_file(self) -> Path:
        return self.store.folder / "index.json"

    def _read_index(self) -> dict[str, Record]:
        try:
            with open(self._index_file, "rb") as handle:
                raw = json.loads(handle.read())
            return {
                path: Record(tuple(value[0]), value[1], value[2], value[3])
                for path, value in raw.items()
            }
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return {}

    def known(self, path: str, job: Job) -> Record | None:
        """The record of an unchanged file whose stored result the job can use as it is."""
        record = self.index.get(path)
        if record is None or (job.mode is not Mode.CHECK and record.best_fix >= job.wanted):
            return None
        try:
            status = os.stat(path)
        except OSError:
            return None
        return record if signature(status) == record.signature else None

    def output(
        self, path: str, record: Record, job: Job, finish: Callable[[FileResult], T]
    ) -> T | None:
        """`finish` of the stored result of an unchanged file; None when it is gone."""
        if record.count == 0:
            return finish(FileResult(path))
        storable = _storable(finish, job)
        if storable is not None:
            stored = self.store.load_output(storable, record.key)
            if stored is not None:
                return stored[0]
        diagnostics = self.store.load(record.key, path)
        if diagnostics is None:
            return None
        value = finish(FileResult(path, diagnostics))
        self.store.save_output(storable, record.key, value, diagnostics)
        return value

    def remember(self, path: str, record: Record | None) -> None:
        if record is not None and self.index.get(path) != record:
            self.updates[path] = record

    def save(self) -> None:
        """Merge this run's records into the index on disk (atomically; best effort)."""
        if not self.updates:
            return
        merged = {**self._read_index(), **self.updates}
        raw = {path: [list(r.signature), r.key, r.count, r.best_fix] for path, r in merged.items()}
        self.store.write(self._index_file, json.dumps(raw).encode("utf-8"))


def clean(folder: Path) -> bool:
    """Remove a cache folder (only one that posthygiene made); whether there was one."""
    try:
        if (folder / "CACHEDIR.TAG").read_text(encoding="utf-8") != TAG:
            return False
    except (OSError, UnicodeDecodeError):
        return False
    try:
        shutil.rmtree(folder)
    except OSError as exc:
        raise SourceError(str(folder), f"cannot remove ({exc.strerror or exc})") from exc
    return True
