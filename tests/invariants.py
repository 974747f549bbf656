"""What a fix must never break, checked on one post at a time.

`check_post` replays the engine's fix loop pass by pass (the same `fix_pass` the engine
uses), applies every pass with its own code, and compares with `Linter.fix`. From the
replay it knows, for every character of the result, which original character it is (or
that a fix wrote it), so it can check:

- the engine's text is exactly the original with the chosen edits applied, nothing else;
- fixing the fixed text again changes nothing (idempotence);
- no edit cuts into front matter, Markdown code, a tag the file ends inside, or the contents
  of a script or style element (an edit may remove such a part whole, never change it);
- safe fixes keep the visible text, except the letter case of characters a fix wrote;
- every element either survives (same name, same nearest surviving parent) or was removed
  whole or unwrapped, every text run keeps its parent element, and no element appears;
- lxml, an independent HTML parser, agrees: the element names after the fix are the ones
  before it, less the removed ones, in the same order.

Used by the property tests (generated posts) and by `python -m tests.corpus_check`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from html import unescape

import lxml.html
from lxml import etree

from linter.document import Document
from linter.engine import Linter
from linter.fix import MAX_PASSES, fix_pass
from linter.model import Applicability, Edit
from linter.source import Source
from linter.tokens import _RAW_TEXT, VOID, Broken, EndTag, RawText, StartTag, Text, Token

_AMPERSAND = re.compile(r"(?=&)")


@dataclass
class Outcome:
    """What happened to one post, and every broken invariant (empty when all is well)."""

    path: str
    fixed: str
    edits: int = 0
    passes: int = 0
    violations: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.edits > 0


@dataclass
class _Replay:
    text: str
    origin: list[int]  # per character of `text`: its offset in the original, or -1 if written
    edits: int
    passes: int
    safe_only: bool
    converged: bool


def _apply(text: str, origin: list[int], edits: list[Edit]) -> tuple[str, list[int]]:
    """Apply sorted, non-overlapping edits; written characters get origin -1."""
    pieces: list[str] = []
    origins: list[int] = []
    last = 0
    for edit in edits:
        pieces.append(text[last : edit.start])
        origins.extend(origin[last : edit.start])
        pieces.append(edit.replacement)
        origins.extend([-1] * len(edit.replacement))
        last = edit.end
    pieces.append(text[last:])
    origins.extend(origin[last:])
    return "".join(pieces), origins


def _replay(linter: Linter, source: Source, wanted: Applicability, problems: list[str]) -> _Replay:
    text = source.text
    origin = list(range(len(text)))
    edits = passes = 0
    safe_only = True
    for _ in range(MAX_PASSES + 1):
        diagnostics = linter.lint(source.with_text(text))
        chosen = fix_pass(text, diagnostics, wanted, markdown=source.markdown)
        if not chosen:
            return _Replay(text, origin, edits, passes, safe_only, True)
        batch = sorted(edit for d in chosen if d.fix for edit in d.fix.edits)
        for edit in batch:
            if not 0 <= edit.start <= edit.end <= len(text):
                problems.append(f"edit {edit} outside the text (length {len(text)})")
                return _Replay(text, origin, edits, passes, safe_only, True)
        for earlier, later in itertools.pairwise(batch):
            if earlier.end > later.start:
                problems.append(f"chosen edits overlap: {earlier} and {later}")
                return _Replay(text, origin, edits, passes, safe_only, True)
        safe_only &= all(
            d.fix is not None and d.fix.applicability is Applicability.SAFE for d in chosen
        )
        text, origin = _apply(text, origin, batch)
        edits += len(batch)
        passes += 1
    return _Replay(text, origin, edits, passes, safe_only, False)


def check_post(
    linter: Linter,
    source: Source,
    wanted: Applicability = Applicability.UNSAFE,
    *,
    use_lxml: bool = True,
) -> Outcome:
    problems: list[str] = []
    result = linter.fix(source, wanted)
    replay = _replay(linter, source, wanted, problems)
    outcome = Outcome(source.path, result.text, replay.edits, replay.passes, problems)
    if problems:
        return outcome
    if not replay.converged or not result.converged:
        problems.append("fixes did not settle within the pass limit")
        return outcome
    if result.text != replay.text:
        problems.append(
            _first_difference("engine result differs from its edits", result.text, replay.text)
        )
        return outcome
    again = linter.fix(source.with_text(result.text), wanted)
    if again.text != result.text:
        problems.append(
            _first_difference("fixing twice differs from fixing once", result.text, again.text)
        )
    if replay.edits == 0:
        return outcome
    before = Document(source)
    after = Document(source.with_text(replay.text))
    kept = _kept(len(source.text), replay.origin)
    problems.extend(_protected_parts(before, replay.origin, kept))
    if replay.safe_only:
        problems.extend(_visible_text(before, after, replay.origin))
    problems.extend(_structure(before, after, replay.origin, kept))
    if use_lxml:
        problems.extend(_lxml_elements(before, after, kept))
    return outcome


def _first_difference(what: str, a: str, b: str) -> str:
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return f"{what} at offset {at}: {a[at : at + 40]!r} vs {b[at : at + 40]!r}"


def _kept(length: int, origin: list[int]) -> list[int]:
    """Per original offset: where that character is in the result, or -1 if deleted."""
    new = [-1] * length
    for position, offset in enumerate(origin):
        if offset >= 0:
            new[offset] = position
    return new


def _touched(origin: list[int], length: int) -> list[tuple[int, int]]:
    """Original spans a fix changed: deleted runs, and insertion points as empty spans."""
    spans: list[tuple[int, int]] = []
    previous = -1  # original offset of the last kept character
    written = False
    for offset in [*origin, length]:
        if offset < 0:
            written = True
            continue
        if offset > previous + 1 or written:
            spans.append((previous + 1, offset))
        previous = offset
        written = False
    return spans


def _protected_parts(doc: Document, origin: list[int], kept: list[int]) -> list[str]:
    parts: list[tuple[int, int, str]] = [
        (s, e, "front matter or Markdown code") for s, e in doc.hidden
    ]
    for token in doc.tokens:
        if isinstance(token, Broken):
            parts.append((token.start, token.end, "a tag the file ends inside"))
        elif isinstance(token, RawText):
            parts.append((token.start, token.end, "script or style contents"))
    touched = _touched(origin, len(doc.text))
    ends = [end for _, end in touched]
    problems: list[str] = []
    for p_start, p_end, what in parts:
        # Touched spans are sorted and disjoint: those reaching into the part are contiguous.
        index = bisect.bisect_right(ends, p_start)
        while index < len(touched) and touched[index][0] < p_end:
            start, end = touched[index]
            index += 1
            if start <= p_start and p_end <= end and start < end:
                continue  # the whole part went, which a rule may do
            if start == end and not p_start < start < p_end:
                continue  # an insertion at the part's edge
            problems.append(f"a fix changed {what} at {p_start}-{p_end} (edit {start}-{end})")
    return problems


def _visible(doc: Document) -> tuple[str, list[int]]:
    """Visible text (entities decoded) and, per character, the source offset it came from."""
    chars: list[str] = []
    offsets: list[int] = []
    for token in _texts(doc):
        raw = doc.raw(token)
        start = token.start
        # An entity never spans an `&`: decode piece by piece, each starting at an `&`.
        for piece in _AMPERSAND.split(raw):
            decoded = unescape(piece) if piece.startswith("&") else piece
            same = _common_suffix(decoded, piece)
            chars.append(decoded)
            # The entity's characters come from the piece's start; the rest map one to one.
            offsets.extend([start] * (len(decoded) - same))
            offsets.extend(range(start + len(piece) - same, start + len(piece)))
            start += len(piece)
    return "".join(chars), offsets


def _common_suffix(a: str, b: str) -> int:
    size = 0
    while size < len(a) and size < len(b) and a[-1 - size] == b[-1 - size]:
        size += 1
    return size


def _visible_text(before: Document, after: Document, origin: list[int]) -> list[str]:
    old, _ = _visible(before)
    new, new_offsets = _visible(after)
    if old == new:
        return []
    if len(old) == len(new):
        for position, (a, b) in enumerate(zip(old, new, strict=True)):
            if a == b:
                continue
            written = origin[new_offsets[position]] < 0
            if not (written and a.lower() == b.lower()):
                return [_first_difference("a safe fix changed the visible text", old, new)]
        return []
    return [_first_difference("a safe fix changed the visible text", old, new)]


def _covering(doc: Document) -> list[Token]:
    """The document's markup tokens with a Text token for each run of text between them."""
    covering: list[Token] = []
    for index, token in enumerate(doc.tokens):
        start, end = doc.text_span_before(index)
        if end > start:
            covering.append(Text(start, end, -1))
        covering.append(token)
    start, end = doc.text_span_before(len(doc.tokens))
    if end > start:
        covering.append(Text(start, end, -1))
    return covering


