"""Each incident page's JSON-LD: a documented allegation about an event, safe inside its script element."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml
from repo_paths import MINIMAL

from warcrime_archive.build import build_site
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.publish.linked_data import json_ld
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def make_archive(root: Path) -> Path:
    """The minimal archive with a second record whose title holds markup."""
    shutil.copytree(MINIMAL, root)
    record = yaml.safe_load((root / RECORD).read_text())
    record.update(
        title="Shots reported at </script><b> a checkpoint & more",
        date={"at": "2023-05-02", "sources": ["a"]},
        first_reported=None,
    )
    (root / "incidents" / "2023-05-02-checkpoint.yaml").write_text(yaml.safe_dump(record))
    return root


def test_json_ld_describes_the_record_about_an_alleged_event(tmp_path: Path):
    site = tmp_path / "site"
    build_site(make_archive(tmp_path / "archive"), site)
    page = (site / "incidents" / "2023-05-02-checkpoint" / "index.html").read_text()
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert "</script>" not in block and "<b>" not in block
    data = json.loads(block)
    assert data["@type"] == "CreativeWork"
    assert data["name"] == "Alleged: Shots reported at </script><b> a checkpoint & more (grade: Verified)"
    assert data["url"] == "https://example.org/a/incidents/2023-05-02-checkpoint/"
    event = data["about"]
    assert (event["@type"], event["startDate"], event["endDate"]) == ("Event", "2023-05-02", "2023-05-02")
    assert event["description"].startswith("Alleged incident: ")
    assert event["location"]["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "UA",
        "addressRegion": "Kyiv Oblast",
    }
    assert data["citation"] == ["https://a.example/1"]
    assert "datePublished" not in data  # no git history, no date made up


def test_markup_in_the_record_is_escaped_as_json_allows(tmp_path: Path):
    archive = load_archive(make_archive(tmp_path / "archive")).archive
    catalog = build_catalog(archive)
    text = str(json_ld(catalog.config, catalog.by_id["2023-05-02-checkpoint"]))
    assert "\\u003c/script\\u003e\\u003cb\\u003e a checkpoint \\u0026 more" in text
    assert "<" not in text and ">" not in text and "&" not in text
    assert text.startswith('{\n "@context": "https://schema.org",\n')  # indented by one space
