"""A position-exact HTML tokeniser: start tags with attribute spans, end tags, text, comments.

It follows the WHATWG tokeniser closely enough to agree with browsers on where each tag
starts and ends, and it never re-serialises anything: every token is a span of the text.
`scan` lists the markup only (tags, comments, raw text...); the text is what lies between
two tokens, so no object is made for it. All patterns use possessive quantifiers, so
scanning stays linear on hostile input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from linter.charrefs import decode_value

_WS = "\t\n\f\r "
_ATTRIBUTE = re.compile(
    r"""[\t\n\f\r /]*+
    (?P<name>[^\t\n\f\r />][^\t\n\f\r />=]*+)
    (?:[\t\n\f\r ]*+=[\t\n\f\r ]*+
       (?:"(?P<dq>[^"]*+)"|'(?P<sq>[^']*+)'|(?P<uq>[^\t\n\f\r >]++))?+
    )?+""",
    re.VERBOSE,
)
# After `=`, a value that opens a quote runs to the closing quote; with none, the file ends
# inside the tag (`<a href="mailto:sarah.re<p>…`), so the tag does not match at all.
_ATTRIBUTES = r"""(?:[\t\n\f\r /]*+[^\t\n\f\r />][^\t\n\f\r />=]*+
        (?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:"[^"]*+"|'[^']*+'|(?!["'])[^\t\n\f\r >]*+)
          |(?![\t\n\f\r ]*+=))
    )*+"""
_START_TAG = re.compile(
    rf"""<(?P<name>[A-Za-z][^\t\n\f\r />]*+)
    (?P<attrs>{_ATTRIBUTES})
    [\t\n\f\r /]*+>""",
    re.VERBOSE,
)
_END_TAG = re.compile(
    rf"</(?P<name>[A-Za-z][^\t\n\f\r />]*+){_ATTRIBUTES}[\t\n\f\r /]*+>", re.VERBOSE
)
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed"})
_RAW_END: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"</{name}(?=[\t\n\f\r />])", re.IGNORECASE) for name in _RAW_TEXT
}
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    ]
)


@dataclass(slots=True, eq=False)
class Attribute:
    """One attribute: `start:end` spans `name="value"`; `value_start:value_end` the raw value."""

    name: str
    start: int
    end: int
    value_start: int
    value_end: int
    quote: str  # '"', "'", "" for unquoted, or None-like "" with has_value False
    has_value: bool
    raw_value: str

    @property
    def value(self) -> str:
        """The value as browsers read it (character references decoded the attribute way)."""
        return decode_value(self.raw_value)


@dataclass(slots=True, eq=False)
class Token:
    start: int
    end: int
    index: int


@dataclass(slots=True, eq=False)
class Text(Token):
    """Text between two markup tokens; only `tokenize` makes these (its index is -1)."""


@dataclass(slots=True, eq=False)
class Comment(Token):
    pass


@dataclass(slots=True, eq=False)
class Other(Token):
    """Doctype, processing instruction, CDATA or a bogus comment."""


@dataclass(slots=True, eq=False)
class RawText(Token):
    """Contents of script, style, textarea, title and the like: never markup, never prose."""


@dataclass(slots=True, eq=False)
class Broken(Token):
    """A tag the file ends inside (`<a href="mailto:sarah.re`): never read, never edited."""


@dataclass(slots=True, eq=False)
class StartTag(Token):
    name: str
    source: str = field(repr=False)
    attrs_start: int
    attrs_end: int
    parent: StartTag | None = None
    end_tag: EndTag | None = None
    # True for an <a> that closed a link still open before it (links never nest).
    closed_others: bool = False
    _named: dict[str, Attribute] | None = field(default=None, repr=False)

    @property
    def attributes(self) -> list[Attribute]:
        """The attributes in source order, the first of duplicated names only."""
        return list(self._attributes_by_name().values())

    def _attributes_by_name(self) -> dict[str, Attribute]:
        named = self._named
        if named is None:
            named = self._named = parse_attributes(self.source, self.attrs_start, self.attrs_end)
        return named

    def attr(self, name: str) -> Attribute | None:
        """The first attribute of that (lower-case) name, as browsers read it."""
        named = self._named
        if named is None:
            if self.attrs_start == self.attrs_end:
                return None
            named = self._attributes_by_name()
        return named.get(name)

    def get(self, name: str) -> str | None:
        attribute = self.attr(name)
        return None if attribute is None else attribute.value

    @property
    def has_attributes(self) -> bool:
        return self.attrs_start != self.attrs_end and bool(self._attributes_by_name())

    @property
    def self_closing(self) -> bool:
        return self.source[self.end - 2] == "/"

    @property
    def insert_at(self) -> int:
        """Where a new attribute goes: after the last one (before `>` or `/>`)."""
        last = next(reversed(self._attributes_by_name().values()), None)
        return self.start + 1 + len(self.name) if last is None else last.end

    @property
    def unwraps_cleanly(self) -> bool:
        """Whether deleting this tag and its end tag leaves every other element as it was.

        False when the end tag also closed elements opened inside (`<span><i>a</span>b`:
        without the span, `b` would turn italic), or when this start tag closed an open
        link (without it, that link would go on).
        """
        if self.closed_others:
            return False
        return self.end_tag is None or not self.end_tag.closed_others

    def ancestors(self) -> list[StartTag]:
        found: list[StartTag] = []
        node = self.parent
        while node is not None:
            found.append(node)
            node = node.parent
        return found


@dataclass(slots=True, eq=False)
class EndTag(Token):
    name: str
    # The token index of the start tag this end tag closes, or -1 for a stray end tag. An
    # index, not a reference: tokens hold no reference cycles, so a document's tokens are
    # freed as soon as it is dropped, without waiting for the garbage collector.
    opener: int = -1
    # True when closing its start tag also closed elements opened after it and still open.
    closed_others: bool = False


_QUOTES = {_ATTRIBUTE.groupindex["dq"]: '"', _ATTRIBUTE.groupindex["sq"]: "'"}


def parse_attributes(text: str, start: int, end: int) -> dict[str, Attribute]:
    """The attributes in `text[start:end]` by lower-case name, in source order.

    Browsers keep the first of duplicated attributes, so later ones are left out.
    """
    found: dict[str, Attribute] = {}
    # The span was matched as a run of attributes, so the matches follow one another.
    for match in _ATTRIBUTE.finditer(text, start, end):
        name = match.group(1).lower()
        if name in found:
            continue
        kind = match.lastindex
        attribute_end = match.end()
        if kind == 1:
            # `name=` with nothing after it has an empty value; a bare name has none.
            has_equals = "=" in text[match.end(1) : attribute_end]
            found[name] = Attribute(
                name,
                match.start(1),
                attribute_end,
                attribute_end,
                attribute_end,
                "",
                has_equals,
                "",
            )
        else:
            assert kind is not None
            value_start, value_end = match.span(kind)
            found[name] = Attribute(
                name,
                match.start(1),
                attribute_end,
                value_start,
                value_end,
                _QUOTES.get(kind, ""),
                True,
                text[value_start:value_end],
            )
    return found


# One match per tag: a start or end tag, or (tried last) any other `<` that starts markup:
# comments, doctypes, processing instructions, and tags the file ends inside. The text
# between two matches is a Text token. The rare third kind is handled by `_scan_markup`,
# and scanning then goes on after it.
_MARKUP_STEP = re.compile(
    rf"""<(?:(?P<start>[A-Za-z][^\t\n\f\r />]*+)(?P<attrs>{_ATTRIBUTES})[\t\n\f\r /]*+>
    |/(?P<end>[A-Za-z][^\t\n\f\r />]*+){_ATTRIBUTES}[\t\n\f\r /]*+>
    |(?P<other>[A-Za-z/!?]))""",
    re.VERBOSE,
)
# `match.lastindex` says which kind matched: a start tag, an end tag, other markup.
_START, _ATTRS, _END = (_MARKUP_STEP.groupindex[group] for group in ("start", "attrs", "end"))


@dataclass(slots=True)
class Scan:
    """A tokenised text: its markup tokens, and its start tags and comments in order."""

    tokens: list[Token]
    start_tags: list[StartTag]
    comments: list[Comment]


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens covering it without gaps: the markup tokens of `scan`, with
    a Text token for each stretch of text between them (indexes stay those of `scan`)."""
    covering: list[Token] = []
    position = 0
    for token in scan(text).tokens:
        if token.start > position:
            covering.append(Text(position, token.start, -1))
        covering.append(token)
        position = token.end
    if position < len(text):
        covering.append(Text(position, len(text), -1))
    return covering


