"""The invariant checker itself: each broken promise is caught (so a pass means something)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from linter.config import Settings
from linter.document import Document
from linter.engine import Linter
from linter.model import Applicability, Edit, Finding, Fix, Severity
from linter.registry import FixAvailability, Rule
from linter.source import Source
from linter.tokens import EndTag, StartTag
from tests.invariants import check_post

Check = Callable[[Document, Settings], Iterator[Finding]]


def _rule(check: Check) -> Rule:
    return Rule("HTM999", "fake", "fake", Severity.WARNING, FixAvailability.ALWAYS, "", check, "")


def _violations(check: Check, text: str, *, markdown: bool = False) -> list[str]:
    linter = Linter([_rule(check)], Settings())
    source = Source("post.md" if markdown else "post.html", text, markdown=markdown)
    return check_post(linter, source, Applicability.SAFE).violations


def _once(doc: Document, edit: Edit, *, safe: bool = True) -> Iterator[Finding]:
    """Yield the edit as a fix unless the document already shows its result."""
    if doc.text[edit.start : edit.end] != edit.replacement:
        fix = Fix.safe("f", edit) if safe else Fix.unsafe("f", edit)
        yield Finding(edit.start, edit.end, "m", fix)


def test_a_clean_fix_passes() -> None:
    def unwrap(doc: Document, _: Settings) -> Iterator[Finding]:
        for tag in doc.start_tags("span"):
            assert tag.end_tag is not None
            fix = Fix.safe("f", Edit.delete(tag.start, tag.end), Edit.delete(*_span(tag.end_tag)))
            yield Finding(tag.start, tag.end, "m", fix)

    assert _violations(unwrap, "<p>a <span>b</span> c</p>") == []


def _span(token: EndTag) -> tuple[int, int]:
    return token.start, token.end


def test_an_edit_inside_front_matter_is_caught() -> None:
    def touch(doc: Document, _: Settings) -> Iterator[Finding]:
        yield from _once(doc, Edit(5, 6, "X"))

    assert any("front matter" in v for v in _violations(touch, "---\nab: c\n---\n<p>x</p>"))


def test_an_edit_inside_markdown_code_is_caught() -> None:
    def touch(doc: Document, _: Settings) -> Iterator[Finding]:
        at = doc.text.lower().index("span")
        yield from _once(doc, Edit(at, at + 4, "SPAN"))

    found = _violations(touch, "x\n\n```\n<span>\n```\n", markdown=True)
    assert any("Markdown code" in v for v in found)


def test_a_safe_fix_that_changes_words_is_caught() -> None:
    def reword(doc: Document, _: Settings) -> Iterator[Finding]:
        yield from _once(doc, Edit(3, 8, "world"))

    assert any("visible text" in v for v in _violations(reword, "<p>hello</p>"))


def test_a_fix_may_change_letter_case_only_where_it_wrote() -> None:
    def recase(doc: Document, _: Settings) -> Iterator[Finding]:
        yield from _once(doc, Edit(3, 8, "HELLO"))

    assert _violations(recase, "<p>hello</p>") == []


def test_removing_only_an_end_tag_is_caught() -> None:
    def drop_end(doc: Document, _: Settings) -> Iterator[Finding]:
        for token in doc.tokens:
            if isinstance(token, EndTag) and token.name == "i":
                yield Finding(
                    token.start, token.end, "m", Fix.safe("f", Edit.delete(*_span(token)))
                )

    assert any("moved" in v for v in _violations(drop_end, "<p><i>a</i> b</p>"))


def test_renaming_an_element_is_caught() -> None:
    def rename(doc: Document, _: Settings) -> Iterator[Finding]:
        for tag in doc.start_tags("b"):
            yield Finding(
                tag.start, tag.end, "m", Fix.safe("f", Edit(tag.start + 1, tag.start + 2, "i"))
            )

    assert any("changed into" in v for v in _violations(rename, "<p><b>a</b></p>"))


def test_adding_an_element_is_caught() -> None:
    def add(doc: Document, _: Settings) -> Iterator[Finding]:
        if "<b>" not in doc.text:
            yield Finding(0, 0, "m", Fix.safe("f", Edit.insert(3, "<b>")))

    assert any("added an element" in v for v in _violations(add, "<p>a</p>"))


def test_fixes_that_never_settle_are_caught() -> None:
    def flip(doc: Document, _: Settings) -> Iterator[Finding]:
        tag = next(doc.start_tags())
        assert isinstance(tag, StartTag)
        other = "i" if tag.name == "b" else "b"
        yield Finding(0, 1, "m", Fix.safe("f", Edit(tag.start + 1, tag.start + 2, other)))

    assert _violations(flip, "<b>a") == ["fixes did not settle within the pass limit"]


@pytest.mark.parametrize("text", ["<p>a</p>", "x"])
def test_no_fix_means_nothing_to_check(text: str) -> None:
    def nothing(doc: Document, _: Settings) -> Iterator[Finding]:
        yield Finding(0, 1, "m")

    assert _violations(nothing, text) == []
