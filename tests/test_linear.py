"""Work grows linearly with the input, for the tokeniser, every rule and the fix loop.

Work is counted, never timed:

- every line the interpreter runs in `linter/` and `rules/` (sys.settrace), and
- every character a regular expression is handed: each compiled pattern those modules
  (and `html.unescape`) use is swapped for a counting proxy that charges a call the span
  it covered (`match.end() - pos`), or, when it fails, the whole window it was given
  (`endpos - pos`). So a pattern tried at many places over a long window, which is how
  quadratic scans hide (`<a<a<a…`), is charged what it may really cost.

Each adversarial input is run at n and 4n pieces; linear work grows about 4 times,
quadratic 16 times. The test allows 6.
"""

from __future__ import annotations

import html
import importlib
import pkgutil
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import pytest

import linter
import rules
from linter.config import Settings
from linter.document import Document
from linter.engine import Linter
from linter.model import Applicability
from linter.registry import Rule, all_rules
from linter.source import Source

N = 400
RATIO = 6.0
OURS = tuple(str(Path(p.__path__[0])) for p in (linter, rules))

ADVERSARIAL: dict[str, str] = {
    "lt": "<",
    "lt-space": "< ",
    "amp": "&",
    "amp-hash": "&#",
    "entity-like": "&amp",
    "double-quote": '"',
    "single-quote": "'",
    "backtick": "`",
    "backticks-mixed": "`` `",
    "letters": "abcdefgh",
    "lt-a": "<a",
    "lt-a-space": "<a ",
    "open-quote-in-tag": '<a b="',
    "open-single-quote-in-tag": "<a b='",
    "equals-in-tag": "<a b=",
    "slash-digit": "</1>",
    "end-tag-open": "</a",
    "comment-open": "<!--",
    "bang": "<!",
    "question": "<?",
    "cdata-open": "<![CDATA[",
    "script-open": "<script>",
    "nested-span": "<span>",
    "empty-attribute": "<span style>x",
    "bare-wrappers": "<span>x</span>",
    "split-word": 'op<a data-link="1" href="https://c.duomai.com/t?u=x">PO</a>rtunity ',
    "split-word-nested": '<b>op<a data-link="1" href="/">PO</a>r</b>',
    "links-adjacent": '<a href="/">x</a>',
    "images": '<img src="IMG_1.jpg" alt="IMG_1.jpg">',
    "nested-images": '<span><img src="IMG_1.jpg" alt="IMG_1.jpg">',
    "nested-figures": '<figure><img src="a.png" alt="https://x.example/a.png">',
    "suppressions": "<!-- posthygiene-disable-next-line HTM001 -->\n<b class=''>x</b>\n",
    "suppression-ranges": "<!-- posthygiene-disable AFF001 --><span>x</span>",
    "crlf": "x\r\n",
    "lone-cr": "x\r",
    "blank-lines": "\n\n",
    "list-items": "- x\n",
    "fences": "```\n",
    "indented": "    x\n",
    "front-matter-fence": "---\n",
    "cjk": "京东方",
}


@dataclass
class Work:
    lines: int = 0
    scanned: int = 0
    per_pattern: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.lines + self.scanned


