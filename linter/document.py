"""The parsed view of a post that rules read: tokens with exact spans, front matter, context."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import escape, unescape
from operator import attrgetter
from typing import TypeVar

from linter.markdown import FrontMatter, code_spans, find_front_matter
from linter.source import Source
from linter.tokens import Comment, EndTag, StartTag, Token, scan

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
_WINDOW = 40  # tokens, runs of text included, that text_before and text_after look through
_LINE = re.compile(r"[^\r\n]++")  # a line's characters, without its line break


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
        self.comments: list[Comment] = scanned.comments  # `<!-- -->` only, in order
        self._by_name: dict[str, list[StartTag]] | None = None
        self._prose: dict[int, bool] = {}  # start tag offset: whether its contents are prose
        self._enclosing: dict[str, dict[int, StartTag | None]] = {}
        self._first_child: dict[str, dict[int, StartTag]] = {}
        # Answers several rules (and the engine) need, by the function that works them out.
        self._remembered: dict[Callable[[Document], object], object] = {}

    def remembered(self, compute: Callable[[Document], T]) -> T:
        """`compute(self)`, worked out once for this document however many rules ask.

        The answer goes with the document, so the fix loop's next text starts afresh.
        """
        known = self._remembered
        if compute in known:
            return known[compute]  # type: ignore[return-value]
        value = known[compute] = compute(self)
        return value

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
        found = [tags for name in dict.fromkeys(names) if (tags := index.get(name))]
        if len(found) <= 1:  # most posts have `<a>` but no `<area>`: nothing to sort
            return iter(found[0] if found else ())
        # Each list is in source order, so sorting them together only merges the runs: over
        # the corpus, twice as fast as one pass over all tags for URL001's ten names.
        return iter(sorted((tag for tags in found for tag in tags), key=attrgetter("start")))

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
        """Markup tokens between a start tag and its matched end tag (empty when unmatched)."""
        if tag.end_tag is None:
            return []
        return self.tokens[tag.index + 1 : tag.end_tag.index]

    def text_span_before(self, index: int) -> tuple[int, int]:
        """The span of text between markup token `index - 1` (or the start) and token
        `index` (or the end); empty when they touch."""
        tokens = self.tokens
        start = tokens[index - 1].end if index > 0 else 0
        end = tokens[index].start if index < len(tokens) else len(self.masked)
        return start, end

    def text_spans(self, tag: StartTag) -> list[tuple[int, int]]:
        """The stretches of text inside an element, between its child tags and comments."""
        end_tag = tag.end_tag
        if end_tag is None:
            return []
        spans: list[tuple[int, int]] = []
        position = tag.end
        for token in self.tokens[tag.index + 1 : end_tag.index]:
            if token.start > position:
                spans.append((position, token.start))
            position = token.end
        if end_tag.start > position:
            spans.append((position, end_tag.start))
        return spans

    def inner_text(self, tag: StartTag) -> str:
        """Visible text inside an element, entities decoded, tags dropped."""
        masked = self.masked
        end_tag = tag.end_tag
        if end_tag is None:
            return ""
        if end_tag.index == tag.index + 1:  # the usual link or span: text only
            return _decoded(masked[tag.end : end_tag.start])
        return "".join(_decoded(masked[start:end]) for start, end in self.text_spans(tag))

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
        """Visible text just before markup token `index`, across inline tags and comments.

        Returns the text (at most about 80 characters) and whether a boundary (a block
        element, a line break, an image, the start of the post...) ended it rather than
        the length limit. It looks at most 40 tokens back, counting each run of text.
        """
        parts: list[str] = []
        size = 0
        masked = self.masked
        tokens = self.tokens
        budget = _WINDOW
        while True:
            start = tokens[index - 1].end if index > 0 else 0
            end = tokens[index].start
            if end > start:
                if not budget:
                    return "".join(reversed(parts)), False
                budget -= 1
                piece = _decoded(masked[max(start, end - _CONTEXT) : end])
                parts.append(piece)
                size += len(piece)
                if size >= _CONTEXT:
                    return "".join(reversed(parts)), False
            if index == 0:
                return "".join(reversed(parts)), True
            if not budget:
                return "".join(reversed(parts)), False
            budget -= 1
            index -= 1
            if not transparent(tokens[index]):
                return "".join(reversed(parts)), True

    def text_after(self, index: int) -> tuple[str, bool]:
        """Visible text just after markup token `index`; see `text_before`."""
        parts: list[str] = []
        size = 0
        masked = self.masked
        tokens = self.tokens
        last = len(tokens) - 1
        budget = _WINDOW
        while True:
            start = tokens[index].end
            end = tokens[index + 1].start if index < last else len(masked)
            if end > start:
                if not budget:
                    return "".join(parts), False
                budget -= 1
                piece = _decoded(masked[start : min(end, start + _CONTEXT)])
                parts.append(piece)
                size += len(piece)
                if size >= _CONTEXT:
                    return "".join(parts), False
            if index == last:
                return "".join(parts), True
            if not budget:
                return "".join(parts), False
            budget -= 1
            index += 1
            if not transparent(tokens[index]):
                return "".join(parts), True


_TAGS = (StartTag, EndTag)


def _decoded(raw: str) -> str:
    return unescape(raw) if "&" in raw else raw


def transparent(token: Token) -> bool:
    """Whether words run on across the token: a comment, or an inline element's tag."""
    kind = type(token)
    return kind is Comment or (kind in _TAGS and token.name in INLINE)  # type: ignore[attr-defined]


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
        # A run of spaces per line, not one substitution per character: code blocks are long.
        pieces.append(_LINE.sub(_spaces, text[start:end]))
        last = max(last, end)
    pieces.append(text[last:])
    return "".join(pieces)


def _spaces(line: re.Match[str]) -> str:
    return " " * (line.end() - line.start())


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
T = TypeVar("T")


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
