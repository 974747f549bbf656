"""Per-document memos."""

from __future__ import annotations

from linter.document import Document
from linter.memo import PerDocument
from linter.source import Source


def _document(html: str) -> Document:
    return Document(Source("post.html", html))


def test_memo_is_per_document() -> None:
    memo: PerDocument[str, int] = PerDocument()
    first, second = _document("<p>a</p>"), _document("<p>a</p>")
    memo.of(first)["seen"] = 1
    assert memo.of(first) == {"seen": 1}
    assert memo.of(second) == {}
