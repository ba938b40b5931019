"""The data downloads: public records as JSON, CSV, GeoJSON and a Frictionless data package, per-record
JSON, BibTeX and CSL-JSON citations, and SHA256SUMS over every data file. Built from the catalog only,
so private parts and protected names and coordinates never reach them."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from warcrime_archive import urls
from warcrime_archive.catalog.indexes import Catalog, Entry
from warcrime_archive.i18n import N_, gettext
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.record import Source, VictimGroup


def public_record(entry: Entry) -> dict[str, Any]:
    """The record as published: its id, page URL (from the site's root) and every public field."""
    data = entry.incident.model_dump(mode="json", by_alias=True, exclude={"private"})
    for item in data["evidence"]:
        item.pop("file", None)
    return {"id": entry.id, "url": entry.url, **data}


def _fast_float(value: float) -> bool:
    """Whether orjson writes the float as json.dumps does (repr): it writes 0.00005 for 5e-05 and 1e16 for
    1e+16, and null for NaN and infinities."""
    return value == 0 or 1e-4 <= abs(value) < 1e16


def _fast(floats: Iterable[float]) -> bool:
    return all(_fast_float(value) for value in floats)


def _floats(entry: Entry) -> tuple[float, ...]:
    """Every float in the record's public JSON: its coordinates (the record format's only numbers that are
    not whole; tests/test_downloads.py checks the JSON Schema for others)."""
    point = entry.incident.location.coordinates
    return (point.lat, point.lon) if point is not None else ()


def json_text(value: Any, floats: Iterable[float] = (), indent: int = 2) -> str:
    """`value` as JSON indented by `indent` spaces (2 or 1), with a final newline: json.dumps(value,
    ensure_ascii=False, indent=indent) byte for byte. orjson writes it (over ten times faster than the json
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


def _canonical(value: Any, floats: Iterable[float] = ()) -> bytes:
    """`value` as compact JSON with sorted keys, UTF-8: json.dumps(value, ensure_ascii=False, sort_keys=True,
    separators=(",", ":")) byte for byte, on the same terms as `json_text`."""
    if _fast(floats):
        try:
            return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        except orjson.JSONEncodeError:
            pass
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Published:
    """A record's published forms, worked out once per entry: its record.json and its version."""

    json: str
    version: str


_PUBLISHED: dict[int, tuple[weakref.ref[Entry], Published]] = {}
"""id(entry) -> (a weak reference to the entry, its Published): each entry's forms are made once, for
the plan's citation and JSON-LD, the feed, the CSV and the record's files alike, and forgotten with it.
A module memo because every one of those asks for them by the entry alone; the incremental build seeds it
with the forms it kept (`remember`), so that none of them is dumped again."""


def published(entry: Entry) -> Published:
    """The record's published forms, made from its public JSON (one model_dump) the first time they are asked
    for; an Entry and its record are frozen, so they never change."""
    key = id(entry)
    known = _PUBLISHED.get(key)
    if known is not None and known[0]() is entry:
        return known[1]
    data = public_record(entry)
    floats = _floats(entry)
    return remember(
        entry, Published(json_text(data, floats), hashlib.sha256(_canonical(data, floats)).hexdigest()[:12])
    )


def remember(entry: Entry, forms: Published) -> Published:
    """Take `forms` as the entry's published forms (the incremental build gives those it kept for the entry)."""
    key = id(entry)

    def forget(ref: weakref.ref[Entry]) -> None:
        if _PUBLISHED.get(key, (None,))[0] is ref:
            del _PUBLISHED[key]

    _PUBLISHED[key] = (weakref.ref(entry, forget), forms)
    return forms


def record_version(entry: Entry) -> str:
    """The record's version: the first 12 hex digits of the SHA-256 of its public JSON."""
    return published(entry).version


@dataclass(frozen=True)
class Column:
    """One column of a CSV download, documented on the downloads page and in datapackage.json."""

    name: str
    type: str  # a Frictionless field type
    description: str
    value: Callable[..., Any]


def _join(items: list[str]) -> str:
    return "; ".join(items)


def _victim_total(entry: Entry, end: str) -> int | str:
    counts = [_count(group, end) for group in entry.incident.victims]
    return "" if "" in counts else sum(int(c) for c in counts)


INCIDENT_COLUMNS = (
    Column("id", "string", N_("The record's id; its page is incidents/<id>/."), lambda e: e.id),
    Column("title", "string", N_("A short neutral headline."), lambda e: e.incident.title),
    Column("summary", "string", N_("What is alleged, and by whom."), lambda e: e.incident.summary),
    Column("category", "string", N_("A key of the archive's categories."), lambda e: e.incident.category),
    Column(
        "date_from",
        "string",
        N_("The earliest it can have happened: YYYY-MM-DD, YYYY-MM or YYYY."),
        lambda e: e.incident.date.start.iso(),
    ),
    Column(
        "date_to",
        "string",
        N_("The latest it can have happened: YYYY-MM-DD, YYYY-MM or YYYY."),
        lambda e: e.incident.date.end.iso(),
    ),
    Column(
        "date_approximate",
        "boolean",
        N_("true when even the date window is an estimate."),
        lambda e: e.incident.date.approximate,
    ),
    Column(
        "first_reported",
        "string",
        N_("When it was first reported publicly; empty when not known."),
        lambda e: e.incident.first_reported.iso() if e.incident.first_reported else "",
    ),
    Column("country", "string", N_("ISO 3166-1 alpha-2 code."), lambda e: e.incident.location.country),
    Column("admin1_code", "string", N_("ISO 3166-2 code of the region."), lambda e: e.incident.location.region.code),
    Column("admin1", "string", N_("The region's name."), lambda e: e.incident.location.region.name),
    Column("admin2", "string", N_("The district, as the sources name it."), lambda e: e.incident.location.admin2 or ""),
    Column("place", "string", N_("The settlement or named place."), lambda e: e.incident.location.place or ""),
    Column(
        "precision",
        "string",
        N_("How precisely the place is known: exact, near, settlement, district, region or unknown."),
        lambda e: e.incident.location.precision.value,
    ),
    Column(
        "lat",
        "number",
        N_("Latitude (WGS 84), only when a source publishes coordinates and the record may show them."),
        lambda e: e.incident.location.coordinates.lat if e.incident.location.coordinates else "",
    ),
    Column(
        "lon",
        "number",
        N_("Longitude (WGS 84), on the same terms as lat."),
        lambda e: e.incident.location.coordinates.lon if e.incident.location.coordinates else "",
    ),
    Column(
        "alleged_perpetrator_sides",
        "string",
        N_("Keys of the sides alleged responsible, separated by '; '."),
        lambda e: _join([p.side for p in e.incident.alleged_perpetrators]),
    ),
    Column(
        "victim_sides",
        "string",
        N_("Keys of the victims' sides, separated by '; ' (empty for an unknown side)."),
        lambda e: _join(sorted({v.side for v in e.incident.victims if v.side})),
    ),
    Column(
        "victims_min",
        "integer",
        N_("The lowest total count of victims the sources give; empty when a group's count is unknown."),
        lambda e: _victim_total(e, "min"),
    ),
    Column(
        "victims_max",
        "integer",
        N_("The highest total count of victims the sources give; empty when a group's count is unknown."),
        lambda e: _victim_total(e, "max"),
    ),
    Column(
        "verification",
        "string",
        N_("The verification grade: a key of the archive's grading scale."),
        lambda e: e.incident.verification.status,
    ),
    Column("sources", "integer", N_("How many sources the record lists."), lambda e: len(e.incident.sources)),
    Column("tags", "string", N_("Keywords, separated by '; '."), lambda e: _join(e.incident.tags)),
    Column("version", "string", N_("The record version: short SHA-256 of its public JSON."), record_version),
)

VICTIM_COLUMNS = (
    Column("incident_id", "string", N_("The id of the record (incidents.csv: id)."), lambda e, i, v: e.id),
    Column("group", "integer", N_("The group's position in the record, from 1."), lambda e, i, v: i),
    Column("side", "string", N_("A key of the archive's sides; empty when unknown."), lambda e, i, v: v.side or ""),
    Column("status", "string", N_("A key of the archive's victim statuses."), lambda e, i, v: v.status),
    Column("harm", "string", N_("killed, wounded, tortured, ill-treated or missing."), lambda e, i, v: v.harm.value),
    Column(
        "count_min",
        "integer",
        N_("The lowest count a source gives; empty when unknown."),
        lambda e, i, v: _count(v, "min"),
    ),
    Column(
        "count_max",
        "integer",
        N_("The highest count a source gives; empty when unknown."),
        lambda e, i, v: _count(v, "max"),
    ),
    Column("description", "string", N_("Who they were, as the sources say."), lambda e, i, v: v.description),
)

SOURCE_COLUMNS = (
    Column("incident_id", "string", N_("The id of the record (incidents.csv: id)."), lambda e, i, s: e.id),
    Column("position", "integer", N_("The source's position in the record, from 1."), lambda e, i, s: i),
    Column("url", "string", N_("The source's address."), lambda e, i, s: s.url),
    Column("title", "string", N_("Its title, as published."), lambda e, i, s: s.title),
    Column("outlet", "string", N_("Who published it."), lambda e, i, s: s.outlet),
    Column(
        "published",
        "string",
        N_("When it was published (YYYY-MM-DD, YYYY-MM or YYYY); empty when not known."),
        lambda e, i, s: s.published.iso() if s.published else "",
    ),
    Column("type", "string", N_("The kind of source."), lambda e, i, s: s.type.value),
    Column("language", "string", N_("ISO 639 language code."), lambda e, i, s: s.language),
    Column(
        "archived_url", "string", N_("An archived copy; empty when none yet."), lambda e, i, s: s.archived_url or ""
    ),
)


def _count(group: VictimGroup, end: str) -> int | str:
    count = group.count
    if count is None:
        return ""
    return int(getattr(count, end)) if hasattr(count, end) else int(count)


@dataclass(frozen=True)
class Table:
    """A CSV download: its name, file, description, columns and keys."""

    name: str
    file: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[Entry], list[list[Any]]]
    """One record's rows (the file has every record's, by id)."""

    @property
    def url(self) -> str:
        return urls.download(self.file)


