"""Front matter and Markdown code: the parts of a post that are not HTML to lint.

Each function returns spans of the original text. The Document blanks them out (newlines
kept), so offsets and line numbers stay true while rules never see their contents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.tokens import _END_TAG, _START_TAG

_FRONT_MATTER = re.compile(r"(?:[ \t]*(?:\r\n?|\n))*+(?P<fence>---|\+\+\+)[ \t]*(?:\r\n?|\n)")
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n|$)")
_FENCE_OPEN = re.compile(r"( {0,3})(`{3,}|~{3,})([^\r\n]*)")
_LIST_ITEM = re.compile(r" {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
# CommonMark HTML blocks 1 to 6: raw-text elements, comments, `<?`, `<!X`, CDATA, and
# block-level elements. (Type 7, any other tag alone on its line, is `_lone_tag`.)
_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|"
    "optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|"
    "track|ul"
)
_HTML_BLOCK_START = re.compile(
    rf"""[ ]{{0,3}}(?:<(?:script|pre|style|textarea)(?:[ \t>]|$)
    |<!--|<\?|<![A-Za-z]|<!\[CDATA\[
    |</?(?:{_BLOCK_NAMES})(?:[ \t]|/?>|$))""",
    re.IGNORECASE | re.VERBOSE,
)
_LONE_TAG_START = re.compile(r" {0,3}(?=<)")
_BACKTICKS = re.compile(r"\\.|<|`+")
# A line indented by four columns or more that is not blank: a possible indented code block.
_INDENTED = r"(?: {4}| {0,3}\t)[^\r\n]*?\S"
_FIRST_LINE_INDENTED = re.compile(_INDENTED)
# Searched apart: a pattern starting with one literal character is scanned for much faster.
_INDENTED_AFTER_LF = re.compile(rf"\n{_INDENTED}")
_INDENTED_AFTER_CR = re.compile(rf"\r{_INDENTED}")
# Without fences, code can only start on the body's first line or after a blank line (an
# indented line inside a paragraph or an HTML block goes on with it). For "\n" breaks only.
_BLANK_THEN_INDENTED = re.compile(rf"[^\S\n]*+\n{_INDENTED}")
_INDENTED_AFTER_BLANK = re.compile(rf"\n[^\S\n]*+\n{_INDENTED}")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    start: int  # the opening fence
    end: int  # just after the closing fence's line break
    body_start: int
    body_end: int
    fence: str

    @property
    def format(self) -> str:
        return "yaml" if self.fence == "---" else "toml"


def find_front_matter(text: str) -> FrontMatter | None:
    """A YAML (`---`) or TOML (`+++`) block at the start, after optional blank lines."""
    opening = _FRONT_MATTER.match(text)
    if opening is None:
        return None
    fence = opening["fence"]
    closing = re.compile(rf"^{re.escape(fence)}[ \t]*(?:\r\n?|\n|\Z)", re.MULTILINE)
    found = closing.search(text, opening.end())
    if found is None:
        return None
    return FrontMatter(opening.start("fence"), found.end(), opening.end(), found.start(), fence)


def _indent(line: str) -> int:
    spaces = len(line) - len(line.lstrip(" "))
    if not line.startswith("\t", spaces):
        return spaces  # no tab among the leading blanks: one column each
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def code_spans(text: str, start: int) -> list[tuple[int, int]]:
    """Fenced and indented code blocks and inline code spans of a Markdown body."""
    if not _may_have_code(text, start):
        return []
    spans: list[tuple[int, int]] = []
    fence: tuple[str, int] | None = None
    block_kind = "blank"  # blank, paragraph, html, code, fence
    in_list = False
    paragraph_start = -1
    for match in _LINE.finditer(text, start):
        line_start, line_end = match.span()
        if line_start == line_end:
            break
        line = match.group().rstrip("\r\n")
        if fence is not None:
            spans.append((line_start, line_end))
            stripped = line.strip()
            if (
                _indent(line) < 4
                and stripped.startswith(fence[0] * fence[1])
                and not stripped.strip(fence[0])
            ):
                fence = None
                block_kind = "blank"
            continue
        blank = not line.strip()
        if blank:
            if block_kind == "paragraph":
                spans.extend(inline_code_spans(text, paragraph_start, line_start))
            if block_kind == "code":
                spans.append((line_start, line_end))
            else:
                block_kind = "blank"
            continue
        indent = _indent(line)
        if indent >= 4 and block_kind in ("blank", "code") and not in_list:
            spans.append((line_start, line_end))
            block_kind = "code"
            continue
        if block_kind == "code":
            block_kind = "blank"
        opened = _FENCE_OPEN.match(line)
        if opened and not (opened[2][0] == "`" and "`" in opened[3]):
            if block_kind == "paragraph":
                spans.extend(inline_code_spans(text, paragraph_start, line_start))
            fence = (opened[2][0], len(opened[2]))
            spans.append((line_start, line_end))
            block_kind = "fence"
            continue
        if indent < 4 and _LIST_ITEM.match(line):
            in_list = True
        elif indent == 0 and block_kind == "blank":
            in_list = False
        if block_kind == "blank":
            if _HTML_BLOCK_START.match(line) or _lone_tag(line):
                block_kind = "html"
            else:
                block_kind = "paragraph"
                paragraph_start = line_start
    if block_kind == "paragraph":
        spans.extend(inline_code_spans(text, paragraph_start, len(text)))
    return spans


def _may_have_code(text: str, start: int) -> bool:
    """False when the body has no backtick, no `~~~` and no indented line that could start
    a code block: then it has no code."""
    if text.find("`", start) >= 0:
        return True
    # One character is found at memchr speed; "~~~" is looked for only where "~" occurs.
    tilde = text.find("~", start)
    if tilde >= 0 and text.find("~~~", tilde) >= 0:
        return True
    if _FIRST_LINE_INDENTED.match(text, start):
        return True
    if text.find("\r", start) >= 0:  # any indented line: three kinds of line break to follow
        return bool(
            _INDENTED_AFTER_LF.search(text, start) or _INDENTED_AFTER_CR.search(text, start)
        )
    return bool(
        _BLANK_THEN_INDENTED.match(text, start) or _INDENTED_AFTER_BLANK.search(text, start)
    )


def _lone_tag(line: str) -> bool:
    """CommonMark's HTML block 7: a complete start or end tag and nothing else on the line."""
    indent = _LONE_TAG_START.match(line)
    if indent is None:
        return False
    tag = _START_TAG.match(line, indent.end()) or _END_TAG.match(line, indent.end())
    return tag is not None and not line[tag.end() :].strip(" \t")


def inline_code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """CommonMark code spans in `text[start:end]`; a tag met first hides its backticks."""
    spans: list[tuple[int, int]] = []
    closers: dict[int, tuple[int, re.Match[str] | None]] = {}
    position = start
    tags = True
    while position < end:
        found = _BACKTICKS.search(text, position, end)
        if found is None:
            break
        token = found.group()
        position = found.end()
        if token[0] == "\\":
            continue
        if token == "<":
            if tags and _may_be_tag(text, position, end):
                ends = text.startswith("/", position)
                tag = (_END_TAG if ends else _START_TAG).match(text, found.start(), end)
                position = tag.end() if tag else position
                # A tag that does not match ran to the paragraph's end (an open quote or
                # no `>`): trying again at every later `<` (`<a<a<a…`) would be quadratic.
                tags = tag is not None
            continue
        closing = _closer(text, len(token), position, end, closers)
        if closing is not None:
            spans.append((found.start(), closing.end()))
            position = closing.end()
    return spans


def _may_be_tag(text: str, at: int, end: int) -> bool:
    """Whether `<` followed by `text[at:]` can start a tag: a letter, or `/` and a letter."""
    if at < end and text[at] == "/":
        at += 1
    return at < end and text[at].isascii() and text[at].isalpha()


def _closer(
    text: str,
    length: int,
    position: int,
    end: int,
    memo: dict[int, tuple[int, re.Match[str] | None]],
) -> re.Match[str] | None:
    """The next run of exactly `length` backticks; remembered, so a paragraph scans once."""
    known = memo.get(length)
    if known is not None:
        searched_from, result = known
        if searched_from <= position and (result is None or result.start() >= position):
            return result
    pattern = re.compile(rf"(?<!`)`{{{length}}}(?!`)")
    result = pattern.search(text, position, end)
    memo[length] = (position, result)
    return result
