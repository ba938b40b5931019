"""JSON text written by orjson, byte for byte as the json module writes it, and arrays of such texts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import orjson


def _fast_float(value: float) -> bool:
    """Whether orjson writes the float as json.dumps does (repr): it writes 0.00005 for 5e-05 and 1e16 for
    1e+16, and null for NaN and infinities."""
    return value == 0 or 1e-4 <= abs(value) < 1e16


def _fast(floats: Iterable[float]) -> bool:
    return all(_fast_float(value) for value in floats)


def json_text(value: Any, floats: Iterable[float] = (), indent: int = 2) -> str:
    """`value` as JSON indented by `indent` spaces (2 or 1), with a final newline: json.dumps(value,
    ensure_ascii=False, indent=indent) byte for byte. orjson writes it (much faster than the json
    module's pure-Python indenting encoder) unless one of `floats`, the floats the value holds, is one it writes
    differently, or it refuses the value (an integer beyond 64 bits)."""
    if _fast(floats):
        try:
            text = orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode("utf-8")
        except orjson.JSONEncodeError:
            pass
        else:
            # A line break in JSON text is always between values (one inside a string is written \n), so each
            # line starts with its indentation only: halved, it is the indentation by one space.
            return (
                text
                if indent == 2
                else "\n".join(line[(len(line) - len(line.lstrip(" "))) // 2 :] for line in text.split("\n"))
            )
    return json.dumps(value, ensure_ascii=False, indent=indent) + "\n"


def canonical(value: Any, floats: Iterable[float] = ()) -> bytes:
    """`value` as compact JSON with sorted keys, UTF-8: json.dumps(value, ensure_ascii=False, sort_keys=True,
    separators=(",", ":")) byte for byte, on the same terms as `json_text`."""
    if _fast(floats):
        try:
            return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        except orjson.JSONEncodeError:
            pass
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def json_array(items: list[str]) -> str:
    """The JSON array of values given as `json_text` texts: json.dumps(values, ensure_ascii=False, indent=2) + a
    newline, byte for byte (each item indented two spaces more; a string's line breaks are escapes in JSON)."""
    return "".join(json_array_parts(items))


def json_array_parts(items: list[str]) -> Iterator[str]:
    """`json_array` in parts, one an item: joined, the same text."""
    if not items:
        yield "[]\n"
        return
    last = len(items) - 1
    for n, text in enumerate(items):
        yield ("[\n  " if n == 0 else "  ") + text[:-1].replace("\n", "\n  ") + (",\n" if n < last else "\n]\n")