def _incident_rows(entry: Entry) -> list[list[Any]]:
    return [[c.value(entry) for c in INCIDENT_COLUMNS]]


def _victim_rows(entry: Entry) -> list[list[Any]]:
    return [[c.value(entry, i, v) for c in VICTIM_COLUMNS] for i, v in enumerate(entry.incident.victims, 1)]


def _source_rows(entry: Entry) -> list[list[Any]]:
    sources: list[Source] = entry.incident.sources
    return [[c.value(entry, i, s) for c in SOURCE_COLUMNS] for i, s in enumerate(sources, 1)]


TABLES = (
    Table("incidents", "incidents.csv", N_("One row per incident."), INCIDENT_COLUMNS, ("id",), _incident_rows),
    Table(
        "victims",
        "victims.csv",
        N_("One row per group of victims of an incident."),
        VICTIM_COLUMNS,
        ("incident_id", "group"),
        _victim_rows,
    ),
    Table(
        "sources",
        "sources.csv",
        N_("One row per source cited by an incident."),
        SOURCE_COLUMNS,
        ("incident_id", "position"),
        _source_rows,
    ),
)

OTHER_FILES = (
    ("incidents.json", N_("Every public record in full, as a JSON array, in the record format's field names.")),
    (
        "incidents.geojson",
        N_("A GeoJSON FeatureCollection: one Feature per incident, geometry null unless coordinates may be published."),
    ),
    ("datapackage.json", N_("A Frictionless Data Package describing the files here, with a table schema per CSV.")),
)
# The Frictionless field types, as the data page names them (marked here for translation).
FIELD_TYPES = (N_("string"), N_("integer"), N_("number"), N_("boolean"))


