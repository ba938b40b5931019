"""The files beside each incident's page depend on that record and the settings alone."""

from __future__ import annotations

import json
from pathlib import Path

from planted_archive import IDS, RECORD, catalog_of, make_archive

from warcrime_archive.publish import downloads
from warcrime_archive.publish.record_files import RECORD_FILES, record_files


def test_a_records_files_do_not_depend_on_the_other_records(tmp_path: Path):
    both = make_archive(tmp_path / "both")
    alone = make_archive(tmp_path / "alone")
    (alone / RECORD).unlink()
    [entry] = catalog_of(alone).entries
    other = catalog_of(both).by_id[entry.id]
    assert entry.id == IDS[1] and entry is not other
    files = record_files(catalog_of(alone).config, entry)
    assert files == record_files(catalog_of(both).config, other)
    assert (
        json.loads(files[f"incidents/{IDS[1]}/record.json"])["title"]
        == "Shelling reported in a village of Kharkiv Oblast"
    )
    # while the aggregate downloads do change
    assert downloads.archive_files(catalog_of(alone)) != downloads.archive_files(catalog_of(both))


def test_each_record_has_its_three_files_beside_its_page(tmp_path: Path):
    catalog = catalog_of(make_archive(tmp_path / "a"))
    for entry in catalog.entries:
        files = record_files(catalog.config, entry)
        assert list(files) == [f"incidents/{entry.id}/{name}" for name in RECORD_FILES]
        assert json.loads(files[f"incidents/{entry.id}/record.json"])["id"] == entry.id
