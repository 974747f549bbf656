from __future__ import annotations

import importlib.util
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import rules as rule_profile
from bench import run
from bench.generate import generate
from bench.measure import run_once
from bench.peers import Peer
from bench.run import Inputs, Result, goals, table
from linter.config import Settings
from linter.document import Document
from linter.engine import Linter
from linter.model import Finding, Severity
from linter.registry import FixAvailability, Rule, select_rules
from linter.source import Source, read_source


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.*"))}


def test_generated_posts_are_the_same_on_every_run_and_at_every_size(tmp_path: Path) -> None:
    small = tree(generate(30, tmp_path / "a", seed=5))
    again = tree(generate(30, tmp_path / "b", seed=5))
    larger = tree(generate(60, tmp_path / "c", seed=5))
    other = tree(generate(30, tmp_path / "d", seed=6))
    assert small == again
    assert all(larger[name] == data for name, data in small.items() if name != "generated.json")
    assert small != other
    texts = [data.decode("utf-8") for name, data in small.items() if name != "generated.json"]
    joined = "".join(texts)
    for junk in ("<span style>", 'data-link="1"', "utm_", 'target="_blank"', "```"):
        assert junk in joined
    assert any("\u4e00" <= char <= "\u9fff" for char in joined)  # Chinese text too


def test_a_command_is_timed_and_its_memory_measured() -> None:
    code = "x = bytearray(30 * 1024 * 1024); import time; time.sleep(0.05)"
    sample = run_once([sys.executable, "-c", code])
    assert sample.returncode == 0
    assert sample.seconds >= 0.05
    assert sample.peak_mb >= 30


def test_long_file_lists_are_split_into_several_command_lines() -> None:
    peer = Peer("x", "x", ("--lint",))
    files = [f"/posts/{'p' * 90}-{n}.md" for n in range(20_000)]
    commands = peer.commands("/bin/x", files)
    assert len(commands) > 1
    assert [f for command in commands for f in command[2:]] == files


def result(case: str, seconds: float, ratio: float, tree_mb: float = 10.0) -> Result:
    return Result(case, case, case, 10, [seconds], seconds, ratio, 10 / seconds, 5.0, tree_mb)


def test_goals_compare_each_case_with_its_target() -> None:
    inputs = Inputs("generated 10,000", Path("."), [], 0, generated=10_000)
    results = [
        result("floor", 1.0, 1.0),
        result("jobs1", 2.5, 2.5),
        result("jobs", 2.0, 2.0, tree_mb=200),
        result("cache-write", 2.2, 2.2),
        result("cached", 0.3, 0.3),
        result("one", 0.3, 0.3),
        result("peer:htmlhint", 5.0, 5.0),
    ]
    met = {goal.name: goal.met for goal in goals(inputs, results)}
    assert met == {
        "check --jobs 1 / floor": True,
        "jobs / floor": False,
        "cached re-run / first run": True,
        "cached re-run / run without cache": True,
        "one file, wall seconds": False,
        "check --jobs 1 / peer:htmlhint": True,
        "memory, all processes, generated 10,000": False,
    }
    assert "cached" in table(inputs, results, runs=1)


def test_the_bench_measures_posthygiene_with_its_bytecode_written_as_installs_have_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A copy of a module in a package folder laid out as the repository is.
    package = tmp_path / "linter"
    package.mkdir()
    (package / "cli.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(run, "ROOT", tmp_path)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # as PYTHONDONTWRITEBYTECODE sets
    run.compile_bytecode()
    assert Path(importlib.util.cache_from_source(str(package / "cli.py"))).is_file()


def _posts(folder: Path) -> list[Source]:
    generate(12, folder, seed=3)
    sources = rule_profile.load(folder)
    return [*sources, read_source(str(run.EXAMPLE))]


def _burner(doc: Document, settings: Settings) -> Iterator[Finding]:
    deadline = time.process_time() + 0.01  # 10 ms of CPU per post, nothing found
    while time.process_time() < deadline:
        pass
    return iter(())


SLOW = Rule("ZZZ999", "slow", "burns CPU", Severity.WARNING, FixAvailability.NONE, "", _burner, "")


def test_the_rule_profile_counts_the_findings_check_reports(tmp_path: Path) -> None:
    sources = _posts(tmp_path)
    rules = select_rules(("ALL",), ())
    found = rule_profile.profile(sources, rules, Settings(), rounds=1)
    linter = Linter(rules, Settings())
    reported = Counter(d.code for source in sources for d in linter.lint(source))
    assert {row.label.split()[0]: row.findings for row in found.rules if row.findings} == dict(
        reported
    )
    assert sum(reported.values()) > 20  # the generated junk and the example post's


def test_the_rule_profile_puts_the_costly_rule_first(tmp_path: Path) -> None:
    sources = _posts(tmp_path)
    cheap = select_rules(("IMG001", "HTM"), ())
    found = rule_profile.profile(sources, [*cheap, SLOW], Settings(), rounds=1, warm=True)
    assert found.attributes is not None
    codes = [rule.code for rule in [*cheap, SLOW]]

    def listed(text: str) -> list[str]:
        return [
            words[0] for line in text.splitlines() if (words := line.split()) and words[0] in codes
        ]

    assert listed(rule_profile.table(found))[0] == "ZZZ999"
    assert listed(rule_profile.table(found, by_cost=False)) == codes
    assert found.rules[-1].seconds >= 0.01 * len(sources)


def test_the_rule_profile_says_what_it_cannot_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert rule_profile.main([str(tmp_path / "missing")]) == 2
    assert "missing: not a folder" in capsys.readouterr().err
    generate(3, tmp_path / "posts", seed=1)
    assert rule_profile.main([str(tmp_path / "posts"), "--select", "XYZ"]) == 2
    assert "--select XYZ: no rule matches" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        rule_profile.main([str(tmp_path / "posts"), "--rounds", "0"])
    assert stopped.value.code == 2
    assert "--rounds: expected 1 or more, got 0" in capsys.readouterr().err


def test_the_rule_profile_writes_its_table_as_json(tmp_path: Path) -> None:
    generate(3, tmp_path / "posts", seed=1)
    output = tmp_path / "profile.json"
    argv = [str(tmp_path / "posts"), "--select", "AFF", "--rounds", "1", "--json", str(output)]
    assert rule_profile.main(argv) == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["posts"] == 3
    assert [row["label"].split()[0] for row in data["rules"]] == [
        rule.code for rule in select_rules(("AFF",), ())
    ]
    assert data["rules_total"] == pytest.approx(sum(row["seconds"] for row in data["rules"]))