def _by_id(catalog: Catalog) -> list[Entry]:
    return sorted(catalog.entries, key=lambda e: e.id)


# A spreadsheet may run a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defused(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, prefixed with a single quote; anything else as is.

    Only text is touched: numbers (a negative latitude), booleans, dates and ids pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(rows: list[list[Any]]) -> str:
    """CSV lines (each row is written on its own: a file's text is its rows' texts one after the other)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # The csv module quotes a cell holding a line feed but not one holding a lone carriage return (it is
    # not in the line terminator), which readers take for a line break: such a row is written all quoted.
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        cells = ["true" if v is True else "false" if v is False else defused(v) for v in row]
        (quoted if any(isinstance(c, str) and "\r" in c for c in cells) else writer).writerow(cells)
    return buffer.getvalue()


def _geojson(catalog: Catalog) -> dict[str, Any]:
    features = []
    for e in _by_id(catalog):
        loc = e.incident.location
        geometry = (
            {"type": "Point", "coordinates": [loc.coordinates.lon, loc.coordinates.lat]} if loc.coordinates else None
        )
        features.append(
            {
                "type": "Feature",
                "id": e.id,
                "geometry": geometry,
                "properties": {
                    "title": e.incident.title,
                    "category": e.incident.category,
                    "date_from": e.incident.date.start.iso(),
                    "date_to": e.incident.date.end.iso(),
                    "country": loc.country,
                    "admin1": loc.region.name,
                    "place": loc.place,
                    "precision": loc.precision.value,
                    "verification": e.incident.verification.status,
                    "url": e.url,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _datapackage(config: ArchiveConfig) -> dict[str, Any]:
    package: dict[str, Any] = {
        "profile": "data-package",
        "name": "warcrime-archive-data",
        "title": config.title,
        "description": config.description,
        "resources": [],
    }
    if config.license:
        package["licenses"] = [
            {"name": config.license.name, **({"path": config.license.url} if config.license.url else {})}
        ]
    for table in TABLES:
        schema: dict[str, Any] = {
            "fields": [{"name": c.name, "type": c.type, "description": c.description} for c in table.columns],
            "primaryKey": list(table.primary_key),
        }
        if table.name != "incidents":
            schema["foreignKeys"] = [{"fields": "incident_id", "reference": {"resource": "incidents", "fields": "id"}}]
        package["resources"].append(
            {
                "name": table.name,
                "path": table.file,
                "profile": "tabular-data-resource",
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    package["resources"] += [
        {
            "name": "incidents-json",
            "path": "incidents.json",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "description": OTHER_FILES[0][1],
        },
        {
            "name": "incidents-geojson",
            "path": "incidents.geojson",
            "format": "geojson",
            "mediatype": "application/geo+json",
            "encoding": "utf-8",
            "description": OTHER_FILES[1][1],
        },
    ]
    return package


def permalink(config: ArchiveConfig, url: str) -> str:
    """The permanent address of a site URL: absolute when base_url names a host, else from the site's path."""
    return urls.absolute(config.base_url, url)


