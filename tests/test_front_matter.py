"""The front-matter line scanner: keys, values and the exact spans of the values."""

from __future__ import annotations

import pytest

from linter.front_matter import front_matter_values
from linter.markdown import find_front_matter


def values(post: str) -> list[tuple[str, str, str]]:
    """(key, value, the source text at the value's span) for each scalar found."""
    front = find_front_matter(post)
    assert front is not None
    return [(v.key, v.value, post[v.start : v.end]) for v in front_matter_values(post, front)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("a: b", [("a", "b", "b")], id="plain"),
        pytest.param("a:   b c  # note", [("a", "b c", "b c")], id="plain-with-comment"),
        pytest.param("a: b#c", [("a", "b#c", "b#c")], id="hash-inside-plain"),
        pytest.param(
            'a: "x\\"y\\\\z\\u00e9\\x41\\n"',
            [("a", 'x"y\\zéA\n', 'x\\"y\\\\z\\u00e9\\x41\\n')],
            id="double-quoted-escapes",
        ),
        pytest.param("a: 'it''s'", [("a", "it's", "it''s")], id="single-quoted-escape"),
        pytest.param("a: 'open", [], id="unterminated-single"),
        pytest.param('a: "open', [], id="unterminated-double"),
        pytest.param('a: "ends in \\', [], id="escape-at-end"),
        pytest.param("a: &anchor x\nb: *anchor\nc: !tag x", [], id="anchors-aliases-tags"),
        pytest.param("a: >\n  folded", [], id="folded-block"),
        pytest.param("'q k': 1\n\"r k\": 2", [("q k", "1", "1"), ("r k", "2", "2")], id="quoted"),
        pytest.param("a: https://x.com/a:b", [("a", "https://x.com/a:b", "https://x.com/a:b")]),
        pytest.param(
            "list:\n  - one\n  - two\nnext: 3\n- stray",
            [("list", "one", "one"), ("list", "two", "two"), ("next", "3", "3")],
            id="list-ends-at-the-next-key",
        ),
        pytest.param(
            "items:\n- src: a.png\n  alt: b",
            [("src", "a.png", "a.png"), ("alt", "b", "b")],
            id="list-of-maps",
        ),
        pytest.param(
            "a: [x, 'y, z', \"w\"]",
            [("a", "x", "x"), ("a", "y, z", "y, z"), ("a", "w", "w")],
            id="flow-list",
        ),
        pytest.param("a: [x, 'open]", [("a", "x", "x")], id="flow-list-broken-quote"),
        pytest.param("a: []", [], id="empty-flow-list"),
        pytest.param("a: ''", [("a", "", "")], id="empty-quoted"),
        pytest.param("  # only a comment\n\n", [], id="comments-and-blank-lines"),
    ],
)
def test_yaml(body: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(f"---\n{body}\n---\nbody\n") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param('a = "b"', [("a", "b", "b")], id="basic-string"),
        pytest.param("a = 'b\\c'", [("a", "b\\c", "b\\c")], id="literal-string"),
        pytest.param('x.y . "z k" = "v"', [("z k", "v", "v")], id="dotted-quoted-key"),
        pytest.param("[params]\n[[images]]\nsrc = 'a'", [("src", "a", "a")], id="tables"),
        pytest.param(
            'a = [\n  "x",\n  \'y\',\n  3,\n]\nb = "z"',
            [("a", "x", "x"), ("a", "y", "y"), ("b", "z", "z")],
            id="multi-line-array",
        ),
        pytest.param("not a toml line", [], id="junk"),
    ],
)
def test_toml(body: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(f"+++\n{body}\n+++\nbody\n") == expected


def test_crlf_and_leading_blank_lines() -> None:
    post = "\r\n---\r\na: 'b'\r\n---\r\n"
    assert values(post) == [("a", "b", "b")]
