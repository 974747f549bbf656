"""Where `check`'s CPU goes: the Document each post is parsed into, each rule, the rest.

`python -m bench.rules [FOLDER]` reads every post of FOLDER (default: ../shared/corpus when
present, else 1,000 generated posts) once. Then, post by post as `check` does, it builds
the post's Document and runs each selected rule on it, in `check`'s order, timing every
step on the process's CPU clock. The best of `--rounds` rounds counts.

Rules share work through the Document: a tag's attributes are parsed, and a link is
classified, once, by the first rule that asks. That work is charged to that rule. With
`--warm`, every start tag's attributes are parsed before the rules run and shown as a
row of their own, so each rule's row is closer to its own work.

Beside the rules it times, over the same texts, the lxml.html parse (the floor `python -m
bench` compares whole runs with) and `Linter.lint` as a whole, whose remainder is the
engine's own work: suppression comments, diagnostics and their positions, sorting. So a
new rule's cost reads against the floor before it lands.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.floor import parse
from bench.generate import generate
from bench.run import CORPUS, GENERATED, discover_files
from linter.config import Settings
from linter.document import Document
from linter.engine import Linter
from linter.errors import SourceError
from linter.parallel import relax_garbage_collection
from linter.registry import Rule, select_rules
from linter.source import Source, read_source

CLOCK = time.process_time


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: what was timed, its CPU seconds and the findings it made."""

    label: str
    seconds: float
    findings: int | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    posts: int
    floor: float  # lxml.html parse of the same texts
    document: float
    attributes: float | None  # only with --warm
    rules: list[Row]
    lint: float  # Linter.lint over every post

    @property
    def rules_total(self) -> float:
        return sum(row.seconds for row in self.rules)

    @property
    def engine(self) -> float:
        """What `Linter.lint` spends beyond building Documents and running rules."""
        return max(0.0, self.lint - self.document - (self.attributes or 0.0) - self.rules_total)


@dataclass(slots=True)
class _Round:
    """One pass over the posts: each step's CPU seconds, summed over the posts."""

    document: float
    attributes: float
    rules: list[float]
    findings: list[int]
    lint: float


def lxml_parse(sources: Sequence[Source]) -> None:
    for source in sources:
        parse(source.text)


def rounds_of(once: Callable[[], float], rounds: int) -> float:
    """The best of `rounds` results of `once`, which times itself."""
    return min(once() for _ in range(rounds))


def timed(work: Callable[[], object]) -> Callable[[], float]:
    def once() -> float:
        started = CLOCK()
        work()
        return CLOCK() - started

    return once


def profile(
    sources: Sequence[Source],
    rules: Sequence[Rule],
    settings: Settings,
    *,
    rounds: int = 3,
    warm: bool = False,
) -> Profile:
    """Time the floor, the Documents, each rule and the whole of `Linter.lint`.

    Each round times the steps post by post, then `Linter.lint` over the same posts, so
    a machine that slows down for a while slows both; each row is its best round.
    """
    passes = [_one_round(sources, rules, settings, warm) for _ in range(rounds)]
    best = [min(p.rules[number] for p in passes) for number in range(len(rules))]
    return Profile(
        posts=len(sources),
        floor=rounds_of(timed(lambda: lxml_parse(sources)), rounds),
        document=min(p.document for p in passes),
        attributes=min(p.attributes for p in passes) if warm else None,
        rules=[
            Row(f"{rule.code} {rule.name}", seconds, count)
            for rule, seconds, count in zip(rules, best, passes[0].findings, strict=True)
        ],
        lint=min(p.lint for p in passes),
    )


def _one_round(
    sources: Sequence[Source], rules: Sequence[Rule], settings: Settings, warm: bool
) -> _Round:
    linter = Linter(list(rules), settings)
    result = _Round(0.0, 0.0, [0.0] * len(rules), [0] * len(rules), 0.0)
    for source in sources:
        started = CLOCK()
        document = Document(source)
        result.document += CLOCK() - started
        if warm:
            started = CLOCK()
            for tag in document.start_tags():
                tag.attr("")  # parses the tag's attributes; the tag keeps them
            result.attributes += CLOCK() - started
        for number, rule in enumerate(rules):
            started = CLOCK()
            found = list(rule.check(document, settings))
            result.rules[number] += CLOCK() - started
            result.findings[number] += len(found)
        del document  # freed before the next, as in a run
    started = CLOCK()
    for source in sources:
        linter.lint(source)  # the diagnostics are dropped, as a run drops them once written
    result.lint = CLOCK() - started
    return result


def table(result: Profile, *, by_cost: bool = True) -> str:
    floor = result.floor or float("nan")
    rows = sorted(result.rules, key=lambda r: -r.seconds) if by_cost else result.rules
    head = [
        Row("floor: lxml.html parse", result.floor),
        Row("Document (tokenise)", result.document),
    ]
    if result.attributes is not None:
        head.append(Row("attributes (every start tag)", result.attributes))
    tail = [
        Row("rules, all", result.rules_total, sum(r.findings or 0 for r in result.rules)),
        Row("engine: suppressions, diagnostics", result.engine),
        Row("Linter.lint, whole", result.lint),
    ]
    lines = [f"{result.posts:,} posts; CPU seconds, best of the rounds"]
    lines.append(f"{'':<42}{'seconds':>9}{'x floor':>9}{'findings':>10}")
    for section in (head, rows, tail):
        for row in section:
            count = "" if row.findings is None else f"{row.findings:,}"
            lines.append(f"{row.label:<42}{row.seconds:9.3f}{row.seconds / floor:9.2f}{count:>10}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def load(folder: Path) -> list[Source]:
    sources: list[Source] = []
    for path in discover_files(folder):
        try:
            sources.append(read_source(path))
        except SourceError as exc:
            print(exc, file=sys.stderr)
    return sources


def _at_least_one(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {number}")
    return number


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.rules",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("folder", nargs="?", type=Path, help="posts to profile")
    parser.add_argument(
        "--generated",
        type=int,
        default=1000,
        help="posts to generate when no folder is given and there is no corpus",
    )
    parser.add_argument("--select", default="ALL", help="rule codes or prefixes, comma-separated")
    parser.add_argument("--rounds", type=_at_least_one, default=3, help="rounds (the best counts)")
    parser.add_argument(
        "--warm", action="store_true", help="parse every tag's attributes before the rules"
    )
    parser.add_argument("--by-code", action="store_true", help="rules in code order, not cost")
    parser.add_argument("--json", type=Path, help="also write the profile as JSON here")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_arguments(argv)
    folder = options.folder
    if folder is None:
        folder = CORPUS
        if not folder.is_dir():
            folder = GENERATED / f"{options.generated}-seed1"
            generate(options.generated, folder)
    if not folder.is_dir():
        print(f"{folder}: not a folder", file=sys.stderr)
        return 2
    sources = load(folder)
    selected = tuple(code.strip() for code in options.select.split(",") if code.strip())
    rules = select_rules(selected, ())
    if not rules:
        print(f"--select {options.select}: no rule matches", file=sys.stderr)
        return 2
    relax_garbage_collection()  # as a run does: the cycle collector seldom runs
    print(f"profiling {len(sources):,} posts of {folder} ...", file=sys.stderr, flush=True)
    result = profile(sources, rules, Settings(), rounds=options.rounds, warm=options.warm)
    print(table(result, by_cost=not options.by_code))
    if options.json is not None:
        data = {**asdict(result), "rules_total": result.rules_total, "engine": result.engine}
        options.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
