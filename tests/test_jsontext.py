"""The fast indented JSON writer writes what `json.dumps(..., indent=2)` writes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.report.jsontext import dumps

LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
TREES = st.recursive(
    LEAVES,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=30,
)


@given(TREES)
def test_same_text_as_the_standard_library(value: Any) -> None:
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param({"a": [1, {"b": None}], "c": {}}, id="nested"),
        pytest.param({"\u4eac\u4e1c": 'say "hi"\n\t\\'}, id="cjk-and-escapes"),
        pytest.param({1: "x", "y": [1.5, True]}, id="non-string-key-falls-back"),
        pytest.param([[], {}, [[]]], id="empties"),
        pytest.param({"deep": {"n": {1: 2}}}, id="fallback-keeps-its-depth"),
    ],
)
def test_examples(value: Any) -> None:
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)
    assert dumps(value, indent=4) == json.dumps(value, indent=4, ensure_ascii=False)
