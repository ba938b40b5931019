"""What a loaded archive is: its settings, records and free pages, all valid, all frozen."""

import dataclasses

import pytest
from pydantic import ValidationError
from repo_paths import MINIMAL

from warcrime_archive.model.archive import Archive, FreePage, FrontMatter, Record
from warcrime_archive.validate.load import load_archive


def test_a_loaded_archive_holds_its_records_in_order_of_id_and_its_pages():
    archive = load_archive(MINIMAL).archive
    assert isinstance(archive, Archive)
    assert [r.id for r in archive.records] == sorted(r.id for r in archive.records)
    assert all(isinstance(r, Record) and r.path == f"incidents/{r.id}.yaml" for r in archive.records)
    assert all(isinstance(p, FreePage) for p in archive.pages)
    with pytest.raises(dataclasses.FrozenInstanceError):
        archive.records = ()  # type: ignore[misc]  # frozen: the refusal is the test


def test_a_pages_front_matter_needs_a_title_and_nothing_unknown():
    assert FrontMatter.model_validate({"title": "About"}).description == ""
    with pytest.raises(ValidationError):
        FrontMatter.model_validate({"title": ""})
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        FrontMatter.model_validate({"title": "About", "layout": "wide"})
