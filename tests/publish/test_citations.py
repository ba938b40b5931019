"""A record as others cite it: the citation in words, BibTeX and CSL-JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from planted_archive import IDS, catalog_of, make_archive

from warcrime_archive.build import build_site
from warcrime_archive.catalog.history import Commit
from warcrime_archive.publish.citations import citation_text, csl_json
from warcrime_archive.publish.published import record_version


def test_citations_in_bibtex_and_csl_json(tmp_path: Path):
    root = make_archive(tmp_path / "a")
    (root / "archive.yaml").write_text(
        (root / "archive.yaml").read_text().replace("Test archive", "Test & 100% archive")
    )
    out = tmp_path / "site"
    build_site(root, out)
    entry = catalog_of(root).by_id[IDS[1]]
    version = record_version(entry)
    folder = out / "incidents" / IDS[1]
    assert (folder / "record.bib").read_text() == (
        "@misc{2023-05-02-testove,\n"
        "  title = {Shelling reported in a village of Kharkiv Oblast},\n"
        "  author = {{Test \\& 100\\% archive}},\n"
        "  howpublished = {Test \\& 100\\% archive},\n"
        "  url = {https://example.org/a/incidents/2023-05-02-testove/},\n"
        f"  version = {{{version}}},\n"
        "  note = {Record 2023-05-02-testove. An alleged incident, not a finding of guilt},\n"
        "}\n"
    )
    [item] = json.loads((folder / "record.csl.json").read_text())
    assert item["URL"] == "https://example.org/a/incidents/2023-05-02-testove/"
    assert (item["type"], item["version"], item["author"]) == ("webpage", version, [{"literal": "Test & 100% archive"}])
    assert "issued" not in item  # no git history: no date is made up
    page = (folder / "index.html").read_text()
    assert f"Record 2023-05-02-testove, version {version}." in page
    assert 'href="record.bib"' in page and 'href="record.csl.json"' in page and 'href="record.json"' in page


def test_the_citation_names_the_version_and_the_last_update_when_there_is_one(tmp_path: Path):
    catalog = catalog_of(make_archive(tmp_path / "a"))
    entry = catalog.by_id[IDS[1]]
    version = record_version(entry)
    assert citation_text(catalog.config, entry) == (
        f"Test archive. \u201cShelling reported in a village of Kharkiv Oblast.\u201d Record {IDS[1]}, version "
        f"{version}. https://example.org/a/incidents/{IDS[1]}/ (accessed on the date you read it)."
    )
    dated = type(entry)(**{**entry.__dict__, "history": (Commit("a" * 40, dt.date(2024, 5, 2)),)})
    assert ", last updated 2024-05-02. " in citation_text(catalog.config, dated)
    assert csl_json(catalog.config, dated)[0]["issued"] == {"date-parts": [[2024, 5, 2]]}
