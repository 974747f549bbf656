"""Settings: `[tool.posthygiene]` in pyproject.toml or a posthygiene.toml, strictly validated."""

from __future__ import annotations

import dataclasses
import tomllib
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from linter.errors import ConfigError
from linter.registry import OPTION_SECTIONS, all_rules, known_selector

CONFIG_FILES = ("posthygiene.toml", ".posthygiene.toml", "pyproject.toml")
OptionsT = TypeVar("OptionsT")
DerivedT = TypeVar("DerivedT")


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    respect_gitignore: bool = True
    site_hosts: tuple[str, ...] = ()
    max_file_size: int = 32 * 1024 * 1024
    # The folder the configuration came from: relative globs are resolved against it.
    root: Path = field(default_factory=Path.cwd)
    config_file: Path | None = None
    sections: Mapping[str, object] = field(default_factory=dict)

    def section(self, cls: type[OptionsT]) -> OptionsT:
        """The typed options of a registered section, defaults filled in."""
        for name, registered in OPTION_SECTIONS.items():
            if registered is cls:
                value = self.sections.get(name)
                return value if isinstance(value, cls) else cls()
        raise KeyError(f"{cls.__name__} is not a registered option section")

    @property
    def selected(self) -> tuple[str, ...]:
        return self.select + self.extend_select


# What `derived` worked out, by Settings object and function. Settings hold dicts and cannot
# be hashed, so they are told apart by identity; each entry keeps its Settings alive, so
# the id cannot be reused by another while the entry is here.
_DERIVED: dict[tuple[int, Callable[[Settings], object]], tuple[Settings, object]] = {}
_DERIVED_KEPT = 256


def derived(settings: Settings, compute: Callable[[Settings], DerivedT]) -> DerivedT:
    """`compute(settings)`, worked out once per Settings object however many posts ask.

    For what rules build from their options (host sets, a network registry): one run has
    one Settings, and a test or an API user making many gets a bounded memo.
    """
    key = (id(settings), compute)
    found = _DERIVED.get(key)
    if found is not None:  # its Settings is alive, so the id is still this one's
        return found[1]  # type: ignore[return-value]
    value = compute(settings)
    if len(_DERIVED) >= _DERIVED_KEPT:
        _DERIVED.clear()
    _DERIVED[key] = (settings, value)
    return value


def _strings(key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{key}: expected a list of strings, got {value!r}")
    return tuple(value)


def _boolean(key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{key}: expected true or false, got {value!r}")
    return value


def _integer(key: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{key}: expected a non-negative integer, got {value!r}")
    return value


def _string(key: str, value: object) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{key}: expected a string, got {value!r}")
    return value


def _string_map(key: str, value: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key}: expected a table of lists of strings, got {value!r}")
    return {str(name): _strings(f"{key}.{name}", item) for name, item in value.items()}


_TOP_LEVEL: dict[str, Callable[[str, object], object]] = {
    "select": _strings,
    "ignore": _strings,
    "extend-select": _strings,
    "exclude": _strings,
    "extend-exclude": _strings,
    "per-file-ignores": _string_map,
    "respect-gitignore": _boolean,
    "site-hosts": _strings,
    "max-file-size": _integer,
}
_CONVERTERS: dict[object, Callable[[str, object], object]] = {
    bool: _boolean,
    int: _integer,
    str: _string,
    tuple[str, ...]: _strings,
    dict[str, tuple[str, ...]]: _string_map,
    typing.Mapping[str, tuple[str, ...]]: _string_map,
}


def find_config(start: Path) -> Path | None:
    """The nearest posthygiene.toml, or pyproject.toml with [tool.posthygiene], upward."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or "posthygiene" in _load(candidate).get("tool", {}):
                return candidate
    return None


def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def load_settings(config: Path | None = None, *, isolated: bool = False) -> Settings:
    """Settings from an explicit file, the nearest config file, or the defaults."""
    if isolated:
        return Settings()
    path = config if config is not None else find_config(Path.cwd())
    if path is None:
        return Settings()
    data = _load(path)
    if path.name == "pyproject.toml" or "tool" in data:
        data = data.get("tool", {}).get("posthygiene", {})
    return settings_from_table(data, root=path.parent.resolve(), config_file=path)


def settings_from_table(
    table: Mapping[str, object], *, root: Path | None = None, config_file: Path | None = None
) -> Settings:
    all_rules()  # rule modules register their option sections on import
    values: dict[str, object] = {}
    sections: dict[str, object] = {}
    for key, value in table.items():
        if key in _TOP_LEVEL:
            values[key.replace("-", "_")] = _TOP_LEVEL[key](key, value)
        elif key in OPTION_SECTIONS:
            sections[key] = _section(key, OPTION_SECTIONS[key], value)
        else:
            known = ", ".join(sorted([*_TOP_LEVEL, *OPTION_SECTIONS]))
            raise ConfigError(f"unknown setting {key!r} (known: {known})")
    for key in ("select", "ignore", "extend_select"):
        check_selectors(key.replace("_", "-"), typing.cast(tuple[str, ...], values.get(key, ())))
    for pattern, codes in typing.cast(
        dict[str, tuple[str, ...]], values.get("per_file_ignores", {})
    ).items():
        check_selectors(f"per-file-ignores.{pattern}", codes)
    settings = Settings(**values, sections=sections)  # type: ignore[arg-type]
    if root is not None:
        settings = dataclasses.replace(settings, root=root, config_file=config_file)
    return settings


def check_selectors(key: str, selectors: tuple[str, ...]) -> None:
    for selector in selectors:
        if not known_selector(selector):
            raise ConfigError(f"{key}: unknown rule code or prefix {selector!r}")


def _section(name: str, cls: type[Any], value: object) -> object:
    if not isinstance(value, dict):
        raise ConfigError(f"{name}: expected a table, got {value!r}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    converted: dict[str, object] = {}
    for key, item in value.items():
        attribute = key.replace("-", "_")
        if attribute not in fields:
            known = ", ".join(sorted(f.replace("_", "-") for f in fields))
            raise ConfigError(f"{name}: unknown option {key!r} (known: {known})")
        converter = _CONVERTERS.get(hints[attribute])
        if converter is None:
            raise TypeError(f"option {name}.{key} has an unsupported type {hints[attribute]}")
        converted[attribute] = converter(f"{name}.{key}", item)
    validate = getattr(cls, "validate", None)
    instance = cls(**converted)
    if callable(validate):
        validate(instance)
    return instance
