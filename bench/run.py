"""The benchmark: posthygiene against the parser floor and its peers, on the same files.

`python -m bench` (see `--help`) measures, for each input set, whole processes (start-up
included): the floor (read + `lxml.html` parse of every file), `posthygiene check` with
`--jobs 1` and with every core, a run that writes the cache and one that reads it, one file
on its own, and the peers that are installed. It prints a table (median seconds, ratio to
the floor, files per second, peak memory) and the goals from issue 5, and writes the same
as JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.generate import generate
from bench.measure import Sample, run_once
from bench.peers import find_peers

ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    """../shared beside the repository (or beside a worktree's parent); POSTHYGIENE_SHARED wins."""
    if os.environ.get("POSTHYGIENE_SHARED"):
        return Path(os.environ["POSTHYGIENE_SHARED"])
    candidates = [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


SHARED = _shared()
CORPUS = SHARED / "corpus"
SEED = SHARED / "seeds" / "000_26a557e8b0f37156.txt"
EXAMPLE = ROOT / "examples" / "post.md"
RESULTS = ROOT / "bench" / "results"
GENERATED = Path(tempfile.gettempdir()) / "posthygiene-bench"  # generated posts, kept
CASES = ("floor", "jobs1", "jobs", "cache", "one", "peers")


@dataclass(frozen=True, slots=True)
class Inputs:
    name: str
    folder: Path
    files: list[str]
    size: int
    generated: int = 0


@dataclass(slots=True)
class Result:
    case: str
    label: str
    command: str
    files: int
    runs: list[float]
    seconds: float
    ratio: float
    files_per_second: float
    peak_mb: float
    tree_mb: float
    returncodes: list[int] = field(default_factory=list)
    cpu_seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class Case:
    key: str
    label: str
    commands: list[list[str]]
    files: int
    runs: int
    before_each: Callable[[], None] | None = None
    warm_up: int = 0


def measure(case: Case) -> list[Sample]:
    """Run the case's commands `runs` times; one sample per run (batches are summed)."""
    for _ in range(case.warm_up):
        for command in case.commands:
            run_once(command, cwd=ROOT)
    samples: list[Sample] = []
    for _ in range(case.runs):
        if case.before_each is not None:
            case.before_each()
        parts = [run_once(command, cwd=ROOT) for command in case.commands]
        samples.append(
            Sample(
                sum(p.seconds for p in parts),
                max(p.returncode for p in parts),
                max(p.peak_mb for p in parts),
                max(p.tree_mb for p in parts),
                sum(p.cpu_seconds for p in parts),
            )
        )
    return samples


def summarise(case: Case, samples: list[Sample], floor: float | None) -> Result:
    seconds = statistics.median(s.seconds for s in samples)
    return Result(
        case=case.key,
        label=case.label,
        command=" ".join(_short(part) for part in case.commands[0]),
        files=case.files,
        runs=[round(s.seconds, 4) for s in samples],
        seconds=seconds,
        ratio=seconds / floor if floor else 1.0,
        files_per_second=case.files / seconds if seconds else 0.0,
        peak_mb=max(s.peak_mb for s in samples),
        tree_mb=max(s.tree_mb for s in samples),
        returncodes=[s.returncode for s in samples],
        cpu_seconds=statistics.median(s.cpu_seconds for s in samples),
    )


def _short(part: str) -> str:
    if part == sys.executable:
        return "python"
    return part if len(part) < 60 else "…" + part[-40:]


def discover_files(folder: Path) -> list[str]:
    """The files posthygiene itself would check in `folder` (the floor parses the same)."""
    from linter.config import Settings
    from linter.discovery import discover

    return discover([str(folder)], Settings(root=folder)).files


def load_inputs(folder: Path, name: str, generated: int = 0) -> Inputs:
    files = discover_files(folder)
    return Inputs(name, folder, files, sum(os.path.getsize(f) for f in files), generated)


def cases_for(inputs: Inputs, options: argparse.Namespace, work: Path) -> list[Case]:
    python = sys.executable
    file_list = work / "files.txt"
    file_list.write_text("\n".join(inputs.files) + "\n", encoding="utf-8")
    cache = work / "cache"

    def check(*flags: str) -> list[str]:
        return [python, "-m", "linter", "check", "--isolated", *flags, str(inputs.folder)]

    def clear_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    count = len(inputs.files)
    runs = options.runs
    jobs = str(options.jobs)
    cached = ["--cache-dir", str(cache), "--jobs", jobs]
    one = SEED if SEED.is_file() else EXAMPLE
    wanted = set(options.cases)
    cases: list[Case] = [
        Case(
            "floor",
            "floor (read + lxml.html)",
            [[python, "-m", "bench.floor", str(file_list)]],
            count,
            runs,
            warm_up=1,
        ),
    ]
    if "jobs1" in wanted:
        cases.append(
            Case("jobs1", "check --jobs 1", [check("--no-cache", "--jobs", "1")], count, runs)
        )
    if "jobs" in wanted:
        cases.append(
            Case("jobs", f"check --jobs {jobs}", [check("--no-cache", "--jobs", jobs)], count, runs)
        )
    if "cache" in wanted:
        cases.append(
            Case(
                "cache-write",
                f"check --jobs {jobs}, cache written",
                [check(*cached)],
                count,
                runs,
                before_each=clear_cache,
            )
        )
        cases.append(
            Case(
                "cached",
                f"check --jobs {jobs}, cached re-run",
                [check(*cached)],
                count,
                runs,
                warm_up=1,
            )
        )
    if "one" in wanted:
        command = [python, "-m", "linter", "check", "--isolated", "--no-cache", str(one)]
        cases.append(Case("one", f"one file ({one.name})", [command], 1, runs))
    if "peers" in wanted:
        for peer, binary in find_peers(options.peer_path):
            cases.append(
                Case(
                    f"peer:{peer.name}",
                    peer.name,
                    peer.commands(binary, inputs.files),
                    count,
                    options.peer_runs,
                )
            )
    return cases


def run_inputs(inputs: Inputs, options: argparse.Namespace) -> list[Result]:
    results: list[Result] = []
    floor: float | None = None
    RESULTS.mkdir(parents=True, exist_ok=True)
    # Inside the repository (git-ignored): the cache is written where users keep it.
    with tempfile.TemporaryDirectory(prefix="work-", dir=RESULTS) as temp:
        for case in cases_for(inputs, options, Path(temp)):
            print(f"  {case.label} ...", file=sys.stderr, flush=True)
            result = summarise(case, measure(case), floor)
            if case.key == "floor":
                floor = result.seconds
            results.append(result)
    return results


def table(inputs: Inputs, results: Sequence[Result], runs: int) -> str:
    megabytes = inputs.size / 1e6
    lines = [
        f"{inputs.name}: {len(inputs.files):,} files, {megabytes:,.1f} MB; median of {runs} "
        f"runs; {os.cpu_count()} cores, load {_load()}",
        f"{'case':<40} {'seconds':>8} {'x floor':>8} {'files/s':>9} {'cpu s':>7} "
        f"{'peak MB':>8} {'tree MB':>8}",
    ]
    for r in results:
        lines.append(
            f"{r.label:<40} {r.seconds:>8.3f} {r.ratio:>8.2f} {r.files_per_second:>9,.0f} "
            f"{r.cpu_seconds:>7.2f} {r.peak_mb:>8.1f} {r.tree_mb:>8.1f}"
        )
    return "\n".join(lines)


def _load() -> str:
    """The machine's load average: other jobs on the same cores slow every case down."""
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


@dataclass(frozen=True, slots=True)
class Goal:
    name: str
    value: float
    target: float
    unit: str

    @property
    def met(self) -> bool:
        return self.value <= self.target

    def line(self) -> str:
        mark = "yes" if self.met else "NO"
        value = f"{self.value:.3f}{self.unit}"
        return f"{self.name:<52} {value:>10} <= {self.target:g}{self.unit:<3} {mark}"


def goals(inputs: Inputs, results: Sequence[Result]) -> list[Goal]:
    by_key = {r.case: r for r in results}
    found: list[Goal] = []
    if "jobs1" in by_key:
        found.append(Goal("check --jobs 1 / floor", by_key["jobs1"].ratio, 3, "x"))
    if "jobs" in by_key:
        found.append(Goal(f"{by_key['jobs'].label} / floor", by_key["jobs"].ratio, 1.5, "x"))
    if "cached" in by_key and "cache-write" in by_key:
        ratio = by_key["cached"].seconds / by_key["cache-write"].seconds
        found.append(Goal("cached re-run / first run", ratio, 0.2, "x"))
    if "cached" in by_key and "jobs" in by_key:
        ratio = by_key["cached"].seconds / by_key["jobs"].seconds
        found.append(Goal("cached re-run / run without cache", ratio, 0.2, "x"))
    if "one" in by_key:
        found.append(Goal("one file, wall seconds", by_key["one"].seconds, 0.25, "s"))
    ours = by_key.get("jobs1")
    for r in results:
        if r.case.startswith("peer:") and ours is not None:
            found.append(Goal(f"check --jobs 1 / {r.label}", ours.seconds / r.seconds, 1, "x"))
    if inputs.generated >= 10_000 and "jobs" in by_key:
        found.append(
            Goal(f"memory, all processes, {inputs.name}", by_key["jobs"].tree_mb, 150, "MB")
        )
    return found


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="folder of real posts (default: ../shared/corpus, when present)",
    )
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus")
    parser.add_argument(
        "--generated",
        default="",
        help="comma-separated post counts to generate, e.g. 1000,10000,100000 "
        "(default: 1000 when there is no corpus)",
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=GENERATED,
        help="where generated posts are kept between runs",
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per case (the median counts)")
    parser.add_argument("--peer-runs", type=int, default=1, help="runs per peer")
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="processes for the parallel case (default: every core)",
    )
    parser.add_argument(
        "--cases",
        default=",".join(CASES),
        help=f"which cases to run (default: all of {','.join(CASES)})",
    )
    parser.add_argument(
        "--peer-path",
        action="append",
        default=[],
        help="folder to look for peer executables in (repeatable)",
    )
    parser.add_argument("--output", type=Path, help="JSON file (default: bench/results/)")
    options = parser.parse_args(argv)
    options.cases = [c.strip() for c in options.cases.split(",") if c.strip()]
    unknown = set(options.cases) - set(CASES)
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}")
    return options


