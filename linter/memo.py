"""Answers several rules need about one document, worked out once per document.

When two rules ask the same question about a tag (which network its href goes through,
say), the second gets the first's answer. The memos hang off each Document weakly, so
they go when the document goes, and a new text (the fix loop's next pass) starts afresh.
"""

from __future__ import annotations

from typing import Generic, TypeVar
from weakref import WeakKeyDictionary

from linter.document import Document

KeyT = TypeVar("KeyT")
ValueT = TypeVar("ValueT")


class PerDocument(Generic[KeyT, ValueT]):
    """One dict of remembered answers for each live Document."""

    __slots__ = ("_memos",)

    def __init__(self) -> None:
        self._memos: WeakKeyDictionary[Document, dict[KeyT, ValueT]] = WeakKeyDictionary()

    def of(self, doc: Document) -> dict[KeyT, ValueT]:
        memo = self._memos.get(doc)
        if memo is None:
            memo = self._memos[doc] = {}
        return memo
