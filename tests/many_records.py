"""An archive of many records, for what only shows at size: lists in pages, the explore view's chunks. Each record is
the minimal archive's, on a day of its own (newest last), optionally with its own source or its own place."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml
from repo_paths import MINIMAL

RECORD = MINIMAL / "incidents" / "2022-03-29-dmytrivka-x.yaml"


def many_records(target: Path, n: int, *, sources_each: bool = False, places_each: bool = False) -> Path:
    """The minimal archive with `n` records instead of its one: record k (from 1) happened k days after 1 January
    2022; with `sources_each`, each cites a source of its own; with `places_each`, each is in a place of its own."""
    shutil.copytree(MINIMAL, target)
    (target / "incidents" / RECORD.name).unlink()
    base = yaml.safe_load(RECORD.read_text("utf-8"))
    for k in range(1, n + 1):
        day = dt.date(2022, 1, 1) + dt.timedelta(days=k)
        record = {
            **base,
            "date": {"at": day.isoformat(), "sources": ["a"]},
            "first_reported": None,
            "title": f"Incident number {k}",
        }
        if sources_each:
            record["sources"] = [
                {**base["sources"][0], "url": f"https://a.example/{k}", "title": f"Source {k}"}
            ]  # id a
        if places_each:
            record["location"] = {**base["location"], "place": f"Place {k:04d}", "also_known_as": []}
        (target / "incidents" / f"{day.isoformat()}-record-{k:04d}.yaml").write_text(yaml.safe_dump(record), "utf-8")
    return target
