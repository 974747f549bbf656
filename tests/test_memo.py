"""Per-document memos and the start tags of several names in source order."""

from __future__ import annotations

import pytest

from linter.document import Document
from linter.memo import PerDocument, per_document, tags_in_order
from linter.source import Source


def _document(html: str) -> Document:
    return Document(Source("post.html", html))


@pytest.mark.parametrize(
    "html",
    [
        pytest.param('<a href="1">x</a><a href="2">y</a>', id="links-only"),
        pytest.param('<map><area href="1"></map><a href="2">y</a>', id="area-first"),
        pytest.param('<a href="1">x</a><map><area href="2"><area href="3"></map><a>', id="mixed"),
        pytest.param("<p>no links</p>", id="none"),
    ],
)
def test_tags_in_order_matches_start_tags(html: str) -> None:
    doc = _document(html)
    for names in (("a", "area"), ("area",), ("a", "area", "map", "p")):
        assert list(tags_in_order(doc, names)) == list(doc.start_tags(*names))


def test_memo_is_per_document() -> None:
    memo: PerDocument[str, int] = PerDocument()
    first, second = _document("<p>a</p>"), _document("<p>a</p>")
    memo.of(first)["seen"] = 1
    assert memo.of(first) == {"seen": 1}
    assert memo.of(second) == {}


def test_per_document_computes_once_for_each_document() -> None:
    calls: list[Document] = []

    @per_document
    def length(doc: Document) -> int:
        calls.append(doc)
        return len(doc.text)

    first, second = _document("<p>a</p>"), _document("<p>bb</p>")
    assert [length(first), length(first), length(second)] == [8, 8, 9]
    assert calls == [first, second]
