"""Running one command: wall time, exit code, and peak memory of its whole process tree.

CPU time (user + system, the children's included) shows how much of the wall time the
command really worked: on a machine shared with other jobs the two part ways.

Peak memory is measured twice. `peak_mb` is the largest resident set of any single process
(from the kernel, `ru_maxrss` of the waited-for child and its descendants). `tree_mb` is the
largest sum over the process tree, sampled every few milliseconds from /proc (proportional
set size, so pages that forked workers share with their parent count once); it is 0 where
/proc is missing.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.005


@dataclass(frozen=True, slots=True)
class Sample:
    seconds: float
    returncode: int
    peak_mb: float
    tree_mb: float
    cpu_seconds: float = 0.0  # user + system time of the process and its children


def run_once(
    command: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Sample:
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    sampler = TreeSampler(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(seconds, process.returncode, _maxrss_mb(usage), sampler.peak_kb / 1024, cpu)


def _maxrss_mb(usage: resource.struct_rusage) -> float:
    # Linux reports kilobytes, macOS bytes.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return usage.ru_maxrss / scale


class TreeSampler(threading.Thread):
    """Samples the summed memory of a process and its descendants until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self._done = threading.Event()
        self.enabled = Path(f"/proc/{pid}").exists()

    def run(self) -> None:
        while self.enabled and not self._done.is_set():
            self.peak_kb = max(self.peak_kb, sum(_memory_kb(p) for p in _tree(self.pid)))
            self._done.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._done.set()
        if self.is_alive():
            self.join()


def _tree(pid: int) -> list[int]:
    found = [pid]
    index = 0
    while index < len(found):
        found.extend(_children(found[index]))
        index += 1
    return found


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    children: list[int] = []
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                children.extend(int(part) for part in handle.read().split())
        except OSError:
            continue
    return children


def _memory_kb(pid: int) -> int:
    """Proportional set size (or, without smaps_rollup, the resident set) in kilobytes."""
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}") as handle:
                for line in handle:
                    if line.startswith(key):
                        return int(line.split()[1])
        except (OSError, ValueError):
            continue
    return 0
