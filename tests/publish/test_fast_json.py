"""orjson's JSON text, byte for byte as the json module writes it, or the json module's where they would differ."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warcrime_archive.publish.fast_json import canonical, json_array, json_text

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=12,
)


def floats_in(value) -> list[float]:
    if isinstance(value, float):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [f for item in value for f in floats_in(item)] if isinstance(value, list) else []


@pytest.mark.slow
@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(value=JSON_VALUES)
def test_the_fast_json_is_the_json_modules_byte_for_byte(value):
    floats = floats_in(value)
    assert json_text(value, floats) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    assert json_text(value, floats, indent=1) == json.dumps(value, ensure_ascii=False, indent=1) + "\n"
    assert canonical(value, floats) == json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")
    texts = [json_text(item, floats_in(item)) for item in (value if isinstance(value, list) else [value])]
    items = value if isinstance(value, list) else [value]
    assert json_array(texts) == json.dumps(items, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize(
    "value", [5e-05, -1e-300, 1e16, 1.5e300, 0.0001, -0.0, 9999999999999998.0, 2**64, -(2**63) - 1, "\u2028\x7f\x1f"]
)
def test_the_fast_json_writes_floats_and_integers_at_the_edges_as_json_does(value):
    expected = json.dumps({"v": [value]}, ensure_ascii=False, indent=2) + "\n"
    assert json_text({"v": [value]}, floats_in(value)) == expected
    expected = json.dumps({"v": [value], "w": {"x": [" a\n b"]}}, ensure_ascii=False, indent=1) + "\n"
    assert json_text({"v": [value], "w": {"x": [" a\n b"]}}, floats_in(value), indent=1) == expected
