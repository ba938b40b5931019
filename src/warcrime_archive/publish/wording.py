"""The words a record is published with, where they depend on its grade or its fields: the headline every title,
feed entry and search result carries, and the sentences of an incident page that could otherwise claim more than
the record does (when, where, who). Each is listed, with its golden test, in tests/publish/test_wording.py."""

from __future__ import annotations

from warcrime_archive.i18n import gettext
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.grading import established
from warcrime_archive.model.location import Location
from warcrime_archive.model.people import AllegedPerpetrator
from warcrime_archive.model.record import Incident


def grade_label(config: ArchiveConfig, incident: Incident) -> str:
    grade = incident.verification.status
    return config.verification[grade].label if grade in config.verification else grade


def headline(config: ArchiveConfig, incident: Incident) -> str:
    """The title of a record wherever it is read on its own (a tab, a feed, a search result, a link preview): it
    says that the incident is alleged, and its grade."""
    return gettext("Alleged: %(title)s (grade: %(grade)s)") % {
        "title": incident.title,
        "grade": grade_label(config, incident),
    }


def when_sentence(incident: Incident) -> str:
    """'It happened on 30 March 2022.' only for a verified or confirmed record; else 'It is alleged to have
    happened ...'."""
    date = incident.date
    on_a_day = not date.is_window and date.at is not None and date.at.day is not None
    words = date.words()
    if established(incident.verification.status):
        return (gettext("It happened on %(date)s.") if on_a_day else gettext("It happened %(date)s.")) % {"date": words}
    if on_a_day:
        return gettext("It is alleged to have happened on %(date)s.") % {"date": words}
    return gettext("It is alleged to have happened %(date)s.") % {"date": words}


def where_words(location: Location) -> str:
    """The place as the record gives it, from the most precise part it names: 'Soledar, Donetsk Oblast',
    'Pokrovsk district, Donetsk Oblast'. Never says that a place is not named: the sources may name places
    that the record keeps in its detail."""
    parts = [p for p in (location.place, location.admin2, location.region.name) if p]
    return ", ".join(parts)


def attribution_words(perpetrator: AllegedPerpetrator) -> str:
    """Whether the side is alleged or acknowledged to be responsible (`known` needs its acknowledgement)."""
    if perpetrator.attribution == "known":
        return gettext("responsibility acknowledged by the party in a response recorded below")
    return gettext("alleged (suspected), not established")
