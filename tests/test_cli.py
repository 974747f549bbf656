from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from linter import __version__
from linter.cli import main

POST = (
    "\n---\ntitle: t\n---\n\n"
    '<p><span style>As an <a data-link="1" href="https://c.duomai.com/track.php?t=x">'
    "OPPO</a>rtunity.</span></p>\n"
)
FIXED = "\n---\ntitle: t\n---\n\n<p>As an opportunity.</p>\n"
CLEAN = "<p>Nothing to see.</p>\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "post.md"
    path.write_text(POST, encoding="utf-8", newline="")
    return path


def test_check_reports_and_exits_1(post: Path) -> None:
    result = run("check", str(post))
    assert result.exit_code == 1
    assert f"{post}:6:22: AFF001 [*] Link text `OPPO`" in result.output
    assert f"{post}:6:10: HTM001" in result.output
    assert f"{post}:6:22: AFF002 [*] Affiliate link through Duomai" in result.output
    assert "Found 4 problems (4 fixable with --fix)." in result.output
    assert post.read_text(encoding="utf-8") == POST


def test_excerpt_has_a_caret_under_the_span(post: Path) -> None:
    lines = run("check", "--select", "HTM001", str(post)).output.splitlines()
    code_line, caret_line = lines[2], lines[3]
    column = caret_line.index("^")
    assert code_line[column:].startswith("style")
    assert caret_line.strip(" |") == "^" * len("style")


def test_fix_rewrites_and_exits_0(post: Path) -> None:
    result = run("check", "--fix", str(post))
    assert result.exit_code == 0, result.output
    assert post.read_text(encoding="utf-8") == FIXED
    assert "Fixed 3 problems." in result.output


def test_fix_command_is_check_fix(post: Path) -> None:
    assert run("fix", str(post)).exit_code == 0
    assert post.read_text(encoding="utf-8") == FIXED


def test_diff_writes_nothing_and_exits_1(post: Path) -> None:
    before = post.stat().st_mtime_ns
    result = run("check", "--diff", str(post))
    assert result.exit_code == 1
    assert "+<p>As an opportunity.</p>" in result.output
    assert post.read_text(encoding="utf-8") == POST
    assert post.stat().st_mtime_ns == before


def test_clean_file_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "clean.html"
    path.write_text(CLEAN)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    result = run("check", "--fix", str(path))
    assert result.exit_code == 0
    assert "All checks passed!" in result.output
    assert path.stat().st_mtime_ns == 1_000_000_000


@pytest.mark.parametrize(
    ("newline", "bom"),
    [("\r\n", False), ("\n", True), ("\r", False)],
    ids=["crlf", "bom", "lone-cr"],
)
def test_fix_keeps_line_endings_and_bom(tmp_path: Path, newline: str, bom: bool) -> None:
    path = tmp_path / "post.md"
    prefix = b"\xef\xbb\xbf" if bom else b""
    path.write_bytes(prefix + POST.replace("\n", newline).encode())
    assert run("fix", str(path)).exit_code == 0
    assert path.read_bytes() == prefix + FIXED.replace("\n", newline).encode()


def test_json_output_uses_ruffs_field_names(post: Path) -> None:
    result = run("check", "--output-format", "json", str(post))
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    first = next(item for item in found if item["code"] == "AFF001")
    assert first["location"] == {"row": 6, "column": 22}
    assert first["name"] == "autolink-splits-word"
    assert first["filename"] == str(post)
    assert first["severity"] == "error"
    assert first["url"].endswith("/docs/rules/AFF001.md")
    assert first["fix"]["applicability"] == "safe"
    contents = [edit["content"] for edit in first["fix"]["edits"]]
    assert "oppo" in contents


def test_exit_zero_and_quiet(post: Path) -> None:
    result = run("check", "--exit-zero", "--quiet", "--output-format", "concise", str(post))
    assert result.exit_code == 0
    assert "Found" not in result.output
    assert len(result.output.splitlines()) == 4  # HTM001, AFF001, AFF002, AFF004


def test_undecodable_file_is_one_line_and_exit_2(tmp_path: Path, post: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"<p>caf\xe9</p>")
    result = run("check", "--fix", str(tmp_path))
    assert result.exit_code == 2
    assert f"posthygiene: error: {bad}: not valid UTF-8 (byte 0xe9 at offset 6)" in result.output
    assert bad.read_bytes() == b"<p>caf\xe9</p>"
    assert post.read_text(encoding="utf-8") == FIXED  # the other files are still processed
    assert "Traceback" not in result.output


def test_missing_path_exits_2(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.md"))
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_bad_selector_exits_2(post: Path) -> None:
    result = run("check", "--select", "NOPE", str(post))
    assert result.exit_code == 2
    assert "unknown rule code or prefix 'NOPE'" in result.output


def test_bad_config_exits_2(tmp_path: Path, post: Path) -> None:
    config = tmp_path / "posthygiene.toml"
    config.write_text("colour = true\n")
    result = run("check", "--config", str(config), str(post))
    assert result.exit_code == 2
    assert "unknown setting 'colour'" in result.output


def test_folders_are_walked_sorted_skipping_hidden_and_build_output(tmp_path: Path) -> None:
    for name in (
        "b.md",
        "a.html",
        "sub/c.htm",
        ".hidden/x.md",
        "public/x.html",
        "node_modules/x.md",
        "notes.txt",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<span>x</span>\n")
    result = run("check", "--output-format", "concise", "-q", str(tmp_path))
    files = [line.split(":")[0] for line in result.output.splitlines()]
    expected = [str(tmp_path / n) for n in ("a.html", "b.md", "sub/c.htm")]
    assert files == expected
    explicit = run("check", "--output-format", "concise", "-q", str(tmp_path / "public"))
    assert str(tmp_path / "public" / "x.html") in explicit.output


def test_rule_and_rules() -> None:
    listing = run("rules")
    assert listing.exit_code == 0
    assert "AFF001  [*]  autolink-splits-word" in listing.output
    page = run("rule", "aff001")
    assert page.exit_code == 0
    assert page.output.startswith("# autolink-splits-word (AFF001)")
    assert "## Fix safety" in page.output
    unknown = run("rule", "XYZ999")
    assert unknown.exit_code == 2


def test_version() -> None:
    assert __version__ in run("--version").output


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from linter import cli

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(cli.sys, "stdout", _Terminal())
    assert cli.use_color()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli.use_color()


def test_no_colour_codes_when_piped(post: Path) -> None:
    assert "\x1b[" not in run("check", str(post)).output


def test_text_is_the_full_format(post: Path) -> None:
    assert (
        run("check", "--output-format", "text", str(post)).output == run("check", str(post)).output
    )
