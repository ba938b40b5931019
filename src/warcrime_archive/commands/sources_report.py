"""The sources report: every source of the archive, grouped by outlet, with its archived copy or its absence."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, replace

from warcrime_archive.model import captures
from warcrime_archive.model.archive import Archive

MISSING = "missing"


@dataclass(frozen=True)
class SourceRow:
    """One source (one URL) across the archive, with the records that cite it."""

    outlet: str
    url: str
    title: str
    published: str
    archive: str  # the capture service, or MISSING
    archived_url: str
    records: tuple[str, ...]


def source_rows(archive: Archive) -> list[SourceRow]:
    """Every source once, by outlet then title; a URL shared by records lists all of them."""
    found: dict[str, SourceRow] = {}
    for record in archive.records:
        for source in record.incident.sources:
            known = found.get(source.url)
            if known is not None:
                if record.id not in known.records:
                    found[source.url] = replace(known, records=(*known.records, record.id))
                continue
            service = (
                captures.service(source.archived_url, archive.config.own_archives) if source.archived_url else None
            )
            found[source.url] = SourceRow(
                outlet=source.outlet,
                url=source.url,
                title=source.title,
                published=source.published.iso() if source.published else "",
                archive=service or MISSING,
                archived_url=source.archived_url or "",
                records=(record.id,),
            )
    return sorted(found.values(), key=lambda r: (r.outlet.casefold(), r.title.casefold(), r.url))


def counts(rows: list[SourceRow]) -> dict[str, int]:
    missing = sum(1 for r in rows if r.archive == MISSING)
    return {
        "sources": len(rows),
        "outlets": len({r.outlet for r in rows}),
        "archived": len(rows) - missing,
        "missing": missing,
    }


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def as_text(rows: list[SourceRow], totals: dict[str, int]) -> str:
    lines: list[str] = []
    outlets = sorted({r.outlet for r in rows}, key=str.casefold)
    for outlet in outlets:
        mine = [r for r in rows if r.outlet == outlet]
        archived = sum(1 for r in mine if r.archive != MISSING)
        lines.append(f"{outlet} ({_plural(len(mine), 'source')}, {archived} archived)")
        for r in mine:
            when = f" ({r.published})" if r.published else ""
            status = f"archived: {r.archive} {r.archived_url}" if r.archive != MISSING else "MISSING an archived copy"
            lines.append(f"  {r.title}{when}")
            lines.append(f"    {r.url}")
            lines.append(f"    {status}")
            lines.append(f"    cited by: {', '.join(r.records)}")
    lines.append(
        f"{_plural(totals['sources'], 'source')} from {_plural(totals['outlets'], 'outlet')}: "
        f"{totals['archived']} archived, {totals['missing']} missing"
    )
    return "\n".join(lines) + "\n"


FIELDS = ("outlet", "url", "title", "published", "archive", "archived_url", "records")


def as_csv(rows: list[SourceRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for r in rows:
        writer.writerow([r.outlet, r.url, r.title, r.published, r.archive, r.archived_url, " ".join(r.records)])
    return out.getvalue()


def as_json(rows: list[SourceRow], totals: dict[str, int]) -> str:
    data = {"counts": totals, "sources": [{**asdict(r), "records": list(r.records)} for r in rows]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def report(archive: Archive, *, fmt: str = "text", missing_only: bool = False) -> tuple[str, dict[str, int]]:
    """The report in `fmt` (text, csv or json) and the archive-wide counts (always of every source)."""
    rows = source_rows(archive)
    totals = counts(rows)
    shown = [r for r in rows if r.archive == MISSING] if missing_only else rows
    if fmt == "csv":
        return as_csv(shown), totals
    if fmt == "json":
        return as_json(shown, totals), totals
    return as_text(shown, totals), totals
