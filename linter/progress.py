"""A progress bar on stderr for long runs, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

# Fewer files than this finish before a bar would help.
MIN_FILES = 20


def wanted(total: int, *, quiet: bool = False) -> bool:
    return not quiet and total >= MIN_FILES and sys.stderr.isatty()


@contextmanager
def progress(total: int, *, quiet: bool = False) -> Iterator[Callable[[], None]]:
    """Yield a function to call once per finished file."""
    if not wanted(total, quiet=quiet):
        yield lambda: None
        return
    with click.progressbar(length=total, label="Checking", file=sys.stderr, width=30) as bar:
        yield lambda: bar.update(1)
