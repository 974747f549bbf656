from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import Settings, derived, find_config, load_settings, settings_from_table
from linter.errors import ConfigError
from linter.registry import select_rules


def codes(settings: Settings) -> list[str]:
    return [r.code for r in select_rules(settings.selected, settings.ignore)]


def test_defaults_select_every_rule() -> None:
    assert "AFF001" in codes(Settings())
    assert "HTM002" in codes(Settings())


def test_select_and_ignore_prefixes_longest_wins() -> None:
    settings = settings_from_table({"select": ["HTM", "IMG001"], "ignore": ["HTM002"]})
    assert codes(settings) == ["HTM001", "IMG001"]
    narrow = settings_from_table({"select": ["HTM001"], "ignore": ["HTM"]})
    assert codes(narrow) == ["HTM001"]


def test_extend_select_adds() -> None:
    settings = settings_from_table({"select": ["HTM001"], "extend-select": ["IMG001"]})
    assert codes(settings) == ["HTM001", "IMG001"]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        pytest.param({"selekt": ["HTM"]}, "unknown setting 'selekt'", id="unknown-key"),
        pytest.param({"select": "HTM"}, "select: expected a list of strings", id="bad-type"),
        pytest.param({"select": ["XYZ"]}, "unknown rule code or prefix 'XYZ'", id="bad-code"),
        pytest.param({"respect-gitignore": "yes"}, "expected true or false", id="bad-bool"),
    ],
)
def test_invalid_settings_are_errors(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        settings_from_table(table)


def test_found_from_the_current_folder_upward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.posthygiene]\nignore = ["IMG"]\n')
    nested = tmp_path / "source" / "_posts"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    assert find_config(nested) == tmp_path / "pyproject.toml"
    settings = load_settings()
    assert settings.ignore == ("IMG",)
    assert settings.root == tmp_path.resolve()


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(tmp_path / "sub") is None


def test_posthygiene_toml_has_top_level_keys(tmp_path: Path) -> None:
    (tmp_path / "posthygiene.toml").write_text('select = ["AFF"]\n')
    assert load_settings(tmp_path / "posthygiene.toml").select == ("AFF",)


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "posthygiene.toml"
    bad.write_text("select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_settings(bad)


def test_isolated_ignores_files(tmp_path: Path) -> None:
    (tmp_path / "posthygiene.toml").write_text('select = ["AFF"]\n')
    assert load_settings(tmp_path / "posthygiene.toml", isolated=True).select == ("ALL",)


def test_what_is_derived_from_settings_is_worked_out_once_per_settings_object() -> None:
    calls: list[tuple[str, ...]] = []

    def hosts(settings: Settings) -> tuple[str, ...]:
        calls.append(settings.site_hosts)
        return settings.site_hosts

    mine, theirs = Settings(site_hosts=("mine.example",)), Settings(site_hosts=("b.example",))
    assert [derived(s, hosts) for s in (mine, theirs, mine, theirs)] == [
        ("mine.example",),
        ("b.example",),
        ("mine.example",),
        ("b.example",),
    ]
    assert calls == [("mine.example",), ("b.example",)]
