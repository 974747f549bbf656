"""Query parameters and the spans that remove some of them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


NAMES = st.sampled_from(["utm_source", "utm_x", "fbclid", "gclid", "id", "q", "page", "ref"])
VALUES = st.text(alphabet="abc019%-._~/:=", max_size=6)
PARAMETERS = st.lists(
    st.tuples(NAMES, st.one_of(st.none(), VALUES), st.sampled_from(["&", "&amp;"])),
    min_size=1,
    max_size=6,
)


def _tracking(name: str) -> bool:
    return name.startswith("utm_") or name in ("fbclid", "gclid")


@given(PARAMETERS, st.sampled_from(["", "#top", "#a?utm_source=1"]))
def test_removal_keeps_the_rest_byte_for_byte(
    parameters: list[tuple[str, str | None, str]], fragment: str
) -> None:
    pieces = [name if value is None else f"{name}={value}" for name, value, _ in parameters]
    raw = "https://x.com/p?" + pieces[0]
    raw += "".join(
        sep + piece for (_, _, sep), piece in zip(parameters[1:], pieces[1:], strict=True)
    )
    raw += fragment
    kept = [i for i, (name, _, _) in enumerate(parameters) if not _tracking(name)]
    query = "".join((parameters[i][2] if n else "") + pieces[i] for n, i in enumerate(kept))
    expected = "https://x.com/p" + ("?" + query if kept else "") + fragment

    value = decode_attribute(raw, 0, len(raw))
    found = find_query(value.text)
    assert found is not None
    result = raw
    for start, end in reversed(removal_spans(found, lambda p: _tracking(p.name))):
        raw_start, raw_end = value.source_span(start, end)
        result = result[:raw_start] + result[raw_end:]
    assert result == expected