def all_inputs(options: argparse.Namespace) -> list[Inputs]:
    found: list[Inputs] = []
    if not options.no_corpus and options.corpus.is_dir():
        found.append(load_inputs(options.corpus, str(options.corpus)))
    counts = [int(n) for n in options.generated.split(",") if n.strip()]
    if not counts and not found:
        counts = [1000]
    for count in counts:
        folder = options.data_dir / f"{count}-seed{options.seed}"
        print(f"generating {count:,} posts in {folder} ...", file=sys.stderr, flush=True)
        generate(count, folder, options.seed)
        found.append(load_inputs(folder, f"generated {count:,}", count))
    return found


def compile_bytecode() -> None:
    """Write the bytecode of the measured packages, as `pip install` does for its users.

    Without it, a machine that sets PYTHONDONTWRITEBYTECODE (or a fresh clone) compiles
    every module from source in every measured process: about 0.05 s that no installed
    posthygiene pays. compileall writes the files whatever that variable says.
    """
    for package in ("linter", "rules", "bench"):
        compileall.compile_dir(ROOT / package, quiet=1)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_arguments(argv)
    compile_bytecode()
    report: dict[str, object] = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cores": os.cpu_count(),
        "runs": options.runs,
        "inputs": [],
    }
    for inputs in all_inputs(options):
        print(f"{inputs.name}:", file=sys.stderr, flush=True)
        results = run_inputs(inputs, options)
        found = goals(inputs, results)
        print(table(inputs, results, options.runs))
        print("\n".join(goal.line() for goal in found) + "\n")
        entry = {
            "load": _load(),
            "name": inputs.name,
            "files": len(inputs.files),
            "bytes": inputs.size,
            "results": [asdict(r) for r in results],
            "goals": [{**asdict(g), "met": g.met} for g in found],
        }
        report["inputs"].append(entry)  # type: ignore[attr-defined]
    output = options.output or RESULTS / f"bench-{report['date']}.json".replace(":", "")
    output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, indent=2)
    output.write_text(text + "\n", encoding="utf-8")
    if options.output is None:
        (RESULTS / "latest.json").write_text(text + "\n", encoding="utf-8")
    print(f"written: {output}", file=sys.stderr)
    return 0
