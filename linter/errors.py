"""One exception hierarchy; the CLI turns any LinterError into one line and exit code 2."""

from __future__ import annotations


class LinterError(Exception):
    """Base of every error posthygiene reports to the user."""


class ConfigError(LinterError):
    """The configuration file or the command line is invalid."""


class SourceError(LinterError):
    """A post could not be read, decoded or written."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class RuleError(LinterError):
    """A rule raised an exception on a post (a bug in posthygiene)."""


class FixConvergenceError(LinterError):
    """Fixes kept producing new fixes past the pass limit."""
