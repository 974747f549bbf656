"""`posthygiene check - --stdin-filename PATH`, as editors and pipelines use it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import JUNK_POST, Run

NAME = "source/_posts/piped.md"


def test_check_reads_the_post_and_names_it(project: Path, cli: Run) -> None:
    result = cli(
        "check",
        "-",
        "--stdin-filename",
        NAME,
        "--output-format",
        "concise",
        input=JUNK_POST.read_bytes(),
    )
    lines = result.stdout.splitlines()
    assert lines[0] == f"{NAME}:8:10: HTM001 [*] Attribute `style` on <span> has no value"
    assert all(line.startswith(NAME) for line in lines[:3])
    # The name makes it Markdown: the fenced example at the end is not linted.
    assert not any(":15:" in line for line in lines)
    assert result.exit_code == 1


def test_fix_writes_the_fixed_post_to_stdout_and_nothing_else(project: Path, cli: Run) -> None:
    result = cli("check", "--fix", "-", "--stdin-filename", NAME, input=JUNK_POST.read_bytes())
    shutil.copy(JUNK_POST, NAME)
    on_disk = cli("fix", NAME)
    assert result.stdout_bytes == Path(NAME).read_bytes()
    assert "\n\nFixed " in result.stderr
    assert result.exit_code == on_disk.exit_code


def test_fix_keeps_crlf_and_bom(project: Path, cli: Run) -> None:
    post = "\ufeff<p><span style>x</span></p>\r\n<p>y</p>\r\n".encode()
    result = cli("check", "--fix", "-", "--stdin-filename", "x.html", input=post)
    assert result.stdout_bytes == "\ufeff<p>x</p>\r\n<p>y</p>\r\n".encode()


def test_remaining_findings_go_to_stderr_when_fixing(project: Path, cli: Run) -> None:
    post = b'<!-- posthygiene-disable-next-line HMT001 -->\n<b class="">x</b>\n'
    result = cli("check", "--fix", "-", "--stdin-filename", "x.html", input=post)
    assert result.stdout_bytes == b"<!-- posthygiene-disable-next-line HMT001 -->\n<b>x</b>\n"
    assert "x.html:1:36: PH002 Unknown rule code `HMT001`" in result.stderr
    assert "Found 1 problem." in result.stderr
    assert result.exit_code == 1


def test_excluded_name_passes_through_untouched(project: Path, cli: Run) -> None:
    Path("posthygiene.toml").write_text('exclude = ["source/_posts/*"]\n', encoding="utf-8")
    data = JUNK_POST.read_bytes()
    fixed = cli("check", "--fix", "-", "--stdin-filename", NAME, input=data)
    assert fixed.stdout_bytes == data
    assert cli("check", "-", "--stdin-filename", NAME, input=data).exit_code == 0


def test_per_file_ignores_match_the_stdin_filename(project: Path, cli: Run) -> None:
    Path("posthygiene.toml").write_text(
        '[per-file-ignores]\n"source/_posts/*.md" = ["ALL"]\n', encoding="utf-8"
    )
    data = JUNK_POST.read_bytes()
    assert cli("check", "-", "--stdin-filename", NAME, input=data).exit_code == 0
    assert cli("check", "-", "--stdin-filename", "other.md", input=data).exit_code == 1


def test_diff_from_stdin(project: Path, cli: Run) -> None:
    result = cli(
        "check", "--diff", "-", "--stdin-filename", "x.html", input=b"<span style>x</span>\n"
    )
    assert result.stdout.splitlines()[:2] == ["--- a/x.html", "+++ b/x.html"]
    assert "+x" in result.stdout.splitlines()


def test_bad_input_is_one_error_line_and_fix_echoes_it(project: Path, cli: Run) -> None:
    data = b"<p>caf\xe9</p>\n"
    result = cli("check", "--fix", "-", "--stdin-filename", "x.html", input=data)
    assert result.exit_code == 2
    assert result.stdout_bytes == data
    assert result.stderr.splitlines()[0] == (
        "posthygiene: error: x.html: not valid UTF-8 (byte 0xe9 at offset 6)"
    )


def test_dash_cannot_be_mixed_with_paths(project: Path, cli: Run) -> None:
    result = cli("check", "-", "source", input=b"")
    assert result.exit_code == 2
    assert "standard input" in result.stderr
