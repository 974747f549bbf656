"""Hostile input through the command line: a clear one-line error or a normal result.

Never a traceback, never a partly written file. Each row of issue 6's matrix is a test.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import linter.cli
import linter.source
from linter.cli import main
from linter.discovery import Discovered

ROOT = Path(__file__).resolve().parent.parent
FIXABLE = "<p><span style>Text</span> and <b class=''>bold</b></p>\n"
FIXED = "<p>Text and <b>bold</b></p>\n"


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [*map(str, args), "--isolated"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def errors(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("posthygiene: error:")]


def one_error(result: Result, path: Path, reason: str) -> None:
    assert result.exit_code == 2, result.output
    assert errors(result) == [f"posthygiene: error: {path}: {reason}"]


def no_temp_files(folder: Path) -> None:
    assert [p.name for p in folder.rglob("*.tmp")] == []


# -- what a file holds --------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    post = tmp_path / "empty.html"
    post.write_bytes(b"")
    assert run("check", post).exit_code == 0
    assert run("fix", post).exit_code == 0
    assert post.read_bytes() == b""


def test_only_front_matter(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: '<span style>x</span>'\n---\n")
    assert run("check", post).exit_code == 0


def test_unclosed_front_matter_is_body_text(tmp_path: Path) -> None:
    # Without a closing fence there is no front matter: the HTML below is linted.
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: x\n\n<p><span style>x</span></p>\n")
    result = run("check", "--output-format", "concise", post)
    assert result.exit_code == 1
    assert "HTM001" in result.output


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"<p>caf\xe9</p>", "not valid UTF-8 (byte 0xe9 at offset 6)", id="latin-1"),
        pytest.param(b"<p>\xff\xfe</p>", "not valid UTF-8 (byte 0xff at offset 3)", id="bad-bytes"),
        pytest.param(
            "<p>x</p>".encode("utf-16-le"),
            "binary file (NUL byte at offset 1)",
            id="utf-16-without-bom",
        ),
        pytest.param(
            b"\xff\xfe" + "<p>x</p>".encode("utf-16-le"),
            "UTF-16 encoded (byte order mark); posthygiene reads UTF-8 only",
            id="utf-16-le-bom",
        ),
        pytest.param(
            b"\xfe\xff" + "<p>x</p>".encode("utf-16-be"),
            "UTF-16 encoded (byte order mark); posthygiene reads UTF-8 only",
            id="utf-16-be-bom",
        ),
        pytest.param(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            "binary file (NUL byte at offset 8)",
            id="png-renamed",
        ),
        pytest.param(b"<p>a\x00b</p>", "binary file (NUL byte at offset 4)", id="nul-byte"),
    ],
)
def test_undecodable_files_are_named_with_the_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    post = tmp_path / "post.html"
    post.write_bytes(data)
    for command in ("check", "fix"):
        one_error(run(command, post), post, reason)
    assert post.read_bytes() == data


def test_other_files_are_still_checked_after_a_bad_one(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(b"\xff")
    (tmp_path / "b.html").write_text(FIXABLE)
    result = run("fix", tmp_path)
    assert result.exit_code == 2
    assert len(errors(result)) == 1
    assert (tmp_path / "b.html").read_text() == FIXED


def test_a_50_mb_post_is_refused_as_too_large(tmp_path: Path) -> None:
    # The limit is 32 MiB (`max-file-size`); the file is never read into memory whole.
    post = tmp_path / "huge.html"
    with post.open("wb") as handle:
        chunk = FIXABLE.encode() * 1000
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
    size = post.stat().st_size
    result = run("fix", post)
    one_error(result, post, f"file too large ({size:,} bytes; the limit is 33,554,432 bytes)")
    assert post.stat().st_size == size


def test_a_single_5_mb_line(tmp_path: Path) -> None:
    post = tmp_path / "line.html"
    words = "word " * (1024 * 1024)
    post.write_text(f"<p>{words}<span style>x</span> {words}</p>")
    result = run("fix", "--output-format", "concise", post)
    assert result.exit_code == 0, result.output
    assert post.read_text() == f"<p>{words}x {words}</p>"


def test_100_000_nested_tags(tmp_path: Path) -> None:
    post = tmp_path / "deep.html"
    depth = 100_000
    post.write_text("<span>" * depth + "x" + "</span>" * depth)
    result = run("fix", post)
    assert result.exit_code == 0, result.output[-500:]
    assert post.read_text() == "x"


def test_100_000_nested_links(tmp_path: Path) -> None:
    # Links never nest (browsers close the open one), so each is its own short element.
    post = tmp_path / "links.html"
    depth = 100_000
    post.write_text('op<a data-link="1" href="/">' * depth + "PO" + "</a>rtunity" * depth)
    result = run("check", "--output-format", "concise", post)
    assert result.exit_code == 1
    assert result.output.count("AFF001") == 1


def test_100_000_nested_formatting(tmp_path: Path) -> None:
    post = tmp_path / "deep.html"
    depth = 100_000
    post.write_text("<b><i class=''>" * depth + "x" + "</i></b>" * depth)
    result = run("fix", post)
    assert result.exit_code == 0, result.output[-500:]
    assert post.read_text() == "<b><i>" * depth + "x" + "</i></b>" * depth


def test_100_000_attributes(tmp_path: Path) -> None:
    post = tmp_path / "attrs.html"
    attrs = "".join(f" data-a{i}=v" for i in range(100_000))
    post.write_text(f'<p class=""{attrs} id="">x</p>')
    result = run("fix", post)
    assert result.exit_code == 0, result.output
    assert post.read_text() == f"<p{attrs}>x</p>"


@pytest.mark.parametrize(
    "tail",
    [
        pytest.param("<!-- never closed <span style>x</span>", id="comment"),
        pytest.param("<script>var a = '<span style>x</span>'", id="script"),
        pytest.param("<![CDATA[ <span style>x</span>", id="cdata"),
        pytest.param('<a href="mailto:sarah.re <span style>x</span>', id="tag"),
    ],
)
def test_unterminated_constructs_hide_what_follows(tmp_path: Path, tail: str) -> None:
    post = tmp_path / "post.html"
    post.write_text(f"<p>ok</p>{tail}")
    assert run("check", post).exit_code == 0
    assert run("fix", post).exit_code == 0
    assert post.read_text() == f"<p>ok</p>{tail}"


# -- what happens to a file during a run ----------------------------------------------------


def test_a_file_deleted_between_discovery_and_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone, kept = tmp_path / "gone.html", tmp_path / "kept.html"
    gone.write_text(FIXABLE)
    kept.write_text(FIXABLE)
    real = linter.cli.find

    def find_then_delete(*args: object) -> Discovered:
        found = real(*args)  # type: ignore[arg-type]
        files = list(found.files)  # the walk has seen it
        gone.unlink()
        return Discovered(files, found.missing)

    monkeypatch.setattr(linter.cli, "find", find_then_delete)
    result = run("fix", tmp_path)
    one_error(result, gone, "no such file")
    assert kept.read_text() == FIXED


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    post = tmp_path / "secret.html"
    post.write_text(FIXABLE)
    real_open = open

    def deny(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(post):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(linter.source, "open", deny, raising=False)
    one_error(run("check", post), post, "permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_for_real(tmp_path: Path) -> None:
    post = tmp_path / "secret.html"
    post.write_text(FIXABLE)
    post.chmod(0)
    one_error(run("check", post), post, "permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write files without write bits")
def test_a_read_only_file_with_fix(tmp_path: Path) -> None:
    # The rename would succeed (the folder is writable): the file's permission decides.
    post = tmp_path / "post.html"
    post.write_text(FIXABLE)
    post.chmod(0o444)
    result = run("fix", post)
    one_error(result, post, "file is read-only; not written")
    assert post.read_text() == FIXABLE
    assert post.stat().st_mode & 0o777 == 0o444
    no_temp_files(tmp_path)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may write files without write bits")
def test_root_fixes_a_file_without_write_bits_and_keeps_its_mode(tmp_path: Path) -> None:
    # A post copied with `cp` from a read-only folder: root may write it, as editors do.
    post = tmp_path / "post.html"
    post.write_text(FIXABLE)
    post.chmod(0o444)
    assert run("fix", post).exit_code in (0, 1)
    assert post.read_text() != FIXABLE
    assert post.stat().st_mode & 0o777 == 0o444
    no_temp_files(tmp_path)


def test_a_file_this_user_may_not_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Write bits for others, but not for this user (what os.access says for non-root).
    post = tmp_path / "post.html"
    post.write_text(FIXABLE)
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK and real(path, mode))
    one_error(run("fix", post), post, "file is read-only; not written")
    assert post.read_text() == FIXABLE


def test_a_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # What a non-root user meets: the temp file cannot be created beside the post.
    post = tmp_path / "post.html"
    post.write_text(FIXABLE)
    real = os.open

    def refuse(file: str | Path, flags: int, mode: int = 0o777) -> int:
        if str(file).endswith(".tmp"):
            raise PermissionError(13, "Permission denied")
        return real(file, flags, mode)

    monkeypatch.setattr(os, "open", refuse)
    one_error(run("fix", post), post, "cannot write (Permission denied)")
    assert post.read_text() == FIXABLE
    no_temp_files(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_for_real(tmp_path: Path) -> None:
    post = tmp_path / "post.html"
    post.write_text(FIXABLE)
    tmp_path.chmod(0o555)
    try:
        one_error(run("fix", post), post, "cannot write (Permission denied)")
    finally:
        tmp_path.chmod(0o755)
    assert post.read_text() == FIXABLE


def test_a_file_saved_by_someone_else_while_being_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = tmp_path / "post.html"
    post.write_text(FIXABLE)
    real = linter.source.write_atomic

    def save_first(path: str, data: bytes, **kwargs: bytes) -> None:
        Path(path).write_text("<p>the author's new text</p>")
        real(path, data, **kwargs)

    monkeypatch.setattr(linter.runner, "write_atomic", save_first)
    one_error(run("fix", post), post, "changed on disk while being fixed; not written")
    assert post.read_text() == "<p>the author's new text</p>"


def test_a_symlink_loop_in_a_folder_walk(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "sub" / "post.html").write_text(FIXABLE)
    loop = tmp_path / "loop.html"
    loop.symlink_to(loop)
    result = run("fix", tmp_path)
    one_error(result, loop, "cannot read (Too many levels of symbolic links)")
    assert (tmp_path / "sub" / "post.html").read_text() == FIXED


def test_interrupted_while_writing_leaves_the_original_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = tmp_path / "post.html"
    post.write_text(FIXABLE)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(linter.source.os, "fsync", interrupted)
    result = run("fix", post)
    assert result.exit_code == 2
    assert errors(result) == [
        "posthygiene: error: interrupted; files written so far are fixed, the others are unchanged"
    ]
    assert post.read_text() == FIXABLE
    no_temp_files(tmp_path)


# -- whole processes ---------------------------------------------------------------------


def _tree(folder: Path, count: int) -> dict[Path, str]:
    posts = {}
    for i in range(count):
        post = folder / f"d{i % 7}" / f"post{i}.html"
        post.parent.mkdir(exist_ok=True)
        body = FIXABLE * (50 + i % 50)
        post.write_text(body)
        posts[post] = body
    return posts


def _cli(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "linter", *map(str, args), "--isolated", "-q"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _whole(posts: dict[Path, str]) -> Iterator[str]:
    """Each post's state: 'fixed' or 'original'; anything else fails the test."""
    for post, body in posts.items():
        now = post.read_text()
        expected = body.replace(FIXABLE, FIXED)
        assert now in (body, expected), f"{post} is neither the original nor the fixed text"
        yield "fixed" if now == expected else "original"


