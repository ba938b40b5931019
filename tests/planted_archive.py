"""An archive with private values planted in a personal-information record, beside a public record placed by
coordinates: for the tests that the published files hold exactly the public records."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import yaml
from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"
PLANTS = ("PLANT-PRIVATE-NOTE", "PLANT-FILE.mp4", "A B", "C D", "50.4123", "30.1234", "road by the PLANT-DETAIL")
IDS = ["2022-03-29-dmytrivka-x", "2023-05-02-testove"]
"""The records' ids, in order."""


def make_archive(root: Path) -> Path:
    """The minimal archive with its record marked personal-information (named victims, fine coordinates,
    a private note and a withheld file), and a second, public record placed by published coordinates."""
    shutil.copytree(MINIMAL, root)
    with (root / "archive.yaml").open("a", encoding="utf-8") as config:
        config.write("encryption: {repository_is_private: true}\n")  # the private values planted in plaintext
    path = root / RECORD
    record = yaml.safe_load(path.read_text())
    record["location"].update(
        precision="exact", coordinates={"lat": 50.4123, "lon": 30.1234}, detail="road by the PLANT-DETAIL"
    )
    record["private"] = {"notes": "PLANT-PRIVATE-NOTE"}
    record["sensitivity"] = ["personal-information"]
    record["evidence"] = [{"description": "Video", "file": "/vault/PLANT-FILE.mp4", "custodian": "team"}]
    path.write_text(yaml.safe_dump(record))
    second = {
        **record,
        "title": "Shelling reported in a village of Kharkiv Oblast",
        "date": {"at": "2023-05-02", "sources": ["a"]},
        "location": {
            "place": "Testove",
            "admin1": "Kharkiv Oblast",
            "country": "UA",
            "precision": "exact",
            "coordinates": {"lat": 49.9, "lon": 36.3},
            "sources": ["a"],
        },
        "victims": [{"side": "ukraine", "status": "unknown", "harm": "killed", "count": None, "sources": ["a", "b"]}],
        "sources": record["sources"]
        + [{"id": "b", "url": "https://b.example/2", "title": "T2", "outlet": "O2", "type": "news-article"}],
        "sensitivity": [],
        "evidence": [],
        "private": None,
        "first_reported": None,  # the first record's report date is before this incident
    }
    (root / "incidents" / "2023-05-02-testove.yaml").write_text(yaml.safe_dump(second))
    return root


def read_csv(site: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data" / name).read_bytes().decode("utf-8"), newline="")))


def catalog_of(root: Path) -> Catalog:
    return build_catalog(load_archive(root).archive)
