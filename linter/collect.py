"""From per-file results to one RunReport: errors, fingerprints, and the baseline filter."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from linter.baseline import read_baseline, without_known
from linter.fingerprint import fingerprints
from linter.model import Applicability
from linter.paths import repository_root
from linter.registry import Rule
from linter.report import RunReport
from linter.runner import FileResult


def collect(
    results: Sequence[FileResult],
    *,
    missing: Sequence[str] = (),
    problems: Sequence[str] = (),
    rules: Sequence[Rule] = (),
    wanted: Applicability = Applicability.SAFE,
    fixing: bool = False,
    color: bool = False,
    baseline: Path | None = None,
) -> RunReport:
    root = repository_root()
    errors = [f"{path}: no such file or folder" for path in missing]
    errors += problems  # folders a walk could not read
    errors += [r.error for r in results if r.error]
    diagnostics = [d for r in results for d in r.diagnostics]
    # Fingerprints cost a hash of each finding's line: without a baseline, the formats
    # that need them work them out (see RunReport.fingerprinted).
    prints: list[str] = []
    hidden = 0
    if baseline is not None:
        known = read_baseline(baseline)
        prints = fingerprints(diagnostics, root)
        filtered = without_known(diagnostics, prints, known)
        diagnostics, prints, hidden = filtered.diagnostics, filtered.fingerprints, filtered.hidden
    return RunReport(
        diagnostics=diagnostics,
        applied=[d for r in results for d in r.applied],
        errors=errors,
        files=len(results),
        wanted=wanted,
        fixing=fixing,
        color=color,
        rules=rules,
        root=root,
        fingerprints=prints,
        baselined=hidden,
    )
