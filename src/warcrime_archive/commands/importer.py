"""`warcrime-archive import`: the rows of a CSV or JSON export made into records, through a mapping file.

Every row is checked as a record (the record format's models, with archive.yaml's vocabularies); a row that
cannot be imported is reported with its row number and why, and nothing is invented for it: an empty count is
null, a missing side is "not attributed" only when the mapping says the data set does not attribute, a withheld
source is left out. Each claim of a record gets the sources its row names.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError

from warcrime_archive.commands.import_mapping import DATE_FORMATS, Mapping, Spec
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.grading import check_grade, known_attribution
from warcrime_archive.model.record import ID_PATTERN, Incident
from warcrime_archive.read.yaml_reader import dotted
from warcrime_archive.slugs import slugify
from warcrime_archive.validate.load import today

TRUE = {"true", "yes", "y", "1"}


class RowError(ValueError):
    """Why a row cannot be imported."""


@dataclass
class Plan:
    """What an import would do: the records by id (with their row numbers), and the rows it cannot import."""

    records: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)


def read_rows(path: Path, mapping: Mapping) -> list[dict[str, str]]:
    """The rows of the export, each a mapping of column to text (JSON: a list of objects)."""
    fmt = mapping.format or ("json" if path.suffix.lower() == ".json" else "csv")
    if fmt == "json":
        data = json.loads(path.read_text("utf-8-sig"))
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise ValueError(f"{path}: a JSON export must be a list of objects")
        return [{k: "" if v is None else str(v) for k, v in item.items()} for item in data]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=mapping.delimiter))


def value_of(spec: Spec, row: dict[str, str], what: str) -> Any:  # noqa: ANN401 - text, a number, a list or None
    """One value of a row, transformed as the spec says; None for an empty cell without a default."""
    if spec.column is None:
        return spec.value
    if spec.column not in row:
        raise RowError(f"{what}: the export has no column '{spec.column}'")
    text = (row[spec.column] or "").strip() or (spec.default or "")
    if not text:
        return [] if spec.split else None
    items = [t.strip() for t in text.split(spec.split)] if spec.split else [text]
    out = [_one(spec, item, what) for item in items if item]
    return out if spec.split else out[0]


def _one(spec: Spec, text: str, what: str) -> Any:  # noqa: ANN401 - text or a number
    if spec.lookup is not None:
        if text not in spec.lookup:
            raise RowError(f"{what}: '{text}' is not in the mapping's lookup ({', '.join(sorted(spec.lookup))})")
        text = spec.lookup[text]
    if spec.date_format:
        try:
            return dt.datetime.strptime(text, DATE_FORMATS.get(spec.date_format, spec.date_format)).date().isoformat()
        except ValueError:
            raise RowError(f"{what}: '{text}' is not a date in the format {spec.date_format}") from None
    if spec.number:
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise RowError(f"{what}: '{text}' is not a number") from None
        return int(number) if number.is_integer() and "." not in text else number
    return text


def _set(data: dict[str, Any], path: str, value: Any) -> None:  # noqa: ANN401 - any value of a record
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def _sources(row: dict[str, str], mapping: Mapping) -> list[dict[str, Any]]:
    spec = mapping.sources
    urls = value_of(spec.url, row, "sources.url") or []
    urls = [u for u in (urls if isinstance(urls, list) else [urls]) if u not in mapping.withheld]
    out = []
    for i, url in enumerate(dict.fromkeys(urls), 1):
        if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I):
            if not mapping.add_scheme:
                raise RowError(
                    f"sources: '{url}' has no scheme (write https:// or http:// in the export, or set "
                    "`add_scheme: https` in the mapping)"
                )
            url = f"{mapping.add_scheme}://{url}"
        source: dict[str, Any] = {"id": f"s{i}", "url": url}
        for name in ("title", "outlet", "type", "published", "platform", "account"):
            part: Spec | None = getattr(spec, name)
            if part is None:
                continue
            if part.derived is not None:
                value = url if part.derived == "url" else urlsplit(url).hostname or url
            else:
                value = value_of(part, row, f"sources.{name}")
            if value not in (None, ""):
                source[name] = value
        out.append(source)
    if not out:
        withheld = any((row.get(spec.url.column or "") or "").strip() in mapping.withheld for _ in [0])
        raise RowError(
            "sources: "
            + ("its only source is withheld" if withheld else "no source URL")
            + " (a record rests on at least one published source)"
        )
    return out


def row_record(row: dict[str, str], mapping: Mapping) -> tuple[str, dict[str, Any]]:
    """A row as (the record's id, the record's data), or a RowError."""
    raw_id = value_of(mapping.id, row, "id")
    record_id = slugify(f"{mapping.id_prefix}{raw_id}") if raw_id not in (None, "") else ""
    if not record_id or not re.match(ID_PATTERN, record_id):
        raise RowError(f"id: '{raw_id or ''}' does not make a record id")
    sources = _sources(row, mapping)
    ids = [s["id"] for s in sources]
    data: dict[str, Any] = {}
    for path, spec in mapping.record.items():
        value = value_of(spec, row, path)
        if value not in (None, "", []):
            _set(data, path, value)
    for claim in ("date", "location", "verification"):
        if isinstance(data.get(claim), str) and claim == "date":
            data["date"] = {"at": data["date"]}
        data.setdefault(claim, {})["sources"] = ids
    data["alleged_perpetrators"] = _perpetrators(row, mapping, ids)
    _harm(data, row, mapping, ids)
    data["sources"] = sources
    return record_id, data


def _perpetrators(row: dict[str, str], mapping: Mapping, ids: list[str]) -> list[dict[str, Any]]:
    sides = value_of(mapping.alleged_perpetrators, row, "alleged_perpetrators") if mapping.alleged_perpetrators else []
    sides = sides if isinstance(sides, list) else [sides] if sides else []
    if not sides and not mapping.not_attributed:
        raise RowError(
            "alleged_perpetrators: no side is given (if the data set does not attribute incidents, say "
            "`not_attributed: true` in the mapping)"
        )
    return [{"side": side, "sources": ids} for side in dict.fromkeys(sides)]


def _harm(data: dict[str, Any], row: dict[str, str], mapping: Mapping, ids: list[str]) -> None:
    victims = []
    for i, group in enumerate(mapping.victims):
        count = value_of(group.count, row, f"victims[{i}].count")
        if count == 0:
            continue  # the row reports none of this harm
        victims.append({"side": group.side, "status": group.status, "harm": group.harm, "count": count, "sources": ids})
    data["victims"] = victims
    none = value_of(mapping.no_casualties, row, "no_casualties") if mapping.no_casualties else None
    if not victims and str(none).strip().lower() in TRUE:
        data["casualties"] = {"reported": "none", "sources": ids}
    kinds = value_of(mapping.damage, row, "damage") if mapping.damage else []
    if kinds:
        data["damage"] = [{"kind": kind, "sources": ids} for kind in (kinds if isinstance(kinds, list) else [kinds])]


def plan_import(rows: list[dict[str, str]], mapping: Mapping, config: ArchiveConfig) -> Plan:
    """Every row checked as a record: the records to write, and each row that cannot be imported and why.
    Rows are numbered as a spreadsheet shows them (the header is row 1)."""
    plan = Plan()
    context = {"config": config, "today": today()}
    for number, row in enumerate(rows, 2):
        try:
            record_id, data = row_record(row, mapping)
            if record_id in plan.records:
                raise RowError(f"id: '{record_id}' is also the id of row {plan.records[record_id][0]}")
            incident = Incident.model_validate(data, context=context)
            broken = [b for b in (check_grade(incident), *known_attribution(incident)) if b is not None]
            if broken:
                raise RowError("; ".join(f"{dotted(b.loc)}: {b.message} ({b.hint})" for b in broken))
        except RowError as exc:
            plan.problems.append((number, str(exc)))
        except ValidationError as exc:
            plan.problems += [(number, _error_text(e)) for e in exc.errors()]
        else:
            plan.records[record_id] = (number, data)
    return plan


def _error_text(error: Any) -> str:  # noqa: ANN401 - a pydantic ErrorDetails
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error["loc"]).lstrip(".")
    return f"{where}: {error['msg']}" if where else str(error["msg"])
