"""Methodology as code: each grade of the verification scale has a rule the build enforces, and the words pages
may use follow the grade. The methodology page is written from here (`REQUIREMENTS`, `WORDING`), so what it says
is what the build checks.

Rules are known for the keys of the default scale; an archive that defines other grades states their rules in
prose in archive.yaml, and those are shown, not enforced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from warcrime_archive.i18n import N_, gettext
from warcrime_archive.model.claims import Loc
from warcrime_archive.model.enums import Stance
from warcrime_archive.model.record import Incident


@dataclass(frozen=True)
class Broken:
    """A rule a record breaks: where, what, and how to fix it."""

    loc: Loc
    message: str
    hint: str


Rule = Callable[[Incident, bool], Broken | None]
"""A grade's rule: the record and whether unsourced claims are only warnings (`unsourced_claims: warn`)."""

ESTABLISHED = ("confirmed", "verified")
"""The grades under which pages may say that an incident happened; under any other, that it is alleged to have
happened, or was reported."""


def established(grade: str) -> bool:
    """Whether pages may say that an incident of this grade happened (`ESTABLISHED`)."""
    return grade in ESTABLISHED


def _confirmed(incident: Incident, lenient: bool = False) -> Broken | None:
    sides = {p.side for p in incident.alleged_perpetrators}
    if any(r.stance is Stance.acknowledges and r.side in sides for r in incident.responses):
        return None
    return Broken(
        ("verification", "status"),
        "grade 'confirmed' needs a response with stance 'acknowledges' by an alleged perpetrator side",
        "add the party's response to `responses` with its source, or choose a lower grade",
    )


def _verified(incident: Incident, lenient: bool = False) -> Broken | None:
    by = incident.verification.by
    if not by:
        return Broken(
            ("verification", "by"),
            "grade 'verified' needs `verification.by` to name at least one verifier",
            "name who verified the evidence: `by: [{who: ..., checked: [authenticity, place], sources: [id]}]`",
        )
    for i, verifier in enumerate(by):
        if not verifier.checked:
            return Broken(
                ("verification", "by", i, "checked"),
                f"grade 'verified' needs to say what {verifier.who} verified",
                "list it in `checked`: authenticity, place, time or identity",
            )
    return None


def _outlets_of_victims(incident: Incident, lenient: bool = False) -> set[str]:
    """The outlets of the sources that state what happened to whom (the victims' sources), not a party's own.
    `lenient` (an archive migrating with `unsourced_claims: warn`): victims with no sources yet count every source
    of the record, as format 1 did, so that a missing source stays the warning it is meant to be."""
    by_id = {s.id: s for s in incident.sources}
    harmed = [group.sources for group in incident.victims] + [d.sources for d in incident.damage]
    if incident.casualties is not None:  # damage only: the sources that report no casualties say what happened
        harmed.append(incident.casualties.sources)
    cited = {i for ids in harmed for i in ids if i in by_id}
    if lenient and not any(harmed):
        cited = set(by_id)
    return {by_id[i].outlet.strip().casefold() for i in cited if by_id[i].party is None}


def _corroborated(incident: Incident, lenient: bool = False) -> Broken | None:
    if len(_outlets_of_victims(incident, lenient)) >= 2:
        return None
    return Broken(
        ("verification", "status"),
        "grade 'corroborated' needs sources from at least two different outlets that state what happened "
        "(cited in `victims[].sources`), none of them a party's own statement",
        "cite a second outlet's source for the victims, or choose 'single-source' or 'claimed'",
    )


def _single_source(incident: Incident, lenient: bool = False) -> Broken | None:
    if _outlets_of_victims(incident, lenient):
        return None
    return Broken(
        ("verification", "status"),
        "grade 'single-source' needs a source that is not a party's own statement to state what happened "
        "(cited in `victims[].sources`)",
        "cite that source for the victims, or choose 'claimed' when only a party says it",
    )


