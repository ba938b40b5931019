"""Methodology as code: each grade of the verification scale has a rule the build enforces.

Rules are known for the keys of the default scale; an archive that defines other grades states their
rules in prose in archive.yaml, and those are shown, not enforced.
"""

from __future__ import annotations

from collections.abc import Callable

from warcrime_archive.model.enums import Stance
from warcrime_archive.model.record import Incident

Rule = Callable[[Incident], str | None]


def _confirmed(incident: Incident) -> str | None:
    sides = {p.side for p in incident.alleged_perpetrators}
    if any(r.stance is Stance.acknowledges and r.side in sides for r in incident.responses):
        return None
    return "grade 'confirmed' needs a response with stance 'acknowledges' by an alleged perpetrator side"


def _verified(incident: Incident) -> str | None:
    return (
        None if incident.verification.by else "grade 'verified' needs `verification.by` to name at least one verifier"
    )


def _corroborated(incident: Incident) -> str | None:
    outlets = {s.outlet.strip().casefold() for s in incident.sources}
    return None if len(outlets) >= 2 else "grade 'corroborated' needs sources from at least two different outlets"


def _single_source(incident: Incident) -> str | None:
    return None if incident.sources else "grade 'single-source' needs at least one source"


def _noted(grade: str, what: str) -> Rule:
    def rule(incident: Incident) -> str | None:
        return None if incident.verification.note.strip() else f"grade '{grade}' needs `verification.note` {what}"

    return rule


RULES: dict[str, Rule] = {
    "confirmed": _confirmed,
    "verified": _verified,
    "corroborated": _corroborated,
    "single-source": _single_source,
    "claimed": _noted("claimed", "saying who claims it"),
    "contested": _noted("contested", "explaining the disagreement"),
    "discounted": _noted("discounted", "explaining why"),
}


def check_grade(incident: Incident) -> str | None:
    """The broken rule of the record's grade, in words, or None when the record meets it."""
    rule = RULES.get(incident.verification.status)
    return rule(incident) if rule else None
