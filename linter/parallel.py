"""Running a job over many files, in the files' order: in this process or in worker processes.

Workers start once per run. They get the job once, as rule codes and settings, and import
the rules once (a forked worker inherits them, a spawned one imports them on start). Files
go to them in chunks and results come back in the order of the paths, so the output never
depends on which worker was faster. A few files are checked in this process: starting
workers would cost more than it saves.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from linter.config import Settings
from linter.model import Applicability
from linter.registry import all_rules
from linter.runner import FileResult, Job, Mode, process_file

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Below this many files per worker, starting the worker costs more than it saves.
MIN_FILES_PER_WORKER = 16
MAX_CHUNK = 16


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_count(jobs: int, files: int) -> int:
    return max(1, min(jobs, files // MIN_FILES_PER_WORKER))


@dataclass(frozen=True, slots=True)
class JobSpec:
    """A Job as workers receive it: rule codes instead of rule objects."""

    codes: tuple[str, ...]
    settings: Settings
    mode: Mode
    wanted: Applicability

    def job(self) -> Job:
        rules = all_rules()
        return Job([rules[code] for code in self.codes], self.settings, self.mode, self.wanted)


def _spec(job: Job) -> JobSpec | None:
    """The job's description, or None when it holds a rule workers could not look up."""
    registered = all_rules()
    if any(registered.get(rule.code) is not rule for rule in job.rules):
        return None
    codes = tuple(rule.code for rule in job.rules)
    return JobSpec(codes, job.settings, job.mode, job.wanted)


_JOB: Job | None = None


def _start_worker(spec: JobSpec) -> None:
    global _JOB
    # Ctrl-C stops the parent, which ends the workers; they print nothing of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _JOB = spec.job()


def _process(path: str) -> FileResult:
    assert _JOB is not None, "worker started without a job"
    result = process_file(path, _JOB)
    result.fixed_text = None  # written (or diffed) by the worker; not sent back
    return result


def _context() -> BaseContext:
    import multiprocessing  # only runs with workers pay for the import

    # Forking is cheapest and the children inherit the imported rules; elsewhere spawn.
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def run_files(paths: Sequence[str], job: Job, jobs: int = 1) -> Iterator[FileResult]:
    """One result per path, in the order of `paths`, computed by up to `jobs` processes."""
    workers = worker_count(jobs, len(paths))
    spec = _spec(job) if workers > 1 else None
    if spec is None:
        for path in paths:
            yield process_file(path, job)
        return
    chunk = max(1, min(MAX_CHUNK, len(paths) // (workers * 8)))
    with _context().Pool(workers, initializer=_start_worker, initargs=(spec,)) as pool:
        yield from pool.imap(_process, paths, chunksize=chunk)
