"""Shared test helpers: lint or fix a snippet with one rule (or several) and read the results."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from linter.config import Settings, settings_from_table
from linter.engine import Linter
from linter.model import Applicability, Diagnostic
from linter.registry import FixAvailability, Rule
from linter.source import Source

# ../shared beside the repository; POSTHYGIENE_SHARED points elsewhere (e.g. from a worktree).
SHARED = Path(
    os.environ.get("POSTHYGIENE_SHARED") or Path(__file__).resolve().parent.parent.parent / "shared"
)
SEED = SHARED / "seeds" / "000_26a557e8b0f37156.txt"
SEED_FIXED = SHARED / "seeds" / "000_26a557e8b0f37156.fixed.txt"


def _rules(rules: Rule | Iterable[Rule]) -> list[Rule]:
    return [rules] if isinstance(rules, Rule) else list(rules)


def settings(table: dict[str, object] | None = None) -> Settings:
    return settings_from_table(table or {})


def diagnostics(
    rules: Rule | Iterable[Rule],
    html: str,
    config: dict[str, object] | None = None,
    *,
    markdown: bool = False,
) -> list[Diagnostic]:
    linter = Linter(_rules(rules), settings(config))
    return linter.lint(Source("post.md" if markdown else "post.html", html, markdown=markdown))


def lint(
    rules: Rule | Iterable[Rule],
    html: str,
    config: dict[str, object] | None = None,
    *,
    markdown: bool = False,
) -> list[str]:
    """`"line:col"` per finding (`"line:col CODE"` when several rules run)."""
    chosen = _rules(rules)
    found = diagnostics(chosen, html, config, markdown=markdown)
    if len(chosen) == 1:
        return [f"{d.location.row}:{d.location.column}" for d in found]
    return [f"{d.location.row}:{d.location.column} {d.code}" for d in found]


def fix(
    rules: Rule | Iterable[Rule],
    html: str,
    config: dict[str, object] | None = None,
    *,
    unsafe: bool = False,
    markdown: bool = False,
) -> str:
    """The fixed text; also checks that no applicable fix is left and metadata is honest."""
    chosen = _rules(rules)
    wanted = Applicability.UNSAFE if unsafe else Applicability.SAFE
    linter = Linter(chosen, settings(config))
    source = Source("post.md" if markdown else "post.html", html, markdown=markdown)
    for diagnostic in linter.lint(source):
        owner = next(r for r in chosen if r.code == diagnostic.code)
        if owner.fix is FixAvailability.NONE:
            assert diagnostic.fix is None, f"{owner.code} declares no fix but yielded one"
    result = linter.fix(source, wanted)
    assert result.converged, "fixes did not converge"
    leftover = [d for d in result.remaining if d.fix and d.fix.applicability >= wanted]
    assert not leftover, f"fixable findings left after fixing: {leftover}"
    again = linter.fix(source.with_text(result.text), wanted)
    assert again.text == result.text, "a second fix run changed the text"
    return result.text
