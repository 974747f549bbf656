"""Running a job over many files, in the files' order: in this process or in worker processes.

Workers start once per run. They get the job once, as rule codes and settings, and import
the rules once (a forked worker inherits them, a spawned one imports them on start). Files
go to them in chunks and results come back in the order of the paths, so the output never
depends on which worker was faster. A few files are checked in this process: starting
workers would cost more than it saves.
"""

from __future__ import annotations

import gc
import itertools
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from linter.cache import Cache, Record, Storable, Store, process
from linter.config import Settings
from linter.model import Applicability
from linter.registry import all_rules
from linter.runner import FileResult, Job, Mode, process_file

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

T = TypeVar("T")

# Below this many files per worker, starting the worker costs more than it saves.
MIN_FILES_PER_WORKER = 32
MAX_CHUNK = 16
CHUNKS_AHEAD = 4
# Paths read per job before deciding how many workers to start and how big a chunk to
# send: enough that any longer run decides the same, few enough to start checking at once.
LOOKAHEAD_PER_JOB = max(MIN_FILES_PER_WORKER, 8 * MAX_CHUNK)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def relax_garbage_collection() -> None:
    """Collect garbage less often: a run allocates many short-lived objects and no cycles.

    Tokens hold no reference cycles, so documents are freed as soon as they are dropped;
    the collector only has to run now and then (mypy does the same). What was imported
    before the run is moved out of its sight for good.
    """
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def worker_count(jobs: int, files: int) -> int:
    return max(1, min(jobs, files // MIN_FILES_PER_WORKER))


def keep(result: FileResult) -> FileResult:
    """The default last step of a file's work: its result as it is."""
    return result


Finish = Callable[[FileResult], T]


@dataclass(frozen=True, slots=True)
class JobSpec(Generic[T]):
    """A Job as workers receive it: rule codes instead of rule objects."""

    codes: tuple[str, ...]
    settings: Settings
    mode: Mode
    wanted: Applicability
    store: Store | None
    finish: Finish[T]

    def job(self) -> Job:
        rules = all_rules()
        return Job([rules[code] for code in self.codes], self.settings, self.mode, self.wanted)


def _spec(job: Job, store: Store | None, finish: Finish[T]) -> JobSpec[T] | None:
    """The job's description, or None when it holds a rule workers could not look up."""
    registered = all_rules()
    if any(registered.get(rule.code) is not rule for rule in job.rules):
        return None
    codes = tuple(rule.code for rule in job.rules)
    return JobSpec(codes, job.settings, job.mode, job.wanted, store, finish)


_WORKER: tuple[Job, JobSpec[Any]] | None = None


def _start_worker(spec: JobSpec[Any]) -> None:
    global _WORKER
    # Ctrl-C stops the parent, which ends the workers; they print nothing of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    relax_garbage_collection()
    _WORKER = (spec.job(), spec)


def _process_one(
    path: str, job: Job, store: Store | None, finish: Finish[T], earlier: Record | None = None
) -> tuple[T, Record | None]:
    if store is None:
        return finish(process_file(path, job)), None
    return process(path, job, store, finish, earlier)


def _without_text(finish: Finish[T]) -> Finish[T]:
    def finish_in_worker(result: FileResult) -> T:
        result.fixed_text = None  # written (or diffed) by the worker; not sent back
        return finish(result)

    return finish_in_worker


def _process(paths: list[tuple[str, Record | None]]) -> list[tuple[Any, Record | None]]:
    assert _WORKER is not None, "worker started without a job"
    job, spec = _WORKER
    finish = spec.finish if isinstance(spec.finish, Storable) else _without_text(spec.finish)
    return [_process_one(path, job, spec.store, finish, earlier) for path, earlier in paths]


def _context() -> BaseContext:
    import multiprocessing  # only runs with workers pay for the import

    # Forking is cheapest and the children inherit the imported rules; elsewhere spawn.
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _run(
    paths: Iterable[str],
    earlier: Mapping[str, Record],
    job: Job,
    jobs: int,
    store: Store | None,
    finish: Finish[T],
) -> Generator[tuple[T, Record | None], None, None]:
    """Each path, with what the index held for it, through `_process_one`, in order.

    The paths are read as they are needed, a few chunks ahead of the results.
    """
    remaining = iter(paths)
    head = list(itertools.islice(remaining, jobs * LOOKAHEAD_PER_JOB)) if jobs > 1 else []
    workers = worker_count(jobs, len(head))
    spec = _spec(job, store, finish) if workers > 1 else None
    if spec is None:
        for path in itertools.chain(head, remaining):
            yield _process_one(path, job, store, finish, earlier.get(path))
        return
    size = max(1, min(MAX_CHUNK, len(head) // (workers * 8)))
    chunks = (
        [(path, earlier.get(path)) for path in chunk]
        for chunk in _batches(itertools.chain(head, remaining), size)
    )
    from concurrent.futures import ProcessPoolExecutor  # only runs with workers import it

    executor = ProcessPoolExecutor(
        workers, mp_context=_context(), initializer=_start_worker, initargs=(spec,)
    )
    pool = _Pool(executor, job, store, finish)
    try:
        # A few chunks ahead per worker, never all: results wait in memory only until
        # this process has taken them, however slowly it reports.
        pending: deque[tuple[Sequence[tuple[str, Record | None]], Future[Any] | None]] = deque()
        for chunk in chunks:
            pending.append((chunk, pool.submit(chunk)))
            while pending and (len(pending) >= workers * CHUNKS_AHEAD or pool.broken):
                yield from pool.take(*pending.popleft())
        while pending:
            yield from pool.take(*pending.popleft())
    finally:
        # Workers ignore Ctrl-C and finish the chunk they are on: no half-written post.
        executor.shutdown(wait=True, cancel_futures=True)


def _batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    remaining = iter(items)
    while batch := list(itertools.islice(remaining, size)):
        yield batch


class _Pool(Generic[T]):
    """Chunks to the workers; if a worker dies, the rest are checked in this process."""

    def __init__(
        self, executor: ProcessPoolExecutor, job: Job, store: Store | None, finish: Finish[T]
    ) -> None:
        self.executor = executor
        self.job = job
        self.store = store
        self.finish = finish
        self.broken = False

    def submit(self, chunk: Sequence[tuple[str, Record | None]]) -> Future[Any] | None:
        from concurrent.futures.process import BrokenProcessPool

        if self.broken:
            return None
        try:
            return self.executor.submit(_process, list(chunk))
        except BrokenProcessPool:
            self._lost()
            return None

    def take(
        self, chunk: Sequence[tuple[str, Record | None]], future: Future[Any] | None
    ) -> list[tuple[T, Record | None]]:
        from concurrent.futures.process import BrokenProcessPool

        if future is not None:
            try:
                done: list[tuple[T, Record | None]] = future.result()
                return done
            except BrokenProcessPool:
                self._lost()
        return [_process_one(path, self.job, self.store, self.finish, e) for path, e in chunk]

    def _lost(self) -> None:
        if not self.broken:
            self.broken = True
            print(
                "posthygiene: warning: a worker process stopped unexpectedly; "
                "checking the remaining files in this process",
                file=sys.stderr,
            )


@overload
def run_files(
    paths: Iterable[str], job: Job, jobs: int = ..., cache: Cache | None = ...
) -> Iterator[FileResult]: ...


@overload
def run_files(
    paths: Iterable[str], job: Job, jobs: int, cache: Cache | None, finish: Finish[T]
) -> Iterator[T]: ...


def run_files(
    paths: Iterable[str],
    job: Job,
    jobs: int = 1,
    cache: Cache | None = None,
    finish: Finish[Any] = keep,
) -> Iterator[Any]:
    """One result per path, in the order of `paths`, computed by up to `jobs` processes.

    The paths are read as they are needed (a lazy discovery's walk keeps pace with the
    checking), and results are given as they come, so memory does not grow with the run.

    `finish` is the last step of each file's work, done where the file was checked (so in
    the workers): it turns the FileResult into what the caller wants, such as the file's
    part of the report. It must be picklable where workers are spawned.

    With a cache, files whose status has not changed since their result was stored are
    not even read; the others go to the workers, which look their contents up.
    """
    relax_garbage_collection()
    if cache is None:
        for result, _ in _run(paths, {}, job, jobs, None, finish):
            yield result
        return
    yield from _run_cached(iter(paths), job, jobs, cache, finish)


def _run_cached(
    paths: Iterator[str], job: Job, jobs: int, cache: Cache, finish: Finish[T]
) -> Iterator[T]:
    # Every path read so far and not yet given out, with its record if it is unchanged;
    # the changed ones also wait in `changed` until the workers take them.
    read: deque[tuple[str, Record | None]] = deque()
    changed: deque[str] = deque()

    def read_one() -> bool:
        path = next(paths, None)
        if path is None:
            return False
        record = cache.known(path, job)
        read.append((path, record))
        if record is None:
            changed.append(path)
        return True

    def to_check() -> Iterator[str]:
        while changed or read_one():
            if changed:
                yield changed.popleft()

    misses = _run(to_check(), cache.index, job, jobs, cache.store, finish)
    try:
        while read or read_one():
            path, record = read.popleft()
            if record is None:
                found, record = next(misses)
            else:
                found, record = _stored(path, record, job, cache, finish)
            cache.remember(path, record)
            yield found
    finally:
        misses.close()
        cache.save()


def _stored(
    path: str, record: Record, job: Job, cache: Cache, finish: Finish[T]
) -> tuple[T, Record | None]:
    """The stored result of an unchanged file, or (its entry gone or unreadable) a new one."""
    found = cache.output(path, record, job, finish)
    if found is None:
        return process(path, job, cache.store, finish)
    return found, record
