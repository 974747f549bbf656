"""Signs that a link was inserted by an auto-linker or routed through an affiliate network."""

from __future__ import annotations

from linter.tokens import StartTag


def autolinker_signature(tag: StartTag) -> str | None:
    """Why this `<a>` looks machine-inserted, or None when nothing shows it."""
    if tag.get("data-link") == "1":
        return 'data-link="1"'
    return None
