"""Baselines: record today's findings by fingerprint, then report only new ones.

The file is JSON, sorted for stable diffs, without line numbers (so it only changes when
findings do): `{"version": 1, "fingerprint": "posthygiene/v1", "findings": [...]}`.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import IO

from linter.errors import ConfigError, SourceError
from linter.fingerprint import VERSION
from linter.model import Diagnostic
from linter.paths import relative_path
from linter.source import replace_file

FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Filtered:
    diagnostics: list[Diagnostic]
    fingerprints: list[str]
    hidden: int


# The file as `json.dumps(document, indent=2, ensure_ascii=False)` spells it, written in
# pieces: a run adds each file's entries as they come, without holding them all.
_HEAD = '{\n  "version": %d,\n  "fingerprint": %s,\n  "findings": ['
_ENTRY = (
    '    {\n      "path": %s,\n      "code": %s,\n      "fingerprint": %s,\n'
    '      "message": %s\n    }'
)
_json = partial(json.dumps, ensure_ascii=False)


def entries(diagnostics: Sequence[Diagnostic], prints: Sequence[str], root: Path) -> str:
    """One file's findings as the baseline lists them (by code, then fingerprint)."""
    rows = sorted(
        (
            (relative_path(d.path, root), d.code, fingerprint, d.message)
            for d, fingerprint in zip(diagnostics, prints, strict=True)
        ),
        key=itemgetter(0, 1, 2),
    )
    return ",\n".join(_ENTRY % tuple(map(_json, row)) for row in rows)


class BaselineWriter:
    """A baseline built file by file: each file's entries wait in a temporary file, and
    `write` puts them in path order, then replaces the baseline at once."""

    def __init__(self) -> None:
        self._spool: IO[bytes] | None = None
        self._size = 0
        self._index: list[tuple[str, int, int]] = []  # path, offset in the spool, length

    def add(self, path: str, text: str) -> None:
        """`text`: the `entries` of the file at `path` (relative, as the entries spell it)."""
        if not text:
            return
        data = text.encode("utf-8")
        try:
            if self._spool is None:
                self._spool = _new_spool()
            self._spool.write(data)
        except OSError as exc:
            raise _spool_error(exc) from exc
        self._index.append((path, self._size, len(data)))
        self._size += len(data)

    def write(self, path: Path) -> None:
        """Replace the baseline at `path` (keeping its mode, and a symlink's target as the
        file written) or create it."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            target = Path(os.path.realpath(path))
            try:
                mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
            except FileNotFoundError:
                mode = None
            replace_file(target, self._pieces(), mode)
        except OSError as exc:
            raise SourceError(str(path), f"cannot write baseline ({exc.strerror or exc})") from exc
        finally:
            self.close()

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    def _pieces(self) -> Iterator[bytes]:
        head = _HEAD % (FORMAT_VERSION, _json(VERSION))
        if not self._index:
            yield (head + "]\n}\n").encode()
            return
        yield (head + "\n").encode()
        spool = self._spool
        assert spool is not None
        # Stable: files of one path (named twice) keep the order they were checked in.
        for number, (_, offset, length) in enumerate(sorted(self._index, key=itemgetter(0))):
            if number:
                yield b",\n"
            try:
                spool.seek(offset)
                yield spool.read(length)
            except OSError as exc:
                raise _spool_error(exc) from exc
        yield b"\n  ]\n}\n"


def _new_spool() -> IO[bytes]:
    return tempfile.TemporaryFile()


def _spool_error(exc: OSError) -> SourceError:
    return SourceError("the baseline's temporary file", f"cannot write ({exc.strerror or exc})")


def write_baseline(path: Path, fingerprinted: Sequence[tuple[Diagnostic, str]], root: Path) -> None:
    """Write the baseline of a run's findings (all in hand) at once."""
    writer = BaselineWriter()
    by_file: dict[str, list[tuple[Diagnostic, str]]] = {}
    for diagnostic, fingerprint in fingerprinted:
        by_file.setdefault(relative_path(diagnostic.path, root), []).append(
            (diagnostic, fingerprint)
        )
    for relative, found in by_file.items():
        diagnostics = [d for d, _ in found]
        writer.add(relative, entries(diagnostics, [f for _, f in found], root))
    writer.write(path)


def read_baseline(path: Path) -> frozenset[str]:
    """The fingerprints recorded in a baseline file."""
    try:
        with path.open("rb") as file:
            streamed = _read_streamed(file)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    return streamed if streamed is not None else _read_whole(path)


