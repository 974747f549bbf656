"""Baselines: record today's findings by fingerprint, then report only new ones.

The file is JSON, sorted for stable diffs, without line numbers (so it only changes when
findings do): `{"version": 1, "fingerprint": "posthygiene/v1", "findings": [...]}`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from linter.errors import ConfigError, SourceError
from linter.fingerprint import VERSION
from linter.model import Diagnostic
from linter.paths import relative_path

FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Filtered:
    diagnostics: list[Diagnostic]
    fingerprints: list[str]
    hidden: int


def write_baseline(path: Path, fingerprinted: Sequence[tuple[Diagnostic, str]], root: Path) -> None:
    entries = sorted(
        (
            {
                "path": relative_path(d.path, root),
                "code": d.code,
                "fingerprint": fingerprint,
                "message": d.message,
            }
            for d, fingerprint in fingerprinted
        ),
        key=lambda entry: (entry["path"], entry["code"], entry["fingerprint"]),
    )
    document = {"version": FORMAT_VERSION, "fingerprint": VERSION, "findings": entries}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise SourceError(str(path), f"cannot write baseline ({exc.strerror or exc})") from exc


def read_baseline(path: Path) -> frozenset[str]:
    """The fingerprints recorded in a baseline file."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read baseline ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not a posthygiene baseline (invalid JSON: {exc})") from exc
    if (
        not isinstance(document, dict)
        or document.get("version") != FORMAT_VERSION
        or document.get("fingerprint") != VERSION
        or not isinstance(document.get("findings"), list)
    ):
        raise ConfigError(
            f"{path}: not a posthygiene baseline of version {FORMAT_VERSION} "
            "(write a new one with --write-baseline)"
        )
    found = {entry.get("fingerprint") for entry in document["findings"] if isinstance(entry, dict)}
    return frozenset(item for item in found if isinstance(item, str))


def without_known(
    diagnostics: Sequence[Diagnostic], fingerprints: Sequence[str], known: frozenset[str]
) -> Filtered:
    kept = [(d, f) for d, f in zip(diagnostics, fingerprints, strict=True) if f not in known]
    return Filtered([d for d, _ in kept], [f for _, f in kept], len(diagnostics) - len(kept))
