"""The corpus fix-safety step: `fix`, and `fix --unsafe-fixes`, over a copy of ../shared/corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_check import CORPUS, check_corpus, main


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("level", [[], ["--unsafe"]], ids=["safe", "unsafe"])
def test_fixing_the_whole_corpus_breaks_no_invariant(
    capsys: pytest.CaptureFixture[str], level: list[str]
) -> None:
    assert main([*level, str(CORPUS)]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    counts = dict(part.split("=") for part in line.split())
    assert counts["violations"] == "0"
    assert int(counts["files"]) > 2000
    assert int(counts["fixed"]) > 0  # the check saw real fixes, not an idle run


def test_a_small_corpus_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "a.html").write_text("<p><span style>x</span> y</p>\n")
    (folder / "b.md").write_text("---\ntitle: t\n---\n\n`<span style>`\n")
    (folder / "c.html").write_bytes(b"\xff\xfe\x00")
    summary = check_corpus(folder, unsafe=False)
    assert summary.line == "files=3 fixed=1 edits=3 violations=0"  # style, then <span>, </span>
    assert summary.unreadable == 1
    assert (folder / "a.html").read_text() == "<p><span style>x</span> y</p>\n"  # a copy was fixed