class CountingPattern:
    """A compiled pattern that charges each call the characters it may have scanned."""

    def __init__(self, pattern: re.Pattern[str], work: Callable[[], Work | None]) -> None:
        self._pattern = pattern
        self._work = work

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)

    def _charge(self, amount: int) -> None:
        work = self._work()
        if work is not None:
            work.scanned += amount + 1
            key = self._pattern.pattern[:40]
            work.per_pattern[key] = work.per_pattern.get(key, 0) + amount + 1

    def _window(self, string: str, pos: int, endpos: int | None) -> tuple[int, int]:
        end = len(string) if endpos is None else min(endpos, len(string))
        return max(0, pos), end

    def _one(self, method: str, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        start, end = self._window(string, pos, endpos)
        found = getattr(self._pattern, method)(string, start, end)
        self._charge((found.end() if found else end) - start)
        return found

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._one("match", string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._one("fullmatch", string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._one("search", string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        """Lazy, as the real one: each match is charged the span from the end of the one
        before, and running out the rest of the window. Starting again at a position
        already scanned pays for that stretch again."""
        start, end = self._window(string, pos, endpos)
        last = start
        for found in self._pattern.finditer(string, start, end):
            self._charge(found.end() - last)
            last = found.end()
            yield found
        self._charge(end - last)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        start, end = self._window(string, pos, endpos)
        self._charge(end - start)
        return self._pattern.findall(string, start, end)

    def sub(self, repl: Any, string: str, count: int = 0) -> Any:
        self._charge(len(string))
        return self._pattern.sub(repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> Any:
        self._charge(len(string))
        return self._pattern.subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> Any:
        self._charge(len(string))
        return self._pattern.split(string, maxsplit)


class Meter:
    """Counts lines run in linter/ and rules/ and characters handed to their regexes."""

    def __init__(self) -> None:
        self.current: Work | None = None

    def _local(self, frame: FrameType, event: str, arg: object) -> Any:
        if event == "line" and self.current is not None:
            self.current.lines += 1
        return self._local

    def _global(self, frame: FrameType, event: str, arg: object) -> Any:
        if frame.f_code.co_filename.startswith(OURS):
            if self.current is not None:
                self.current.lines += 1
            return self._local
        return None

    @contextmanager
    def measure(self) -> Iterator[Work]:
        work = Work()
        self.current = work
        sys.settrace(self._global)
        try:
            yield work
        finally:
            sys.settrace(None)
            self.current = None


def _modules() -> list[ModuleType]:
    found = [html]
    for package in (linter, rules):
        found.append(package)
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            found.append(importlib.import_module(info.name))
    return found


@pytest.fixture(scope="module")
def meter() -> Iterator[Meter]:
    """Every pattern in our modules (and re.compile'd at run time) charges the meter."""
    all_rules()
    meter = Meter()
    patch = pytest.MonkeyPatch()

    def proxy(value: object) -> object:
        return (
            CountingPattern(value, lambda: meter.current)
            if isinstance(value, re.Pattern)
            else value
        )

    for module in _modules():
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                patch.setattr(module, name, proxy(value))
            elif isinstance(value, dict) and any(isinstance(v, re.Pattern) for v in value.values()):
                patch.setattr(module, name, {k: proxy(v) for k, v in value.items()})
    real_compile = re.compile
    patch.setattr(re, "compile", lambda *args, **kwargs: proxy(real_compile(*args, **kwargs)))
    try:
        yield meter
    finally:
        patch.undo()


def _post(piece: str, count: int, markdown: bool) -> Source:
    # Markdown: a paragraph (a line starting with text), where inline code is looked for.
    text = f"Intro {piece * count}\n" if markdown else f"<p>{piece * count}</p>\n"
    return Source("post.md" if markdown else "post.html", text, markdown=markdown)


def _stages(source: Source) -> Iterator[tuple[str, Callable[[], object]]]:
    yield "document", lambda: Document(source)
    settings = Settings()
    for rule in all_rules().values():
        document = Document(source)
        yield rule.code, lambda rule=rule, document=document: list(rule.check(document, settings))
    everything = Linter(list(all_rules().values()), settings)
    yield "fix", lambda: everything.fix(source, Applicability.UNSAFE)


def _work(meter: Meter, piece: str, count: int, markdown: bool) -> dict[str, Work]:
    found: dict[str, Work] = {}
    for stage, run in _stages(_post(piece, count, markdown)):
        with meter.measure() as work:
            run()
        found[stage] = work
    return found


@pytest.mark.parametrize("markdown", [False, True], ids=["html", "markdown"])
@pytest.mark.parametrize("piece", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_work_grows_linearly(meter: Meter, piece: str, markdown: bool) -> None:
    small = _work(meter, piece, N, markdown)
    large = _work(meter, piece, 4 * N, markdown)
    for stage, work in large.items():
        ratio = work.total / max(1, small[stage].total)
        worst = max(work.per_pattern.items(), key=lambda kv: kv[1], default=("", 0))
        assert ratio <= RATIO, (
            f"{stage}: work x{ratio:.1f} for 4x the input "
            f"(lines {small[stage].lines}->{work.lines}, "
            f"regex chars {small[stage].scanned}->{work.scanned}, most in {worst[0]!r})"
        )


def test_the_meter_sees_a_quadratic_scan(meter: Meter) -> None:
    """The counter is not blind: a regex search from every position is charged n²."""
    pattern = CountingPattern(re.compile(r"x"), lambda: meter.current)

    def quadratic(text: str) -> None:
        for position in range(len(text)):
            pattern.search(text, position)

    with meter.measure() as small:
        quadratic("a" * 200)
    with meter.measure() as large:
        quadratic("a" * 800)
    assert large.total / small.total > 10


def test_the_meter_sees_a_finditer_started_again_from_the_top(meter: Meter) -> None:
    """finditer is charged what it walks: restarting it from the start each time is n²,
    walking it once is n."""
    pattern = CountingPattern(re.compile(r"<"), lambda: meter.current)

    def restarting(text: str) -> None:
        for count in range(text.count("<")):
            for index, _ in enumerate(pattern.finditer(text)):
                if index == count:
                    break

    def walking(text: str) -> None:
        for _ in pattern.finditer(text):
            pass

    for scan, low, high in ((restarting, 10, 20), (walking, 3, 5)):
        with meter.measure() as small:
            scan("<a" * 200)
        with meter.measure() as large:
            scan("<a" * 800)
        assert low < large.scanned / small.scanned < high


def test_every_rule_is_measured() -> None:
    stages = [name for name, _ in _stages(_post("x", 1, False))]
    assert stages == ["document", *all_rules(), "fix"]
    assert all(isinstance(rule, Rule) for rule in all_rules().values())
