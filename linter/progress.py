"""A progress bar on stderr for long runs, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

# Fewer files than this finish before a bar would help.
MIN_FILES = 20


@contextmanager
def progress(count: Callable[[], int], *, quiet: bool = False) -> Iterator[Callable[[], None]]:
    """Yield a function to call once per finished file.

    `count` gives the number of files; it is called only when a bar could be shown, since
    counting may take a walk over every folder of the run (see cli.each_result).
    """
    if quiet or not sys.stderr.isatty():
        yield lambda: None
        return
    total = count()
    if total < MIN_FILES:
        yield lambda: None
        return
    with click.progressbar(length=total, label="Checking", file=sys.stderr, width=30) as bar:
        yield lambda: bar.update(1)
