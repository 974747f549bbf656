"""Query parameters and the spans that remove some of them."""

from __future__ import annotations

import pytest

from linter.charrefs import decode_attribute
from linter.query import find_query, removal_spans


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://x.com/a?utm_source=tw&id=3&fbclid=Ab#c", "https://x.com/a?id=3#c"),
        ("https://x.com/a?utm_source=tw&amp;id=3#c", "https://x.com/a?id=3#c"),
        ("https://x.com/a?id=3&amp;utm_source=tw", "https://x.com/a?id=3"),
        ("https://x.com/a?utm_a=1&amp;utm_b=2#f", "https://x.com/a#f"),
        ("https://x.com/a?utm_a=1&&b=2&", "https://x.com/a?b=2"),
        ("https://x.com/a?b=2&utm_a=1&c&utm_b", "https://x.com/a?b=2&c"),
        ("https://x.com/a?b=%20&utm_a=1", "https://x.com/a?b=%20"),
        ("/a?utm%5Fsource=1&b=2", "/a?b=2"),
        ("https://x.com/a?b=1#x?utm_a=1", "https://x.com/a?b=1#x?utm_a=1"),
        ("https://x.com/a?b=1&#38;utm_a=1&#38;c=3", "https://x.com/a?b=1&#38;c=3"),
        ("/a?b=1&amp;amp;utm_a=1&amp;amp;c=3", "/a?b=1&amp;amp;c=3"),
        ("/a?amp;utm_a=1&amp;amp;c=3", "/a?amp;c=3"),
    ],
)
def test_removal_spans_keep_every_other_byte(url: str, kept: str) -> None:
    value = decode_attribute(url, 0, len(url))
    query = find_query(value.text)
    assert query is not None
    spans = removal_spans(query, lambda p: p.name.startswith("utm_") or p.name == "fbclid")
    result = url
    for start, end in reversed(spans):
        raw_start, raw_end = value.source_span(start, end)
        result = result[:raw_start] + result[raw_end:]
    assert result == kept


@pytest.mark.parametrize("url", ["https://x.com/a", "https://x.com/#a?b=1", "/a#?x"])
def test_no_query(url: str) -> None:
    assert find_query(url) is None


def test_nothing_to_remove_means_no_spans() -> None:
    query = find_query("/a?b=1&c=2")
    assert query is not None
    assert removal_spans(query, lambda p: False) == []
