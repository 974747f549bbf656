"""`posthygiene config`: the effective settings, as a posthygiene.toml that reads back."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from pathlib import Path

from linter.config import Settings
from linter.registry import OPTION_SECTIONS

# Settings fields that are not keys of the settings file.
NOT_SETTINGS = frozenset({"root", "config_file", "sections"})


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str | Path):
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def toml_key(name: str) -> str:
    bare = name.isascii() and name.replace("-", "").replace("_", "").isalnum()
    return name if bare else json.dumps(name, ensure_ascii=False)


def toml_table(name: str, values: Mapping[str, object]) -> list[str]:
    """`[name]` with its plain keys, then a sub-table for each mapping among the values."""
    lines = [f"[{name}]"] if name else []
    tables: list[str] = []
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, Mapping):
            tables.extend(["", *toml_table(f"{name}.{toml_key(key)}".lstrip("."), value)])
        else:
            lines.append(f"{toml_key(key)} = {toml_value(value)}")
    return lines + tables


def _options(instance: object) -> dict[str, object]:
    return {
        field.name.replace("_", "-"): getattr(instance, field.name)
        for field in dataclasses.fields(instance)  # type: ignore[arg-type]
        if field.name not in NOT_SETTINGS
    }


def settings_toml(settings: Settings) -> str:
    source = settings.config_file
    origin = f"from {source}" if source is not None else "defaults (no configuration file)"
    lines = [f"# Effective posthygiene settings: {origin}", *toml_table("", _options(settings))]
    for section, cls in sorted(OPTION_SECTIONS.items()):
        lines.extend(["", *toml_table(toml_key(section), _options(settings.section(cls)))])
    return "\n".join(lines) + "\n"
