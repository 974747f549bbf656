"""Generated posts through the command line: exit codes, and files written byte for byte."""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings

from linter.cli import main
from linter.config import Settings
from linter.engine import Linter
from linter.model import Applicability
from linter.registry import all_rules
from linter.source import BOM, Source
from tests.strategies import Post, posts

LINTER = Linter(list(all_rules().values()), Settings())


def _write(folder: str, post: Post) -> Path:
    path = Path(folder) / post.name
    path.write_bytes((BOM if post.bom else "").encode() + post.text.encode())
    return path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--isolated"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@settings(max_examples=40)
@given(posts())
def test_check_exit_code_says_whether_problems_remain(post: Post) -> None:
    source = Source(post.name, post.text, post.bom, post.markdown)
    expected = 1 if LINTER.lint(source) else 0
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, post)
        code, output = _run("check", str(path))
        assert code == expected, output
        assert path.read_bytes() == source.encoded(), "check must never write"


@settings(max_examples=40)
@given(posts())
def test_fix_writes_exactly_the_engine_result(post: Post) -> None:
    source = Source(post.name, post.text, post.bom, post.markdown)
    result = LINTER.fix(source, Applicability.UNSAFE)
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, post)
        code, output = _run("fix", "--unsafe-fixes", str(path))
        assert code == (1 if result.remaining else 0), output
        assert path.read_bytes() == source.encoded(result.text)
        assert sorted(p.name for p in Path(folder).iterdir()) == [post.name], "temp file left"
