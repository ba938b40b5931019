"""The one privacy gate: a record as it may be published. Every later stage sees records only through it
(`build_catalog` passes each through `public_incident`), so nothing private can reach a page or a file."""

from __future__ import annotations

from warcrime_archive.model.enums import Precision
from warcrime_archive.model.people import VictimGroup
from warcrime_archive.model.record import Incident

FINE_PRECISIONS = {Precision.exact, Precision.near}


def public_incident(incident: Incident) -> Incident:
    """The record as it may be published: no private notes, no evidence files, and for records with
    personal information no names of people and no coordinates finer than the settlement."""
    changes: dict[str, object] = {"private": None}
    changes["evidence"] = [e.model_copy(update={"file": None}) for e in incident.evidence]
    if incident.personal:
        changes["victims"] = [_without_people(v) for v in incident.victims]
        location = incident.location
        if location.coordinates is not None or location.precision in FINE_PRECISIONS:
            changes["location"] = location.model_copy(
                update={
                    "coordinates": None,
                    "detail": "",
                    "precision": Precision.settlement if location.precision in FINE_PRECISIONS else location.precision,
                }
            )
    return incident.model_copy(update=changes)


def _without_people(group: VictimGroup) -> VictimGroup:
    return group.model_copy(update={"people": []}) if group.people else group
