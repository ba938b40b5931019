"""The files an import writes: one YAML record per incident in incidents/, idempotent on re-import.

Each file starts with a comment naming the export and row, and the digest of what the import wrote. Imported
again, a file is rewritten when its row changed, left alone when it did not, and never overwritten when an editor
changed it since (its text no longer has the digest), unless asked to (`overwrite`): it is then reported.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from warcrime_archive import layout


class _Dumper(yaml.SafeDumper):
    """YAML without anchors and aliases (a record may not use them): a list shared by two claims is written twice."""

    def ignore_aliases(self, data: Any) -> bool:  # noqa: ANN401 - any value
        return True


DIGEST = re.compile(r"^# import-digest: ([0-9a-f]{64})$", re.M)


@dataclass
class Written:
    """What an import did to the files, by record id."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)  # changed by hand since the last import: kept (or overwritten)


def record_text(data: dict[str, Any], source: str, row: int) -> str:
    """A record's YAML, under a comment saying where it came from and the digest of the YAML."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return (
        f"# Imported from {source}, row {row}, by `warcrime-archive import`. Edit freely: importing again never\n"
        "# overwrites an edited record without --overwrite (the digest below tells an edit apart).\n"
        f"# import-digest: {digest}\n{body}"
    )


def _edited(text: str) -> bool:
    """Whether a file was changed since an import wrote it (or was never written by one)."""
    found = DIGEST.search(text)
    body = text[found.end() + 1 :] if found else text
    return found is None or hashlib.sha256(body.encode("utf-8")).hexdigest() != found.group(1)


def write_records(
    root: Path, records: dict[str, tuple[int, dict[str, Any]]], source: str, *, overwrite: bool = False
) -> Written:
    """Write each record to incidents/<id>.yaml (or where a record of that id already is)."""
    existing = {p.stem: p for p in (root / layout.RECORDS).rglob("*.yaml")}
    done = Written()
    for record_id, (row, data) in records.items():
        text = record_text(data, source, row)
        path = existing.get(record_id, root / layout.RECORDS / f"{record_id}.yaml")
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            done.created.append(record_id)
            continue
        old = path.read_text("utf-8")
        if old == text:
            done.unchanged.append(record_id)
        elif _edited(old):
            done.edited.append(record_id)
            if overwrite:
                path.write_text(text, encoding="utf-8")
        else:
            path.write_text(text, encoding="utf-8")
            done.updated.append(record_id)
    return done
