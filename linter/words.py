"""Words in alphabetic scripts (Latin, Greek, Cyrillic) and their letter case."""

from __future__ import annotations

import re

# Letters of alphabetic scripts, with combining marks and the soft hyphen inside words.
ALPHABETIC = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0300-\u036f\u00ad"
    "\u0370-\u03ff\u0400-\u052f\u1e00-\u1fff"
)
# `\Z`, not `$`: `$` also matches before a final newline ("and\n" ends in no letter).
_TRAILING = re.compile(f"[{ALPHABETIC}]+\\Z")
_LEADING = re.compile(f"[{ALPHABETIC}]+")
_LETTER = re.compile(f"[{ALPHABETIC}]")
# The same letters as a set: one lookup per character instead of one match.
_LETTERS = frozenset(
    chr(code) for code in range(ord(max(ALPHABETIC)) + 1) if _LETTER.fullmatch(chr(code))
)
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*\s*$")
_CASED = re.compile(r"[^\W\d_]")


def trailing_letters(text: str) -> str:
    found = _TRAILING.search(text)
    return found.group() if found else ""


def leading_letters(text: str) -> str:
    found = _LEADING.match(text)
    return found.group() if found else ""


def is_alphabetic_letter(char: str) -> bool:
    return char in _LETTERS


def starts_sentence(before: str, at_boundary: bool) -> bool:
    """True when text `before` a word ends a sentence, or nothing precedes it in its block."""
    if not before.strip():
        return at_boundary
    return bool(_SENTENCE_END.search(before))


def mostly_upper_case(text: str) -> bool:
    """Whether the cased letters of `text` are all capitals (a heading in capitals)."""
    letters = [c for c in _CASED.findall(text) if c.lower() != c.upper()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def restore_case(piece: str, rest: str, *, sentence_start: bool, around: str) -> str | None:
    """The original case of `piece`, an auto-linker's re-cased part of a word.

    `rest` holds the word's letters outside the link. Lower-case letters there mean the
    word was lower case (capitalised at a sentence start); capitals there, in text that is
    all capitals, mean it was upper case. `None` when the word's case cannot be told.
    """
    cased = [c for c in rest if c.lower() != c.upper()]
    if not cased:
        return None
    if all(c.islower() for c in cased):
        lowered = piece.lower()
        return lowered[:1].upper() + lowered[1:] if sentence_start else lowered
    if all(c.isupper() for c in cased) and mostly_upper_case(around):
        return piece.upper()
    return None
