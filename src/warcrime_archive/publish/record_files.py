"""The files beside each incident's page: record.json, record.bib and record.csl.json."""

from __future__ import annotations

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Entry
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.publish.citations import bibtex, csl_json
from warcrime_archive.publish.fast_json import json_text
from warcrime_archive.publish.published import published, with_permalink

RECORD_FILES = ("record.json", "record.bib", "record.csl.json")


def record_files(config: ArchiveConfig, entry: Entry) -> dict[str, str]:
    """Output path -> content of one record's own files: record.json, record.bib and record.csl.json.

    A function of the settings and the entry alone: no other record changes them."""
    return {
        urls.record_file(entry.id, "record.json"): with_permalink(config, entry, published(entry).json),
        urls.record_file(entry.id, "record.bib"): bibtex(config, entry),
        urls.record_file(entry.id, "record.csl.json"): json_text(csl_json(config, entry)),
    }