def scan(text: str) -> Scan:
    """Tokenise `text` in one pass, listing the start tags and comments on the way."""
    tokens: list[Token] = []
    comments: list[Comment] = []
    append = tokens.append
    start_tags: list[StartTag] = []
    add_start_tag = start_tags.append
    stack: list[StartTag] = []
    push, pop = stack.append, stack.pop
    open_counts: dict[str, int] = {}  # open elements by name, so stray end tags cost nothing
    finditer = _MARKUP_STEP.finditer
    length = len(text)
    position = 0  # where the text not yet tokenised starts
    resume = 0  # where the search for markup goes on
    while resume < length:
        for found in finditer(text, resume):
            tag_start, end = found.span()
            kind = found.lastindex
            if kind == _ATTRS:
                name = found.group(_START).lower()
                attrs_start, attrs_end = found.span(_ATTRS)
                closes_link = name == "a" and bool(open_counts.get("a"))
                if closes_link:
                    _close_open_link(stack, open_counts)
                tag = StartTag(
                    tag_start,
                    end,
                    len(tokens),
                    name,
                    text,
                    attrs_start,
                    attrs_end,
                    stack[-1] if stack else None,
                )
                if closes_link:
                    tag.closed_others = True
                append(tag)
                add_start_tag(tag)
                if name in _RAW_TEXT:
                    position = _scan_raw_text(text, tag, tokens)
                    break
                if name not in VOID:
                    push(tag)
                    open_counts[name] = open_counts.get(name, 0) + 1
            elif kind == _END:
                name = found.group(_END).lower()
                end_tag = EndTag(tag_start, end, len(tokens), name)
                append(end_tag)
                if stack and stack[-1].name == name:  # the usual case: it closes the last one
                    open_tag = pop()
                    open_counts[name] -= 1
                    open_tag.end_tag = end_tag
                    end_tag.opener = open_tag.index
                elif open_counts.get(name):
                    _close(stack, open_counts, end_tag)
            else:
                position = _scan_markup(text, tag_start, tokens, stack, open_counts, comments)
                break
            position = end
        else:
            break
        resume = position
    return Scan(tokens, start_tags, comments)


