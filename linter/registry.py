"""Rule records, the @rule decorator, option sections and discovery of rule modules."""

from __future__ import annotations

import dataclasses
import enum
import importlib
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from linter.model import Finding, Severity

if TYPE_CHECKING:
    from linter.config import Settings
    from linter.document import Document

CODE_PATTERN = re.compile(r"(AFF|URL|LNK|IMG|HTM|PH)\d{3}")
REQUIRED_SECTIONS = ("## What it does", "## Why is this bad?", "## Example")
FIX_SECTION = "## Fix safety"
DOCS_URL = "https://github.com/posthygiene/posthygiene/blob/main/docs/rules/{code}.md"

CheckFunction = Callable[["Document", "Settings"], Iterator[Finding]]


class FixAvailability(enum.StrEnum):
    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity
    fix: FixAvailability
    docs: str
    check: CheckFunction
    module: str

    @property
    def url(self) -> str:
        return DOCS_URL.format(code=self.code)

    @property
    def fixable(self) -> bool:
        return self.fix is not FixAvailability.NONE

    def __call__(self, doc: Document, settings: Settings) -> Iterator[Finding]:
        return self.check(doc, settings)


def _clean_docs(docstring: str | None) -> str:
    import inspect

    return inspect.cleandoc(docstring or "")


def validate_docs(code: str, docs: str, fix: FixAvailability) -> None:
    """Reject a rule whose documentation lacks a required section."""
    missing = [section for section in REQUIRED_SECTIONS if section not in docs]
    if fix is not FixAvailability.NONE and FIX_SECTION not in docs:
        missing.append(FIX_SECTION)
    if "## Example" in docs and "Use instead:" not in docs:
        missing.append("Use instead:")
    if missing:
        raise TypeError(f"rule {code} documentation lacks: {', '.join(missing)}")


def rule(
    code: str,
    *,
    summary: str,
    severity: Severity = Severity.WARNING,
    fix: FixAvailability = FixAvailability.NONE,
) -> Callable[[CheckFunction], Rule]:
    """Turn a check function into a Rule; its docstring is the rule's documentation."""
    if not CODE_PATTERN.fullmatch(code):
        raise TypeError(f"rule code {code!r} does not match {CODE_PATTERN.pattern}")

    def decorate(function: CheckFunction) -> Rule:
        docs = _clean_docs(function.__doc__)
        validate_docs(code, docs, fix)
        return Rule(
            code=code,
            name=function.__name__.replace("_", "-"),
            summary=summary,
            severity=severity,
            fix=fix,
            docs=docs,
            check=function,
            module=function.__module__,
        )

    return decorate


# Option sections: `[tool.posthygiene.<section>]` tables read by rules.
OptionsT = TypeVar("OptionsT")
OPTION_SECTIONS: dict[str, type[Any]] = {}


def option_section(name: str) -> Callable[[type[OptionsT]], type[OptionsT]]:
    """Register a frozen dataclass as the typed contents of `[tool.posthygiene.<name>]`."""

    def register(cls: type[OptionsT]) -> type[OptionsT]:
        if not dataclasses.is_dataclass(cls):
            raise TypeError(f"option section {name} must be a dataclass")
        known = OPTION_SECTIONS.get(name)
        if known is not None and known.__qualname__ != cls.__qualname__:
            raise TypeError(f"option section {name} is registered twice")
        OPTION_SECTIONS[name] = cls
        return cls

    return register


@cache
def all_rules() -> dict[str, Rule]:
    """Import every module of the `rules` package and collect its rules, sorted by code."""
    import rules as package

    found: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if not isinstance(value, Rule) or found.get(value.code) is value:
                continue
            if value.code in found:
                raise TypeError(f"duplicate rule code {value.code}")
            if value.name in names:
                raise TypeError(f"duplicate rule name {value.name}")
            found[value.code] = value
            names[value.name] = value.code
    return dict(sorted(found.items()))


def select_rules(
    select: tuple[str, ...], ignore: tuple[str, ...], rules: dict[str, Rule] | None = None
) -> list[Rule]:
    """Ruff-style selection: the longest matching prefix decides; `ignore` wins a tie."""
    rules = all_rules() if rules is None else rules
    chosen: list[Rule] = []
    for code, candidate in rules.items():
        best_select = max((len(p) for p in select if _matches(code, p)), default=-1)
        best_ignore = max((len(p) for p in ignore if _matches(code, p)), default=-1)
        if best_select >= 0 and best_select > best_ignore:
            chosen.append(candidate)
    return chosen


def _matches(code: str, prefix: str) -> bool:
    return prefix == "ALL" or code.startswith(prefix)


def known_selector(prefix: str, rules: dict[str, Rule] | None = None) -> bool:
    rules = all_rules() if rules is None else rules
    return prefix == "ALL" or any(code.startswith(prefix) for code in rules)
