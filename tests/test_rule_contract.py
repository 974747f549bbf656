"""Every rule keeps its promises: documented sections, executable examples, a test file."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from linter.docs import stale_files
from linter.registry import CODE_PATTERN, FixAvailability, Rule, all_rules, rule, validate_docs
from tests.helpers import diagnostics, fix

RULES = list(all_rules().values())
_BLOCK = re.compile(r"```html\n(.*?)```", re.DOTALL)
_SETTINGS = re.compile(r"```toml\n(.*?)```", re.DOTALL)
TESTS = Path(__file__).parent / "rules"


def examples(rule: Rule) -> tuple[list[str], list[str]]:
    """HTML blocks before and after `Use instead:` in the rule's Example section."""
    section = rule.docs.split("## Example", 1)[1].split("\n## ", 1)[0]
    bad, _, good = section.partition("Use instead:")
    return _BLOCK.findall(bad), _BLOCK.findall(good)


def example_settings(rule: Rule) -> dict[str, object]:
    """`[tool.posthygiene]` of a toml block in the Example section (settings it needs)."""
    section = rule.docs.split("## Example", 1)[1].split("\n## ", 1)[0]
    found = _SETTINGS.search(section)
    table = tomllib.loads(found[1]) if found else {}
    return dict(table.get("tool", {}).get("posthygiene", {}))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_bad_examples_are_reported_and_good_ones_are_not(rule: Rule) -> None:
    bad, good = examples(rule)
    config = example_settings(rule)
    assert bad, f"{rule.code} has no example"
    assert good, f"{rule.code} has no 'Use instead:' example"
    for html in bad:
        assert diagnostics(rule, html, config), f"{rule.code} does not report its own example"
    for html in good:
        found = diagnostics(rule, html, config)
        assert found == [], f"{rule.code} reports its 'Use instead:' example"


@pytest.mark.parametrize("rule", [r for r in RULES if r.fixable], ids=lambda r: r.code)
def test_fixing_the_example_gives_the_corrected_one(rule: Rule) -> None:
    [bad, *_], [good, *_] = examples(rule)
    fixed = fix(rule, bad, example_settings(rule), unsafe=True)
    assert fixed in (bad, good), f"{rule.code}'s fix gives {fixed!r}, not its documented result"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_metadata(rule: Rule) -> None:
    assert CODE_PATTERN.fullmatch(rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", rule.name)
    assert not rule.name.startswith(("no-", "disallow-"))
    assert rule.summary
    assert not rule.summary.endswith(".")
    module = rule.module.rsplit(".", 1)[1]
    assert (TESTS / f"test_{module}.py").is_file(), f"{rule.code}: tests/rules/test_{module}.py"


def test_missing_sections_are_rejected_at_import() -> None:
    with pytest.raises(TypeError, match="Why is this bad"):
        validate_docs(
            "HTM999", "## What it does\nx\n## Example\nUse instead:\n", FixAvailability.NONE
        )
    with pytest.raises(TypeError, match="Fix safety"):

        @rule("HTM998", summary="x", fix=FixAvailability.ALWAYS)
        def some_rule(doc, settings):  # type: ignore[no-untyped-def]
            """## What it does\nx\n## Why is this bad?\nx\n## Example\nx\nUse instead:\nx"""
            yield from ()


def test_generated_docs_are_up_to_date() -> None:
    assert stale_files() == [], "run `python -m linter.docs`"