# A baseline as `_HEAD` opens it, up to the `[` of its findings (JSON white space only).
_OPENING = re.compile(
    r'[ \t\n\r]*\{[ \t\n\r]*"version"[ \t\n\r]*:[ \t\n\r]*(0|[1-9][0-9]*)[ \t\n\r]*,'
    r'[ \t\n\r]*"fingerprint"[ \t\n\r]*:[ \t\n\r]*("[^"\\]*")[ \t\n\r]*,'
    r'[ \t\n\r]*"findings"[ \t\n\r]*:[ \t\n\r]*\['
)
_OPENING_MAX = 4096  # characters read, at most, to find it
_PIECE = 1 << 20  # bytes read at a time
_PENDING_MAX = 16 << 20  # characters without an end of entries: not a layout of ours


def _read_streamed(file: IO[bytes]) -> frozenset[str] | None:
    """The fingerprints of a baseline laid out as posthygiene writes it, read a piece at a
    time: its findings are parsed a run of whole entries at a time, so the file is never
    held whole. None for any other layout and for any error: `_read_whole` then reads the
    file again, and says what is wrong with it.

    A run of entries ends at the last `},` of a piece (one entry's end, and the comma
    before the next). Where that `}` ends a nested value or lies in a string, the run does
    not parse, and it goes on to the next piece.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    found: list[str] = []
    try:
        text = ""
        while (opening := _OPENING.match(text)) is None and len(text) < _OPENING_MAX:
            piece = file.read(_PIECE)
            if not piece:
                break
            text += decoder.decode(piece)
        if (
            opening is None
            or int(opening[1]) != FORMAT_VERSION
            or json.loads(opening[2]) != VERSION
        ):
            return None
        pending = text[opening.end() :]
        after_comma = False
        while piece := file.read(_PIECE):
            added = decoder.decode(piece)
            pending += added
            cut = pending.rfind("},", len(pending) - len(added) - 1) + 1
            entries = _whole_entries(pending, cut)
            if entries is None:
                if len(pending) > _PENDING_MAX:
                    return None
                continue
            _add_fingerprints(found, entries)
            pending = pending[cut + 1 :]
            after_comma = True
        rest = "[" + pending + decoder.decode(b"", final=True)
        entries, end = json.JSONDecoder().raw_decode(rest)  # up to the findings' `]`
        # A comma before `]`, or more after the findings: read the whole document.
        if (after_comma and not entries) or rest[end:].strip(" \t\n\r") != "}":
            return None
        _add_fingerprints(found, entries)
    except ValueError:  # undecodable or not JSON (UnicodeDecodeError is a ValueError too)
        return None
    return frozenset(found)


def _whole_entries(text: str, cut: int) -> list[object] | None:
    """The entries of `text[:cut]` when it is a run of whole ones; None when that `}` was
    not an entry's end (or `cut` is 0: no `},` was found)."""
    if not cut:
        return None
    try:
        entries: list[object] = json.loads("[" + text[:cut] + "]")
    except ValueError:
        return None
    return entries


def _add_fingerprints(found: list[str], entries: list[object]) -> None:
    for entry in entries:
        if isinstance(entry, dict):
            fingerprint = entry.get("fingerprint")
            if isinstance(fingerprint, str):
                found.append(fingerprint)


def _read_whole(path: Path) -> frozenset[str]:
    """The fingerprints of a baseline of any layout, read whole; or why it is no baseline."""
    try:
        document = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not a posthygiene baseline (invalid JSON: {exc})") from exc
    if (
        not isinstance(document, dict)
        or document.get("version") != FORMAT_VERSION
        or document.get("fingerprint") != VERSION
        or not isinstance(document.get("findings"), list)
    ):
        raise ConfigError(
            f"{path}: not a posthygiene baseline of version {FORMAT_VERSION} "
            "(write a new one with --write-baseline)"
        )
    found: list[str] = []
    _add_fingerprints(found, document["findings"])
    return frozenset(found)


def _unreadable(path: Path, exc: OSError) -> ConfigError:
    return ConfigError(f"{path}: cannot read baseline ({exc.strerror or exc})")


def without_known(
    diagnostics: Sequence[Diagnostic], fingerprints: Sequence[str], known: frozenset[str]
) -> Filtered:
    kept = [(d, f) for d, f in zip(diagnostics, fingerprints, strict=True) if f not in known]
    return Filtered([d for d, _ in kept], [f for _, f in kept], len(diagnostics) - len(kept))