def _noted(grade: str, what: str) -> Rule:
    def rule(incident: Incident, lenient: bool = False) -> Broken | None:
        if incident.verification.note.strip():
            return None
        return Broken(
            ("verification", "note"),
            f"grade '{grade}' needs `verification.note` {what}",
            "write it in `verification.note`, with its sources in `verification.sources`",
        )

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

# What each grade of the default scale requires, as the methodology page says it: the rule of RULES in words.
REQUIREMENTS = {
    "confirmed": N_(
        "A party alleged to be responsible has acknowledged it, and the record gives that party's response with "
        "the source that reports it."
    ),
    "verified": N_(
        "Someone independent of the parties has verified the evidence. The record names who, says what they "
        "checked (that the material is authentic, the place, the time or who the people in it are) and cites the "
        "source that reports it."
    ),
    "corroborated": N_(
        "Sources from at least two different outlets say what happened, and neither is a statement of a party to "
        "the conflict. The evidence has not been independently verified."
    ),
    "single-source": N_(
        "One source that is not a statement of a party to the conflict says what happened. Nothing else confirms it."
    ),
    "claimed": N_(
        "Only a party to the conflict or its officials say it happened. The note on the grade says who makes the claim."
    ),
    "contested": N_("Credible sources disagree on what happened or on who is responsible. The note says how."),
    "discounted": N_(
        "The evidence shows it did not happen as alleged. The record is kept, and the note says why it was discounted."
    ),
}

# The rules every record follows whatever its grade, and the words the pages use, as the methodology page says them.
WORDING = (
    N_(
        "Every statement in a record is tied to the sources that make it: each part of the record (the date, the "
        "place, the alleged perpetrators, each group of victims, each response, investigation and correction, and "
        "the verification) lists its sources, shown beside it as numbered links to the list of sources. A record "
        "with a statement that rests on no source is refused."
    ),
    N_(
        "Where a statement rests only on an official statement of a party to the conflict, the page says so: "
        "\u201caccording to\u201d that party."
    ),
    N_(
        "A side is named as the perpetrator, rather than the alleged perpetrator, only when the record gives a "
        "response in which that side acknowledges it."
    ),
    N_(
        "Pages say that an incident happened only when it is verified or confirmed. Under any other grade they say "
        "that it is alleged to have happened, or that it was reported."
    ),
    N_(
        "Every page title, feed entry and search result calls the incident alleged and gives its grade, so that a "
        "headline read on its own says what it is."
    ),
    N_(
        "An incident whose date is known only to a window that spans several years is listed once, under the "
        "window (for example \u201cdate uncertain: 2022\u20132024\u201d), never as if it happened in each year."
    ),
)


def check_grade(incident: Incident, lenient: bool = False) -> Broken | None:
    """The broken rule of the record's grade, or None when the record meets it (`lenient`: see
    `_outlets_of_victims`)."""
    rule = RULES.get(incident.verification.status)
    return rule(incident, lenient) if rule else None


def requirement(grade: str) -> str:
    """What a grade of the default scale requires, in the site's language; '' for an archive's own grade."""
    return gettext(REQUIREMENTS[grade]) if grade in REQUIREMENTS else ""


def known_attribution(incident: Incident) -> list[Broken]:
    """`attribution: known` needs a response in which that side acknowledges the incident."""
    broken = []
    for i, perpetrator in enumerate(incident.alleged_perpetrators):
        if perpetrator.attribution != "known":
            continue
        if any(r.stance is Stance.acknowledges and r.side == perpetrator.side for r in incident.responses):
            continue
        broken.append(
            Broken(
                ("alleged_perpetrators", i, "attribution"),
                f"`attribution: known` needs a response in which the side '{perpetrator.side}' acknowledges it",
                f"add that response to `responses` (side: {perpetrator.side}, stance: acknowledges, with its "
                "sources), or write `attribution: suspected`",
            )
        )
    return broken