def test_two_fix_runs_on_the_same_tree_at_once(tmp_path: Path) -> None:
    posts = _tree(tmp_path, 120)
    first, second = _cli("fix", tmp_path), _cli("fix", tmp_path)
    outcomes = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in (first, second)]
    for code, stderr in outcomes:
        assert code in (0, 2), stderr
        assert "Traceback" not in stderr
        # The run that comes second to a file finds it already fixed and leaves it.
        for line in stderr.splitlines():
            assert line.endswith("changed on disk while being fixed; not written"), line
    assert set(_whole(posts)) == {"fixed"}
    no_temp_files(tmp_path)


def test_sigint_at_random_points_never_leaves_a_mixed_file(tmp_path: Path) -> None:
    """Interrupt real runs at random moments: every post is whole, original or fixed."""
    chance = random.Random(6)
    posts = _tree(tmp_path, 300)
    states: set[str] = set()
    for _ in range(6):
        process = _cli("fix", tmp_path)
        deadline = time.monotonic() + 60
        while "fixed" not in set(_whole(posts)) and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.005)  # wait until the run is writing, then interrupt it
        time.sleep(chance.uniform(0, 0.05))
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=60)
        stderr = process.stderr.read() if process.stderr else ""
        assert "Traceback" not in stderr
        assert code in (0, 2), stderr
        states |= set(_whole(posts))
        no_temp_files(tmp_path)
        for post, body in posts.items():  # start again from the originals
            post.write_text(body)
    assert states == {"fixed", "original"}  # some runs were really cut short