def citation_text(config: ArchiveConfig, entry: Entry) -> str:
    """The suggested citation, in words."""
    version = record_version(entry)
    words = {
        "archive": config.title,
        "title": entry.incident.title,
        "id": entry.id,
        "version": version,
        "url": permalink(config, entry.url),
    }
    if entry.last_updated:
        return gettext(
            "%(archive)s. \u201c%(title)s.\u201d Record %(id)s, version %(version)s, last updated %(updated)s. "
            "%(url)s (accessed on the date you read it)."
        ) % {**words, "updated": entry.last_updated.date.isoformat()}
    return (
        gettext(
            "%(archive)s. \u201c%(title)s.\u201d Record %(id)s, version %(version)s. "
            "%(url)s (accessed on the date you read it)."
        )
        % words
    )


_BIBTEX_ESCAPES = str.maketrans(
    {
        "{": "\\{",
        "}": "\\}",
        "\\": "\\textbackslash{}",
        **{char: "\\" + char for char in "&%$#_"},
        "~": "\\textasciitilde{}",
        "^": "\\textasciicircum{}",
    }
)


def _bibtex_escape(text: str) -> str:
    """The text with braces, backslashes and TeX's special characters escaped for a BibTeX field."""
    return text.translate(_BIBTEX_ESCAPES)


