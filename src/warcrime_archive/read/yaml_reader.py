"""Read stage: YAML text -> plain values that remember the file, line and column of every node.

The reader walks the parser's events itself instead of using a YAML constructor, so that:
- duplicate keys are reported (PyYAML would silently keep the last one);
- anchors, aliases, custom tags and several documents in one file are refused (no billion laughs);
- nesting is bounded and never recursive, and every file has a size limit;
- only YAML 1.2 core types are recognised: `no`, `on`, `y` stay strings and `2022-03-30` stays the
  string "2022-03-30"; the models give dates their meaning;
- a byte-order mark is accepted; non-UTF-8 bytes, tabs in indentation, invisible bidirectional
  controls and syntax errors are reported with their line and column.
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


def _anchor_refused(event: Any) -> _Refused:
    """The record format has no use for anchors and aliases, and they allow billion-laughs documents."""
    return _Refused(event.start_mark, "anchors and aliases (&, *) are not allowed", "write the value out in full")


def decode(raw: bytes) -> tuple[str | None, str, int, int]:
    """Text of the file, or (None, message, line, column) when it is not UTF-8."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), "", 0, 0
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})", line, column


def read_limited(path: Path) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes of a file: a huge file (or a device) is never read whole."""
    with path.open("rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def too_large(raw: bytes, shown: str, path: Path | None = None) -> list[Problem]:
    """The size limit of every file an editor writes (records, archive.yaml, pages)."""
    if len(raw) <= MAX_FILE_BYTES:
        return []
    size = max(len(raw), path.stat().st_size if path is not None and path.is_file() else 0)
    said = f"{size:,} bytes, more than" if size > len(raw) or path is None or path.is_file() else "longer than"
    return [
        Problem(
            shown,
            1,
            1,
            "",
            f"the file is {said} the limit of {MAX_FILE_BYTES:,} bytes",
            "split it or move long material out of the record",
        )
    ]


# Explicit embeddings, overrides and isolates: they make text display in another order than it is
# stored ("Trojan Source"); right-to-left text needs none of them.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def bidi_controls(text: str, shown: str) -> list[Problem]:
    """A problem at the first invisible bidirectional control character of `text`, if there is one."""
    found = _BIDI_CONTROLS.search(text)
    if not found:
        return []
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - text.rfind("\n", 0, found.start())
    return [
        Problem(
            shown,
            line,
            column,
            "",
            f"an invisible bidirectional control character (U+{ord(found.group()):04X}) can make text "
            "read differently from what it is",
            "delete it; right-to-left text needs no control characters",
        )
    ]


def _tab_in_indentation(text: str, line: int) -> int:
    """The column of a tab in the indentation of `line` (1-based), or 0."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return 0
    current = lines[line - 1]
    indent = current[: len(current) - len(current.lstrip(" \t"))]
    return indent.find("\t") + 1


def parse_text(text: str, path: Path, shown: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text into a Document, or report why it cannot be read.

    One long function on purpose: its loop runs for every value of every record, and `place` shares its state
    (the stack of open containers) without a call or an object more per value."""
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
                        raise _anchor_refused(event)
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
                        raise _anchor_refused(event)
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
                    raise _anchor_refused(event)
        finally:
            loader.dispose()
    except _Refused as exc:
        return None, [Problem(shown, exc.mark.line + 1, exc.mark.column + 1, "", exc.message, exc.hint)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        tab = _tab_in_indentation(text, line)
        if tab:
            return None, [Problem(shown, line, tab, "", "a tab in the indentation", "indent with spaces, not tabs")]
        return None, [Problem(shown, line, column, "", f"YAML syntax error: {message}")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, 1, 1, "", f"YAML error: {exc}")]
    return Document(path, shown, root, values, keys), []


def read_yaml(path: Path, shown: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file from disk with the size and encoding checks."""
    return parse_raw(read_limited(path), path, shown)


def parse_raw(raw: bytes, path: Path, shown: str) -> tuple[Document | None, list[Problem]]:
    """Parse a YAML file's bytes (as `read_limited` gives them) with the size and encoding checks."""
    if too_large(raw, shown, path):
        return None, too_large(raw, shown, path)
    text, message, line, column = decode(raw)
    if text is None:
        return None, [Problem(shown, line, column, "", message, "save the file as UTF-8")]
    if bidi_controls(text, shown):
        return None, bidi_controls(text, shown)
    return parse_text(text, path, shown)
