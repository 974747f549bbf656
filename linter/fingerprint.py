"""Stable fingerprints of findings, shared by baselines and SARIF's partialFingerprints.

A fingerprint hashes the rule code, the path relative to the repository root, the text of
the finding's line with white space collapsed, and which occurrence of that triple it is
in the file. It leaves out the line number, so findings keep their fingerprint when lines
are added above them, and a second identical finding on an identical line gets its own.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from linter.model import Diagnostic
from linter.paths import relative_path

VERSION = "posthygiene/v1"


def normalised(line: str) -> str:
    return " ".join(line.split())


def fingerprints(diagnostics: Sequence[Diagnostic], root: Path) -> list[str]:
    """One fingerprint per diagnostic, in order; diagnostics must be in source order."""
    seen: Counter[tuple[str, str, str]] = Counter()
    relative: dict[str, str] = {}
    found: list[str] = []
    for diagnostic in diagnostics:
        path = relative.get(diagnostic.path)
        if path is None:
            path = relative[diagnostic.path] = relative_path(diagnostic.path, root)
        key = (diagnostic.code, path, normalised(diagnostic.line_text))
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha256("\0".join([*key, str(occurrence)]).encode("utf-8"))
        found.append(digest.hexdigest()[:32])
    return found
