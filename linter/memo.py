"""Answers several rules need about one document, worked out once per document.

When two rules ask the same question about a tag (which network its href goes through,
say), the second gets the first's answer. The memos hang off each Document weakly, so
they go when the document goes, and a new text (the fix loop's next pass) starts afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import wraps
from operator import attrgetter
from typing import Generic, TypeVar
from weakref import WeakKeyDictionary

from linter.document import Document
from linter.tokens import StartTag

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


def per_document(compute: Callable[[Document], ValueT]) -> Callable[[Document], ValueT]:
    """`compute(doc)` worked out once per document (the engine and rules may all ask)."""
    memos: WeakKeyDictionary[Document, ValueT] = WeakKeyDictionary()

    @wraps(compute)
    def remembered(doc: Document) -> ValueT:
        if doc in memos:
            return memos[doc]
        memos[doc] = value = compute(doc)
        return value

    return remembered


def tags_in_order(doc: Document, names: Collection[str]) -> Sequence[StartTag]:
    """`doc.start_tags(*names)` without its sort: for a few names, their lists (most posts
    have `<a>` but no `<area>`); for many, one pass over all the tags."""
    if len(names) > 2:
        return [tag for tag in doc.start_tags() if tag.name in names]
    found: list[list[StartTag]] = []
    for name in names:
        tags = list(doc.start_tags(name))
        if tags:
            found.append(tags)
    if len(found) <= 1:
        return found[0] if found else ()
    return sorted((tag for tags in found for tag in tags), key=attrgetter("start"))
