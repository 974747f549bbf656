"""Safe fixes over ../shared/corpus: no tracking parameter left, every link's text kept.

Every post with a tracking parameter or a `target="_blank"` (about 1,000 of 2,839) gets all
safe fixes: they must settle, leave the visible text as it was (letter case aside: AFF001
restores it) and, where tracking parameters were, leave none. Those posts also get the
link fixes alone (URL001, LNK001), after which every link's text must be exactly the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import coverage
import pytest

from linter.config import Settings
from linter.document import Document
from linter.engine import Linter
from linter.registry import all_rules
from linter.source import read_source
from linter.tokens import Text, tokenize
from linter.urls import URL_ATTRIBUTES
from tests.helpers import SHARED

CORPUS = SHARED / "corpus"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared is absent"),
]

# Written apart from linter.tracking and linter.urls on purpose: the common names only.
TRACKING_NAME = re.compile(
    r"utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_eid|mc_cid|igshid|_hsenc|_hsmi", re.IGNORECASE
)
TRACKING_ANYWHERE = re.compile(r"[?&;](?:" + TRACKING_NAME.pattern + ")=", re.IGNORECASE)
NEW_TAB = re.compile(r"target\s*=\s*[\"']?\s*_blank", re.IGNORECASE)
LEFT_ALONE = re.compile(r"web\.archive\.org|[?&;](?:signature|sig|token|hmac|x-amz-)", re.I)


def _posts() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".html"))


def _tracking(doc: Document) -> Iterator[str]:
    """Each tracking parameter name in the query of a URL attribute (not in nested URLs)."""
    for tag in doc.start_tags(*URL_ATTRIBUTES):
        for name in URL_ATTRIBUTES[tag.name]:
            attribute = tag.attr(name)
            if attribute is None or LEFT_ALONE.search(attribute.raw_value):
                continue
            if "\n" in attribute.raw_value:
                continue  # cut off inside the attribute: its fix is unsafe
            query = unescape(attribute.raw_value).partition("#")[0].partition("?")[2]
            for piece in query.split("&"):
                parameter = re.sub(r"^(?:amp;)+", "", piece.partition("=")[0], flags=re.I)
                if TRACKING_NAME.fullmatch(parameter):
                    yield parameter


def _link_texts(doc: Document) -> list[str]:
    return [doc.inner_text(tag) for tag in doc.start_tags("a")]


def _visible_text(doc: Document) -> str:
    return "".join(unescape(doc.raw(t)) for t in tokenize(doc.masked) if isinstance(t, Text))


@pytest.fixture
def untraced() -> Iterator[None]:
    """Coverage paused: tracing 60 MB of posts triples the time; unit tests cover the code.

    (pytest-cov's own `no_cover` marker breaks under `--no-cov`.)
    """
    current = coverage.Coverage.current()
    if current is None:
        yield
        return
    current.stop()
    try:
        yield
    finally:
        current.start()


@pytest.mark.usefixtures("untraced")
def test_safe_fixes_over_the_corpus() -> None:
    everything = Linter(list(all_rules().values()), Settings())
    links_only = Linter([all_rules()[code] for code in ("URL001", "LNK001")], Settings())
    found_before = checked = 0
    problems: list[str] = []
    posts = _posts()
    for path in posts:
        source = read_source(str(path))
        tracked = TRACKING_ANYWHERE.search(source.text) is not None
        if not tracked and NEW_TAB.search(source.text) is None:
            continue  # nothing for the link rules to fix: spare the time
        checked += 1
        result = everything.fix(source)
        if not result.converged:
            problems.append(f"{path}: fixes did not converge")
        before, after = Document(source), Document(source.with_text(result.text))
        if _visible_text(after).casefold() != _visible_text(before).casefold():
            problems.append(f"{path}: visible text changed")
        if not tracked:
            continue
        found_before += sum(1 for _ in _tracking(before))
        if left := sorted(set(_tracking(after))):
            problems.append(f"{path}: tracking parameters left: {left}")
        links_fixed = Document(source.with_text(links_only.fix(source).text))
        if _link_texts(links_fixed) != _link_texts(before):
            problems.append(f"{path}: a link's text changed")
    assert checked > 500
    assert found_before > 1000, "the corpus should hold many tracking parameters to strip"
    assert problems == []