def _close(stack: list[StartTag], open_counts: dict[str, int], end_tag: EndTag) -> None:
    """Match an end tag with the nearest open element of its name; inner ones close too."""
    name = end_tag.name
    while stack:
        open_tag = stack.pop()
        open_counts[open_tag.name] -= 1
        if open_tag.name == name:
            open_tag.end_tag = end_tag
            end_tag.opener = open_tag.index
            return
        end_tag.closed_others = True


def _scan_markup(
    text: str,
    lt: int,
    tokens: list[Token],
    stack: list[StartTag],
    open_counts: dict[str, int],
    comments: list[Comment],
) -> int:
    """Tokens at a `<` that starts no text, start tag or end tag; the position after them."""
    length = len(text)
    second = text[lt + 1]
    if second == "!":
        return _scan_bang(text, lt, tokens, comments)
    if second == "?":
        close = text.find(">", lt)
        end = length if close < 0 else close + 1
        tokens.append(Other(lt, end, len(tokens)))
        return end
    if second == "/":
        return _scan_end_tag(text, lt, tokens, stack, open_counts)
    tokens.append(Broken(lt, length, len(tokens)))  # the file ends inside this start tag
    return length


def _close_open_link(stack: list[StartTag], open_counts: dict[str, int]) -> None:
    """Links never nest: browsers close an open `<a>` (and what is inside it) at the next."""
    while stack:
        open_tag = stack.pop()
        open_counts[open_tag.name] -= 1
        if open_tag.name == "a":
            return


def _scan_bang(text: str, lt: int, tokens: list[Token], comments: list[Comment]) -> int:
    length = len(text)
    if text.startswith("<!--", lt):
        if text.startswith(">", lt + 4):
            end = lt + 5
        elif text.startswith("->", lt + 4):
            end = lt + 6
        else:
            close = text.find("-->", lt + 4)
            bang = text.find("--!>", lt + 4)
            if close < 0 or (0 <= bang < close):
                close = bang + 1 if bang >= 0 else -1
            end = length if close < 0 else close + 3
        comment = Comment(lt, end, len(tokens))
        tokens.append(comment)
        comments.append(comment)
        return end
    if text.startswith("<![CDATA[", lt):
        close = text.find("]]>", lt)
        end = length if close < 0 else close + 3
    else:
        close = text.find(">", lt)
        end = length if close < 0 else close + 1
    tokens.append(Other(lt, end, len(tokens)))
    return end


def _scan_end_tag(
    text: str, lt: int, tokens: list[Token], stack: list[StartTag], open_counts: dict[str, int]
) -> int:
    named = lt + 2 < len(text) and text[lt + 2].isascii() and text[lt + 2].isalpha()
    # Only `</` + letter can be an end tag: `</1>` is not tried, so it costs no scan.
    match = _END_TAG.match(text, lt) if named else None
    if match is None:
        if named:
            tokens.append(Broken(lt, len(text), len(tokens)))
            return len(text)
        close = text.find(">", lt)
        end = len(text) if close < 0 else close + 1
        tokens.append(Other(lt, end, len(tokens)))
        return end
    name = match["name"].lower()
    end_tag = EndTag(lt, match.end(), len(tokens), name)
    tokens.append(end_tag)
    if open_counts.get(name):
        _close(stack, open_counts, end_tag)
    return match.end()


def _scan_raw_text(text: str, tag: StartTag, tokens: list[Token]) -> int:
    found = _RAW_END[tag.name].search(text, tag.end)
    stop = len(text) if found is None else found.start()
    if stop > tag.end:
        tokens.append(RawText(tag.end, stop, len(tokens)))
    if found is None:
        return stop
    match = _END_TAG.match(text, stop)
    if match is None:
        tokens.append(Broken(stop, len(text), len(tokens)))
        return len(text)
    end_tag = EndTag(stop, match.end(), len(tokens), tag.name, tag.index)
    tag.end_tag = end_tag
    tokens.append(end_tag)
    return match.end()
