"""Fix a copy of a whole corpus with the real command line and check every invariant.

    python -m tests.corpus_check [--unsafe] [PATH]

PATH defaults to ../shared/corpus (or $POSTHYGIENE_CORPUS). The files are copied to a
temporary folder (never touched in place), `posthygiene fix` (with `--unsafe-fixes` under
`--unsafe`) runs over the copy, and then, for every post:

- the command line exited 0, 1 or 2 and printed only one-line errors, no traceback;
- the bytes it wrote are exactly the engine's result (BOM and line breaks kept);
- `tests.invariants.check_post` holds: result == original + edits, fixing twice
  changes nothing, no edit in front matter, code or a broken tag, safe fixes keep the
  visible text, the element structure stays, lxml agrees.

It prints one line, `files=N fixed=N edits=N violations=N`, after any violations, and
exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from linter.config import Settings
from linter.discovery import discover
from linter.engine import Linter
from linter.errors import SourceError
from linter.model import Applicability
from linter.registry import all_rules
from linter.source import decode
from tests.helpers import SHARED
from tests.invariants import check_post

ROOT = Path(__file__).resolve().parent.parent
# ../shared/corpus beside the repository; POSTHYGIENE_CORPUS names another folder.
CORPUS = Path(os.environ.get("POSTHYGIENE_CORPUS", SHARED / "corpus"))


@dataclass
class Summary:
    files: int = 0
    fixed: int = 0
    edits: int = 0
    unreadable: int = 0
    violations: list[str] = field(default_factory=list)

    @property
    def line(self) -> str:
        return (
            f"files={self.files} fixed={self.fixed} edits={self.edits} "
            f"violations={len(self.violations)}"
        )


def _copy(source: Path, target: Path) -> None:
    """Copy the files only: a read-only corpus must give a writable copy."""
    for folder, _, names in os.walk(source):
        here = target / Path(folder).relative_to(source)
        here.mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copyfile(Path(folder) / name, here / name)


def _run_cli(copy: Path, unsafe: bool) -> tuple[int, list[str]]:
    # A throwaway copy: nothing of it is worth keeping in a cache.
    command = [sys.executable, "-m", "linter", "fix", str(copy), "--isolated", "--quiet"]
    command.append("--no-cache")
    if unsafe:
        command.append("--unsafe-fixes")
    done = subprocess.run(
        [*command, "--output-format", "concise"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    return done.returncode, done.stderr.splitlines()


def check_corpus(corpus: Path, *, unsafe: bool) -> Summary:
    summary = Summary()
    wanted = Applicability.UNSAFE if unsafe else Applicability.SAFE
    linter = Linter(list(all_rules().values()), Settings())
    with tempfile.TemporaryDirectory(prefix="corpus-check-") as folder:
        copy = Path(folder) / "corpus"
        _copy(corpus, copy)
        code, errors = _run_cli(copy, unsafe)
        if code not in (0, 1, 2):
            summary.violations.append(f"the command line exited {code}")
        for line in errors:
            if not line.startswith("posthygiene: error: "):
                summary.violations.append(f"not a one-line error: {line[:200]}")
        for name in discover([str(copy)], Settings()).files:
            summary.files += 1
            fixed = Path(name)
            original = corpus / fixed.relative_to(copy)
            data = original.read_bytes()
            try:
                source = decode(str(original), data)
            except SourceError:
                summary.unreadable += 1
                if fixed.read_bytes() != data:
                    summary.violations.append(f"{original}: unreadable, yet written")
                continue
            outcome = check_post(linter, source, wanted)
            summary.edits += outcome.edits
            summary.fixed += outcome.changed
            summary.violations += [f"{original}: {v}" for v in outcome.violations]
            if fixed.read_bytes() != source.encoded(outcome.fixed):
                summary.violations.append(f"{original}: the file written is not the fix")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.corpus_check", description=__doc__)
    parser.add_argument("--unsafe", action="store_true", help="apply unsafe fixes too")
    parser.add_argument("path", nargs="?", type=Path, default=CORPUS, help="folder of posts")
    args = parser.parse_args(argv)
    if not args.path.is_dir():
        parser.error(f"{args.path}: not a folder")
    summary = check_corpus(args.path, unsafe=args.unsafe)
    for violation in summary.violations:
        print(violation)
    print(summary.line)
    return 1 if summary.violations else 0


if __name__ == "__main__":
    sys.exit(main())
