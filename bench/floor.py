"""The floor: read and `lxml.html`-parse every listed file in one process.

`python -m bench.floor LIST` reads the file names (one a line) from LIST. Any linter that
parses its input stands on this: reading the bytes, decoding them and building a tree in C.
"""

from __future__ import annotations

import sys

import lxml.etree
import lxml.html


def parse(text: str) -> bool:
    """Build the text's lxml.html tree; False for what lxml will not parse."""
    try:
        lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return False  # empty or whitespace-only documents
    return True


def parse_all(paths: list[str]) -> int:
    parsed = 0
    for path in paths:
        with open(path, "rb") as handle:
            parsed += parse(handle.read().decode("utf-8", errors="replace"))
    return parsed


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        paths = handle.read().splitlines()
    parse_all(paths)


if __name__ == "__main__":
    main()