def bibtex(config: ArchiveConfig, entry: Entry) -> str:
    """A BibTeX @misc entry for the record."""
    fields = [
        ("title", entry.incident.title),
        ("author", "{" + _bibtex_escape(config.title) + "}"),
        ("howpublished", config.title),
        ("url", permalink(config, entry.url)),
        ("version", record_version(entry)),
        ("note", f"Record {entry.id}. An alleged incident, not a finding of guilt"),
    ]
    if entry.last_updated:
        fields.insert(4, ("year", str(entry.last_updated.date.year)))
        fields.insert(5, ("date", entry.last_updated.date.isoformat()))
    lines = [f"@misc{{{entry.id},"]
    for name, value in fields:
        text = value if name in ("author", "url") else _bibtex_escape(value)
        lines.append(f"  {name} = {{{text}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def csl_json(config: ArchiveConfig, entry: Entry) -> list[dict[str, Any]]:
    """A CSL-JSON item (in a one-item array) for the record."""
    item: dict[str, Any] = {
        "id": entry.id,
        "type": "webpage",
        "title": entry.incident.title,
        "author": [{"literal": config.title}],
        "container-title": config.title,
        "URL": permalink(config, entry.url),
        "version": record_version(entry),
        "note": f"Record {entry.id}. An alleged incident, not a finding of guilt.",
    }
    if entry.last_updated:
        d = entry.last_updated.date
        item["issued"] = {"date-parts": [[d.year, d.month, d.day]]}
    return [item]


def _json_array(items: list[str]) -> str:
    """The JSON array of values given as `json_text` texts: json.dumps(values, ensure_ascii=False, indent=2) + a
    newline, byte for byte (each item indented two spaces more; a string's line breaks are escapes in JSON)."""
    return "".join(_json_array_parts(items))


def _json_array_parts(items: list[str]) -> Iterator[str]:
    """`_json_array` in parts, one an item: joined, the same text."""
    if not items:
        yield "[]\n"
        return
    last = len(items) - 1
    for n, text in enumerate(items):
        yield ("[\n  " if n == 0 else "  ") + text[:-1].replace("\n", "\n  ") + (",\n" if n < last else "\n]\n")


RECORD_FILES = ("record.json", "record.bib", "record.csl.json")


def record_files(config: ArchiveConfig, entry: Entry) -> dict[str, str]:
    """Output path -> content of one record's own files: record.json, record.bib and record.csl.json.

    A function of the settings and the entry alone: no other record changes them."""
    return {
        urls.record_file(entry.id, "record.json"): published(entry).json,
        urls.record_file(entry.id, "record.bib"): bibtex(config, entry),
        urls.record_file(entry.id, "record.csl.json"): json_text(csl_json(config, entry)),
    }


class Rows:
    """Works out a record's rows of the downloads over every record: its published forms (for incidents.json)
    and its lines in each CSV table (`TABLES`, in order). The publish stage's hook: the incremental build keeps
    them between builds instead (`incremental.kept_parts`)."""

    def for_record(self, entry: Entry) -> tuple[Published, tuple[str, ...]]:
        return published(entry), tuple(_csv(table.rows(entry)) for table in TABLES)


Parts = Callable[[], Iterable[str]]
"""A file's text in parts, made anew each time it is called (see `archive_parts`)."""


def archive_parts(catalog: Catalog, rows: Rows | None = None) -> list[tuple[str, Parts]]:
    """The downloads over every record, in order of their paths: incidents.json, the GeoJSON, the CSV files and
    datapackage.json, each as a function giving its text in parts (tens of megabytes at 10,000 records: the
    build writes them part by part, `write.Staging.put_parts`, instead of joining each whole); each record's
    part of them from `rows` (by default worked out here)."""
    entries = _by_id(catalog)
    parts = [(rows or Rows()).for_record(e) for e in entries]
    files: dict[str, Parts] = {
        urls.download("incidents.json"): lambda: _json_array_parts([forms.json for forms, _ in parts]),
        urls.download("incidents.geojson"): lambda: (
            json_text(_geojson(catalog), (f for e in entries for f in _floats(e))),
        ),
        urls.download("datapackage.json"): lambda: (json_text(_datapackage(catalog.config)),),
    }
    for number, table in enumerate(TABLES):
        header = _csv([[c.name for c in table.columns]])
        files[table.url] = lambda number=number, header=header: (header, *(lines[number] for _, lines in parts))
    return sorted(files.items())


def archive_files(catalog: Catalog, rows: Rows | None = None) -> dict[str, str]:
    """Output path -> content of the downloads over every record (`archive_parts`, each joined)."""
    return {path: "".join(make()) for path, make in archive_parts(catalog, rows)}


def data_files(catalog: Catalog) -> dict[str, str]:
    """Output path -> content, for every download and every record's JSON and citations: `archive_files`
    and each record's `record_files`."""
    files = archive_files(catalog)
    for e in catalog.entries:
        files.update(record_files(catalog.config, e))
    return dict(sorted(files.items()))


def sha256sums(files: Mapping[str, str | bytes]) -> str:
    """`sha256sum -c` input over the given files: '<hex>  <path>' per line, sorted by path."""
    lines = []
    for path in sorted(files):
        content = files[path]
        data = content.encode("utf-8") if isinstance(content, str) else content
        lines.append(f"{hashlib.sha256(data).hexdigest()}  {path}")
    return "\n".join(lines) + "\n"
