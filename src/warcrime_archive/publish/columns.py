"""The columns of the CSV downloads, each with its Frictionless type, its description and how a record gives it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from warcrime_archive.catalog.nodes import Entry
from warcrime_archive.i18n import N_
from warcrime_archive.model.people import NOT_ATTRIBUTED, CountRange, VictimGroup
from warcrime_archive.publish.published import record_version


@dataclass(frozen=True)
class Column:
    """One column of a CSV download, documented on the downloads page and in datapackage.json."""

    name: str
    type: str  # a Frictionless field type
    description: str
    value: Callable[..., Any]


def _join(items: list[str]) -> str:
    return "; ".join(items)


def _victim_total(entry: Entry, end: str) -> int | str:
    counts = [_count(group, end) for group in entry.incident.victims]
    return "" if "" in counts or not counts else sum(int(c) for c in counts)


INCIDENT_COLUMNS = (
    Column("id", "string", N_("The record's id; its page is incidents/<id>/."), lambda e: e.id),
    Column("title", "string", N_("A short neutral headline."), lambda e: e.incident.title),
    Column("summary", "string", N_("What is alleged, and by whom."), lambda e: e.incident.summary),
    Column("category", "string", N_("A key of the archive's categories."), lambda e: e.incident.category),
    Column(
        "date_from",
        "string",
        N_("The earliest it can have happened: YYYY-MM-DD, YYYY-MM or YYYY."),
        lambda e: e.incident.date.start.iso(),
    ),
    Column(
        "date_to",
        "string",
        N_("The latest it can have happened: YYYY-MM-DD, YYYY-MM or YYYY."),
        lambda e: e.incident.date.end.iso(),
    ),
    Column(
        "date_approximate",
        "boolean",
        N_("true when even the date window is an estimate."),
        lambda e: e.incident.date.approximate,
    ),
    Column(
        "first_reported",
        "string",
        N_("When it was first reported publicly; empty when not known."),
        lambda e: e.incident.first_reported.iso() if e.incident.first_reported else "",
    ),
    Column("country", "string", N_("ISO 3166-1 alpha-2 code."), lambda e: e.incident.location.country),
    Column(
        "admin1_code",
        "string",
        N_("ISO 3166-2 code of the region; empty when only the country is known."),
        lambda e: "" if e.incident.location.country_only else e.incident.location.region.code,
    ),
    Column(
        "admin1",
        "string",
        N_("The region's name; empty when only the country is known."),
        lambda e: "" if e.incident.location.country_only else e.incident.location.region.name,
    ),
    Column("admin2", "string", N_("The district, as the sources name it."), lambda e: e.incident.location.admin2 or ""),
    Column("place", "string", N_("The settlement or named place."), lambda e: e.incident.location.place or ""),
    Column(
        "precision",
        "string",
        N_("How precisely the place is known: exact, near, settlement, district, region or unknown."),
        lambda e: e.incident.location.precision.value,
    ),
    Column(
        "lat",
        "number",
        N_("Latitude (WGS 84), only when a source publishes coordinates and the record may show them."),
        lambda e: e.incident.location.coordinates.lat if e.incident.location.coordinates else "",
    ),
    Column(
        "lon",
        "number",
        N_("Longitude (WGS 84), on the same terms as lat."),
        lambda e: e.incident.location.coordinates.lon if e.incident.location.coordinates else "",
    ),
    Column(
        "alleged_perpetrator_sides",
        "string",
        N_("Keys of the sides alleged responsible, separated by '; '; not-attributed when no source attributes it."),
        lambda e: _join([p.side for p in e.incident.alleged_perpetrators]) or NOT_ATTRIBUTED,
    ),
    Column(
        "victim_sides",
        "string",
        N_("Keys of the victims' sides, separated by '; ' (empty for an unknown side)."),
        lambda e: _join(sorted({v.side for v in e.incident.victims if v.side})),
    ),
    Column(
        "victims_min",
        "integer",
        N_("The lowest total count of victims the sources give; empty when a count is unknown or no group is listed."),
        lambda e: _victim_total(e, "min"),
    ),
    Column(
        "victims_max",
        "integer",
        N_("The highest total count of victims the sources give; empty when a count is unknown or no group is listed."),
        lambda e: _victim_total(e, "max"),
    ),
    Column(
        "casualties",
        "string",
        N_("none-reported when the sources report no casualties (damage only; no victims listed); else empty."),
        lambda e: "none-reported" if e.incident.casualties is not None else "",
    ),
    Column(
        "damage",
        "string",
        N_("Keys of the kinds of object damaged (the archive's object kinds), separated by '; '; see damage.csv."),
        lambda e: _join([d.kind for d in e.incident.damage]),
    ),
    Column(
        "verification",
        "string",
        N_("The verification grade: a key of the archive's grading scale."),
        lambda e: e.incident.verification.status,
    ),
    Column("sources", "integer", N_("How many sources the record lists."), lambda e: len(e.incident.sources)),
    Column("tags", "string", N_("Keywords, separated by '; '."), lambda e: _join(e.incident.tags)),
    Column("version", "string", N_("The record version: short SHA-256 of its public JSON."), record_version),
)

VICTIM_COLUMNS = (
    Column("incident_id", "string", N_("The id of the record (incidents.csv: id)."), lambda e, i, v: e.id),
    Column("group", "integer", N_("The group's position in the record, from 1."), lambda e, i, v: i),
    Column("side", "string", N_("A key of the archive's sides; empty when unknown."), lambda e, i, v: v.side or ""),
    Column("status", "string", N_("A key of the archive's victim statuses."), lambda e, i, v: v.status),
    Column("harm", "string", N_("killed, wounded, tortured, ill-treated or missing."), lambda e, i, v: v.harm.value),
    Column(
        "count_min",
        "integer",
        N_("The lowest count a source gives; empty when unknown."),
        lambda e, i, v: _count(v, "min"),
    ),
    Column(
        "count_max",
        "integer",
        N_("The highest count a source gives; empty when unknown."),
        lambda e, i, v: _count(v, "max"),
    ),
    Column("description", "string", N_("Who they were, as the sources say."), lambda e, i, v: v.description),
)

SOURCE_COLUMNS = (
    Column("incident_id", "string", N_("The id of the record (incidents.csv: id)."), lambda e, i, s: e.id),
    Column("position", "integer", N_("The source's position in the record, from 1."), lambda e, i, s: i),
    Column("url", "string", N_("The source's address."), lambda e, i, s: s.url),
    Column("title", "string", N_("Its title, as published."), lambda e, i, s: s.title),
    Column("outlet", "string", N_("Who published it."), lambda e, i, s: s.outlet),
    Column(
        "published",
        "string",
        N_("When it was published (YYYY-MM-DD, YYYY-MM or YYYY); empty when not known."),
        lambda e, i, s: s.published.iso() if s.published else "",
    ),
    Column("type", "string", N_("The kind of source."), lambda e, i, s: s.type.value),
    Column("language", "string", N_("ISO 639 language code."), lambda e, i, s: s.language),
    Column(
        "archived_url", "string", N_("An archived copy; empty when none yet."), lambda e, i, s: s.archived_url or ""
    ),
    Column("source_id", "string", N_("The source's id in the record (claims.csv: sources)."), lambda e, i, s: s.id),
    Column(
        "party",
        "string",
        N_("The side whose official statement the source is (a key of the archive's sides); empty for others."),
        lambda e, i, s: s.party or "",
    ),
    Column(
        "platform",
        "string",
        N_("The social-media platform it was posted on; empty for others."),
        lambda e, i, s: s.platform or "",
    ),
    Column(
        "account",
        "string",
        N_("The account or channel that posted it on the platform; empty for others."),
        lambda e, i, s: s.account or "",
    ),
)

DAMAGE_COLUMNS = (
    Column("incident_id", "string", N_("The id of the record (incidents.csv: id)."), lambda e, i, d: e.id),
    Column("item", "integer", N_("The item's position in the record's damage, from 1."), lambda e, i, d: i),
    Column("kind", "string", N_("A key of the archive's object kinds."), lambda e, i, d: d.kind),
    Column("description", "string", N_("What was damaged and how, as the sources say."), lambda e, i, d: d.description),
    Column(
        "sources",
        "string",
        N_("The ids of the record's sources that state it (sources.csv: source_id), separated by '; '."),
        lambda e, i, d: _join(d.sources),
    ),
)

CLAIM_COLUMNS = (
    Column("incident_id", "string", N_("The id of the record (incidents.csv: id)."), lambda e, c, ids: e.id),
    Column(
        "claim",
        "string",
        N_("The part of the record that makes the claim, e.g. date, location, victims[0], verification.by[0]."),
        lambda e, c, ids: c,
    ),
    Column(
        "sources",
        "string",
        N_("The ids of the record's sources that state it (sources.csv: source_id), separated by '; '."),
        lambda e, c, ids: _join(ids),
    ),
)


def _count(group: VictimGroup, end: str) -> int | str:
    count = group.count
    if count is None:
        return ""
    return int(getattr(count, end)) if isinstance(count, CountRange) else count


WITHDRAWAL_COLUMNS = (
    Column("id", "string", N_("The withdrawn record's id; its address incidents/<id>/ says why."), lambda t: t.id),
    Column("title", "string", N_("Its title when it was withdrawn."), lambda t: t.title),
    Column(
        "withdrawn",
        "string",
        N_("When it was withdrawn: YYYY-MM-DD, YYYY-MM or YYYY."),
        lambda t: t.withdrawn.date.iso(),
    ),
    Column("reason", "string", N_("Why it was withdrawn."), lambda t: t.withdrawn.reason),
    Column(
        "first_published",
        "string",
        N_("When it was first published (from the archive's history); empty when not known."),
        lambda t: t.first_published.date.isoformat() if t.first_published else "",
    ),
)
