"""Other linters measured on the same files, when they are installed (skipped otherwise)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass

# Keep each command line well under the usual 2 MiB limit; longer lists run in batches.
ARGUMENT_BYTES = 512 * 1024


@dataclass(frozen=True, slots=True)
class Peer:
    name: str
    executable: str
    arguments: tuple[str, ...]

    def commands(self, binary: str, files: Sequence[str]) -> list[list[str]]:
        """One or more command lines that together lint every file."""
        batches: list[list[str]] = []
        batch: list[str] = []
        size = 0
        for path in files:
            if batch and size + len(path) + 1 > ARGUMENT_BYTES:
                batches.append(batch)
                batch, size = [], 0
            batch.append(path)
            size += len(path) + 1
        if batch:
            batches.append(batch)
        return [[binary, *self.arguments, *chunk] for chunk in batches]


PEERS = (
    Peer("djlint --lint", "djlint", ("--lint",)),
    Peer("htmlhint", "htmlhint", ("--nocolor",)),
    Peer("html-validate", "html-validate", ()),
)


def find_peers(extra_path: Sequence[str] = ()) -> list[tuple[Peer, str]]:
    """Installed peers and their executables; `extra_path` is searched before PATH."""
    search = os.pathsep.join([*extra_path, os.environ.get("PATH", "")])
    found: list[tuple[Peer, str]] = []
    for peer in PEERS:
        binary = shutil.which(peer.executable, path=search)
        if binary is not None:
            found.append((peer, binary))
    return found
