"""`posthygiene config` prints the effective settings as TOML that reads back the same."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from linter.config import Settings, settings_from_table
from linter.registry import OPTION_SECTIONS
from tests.conftest import Run

PYPROJECT = """
[tool.posthygiene]
ignore = ["HTM002"]
extend-exclude = ["source/_drafts"]
respect-gitignore = false
max-file-size = 1000

[tool.posthygiene.per-file-ignores]
"source/_posts/2019-*.md" = ["AFF"]
"""


@dataclasses.dataclass(frozen=True)
class DemoOptions:
    hosts: tuple[str, ...] = ("example.com",)
    strict: bool = False
    aliases: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)


def comparable(settings: Settings) -> Settings:
    """Settings without their origin, every option section filled in (defaults included)."""
    sections = {name: settings.section(cls) for name, cls in OPTION_SECTIONS.items()}
    return dataclasses.replace(settings, root=Path("."), config_file=None, sections=sections)


def test_config_round_trips(project: Path, cli: Run) -> None:
    Path("pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    result = cli("config")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Effective posthygiene settings: from ")
    printed = settings_from_table(tomllib.loads(result.stdout))
    expected = settings_from_table(tomllib.loads(PYPROJECT)["tool"]["posthygiene"])
    assert comparable(printed) == comparable(expected)
    assert printed.ignore == ("HTM002",)
    assert printed.per_file_ignores == {"source/_posts/2019-*.md": ("AFF",)}


def test_isolated_prints_the_defaults(project: Path, cli: Run) -> None:
    Path("pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    result = cli("config", "--isolated")
    assert "defaults (no configuration file)" in result.stdout
    assert comparable(settings_from_table(tomllib.loads(result.stdout))) == comparable(Settings())


def test_option_sections_are_printed_with_their_defaults(
    project: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(OPTION_SECTIONS, "demo", DemoOptions)
    Path("posthygiene.toml").write_text(
        '[demo]\nstrict = true\n[demo.aliases]\n"b.example" = ["a.example"]\n', encoding="utf-8"
    )
    table = tomllib.loads(cli("config").stdout)
    assert table["demo"] == {
        "hosts": ["example.com"],
        "strict": True,
        "aliases": {"b.example": ["a.example"]},
    }
    settings = settings_from_table(table)
    assert settings.section(DemoOptions).aliases == {"b.example": ("a.example",)}


def test_broken_config_is_one_error_line(project: Path, cli: Run) -> None:
    Path("bad.toml").write_text("select = [\n", encoding="utf-8")
    result = cli("config", "--config", "bad.toml")
    assert result.exit_code == 2
    assert result.stderr.startswith("posthygiene: error: bad.toml: invalid TOML")
