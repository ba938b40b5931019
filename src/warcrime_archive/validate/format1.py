"""Format 1 -> format 2, as far as it is mechanical: the conversion `warcrime-archive upgrade` makes, and that
`validate --since` makes of a record's older version before comparing it.

It never credits a source with a claim: each source gets an `id`; a response's `source` and an investigation's
`url` become `sources: [id]` when they are the URL of one of the record's sources (else they are left as they
are, for the editor); `verification.by: [names]` becomes `[{who, checked: [], sources: []}]`; every other claim
gets `sources: []`, for the editor to fill in. The data is changed in place, keys inserted where the old ones
were, so that a round-trip YAML mapping (the upgrade's) keeps its comments and its order; plain dicts work too.
"""

from __future__ import annotations

import copy
import re
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import urlsplit

from warcrime_archive.slugs import slugify

MAX_ID = 40
# Second-level domains under which the name is the next label: bbc.co.uk -> bbc.
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu"}


def source_id(url: str, taken: set[str]) -> str:
    """A short id for a source from its URL's host: https://www.itv.com/news/... -> 'itv'; unique in `taken`."""
    host = urlsplit(url).hostname or ""
    labels = [label for label in host.split(".") if label]
    if labels and labels[0] in ("www", "m", "en", "amp", "mobile"):
        labels = labels[1:]
    if len(labels) >= 2:
        labels = labels[:-1]  # the top-level domain
        if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
            labels = labels[:-1]
    base = slugify("-".join(labels), max_length=MAX_ID - 3) if labels else "source"
    if not re.match(r"^[a-z0-9]", base):
        base = "s-" + base
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _put(mapping: MutableMapping[str, Any], key: str, value: Any, position: int | None = None) -> None:
    """Set `key` at `position` among the keys (at the end when None), keeping the others' order."""
    if position is None or position >= len(mapping):
        last = list(mapping)[-1] if mapping else None
        mapping[key] = value
        if last is not None:
            _carry_comment(mapping, last, key)
        return
    insert = getattr(mapping, "insert", None)
    if insert is not None:  # a round-trip mapping keeps its comments
        insert(position, key, value)
        return
    items = list(mapping.items())
    items.insert(position, (key, value))
    mapping.clear()
    mapping.update(items)


def _carry_comment(mapping: MutableMapping[str, Any], last: str, new: str) -> None:
    """In a round-trip mapping, the comment lines after its last value (a comment above the next key of the
    parent, as the scaffold writes them) belong after the new last key: only the end-of-line part stays."""
    items: dict[str, list[Any]] | None = getattr(getattr(mapping, "ca", None), "items", None)
    token = items.get(last, [None, None, None])[2] if items else None
    if items is None or token is None or not isinstance(token.value, str):
        return
    head, _, rest = token.value.partition("\n")
    if not rest.strip():
        return
    moved = copy.copy(token)
    token.value = head + "\n"
    moved.value = "\n" + rest
    items[new] = [None, None, moved, None]


def _replace(mapping: MutableMapping[str, Any], old: str, new: str, value: Any) -> None:
    """Replace the key `old` by `new` (with `value`) at the same place."""
    position = list(mapping).index(old)
    del mapping[old]
    _put(mapping, new, value, position)


def _empty_list(template: Any) -> Any:
    """An empty list in the style of the file: a round-trip list is written `[]` when it has the flow style."""
    maker = type(template) if isinstance(template, list) and type(template) is not list else list
    made = maker()
    set_style = getattr(getattr(made, "fa", None), "set_flow_style", None)
    if set_style is not None:
        set_style()
    return made


def _ids(template: Any, ids: list[str]) -> Any:
    made = _empty_list(template)
    made.extend(ids)
    return made


def _sourced(part: Any, template: Any) -> None:
    if isinstance(part, MutableMapping) and "sources" not in part:
        _put(part, "sources", _empty_list(template))


def upgrade_record(data: MutableMapping[str, Any]) -> list[str]:
    """Convert a format-1 record's data to format 2 in place; returns what was left for the editor, in words
    (a URL that is not one of the record's sources). Running it on a format-2 record changes nothing."""
    left: list[str] = []
    sources = data.get("sources")
    template = sources if isinstance(sources, list) else []
    by_url: dict[str, str] = {}
    if isinstance(sources, list):
        taken = {s["id"] for s in sources if isinstance(s, MutableMapping) and isinstance(s.get("id"), str)}
        for source in sources:
            if not isinstance(source, MutableMapping):
                continue
            if "id" not in source:
                _put(source, "id", source_id(str(source.get("url", "")), taken), 0)
            if isinstance(source.get("url"), str):
                by_url.setdefault(source["url"], source["id"])
    date = data.get("date")
    if isinstance(date, (str, int)) and not isinstance(date, bool):
        data["date"] = type(data)()
        data["date"]["at"] = date
    _sourced(data.get("date"), template)
    _sourced(data.get("location"), template)
    for name in ("alleged_perpetrators", "victims"):
        for part in data.get(name) or []:
            _sourced(part, template)
    verification = data.get("verification")
    if isinstance(verification, MutableMapping):
        by = verification.get("by")
        if isinstance(by, list):
            for i, who in enumerate(by):
                if isinstance(who, str):
                    verifier = type(data)()
                    verifier["who"] = who
                    verifier["checked"] = _empty_list(template)
                    verifier["sources"] = _empty_list(template)
                    by[i] = verifier
        _sourced(verification, template)
    for name, old in (("responses", "source"), ("investigations", "url")):
        for i, part in enumerate(data.get(name) or []):
            if not isinstance(part, MutableMapping):
                continue
            url = part.get(old)
            if old in part and "sources" not in part:
                if url is None:
                    _replace(part, old, "sources", _empty_list(template))
                elif url in by_url:
                    _replace(part, old, "sources", _ids(template, [by_url[url]]))
                else:
                    left.append(
                        f"{name}[{i}].{old}: '{url}' is not the URL of one of the record's sources; "
                        f"add it to `sources` and cite its id in `{name}[{i}].sources`"
                    )
                    continue
            _sourced(part, template)
    for part in data.get("corrections") or []:
        _sourced(part, template)
    return left


def upgrade_config(data: MutableMapping[str, Any]) -> None:
    """archive.yaml in format 2: `record_format: 2` first. Running it again changes nothing."""
    if data.get("record_format") != 2:
        if "record_format" in data:
            data["record_format"] = 2
        else:
            _put(data, "record_format", 2, 0)
