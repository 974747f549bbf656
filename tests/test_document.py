"""Document: start tags of several names in source order, and answers worked out once."""

from __future__ import annotations

import pytest

from linter.document import Document
from linter.source import Source


def _document(html: str) -> Document:
    return Document(Source("post.html", html))


@pytest.mark.parametrize(
    ("html", "names", "starts"),
    [
        pytest.param('<a href="1">x</a><a href="2">y</a>', ("a", "area"), [0, 17], id="links-only"),
        pytest.param(
            '<map><area href="1"></map><a href="2">y</a>', ("a", "area"), [5, 26], id="area-first"
        ),
        pytest.param(
            '<a href="1">x</a><map><area href="2"><area href="3"></map><a>',
            ("a", "area"),
            [0, 22, 37, 58],
            id="interleaved",
        ),
        pytest.param(
            '<p><a href="1">x</a><map><area href="2"></map></p>',
            ("a", "area", "map", "p"),
            [0, 3, 20, 25],
            id="many-names",
        ),
        pytest.param("<p>no links</p>", ("a", "area"), [], id="none"),
        pytest.param("<a>x</a><img><a>y</a>", ("a", "img", "a"), [0, 8, 13], id="a-name-twice"),
    ],
)
def test_start_tags_of_several_names_come_in_source_order(
    html: str, names: tuple[str, ...], starts: list[int]
) -> None:
    doc = _document(html)
    assert [tag.start for tag in doc.start_tags(*names)] == starts
    assert all(html[start] == "<" for start in starts)


def test_remembered_computes_once_for_each_document() -> None:
    calls: list[Document] = []

    def length(doc: Document) -> int:
        calls.append(doc)
        return len(doc.text)

    first, second = _document("<p>a</p>"), _document("<p>bb</p>")
    assert [first.remembered(length), first.remembered(length)] == [8, 8]
    assert second.remembered(length) == 9
    assert calls == [first, second]


@pytest.mark.parametrize(
    ("post", "masked"),
    [
        pytest.param(
            "---\ntitle: x\n---\n<p>a</p>\n", "   \n        \n   \n<p>a</p>\n", id="front-matter"
        ),
        pytest.param(
            "<p>a</p>\r\n```\r\n<b>中文\tx</b>\r\n```\r\n",
            "<p>a</p>\r\n   \r\n           \r\n   \r\n",
            id="fence-crlf-cjk-tab",
        ),
        pytest.param("`<i>` and\r`<b>`\r", "      and\r     \r", id="inline-code-cr"),
        pytest.param("<p>a</p>\n\n\n    <s>\n", "<p>a</p>\n\n\n       \n", id="indented-code"),
    ],
)
def test_masked_blanks_front_matter_and_code_keeping_every_line_break(
    post: str, masked: str
) -> None:
    doc = Document(Source("post.md", post, markdown=True))
    assert doc.masked == masked
    assert [tag.name for tag in doc.start_tags()] == [
        tag.name for tag in Document(Source("post.md", masked, markdown=True)).start_tags()
    ]
