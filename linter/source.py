"""Reading and writing posts byte-exactly, and mapping offsets to lines and columns."""

from __future__ import annotations

import bisect
import itertools
import operator
import os
import re
import secrets
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from linter.errors import SourceError

BOM = "\ufeff"
MAX_BYTES = 32 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_LINE_BREAK = re.compile(r"\r\n?|\n")


@dataclass(slots=True)
class Source:
    """A decoded post. `text` has no BOM; `bom` remembers whether the file had one."""

    path: str
    text: str
    bom: bool = False
    markdown: bool = False
    _line_starts: list[int] | None = field(default=None, repr=False)
    _lines: dict[int, str] = field(default_factory=dict, repr=False)

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            text = self.text
            if "\r" in text:
                self._line_starts = [0, *[m.end() for m in _LINE_BREAK.finditer(text)]]
            else:  # the same, at C speed: each line's length plus its "\n", summed up
                lengths = map(len, text.split("\n")[:-1])
                self._line_starts = [
                    0,
                    *map(operator.add, itertools.accumulate(lengths), itertools.count(1)),
                ]
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a text offset."""
        starts = self.line_starts
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def line_text(self, line: int) -> str:
        """The line without its break; one string per line, shared by its findings."""
        found = self._lines.get(line)
        if found is None:
            starts = self.line_starts
            start = starts[line - 1]
            end = starts[line] if line < len(starts) else len(self.text)
            found = self._lines[line] = self.text[start:end].rstrip("\r\n")
        return found

    def with_text(self, text: str) -> Source:
        return Source(self.path, text, self.bom, self.markdown)

    def encoded(self, text: str | None = None) -> bytes:
        body = (self.text if text is None else text).encode("utf-8")
        return BOM.encode("utf-8") + body if self.bom else body


def is_markdown(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in MARKDOWN_SUFFIXES


def decode(path: str, data: bytes, *, markdown: bool | None = None) -> Source:
    """Decode UTF-8 (with or without BOM) or raise SourceError naming the reason."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(path, "UTF-16 encoded (byte order mark); posthygiene reads UTF-8 only")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise SourceError(path, f"binary file (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise SourceError(path, f"not valid UTF-8 (byte 0x{bad} at offset {exc.start})") from exc
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    return Source(path, text, bom, is_markdown(path) if markdown is None else markdown)


def read_source(path: str, *, max_bytes: int = MAX_BYTES) -> Source:
    return decode(path, read_bytes(path, max_bytes=max_bytes)[0])


def read_bytes(path: str, *, max_bytes: int = MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """The file's bytes and its status (taken before reading), or a SourceError."""
    try:
        status = os.stat(path)
        if status.st_size > max_bytes:
            raise SourceError(
                path, f"file too large ({status.st_size:,} bytes; the limit is {max_bytes:,} bytes)"
            )
        with open(path, "rb") as handle:
            # Ask for the size the file has: asking for max_bytes allocates that much first.
            data = handle.read(min(status.st_size, max_bytes) + 1)
            if len(data) > status.st_size:  # it grew since: read on, up to the limit
                data += handle.read(max_bytes + 1 - len(data))
    except SourceError:
        raise
    except IsADirectoryError as exc:
        raise SourceError(path, "is a directory") from exc
    except FileNotFoundError as exc:
        raise SourceError(path, "no such file") from exc
    except PermissionError as exc:
        raise SourceError(path, "permission denied") from exc
    except OSError as exc:
        raise SourceError(path, f"cannot read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise SourceError(path, f"file too large (over {max_bytes:,} bytes)")
    return data, status


def write_atomic(path: str, data: bytes, *, expected: bytes | None = None) -> None:
    """Replace `path` with `data`: temp file in the same folder, fsync, rename; keep the mode.

    With `expected`, a file whose bytes are no longer those (someone saved it, or another
    run fixed it, since it was read) is left alone. A post reached through a symlink is
    written where the link points, and the link stays.
    """
    target = Path(os.path.realpath(path))
    try:
        if expected is not None and target.read_bytes() != expected:
            raise SourceError(path, "changed on disk while being fixed; not written")
        mode = stat.S_IMODE(os.stat(target).st_mode)
        # The rename below needs only the folder to be writable, so the file's own
        # permission is checked here, as the system grants it to this user (like any
        # editor: root may write a file without write bits; the mode is kept).
        if not os.access(target, os.W_OK):
            raise SourceError(path, "file is read-only; not written")
    except SourceError:
        raise
    except OSError as exc:
        raise SourceError(path, f"cannot write ({exc.strerror or exc})") from exc
    try:
        replace_file(target, [data], mode)
    except OSError as exc:
        raise SourceError(path, f"cannot write ({exc.strerror or exc})") from exc


def replace_file(target: Path, chunks: Iterable[bytes], mode: int | None = None) -> None:
    """Write `chunks` to a temp file beside `target`, fsync it and rename it over `target`:
    an interruption or a failed write leaves the old file (or none), never part of one.

    `mode` is given to the new file; without it, a new file gets the usual one (0o666 less
    the umask). Raises OSError, having removed the temp file when it was ours.
    """
    # The temp file's name is chosen before it exists, so an interrupt that arrives as
    # soon as it is created (signals surface right after slow system calls) still knows
    # what to remove.
    temp = target.parent / f".{target.name}.{secrets.token_hex(8)}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if mode is None else 0o600)
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
    except FileExistsError:  # another run's temp file: not ours to remove
        raise
    except BaseException:  # a failed write or an interrupt: the temp file goes
        temp.unlink(missing_ok=True)
        raise
