"""A record's published forms: its public JSON and its version, made once per entry and forgotten with it."""

from __future__ import annotations

import gc
import json
from pathlib import Path

from planted_archive import IDS, catalog_of, make_archive

from warcrime_archive.model.schema import incident_schema
from warcrime_archive.publish import published
from warcrime_archive.publish.record_files import record_files


def test_record_version_is_the_short_sha256_of_the_public_json_and_changes_with_it(tmp_path: Path):
    entry = catalog_of(make_archive(tmp_path / "a")).by_id[IDS[1]]
    version = published.record_version(entry)
    assert len(version) == 12 and int(version, 16) >= 0
    changed = entry.incident.model_copy(update={"title": "Another title"})
    other = type(entry)(**{**entry.__dict__, "incident": changed})
    assert published.record_version(other) != version


def test_each_records_published_forms_are_made_once_and_forgotten_with_its_entry(tmp_path: Path):
    catalog = catalog_of(make_archive(tmp_path / "a"))
    entry = catalog.by_id[IDS[1]]
    assert published.published(entry) is published.published(entry)
    # record.json holds the record with its permanent address; its version is made with its address from the site's
    # root, so that moving the site changes no version
    public = published.public_record(entry)
    assert public["url"] == f"incidents/{IDS[1]}/"
    assert record_files(catalog.config, entry)[f"incidents/{IDS[1]}/record.json"] == (
        json.dumps({**public, "url": f"https://example.org/a/incidents/{IDS[1]}/"}, ensure_ascii=False, indent=2) + "\n"
    )
    key = id(entry)
    assert key in published._PUBLISHED
    del entry, catalog
    gc.collect()
    assert key not in published._PUBLISHED  # a server rebuilding again and again keeps no old records


def test_the_coordinates_are_the_only_numbers_in_a_record_that_need_not_be_whole():
    """The published JSON is written by orjson only when the floats named by `published.record_floats` (the
    coordinates) are ones it writes as the json module does: a new float field must be named there too."""

    def numbers(node, path):
        if isinstance(node, dict):
            kinds = node.get("type")
            if kinds == "number" or (isinstance(kinds, list) and "number" in kinds):
                yield path
            for key, child in node.items():
                yield from numbers(child, (*path, key))
        elif isinstance(node, list):
            for child in node:
                yield from numbers(child, path)

    assert list(numbers(incident_schema(), ())) == [
        ("$defs", "Coordinates", "properties", "lat"),
        ("$defs", "Coordinates", "properties", "lon"),
    ]
