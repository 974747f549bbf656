"""`posthygiene config`: the effective settings, as a posthygiene.toml that reads back."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping

from linter.config import Settings
from linter.registry import OPTION_SECTIONS

# Settings fields in the order a reader expects them, with their TOML keys.
TOP_LEVEL = (
    "select",
    "extend_select",
    "ignore",
    "exclude",
    "extend_exclude",
    "respect_gitignore",
    "site_hosts",
    "max_file_size",
)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def _key(name: str) -> str:
    plain = name.replace("-", "").replace("_", "").isalnum() and name.isascii()
    return name if plain else json.dumps(name, ensure_ascii=False)


def _table(name: str, values: Mapping[str, object]) -> list[str]:
    lines = ["", f"[{name}]"]
    lines.extend(f"{_key(key)} = {toml_value(value)}" for key, value in values.items())
    return lines


def settings_toml(settings: Settings) -> str:
    source = settings.config_file
    origin = f"from {source}" if source is not None else "defaults (no configuration file)"
    lines = [f"# Effective posthygiene settings: {origin}"]
    for name in TOP_LEVEL:
        lines.append(f"{name.replace('_', '-')} = {toml_value(getattr(settings, name))}")
    lines.extend(_table("per-file-ignores", settings.per_file_ignores))
    for section, cls in sorted(OPTION_SECTIONS.items()):
        options = settings.section(cls)
        values = {
            field.name.replace("_", "-"): getattr(options, field.name)
            for field in dataclasses.fields(options)
        }
        lines.extend(_table(section, values))
    return "\n".join(lines) + "\n"
