"""The parsed view of a post that rules read: tokens with exact spans, front matter, context."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import escape, unescape
from typing import TypeVar

from linter.markdown import FrontMatter, code_spans, find_front_matter
from linter.source import Source
from linter.tokens import Comment, EndTag, StartTag, Text, Token, scan

# Elements that words continue across (phrasing content); anything else ends a word.
INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
    ]
)
NOT_PROSE = frozenset({"pre", "code", "script", "style", "textarea", "kbd", "samp"})
_CONTEXT = 80
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


class Document:
    """One post: the original text, a masked copy (front matter and code blanked), tokens."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.text = source.text
        self.front_matter: FrontMatter | None = find_front_matter(self.text)
        hidden: list[tuple[int, int]] = []
        body_start = 0
        if self.front_matter is not None:
            hidden.append((0, self.front_matter.end))
            body_start = self.front_matter.end
        if source.markdown:
            hidden.extend(code_spans(self.text, body_start))
        self.hidden = hidden
        self.masked = _blank(self.text, hidden)
        scanned = scan(self.masked)
        self.tokens: list[Token] = scanned.tokens
        self._start_tags = scanned.start_tags
        self._by_name: dict[str, list[StartTag]] | None = None
        self._prose: dict[int, bool] = {}  # start tag offset: whether its contents are prose
        self._enclosing: dict[str, dict[int, StartTag | None]] = {}
        self._first_child: dict[str, dict[int, StartTag]] = {}

    @property
    def path(self) -> str:
        return self.source.path

    def start_tags(self, *names: str) -> Iterator[StartTag]:
        """Start tags in source order, of the given (lower-case) names or of all elements."""
        if not names:
            return iter(self._start_tags)
        index = self._index()
        if len(names) == 1:
            return iter(index.get(names[0], ()))
        tags = [tag for name in names for tag in index.get(name, ())]
        return iter(sorted(tags, key=lambda tag: tag.start))

    def _index(self) -> dict[str, list[StartTag]]:
        if self._by_name is None:
            index: dict[str, list[StartTag]] = {}
            for tag in self._start_tags:
                named = index.get(tag.name)
                if named is None:
                    index[tag.name] = [tag]
                else:
                    named.append(tag)
            self._by_name = index
        return self._by_name

    def raw(self, token: Token) -> str:
        return self.masked[token.start : token.end]

    def children(self, tag: StartTag) -> list[Token]:
        """Tokens between a start tag and its matched end tag (empty when unmatched)."""
        if tag.end_tag is None:
            return []
        return self.tokens[tag.index + 1 : tag.end_tag.index]

    def inner_text(self, tag: StartTag) -> str:
        """Visible text inside an element, entities decoded, tags dropped."""
        masked = self.masked
        return "".join(
            _decoded(masked[t.start : t.end]) for t in self.children(tag) if type(t) is Text
        )

    def is_prose(self, tag: StartTag) -> bool:
        """False inside pre, code, script, style and textarea, whose text is not prose."""
        return _fold_ancestors(
            tag, self._prose, True, lambda prose, node: prose and node.name not in NOT_PROSE
        )

    def enclosing(self, tag: StartTag, name: str) -> StartTag | None:
        """The nearest element named `name` around `tag`; remembered, so nests stay linear."""
        known = self._enclosing.setdefault(name, {})
        return _fold_ancestors(
            tag, known, None, lambda found, node: node if node.name == name else found
        )

    def first_child(self, parent: StartTag, name: str) -> StartTag | None:
        """The first element named `name` directly inside `parent`."""
        if name not in self._first_child:
            firsts: dict[int, StartTag] = {}
            for tag in self.start_tags(name):
                if tag.parent is not None:
                    firsts.setdefault(tag.parent.start, tag)
            self._first_child[name] = firsts
        return self._first_child[name].get(parent.start)

    def text_before(self, index: int) -> tuple[str, bool]:
        """Visible text just before token `index`, across inline tags and comments.

        Returns the text (at most about 80 characters) and whether a boundary (a block
        element, a line break, an image...) ended it rather than the length limit.
        """
        parts: list[str] = []
        size = 0
        masked = self.masked
        for token in reversed(self.tokens[max(0, index - 40) : index]):
            kind = type(token)
            if kind is Text:
                start = max(token.start, token.end - _CONTEXT)
                piece = _decoded(masked[start : token.end])
                parts.append(piece)
                size += len(piece)
                if size >= _CONTEXT:
                    return "".join(reversed(parts)), False
            elif not (kind is Comment or (kind in _TAGS and token.name in INLINE)):  # type: ignore[attr-defined]
                return "".join(reversed(parts)), True
        return "".join(reversed(parts)), index <= 40

    def text_after(self, index: int) -> tuple[str, bool]:
        """Visible text just after token `index`; see `text_before`."""
        parts: list[str] = []
        size = 0
        masked = self.masked
        for token in self.tokens[index + 1 : index + 41]:
            kind = type(token)
            if kind is Text:
                piece = _decoded(masked[token.start : min(token.end, token.start + _CONTEXT)])
                parts.append(piece)
                size += len(piece)
                if size >= _CONTEXT:
                    return "".join(parts), False
            elif not (kind is Comment or (kind in _TAGS and token.name in INLINE)):  # type: ignore[attr-defined]
                return "".join(parts), True
        return "".join(parts), index + 41 >= len(self.tokens)


_TAGS = (StartTag, EndTag)


def _decoded(raw: str) -> str:
    return unescape(raw) if "&" in raw else raw


def transparent(token: Token) -> bool:
    """Whether words run on across the token: a comment, or an inline element's tag."""
    if isinstance(token, Comment):
        return True
    if isinstance(token, StartTag | EndTag):
        return token.name in INLINE
    return False


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace every character of the spans with a space, except line breaks."""
    if not spans:
        return text
    pieces: list[str] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            start = last
        pieces.append(text[last:start])
        pieces.append(_NOT_LINE_BREAK.sub(" ", text[start:end]))
        last = max(last, end)
    pieces.append(text[last:])
    return "".join(pieces)


def escape_text(text: str) -> str:
    """Text as it must appear between tags."""
    return escape(text, quote=False)


def format_attribute_value(value: str, quote: str = '"') -> str:
    """An attribute value, quoted with `quote` and escaped so it reads back as `value`."""
    escaped = value.replace("&", "&amp;")
    if quote == "'":
        return "'" + escaped.replace("'", "&#39;") + "'"
    return '"' + escaped.replace('"', "&quot;") + '"'


def format_attribute(name: str, value: str, quote: str = '"') -> str:
    return f"{name}={format_attribute_value(value, quote)}"


FoldT = TypeVar("FoldT")


def _fold_ancestors(
    tag: StartTag,
    known: dict[int, FoldT],
    outermost: FoldT,
    step: Callable[[FoldT, StartTag], FoldT],
) -> FoldT:
    """Fold `step` over the ancestors of `tag` from the outermost in, remembering each
    element's value (keyed by its start), so a deep nest costs one walk up in all."""
    chain: list[StartTag] = []
    node = tag.parent
    while node is not None and node.start not in known:
        chain.append(node)
        node = node.parent
    value = outermost if node is None else known[node.start]
    for node in reversed(chain):
        value = step(value, node)
        known[node.start] = value
    return value
