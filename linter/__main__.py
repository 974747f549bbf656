"""`python -m linter` runs the command line."""

from __future__ import annotations

from linter.cli import entry

if __name__ == "__main__":
    entry()