def _texts(doc: Document) -> list[Token]:
    return [token for token in _covering(doc) if isinstance(token, Text)]


def _parents(doc: Document) -> tuple[dict[int, StartTag | None], dict[int, StartTag | None]]:
    """The element each start tag and text token sits in, as the tokeniser nests them.

    The tokeniser records each start tag's parent; an end tag that closes an element
    leaves its parent as the innermost open one (everything above it closed too).
    """
    tokens = doc.tokens
    tag_parent: dict[int, StartTag | None] = {}
    text_parent: dict[int, StartTag | None] = {}
    current: StartTag | None = None
    for token in _covering(doc):
        if isinstance(token, StartTag):
            tag_parent[token.start] = token.parent
            if token.name not in VOID and token.name not in _RAW_TEXT:
                current = token
        elif isinstance(token, EndTag):
            opener = tokens[token.opener] if token.opener >= 0 else None
            if isinstance(opener, StartTag) and opener.name not in _RAW_TEXT:
                current = opener.parent
        elif isinstance(token, Text):
            text_parent[token.start] = current
    return tag_parent, text_parent


def _structure(before: Document, after: Document, origin: list[int], kept: list[int]) -> list[str]:
    problems: list[str] = []
    old_tag_parent, old_text_parent = _parents(before)
    new_tag_parent, new_text_parent = _parents(after)
    new_tags = {t.start: t for t in after.tokens if isinstance(t, StartTag)}
    image: dict[int, int] = {}  # original start tag offset -> its offset in the result
    removed: set[int] = set()
    for tag in before.tokens:
        if not isinstance(tag, StartTag):
            continue
        at = kept[tag.start]
        survivor = new_tags.get(at) if at >= 0 else None
        if survivor is not None and survivor.name == tag.name:
            image[tag.start] = at
        elif all(kept[i] < 0 for i in range(tag.start, tag.end)):
            removed.add(tag.start)
        else:
            problems.append(f"<{tag.name}> at {tag.start} was changed into something else")
    if problems:
        return problems
    new_origin = {at: start for start, at in image.items()}
    for at, tag in new_tags.items():
        if at not in new_origin:
            problems.append(f"a fix added an element <{tag.name}> (result offset {at})")

    def surviving(parent: StartTag | None) -> int | None:
        while parent is not None and parent.start in removed:
            parent = old_tag_parent[parent.start]
        return None if parent is None else parent.start

    def mapped(parent: StartTag | None) -> int | None:
        return None if parent is None else new_origin.get(parent.start, -2)

    for start, at in image.items():
        expected = surviving(old_tag_parent[start])
        actual = mapped(new_tag_parent[at])
        if expected != actual:
            problems.append(f"element at {start} moved from parent {expected} to {actual}")
    new_text_starts = sorted(new_text_parent)
    for token in _texts(before):
        if not before.raw(token).strip():
            continue
        for offset in (token.start, token.end - 1):
            at = kept[offset]
            if at < 0:
                continue
            index = bisect.bisect_right(new_text_starts, at) - 1
            if index < 0:
                problems.append(f"text at {offset} is no longer text")
                continue
            expected = surviving(old_text_parent[token.start])
            actual = mapped(new_text_parent[new_text_starts[index]])
            if expected != actual:
                problems.append(f"text at {offset} moved from element {expected} to {actual}")
    return problems


def _element_names(text: str) -> list[str] | None:
    if not text.strip():
        return []
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    implied = {"html", "head", "body"}  # lxml adds them to any text, even none
    return [e.tag for e in root.iter() if isinstance(e.tag, str) and e.tag not in implied]


def _lxml_elements(before: Document, after: Document, kept: list[int]) -> list[str]:
    """lxml's elements after the fix are those before, less the removed ones, in order."""
    old = _element_names(before.masked)
    new = _element_names(after.masked)
    if old is None or new is None:
        return []
    removed = Counter(
        t.name
        for t in before.tokens
        if isinstance(t, StartTag) and all(kept[i] < 0 for i in range(t.start, t.end))
    )
    missing = Counter(old)
    missing.subtract(new)
    if +missing != removed or -missing:
        return [
            f"lxml elements: lost {dict(+missing)}, gained {dict(-missing)}, "
            f"removed {dict(removed)}"
        ]
    remaining = iter(old)
    if not all(name in remaining for name in new):
        return ["lxml elements: the order of elements changed"]
    return []
