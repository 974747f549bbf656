from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.errors import SourceError
from linter.source import Source, decode, read_source, write_atomic


@pytest.mark.parametrize(
    ("text", "offset", "position"),
    [
        pytest.param("ab\ncd", 4, (2, 2), id="lf"),
        pytest.param("ab\r\ncd", 5, (2, 2), id="crlf"),
        pytest.param("ab\rcd", 4, (2, 2), id="lone-cr"),
        pytest.param("蚂蚁集团<a>", 4, (1, 5), id="cjk-counts-code-points"),
        pytest.param("a\n\nb", 3, (3, 1), id="blank-line"),
    ],
)
def test_positions(text: str, offset: int, position: tuple[int, int]) -> None:
    assert Source("p", text).position(offset) == position


def test_line_text_drops_the_line_break() -> None:
    source = Source("p", "one\r\ntwo\rthree\n")
    assert [source.line_text(n) for n in (1, 2, 3)] == ["one", "two", "three"]


def test_bom_is_kept_apart_and_written_back() -> None:
    source = decode("p.md", "\ufeff<p>x</p>".encode())
    assert source.bom
    assert source.text == "<p>x</p>"
    assert source.encoded("<p>y</p>") == b"\xef\xbb\xbf<p>y</p>"
    assert source.markdown


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"ok \xff\xfe bad", "not valid UTF-8 (byte 0xff at offset 3)", id="latin1"),
        pytest.param(b"\xff\xfe<\x00p\x00", "UTF-16", id="utf16"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (NUL byte at offset 8)", id="png"),
    ],
)
def test_undecodable_input_names_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(SourceError, match=r"post\.html: .*") as caught:
        decode("post.html", data)
    assert reason in str(caught.value)


def test_read_errors_are_source_errors(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        read_source(str(tmp_path / "missing.md"))
    with pytest.raises(SourceError, match="is a directory"):
        read_source(str(tmp_path))
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 101)
    with pytest.raises(SourceError, match="too large"):
        read_source(str(big), max_bytes=100)


def test_write_atomic_keeps_the_mode_and_leaves_no_temp_file(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_bytes(b"old")
    os.chmod(post, 0o640)
    write_atomic(str(post), b"new")
    assert post.read_bytes() == b"new"
    assert stat.S_IMODE(post.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_fixing_a_post_behind_a_symlink_writes_the_post_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    real = tmp_path / "shared" / "post.html"
    real.parent.mkdir()
    real.write_text("<p><span style>x</span></p>\n", encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "post.html"
    link.symlink_to(real)
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "--fix", str(link)])
    assert result.exit_code == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "<p>x</p>\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["post.html"]  # no temp file left
