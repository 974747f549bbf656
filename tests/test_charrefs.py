"""Attribute values decoded as browsers do, with offsets back to the source."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.charrefs import decode_attribute, decode_value
from linter.tokens import StartTag, tokenize


@pytest.mark.parametrize(
    ("raw", "decoded"),
    [
        pytest.param("a&amp;b", "a&b", id="named-with-semicolon"),
        pytest.param("a&AMP;b", "a&b", id="upper-case-name"),
        pytest.param("?a=1&copy=2", "?a=1&copy=2", id="legacy-name-before-equals-stays"),
        pytest.param("&copyright", "&copyright", id="legacy-name-running-on-stays"),
        pytest.param("&copy x", "© x", id="legacy-name-alone-decodes"),
        pytest.param("&copy;=", "©=", id="semicolon-always-decodes"),
        pytest.param("&bogus;", "&bogus;", id="unknown-name-stays"),
        pytest.param("jav&#x09;ascript", "jav\tascript", id="hex-tab"),
        pytest.param("&#106;&#X61;", "ja", id="decimal-and-upper-x"),
        pytest.param("&#0;&#xD800;&#x110000;", "\ufffd" * 3, id="invalid-code-points"),
        pytest.param("&#128;&#x81;", "€\x81", id="windows-1252-range"),
        pytest.param("&#99999999999999999999;", "\ufffd", id="huge-number"),
        pytest.param("&#;&#x;&", "&#;&#x;&", id="not-references"),
    ],
)
def test_decode_attribute(raw: str, decoded: str) -> None:
    value = decode_attribute("<" + raw + ">", 1, len(raw) + 1)
    assert value.text == decoded
    assert len(value.offsets) == len(decoded) + 1
    assert value.offsets[0] == 1
    assert value.offsets[-1] == len(raw) + 1


def test_offsets_point_at_the_raw_text_of_each_character() -> None:
    raw = "x?a=1&amp;b=2"
    value = decode_attribute(raw, 0, len(raw))
    amp = value.text.index("&")
    assert value.source_span(amp, amp + 1) == (5, 10)
    assert raw[value.offsets[amp + 1]] == "b"


def test_tag_values_read_references_the_attribute_way() -> None:
    [tag, *_] = tokenize('<a href="/?a=1&currency=USD&amp;b=2&copy;">x</a>')
    assert isinstance(tag, StartTag)
    assert tag.get("href") == "/?a=1&currency=USD&b=2©"
    assert decode_value("&curren x") == "¤ x"


@given(st.text(alphabet="&#;xX0123456789abcdefmpopyrt=é ", max_size=40))
def test_offsets_always_line_up_with_the_text(raw: str) -> None:
    source = "<" + raw + ">"
    value = decode_attribute(source, 1, len(raw) + 1)
    offsets = list(value.offsets)
    assert len(offsets) == len(value.text) + 1
    assert offsets[0] == 1
    assert offsets[-1] == len(raw) + 1
    assert offsets == sorted(offsets)
    for index, char in enumerate(value.text):
        start, end = offsets[index], offsets[index + 1]
        if source[start] != "&":  # a literal character stands for itself
            assert source[start:end] == char
