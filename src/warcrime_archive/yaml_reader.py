"""Read stage: YAML text -> plain values that remember the file, line and column of every node.

The reader walks the parser's events itself instead of using a YAML constructor, so that:
- duplicate keys are reported (PyYAML would silently keep the last one);
- anchors, aliases, custom tags and several documents in one file are refused (no billion laughs);
- nesting is bounded and never recursive, and every file has a size limit;
- only YAML 1.2 core types are recognised: `no`, `on`, `y` stay strings and `2022-03-30` stays the
  string "2022-03-30"; the models give dates their meaning;
- a byte-order mark is accepted; non-UTF-8 bytes and syntax errors are reported with their line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from warcrime_archive.problems import Problem

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 32

Loc = tuple[str | int, ...]

try:
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:null": type(None),
    "tag:yaml.org,2002:bool": bool,
    "tag:yaml.org,2002:map": dict,
    "tag:yaml.org,2002:seq": list,
}


@dataclass(frozen=True)
class Document:
    """One YAML file's data, with the position of every value and every mapping key (1-based)."""

    path: Path
    shown: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The closest known position of `loc`: the key (or value) itself, else its nearest parent."""
        table = self.keys if key else self.values
        probe = tuple(loc)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))

    def problem(self, loc: Loc, message: str, hint: str = "", *, key: bool = False, **kw: Any) -> Problem:
        line, column = self.position(loc, key=key)
        return Problem(self.shown, line, column, dotted(loc), message, hint, **kw)


def dotted(loc: Loc) -> str:
    """('victims', 0, 'count') -> 'victims[0].count'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@lru_cache(maxsize=1 << 16)
def _plain(value: str) -> Any:
    """The value of a plain (unquoted, untagged) scalar; cached, as keys and short values repeat a lot."""
    return _scalar(value, None, True)


def _scalar(value: str, tag: str | None, plain: bool) -> Any:
    if tag in (None, "!") and not plain:
        return value
    if tag in (None, "!"):
        if _NULL.match(value):
            return None
        if _BOOL.match(value):
            return value.lower() == "true"
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value) and any(c.isdigit() for c in value):
            return float(value)
        return value
    kind = _STANDARD_TAGS[tag]
    if kind is type(None):
        return None
    if kind is bool:
        return value.lower() == "true"
    return kind(value)


class _Refused(Exception):
    def __init__(self, mark: Any, message: str, hint: str = ""):
        self.mark, self.message, self.hint = mark, message, hint


def _decode(raw: bytes) -> tuple[str | None, str, int]:
    """Text of the file, or (None, message, line) when it is not UTF-8."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), "", 0
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})", line


def parse_text(text: str, path: Path, shown: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text into a Document, or report why it cannot be read."""
    values: dict[Loc, tuple[int, int]] = {}
    keys: dict[Loc, tuple[int, int]] = {}
    # Each frame: [container, loc, pending_key or None, is_mapping, seen_keys]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0

    def place(value: Any, mark: Any) -> Loc:
        nonlocal root
        if not stack:
            root = value
            values[()] = (mark.line + 1, mark.column + 1)
            return ()
        frame = stack[-1]
        container, loc = frame[0], frame[1]
        if frame[3]:  # mapping
            if frame[2] is None:
                if isinstance(value, (dict, list)):
                    raise _Refused(mark, "a mapping key must be a plain value")
                if value in frame[4]:
                    first = frame[4][value]
                    raise _Refused(
                        mark,
                        f"duplicate key '{value}'",
                        f"first given at line {first}; YAML would silently keep only the last one",
                    )
                frame[4][value] = mark.line + 1
                frame[2] = (value, mark)
                return ()
            key, key_mark = frame[2]
            frame[2] = None
            child = (*loc, key)
            container[key] = value
            keys[child] = (key_mark.line + 1, key_mark.column + 1)
        else:
            child = (*loc, len(container))
            container.append(value)
        values[child] = (mark.line + 1, mark.column + 1)
        return child

    scalar_event, alias_event, document_start = yaml.ScalarEvent, yaml.AliasEvent, yaml.DocumentStartEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        loader = _Parser(text)
        get_event = loader.get_event
        try:
            # The parser's events, one by one; dispatching on the exact type keeps this loop, which
            # runs for every value of every record, as short as it can be.
            while (event := get_event()) is not None:
                kind = type(event)
                if kind is scalar_event:
                    if event.anchor is not None:
                        raise _Refused(
                            event.start_mark,
                            "anchors and aliases (&, *) are not allowed",
                            "write the value out in full",
                        )
                    tag = event.tag
                    if tag is None:
                        plain = not event.style and event.implicit[0]
                        if not plain:
                            place(event.value, event.start_mark)
                            continue
                    elif tag != "!" and tag not in _STANDARD_TAGS:
                        raise _Refused(event.start_mark, f"the YAML tag '{tag}' is not allowed")
                    else:
                        plain = not event.style and event.implicit[0]
                    try:
                        value = _plain(event.value) if plain and tag is None else _scalar(event.value, tag, plain)
                    except ValueError:
                        raise _Refused(event.start_mark, f"'{event.value}' does not fit its tag {tag}") from None
                    place(value, event.start_mark)
                elif kind in ends:
                    stack.pop()
                elif kind is mapping_start or kind is sequence_start:
                    if event.anchor is not None:
                        raise _Refused(
                            event.start_mark,
                            "anchors and aliases (&, *) are not allowed",
                            "write the value out in full",
                        )
                    tag = event.tag
                    if tag not in (None, "!") and tag not in _STANDARD_TAGS:
                        raise _Refused(event.start_mark, f"the YAML tag '{tag}' is not allowed")
                    mapping = kind is mapping_start
                    container: Any = {} if mapping else []
                    if len(stack) >= MAX_DEPTH:
                        raise _Refused(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
                    loc = place(container, event.start_mark)
                    if stack and stack[-1][3] and stack[-1][2] is None and loc == () and root is not container:
                        raise _Refused(event.start_mark, "a mapping key must be a plain value")
                    stack.append([container, loc, None, mapping, {}])
                elif kind is document_start:
                    documents += 1
                    if documents > 1:
                        raise _Refused(event.start_mark, "a record file holds one YAML document only")
                elif kind is alias_event:
                    raise _Refused(
                        event.start_mark, "anchors and aliases (&, *) are not allowed", "write the value out in full"
                    )
        finally:
            loader.dispose()
    except _Refused as exc:
        return None, [Problem(shown, exc.mark.line + 1, exc.mark.column + 1, "", exc.message, exc.hint)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        lines = text.splitlines()
        hint = "indent with spaces, not tabs" if 0 < line <= len(lines) and "\t" in lines[line - 1] else ""
        return None, [Problem(shown, line, column, "", f"YAML syntax error: {message}", hint)]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, 1, 1, "", f"YAML error: {exc}")]
    return Document(path, shown, root, values, keys), []


def read_yaml(path: Path, shown: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file from disk with the size and encoding checks."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(
                shown,
                1,
                1,
                "",
                f"the file is larger than {MAX_FILE_BYTES:,} bytes",
                "split it or move long material out of the record",
            )
        ]
    text, message, line = _decode(raw)
    if text is None:
        return None, [Problem(shown, line, 1, "", message, "save the file as UTF-8")]
    return parse_text(text, path, shown)
