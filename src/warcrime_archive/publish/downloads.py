"""The downloads over every record: incidents.json, the GeoJSON, the CSV tables and a Frictionless data package.
Built from the catalog only, so private parts and protected names and coordinates never reach them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, Entry
from warcrime_archive.i18n import N_
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.outlines import representative_point
from warcrime_archive.publish.fast_json import json_array_parts, json_text
from warcrime_archive.publish.published import Published, permalink, published, with_permalink
from warcrime_archive.publish.tables import TABLES, WITHDRAWALS, csv_lines

OTHER_FILES = (
    ("incidents.json", N_("Every public record in full, as a JSON array, in the record format's field names.")),
    (
        "incidents.geojson",
        N_(
            "A GeoJSON FeatureCollection: one Feature per incident. Its point is the published coordinates when they "
            "may be published; otherwise the representative point of its region (or country), which is not the place: "
            "the property geometry_represents says which."
        ),
    ),
    ("datapackage.json", N_("A Frictionless Data Package describing the files here, with a table schema per CSV.")),
)
# The Frictionless field types, as the data page names them (marked here for translation).
FIELD_TYPES = (N_("string"), N_("integer"), N_("number"), N_("boolean"))


def _by_id(catalog: Catalog) -> list[Entry]:
    """The entries in order of their ids, as the downloads list them."""
    return sorted(catalog.entries, key=lambda e: e.id)


GEOMETRY_REPRESENTS = {"region": "region", "country": "country"}


def _geometry(entry: Entry) -> tuple[dict[str, Any] | None, str | None]:
    """A record's point and what it stands for: its published coordinates ('coordinates'), else the representative
    point of its region ('region') or country ('country'), else none."""
    loc = entry.incident.location
    if loc.coordinates is not None:
        return {"type": "Point", "coordinates": [loc.coordinates.lon, loc.coordinates.lat]}, "coordinates"
    found = representative_point(loc.country, loc.region.code)
    if found is None:
        return None, None
    kind, lon, lat = found
    return {"type": "Point", "coordinates": [lon, lat]}, GEOMETRY_REPRESENTS[kind]


def _geojson(catalog: Catalog) -> dict[str, Any]:
    features = []
    for e in _by_id(catalog):
        loc = e.incident.location
        geometry, represents = _geometry(e)
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
                    "admin1": None if loc.country_only else loc.region.name,
                    "place": loc.place,
                    "precision": loc.precision.value,
                    "geometry_represents": represents,
                    "verification": e.incident.verification.status,
                    "url": permalink(catalog.config, e.url),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _geojson_floats(entry: Entry) -> tuple[float, ...]:
    """The floats of a record's Feature: its coordinates, or its region's or country's representative point."""
    geometry, _ = _geometry(entry)
    return tuple(geometry["coordinates"]) if geometry is not None else ()


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
    for table in (*TABLES, WITHDRAWALS):
        schema: dict[str, Any] = {
            "fields": [{"name": c.name, "type": c.type, "description": c.description} for c in table.columns],
            "primaryKey": list(table.primary_key),
        }
        if "incident_id" in table.primary_key:
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


class Rows:
    """Works out a record's rows of the downloads over every record: its published forms (for incidents.json)
    and its lines in each CSV table (`TABLES`, in order). The publish stage's hook: the incremental build keeps
    them between builds instead (`incremental.kept_parts`)."""

    def for_record(self, entry: Entry) -> tuple[Published, tuple[str, ...]]:
        return published(entry), tuple(csv_lines(table.rows(entry)) for table in TABLES)


Parts = Callable[[], Iterable[str]]
"""A file's text in parts, made anew each time it is called (see `archive_parts`)."""


def archive_parts(catalog: Catalog, rows: Rows | None = None) -> list[tuple[str, Parts]]:
    """The downloads over every record, in order of their paths: incidents.json, the GeoJSON, the CSV files and
    datapackage.json, each as a function giving its text in parts (tens of megabytes in a large archive: the
    build writes them part by part, `write.Staging.put_parts`, instead of joining each whole); each record's
    part of them from `rows` (by default worked out here)."""
    entries = _by_id(catalog)
    parts = [(rows or Rows()).for_record(e) for e in entries]
    files: dict[str, Parts] = {
        urls.download("incidents.json"): lambda: json_array_parts(
            [with_permalink(catalog.config, e, forms.json) for e, (forms, _) in zip(entries, parts, strict=True)]
        ),
        urls.download("incidents.geojson"): lambda: (
            json_text(_geojson(catalog), (f for e in entries for f in _geojson_floats(e))),
        ),
        urls.download("datapackage.json"): lambda: (json_text(_datapackage(catalog.config)),),
    }
    for number, table in enumerate(TABLES):
        header = csv_lines([[c.name for c in table.columns]])
        files[table.url] = lambda number=number, header=header: (  # type: ignore[misc]  # mypy: lambda with defaults
            header,
            *(lines[number] for _, lines in parts),
        )
    withdrawn = sorted(catalog.withdrawn, key=lambda t: t.id)
    rows_withdrawn = [[c.name for c in WITHDRAWALS.columns], *(row for t in withdrawn for row in WITHDRAWALS.rows(t))]
    files[WITHDRAWALS.url] = lambda: (csv_lines(rows_withdrawn),)
    return sorted(files.items())


def archive_files(catalog: Catalog, rows: Rows | None = None) -> dict[str, str]:
    """Output path -> content of the downloads over every record (`archive_parts`, each joined)."""
    return {path: "".join(make()) for path, make in archive_parts(catalog, rows)}
