"""`python -m linter` runs the command line."""

from __future__ import annotations

from linter.cli import main

if __name__ == "__main__":
    main()
