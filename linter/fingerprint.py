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
from typing import Any

from linter.model import Diagnostic
from linter.paths import relative_path

VERSION = "posthygiene/v1"


def normalised(line: str) -> str:
    return " ".join(line.split())


def fingerprints(diagnostics: Sequence[Diagnostic], root: Path) -> list[str]:
    """One fingerprint per diagnostic, in order; diagnostics must be in source order."""
    seen: Counter[tuple[str, str, str]] = Counter()
    relative: dict[str, str] = {}
    # Lines can be long (a whole post on one line) and carry many findings: each line is
    # collapsed once, and each (code, path, line) hashed once, its occurrences from a copy.
    collapsed: dict[str, str] = {}
    hashed: dict[tuple[str, str, str], Any] = {}
    found: list[str] = []
    for diagnostic in diagnostics:
        path = relative.get(diagnostic.path)
        if path is None:
            path = relative[diagnostic.path] = relative_path(diagnostic.path, root)
        line = collapsed.get(diagnostic.line_text)
        if line is None:
            line = collapsed[diagnostic.line_text] = normalised(diagnostic.line_text)
        key = (diagnostic.code, path, line)
        occurrence = seen[key]
        seen[key] += 1
        base = hashed.get(key)
        if base is None:
            base = hashed[key] = hashlib.sha256("\0".join(key).encode("utf-8"))
        digest = base.copy()
        digest.update(f"\0{occurrence}".encode())
        found.append(digest.hexdigest()[:32])
    return found
