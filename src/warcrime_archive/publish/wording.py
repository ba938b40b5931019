"""The words a record is published with, where they depend on its grade or its fields: the headline every title,
feed entry and search result carries, and the sentences of an incident page that could otherwise claim more than
the record does (when, where, who). Each is listed, with its golden test, in tests/publish/test_wording.py."""

from __future__ import annotations

from anyascii import anyascii
from translitua import translit

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


def where_words(location: Location, language: str = "en") -> str:
    """The place as the record gives it, from the most precise part it names: 'Soledar, Donetsk Oblast',
    'Pokrovsk district, Donetsk Oblast'. Never says that a place is not named: the sources may name places
    that the record keeps in its detail."""
    parts = [p for p in (location.name_in(language), location.admin2, location.region.name) if p]
    return ", ".join(parts)


def attribution_words(perpetrator: AllegedPerpetrator) -> str:
    """Whether the side is alleged or acknowledged to be responsible (`known` needs its acknowledgement)."""
    if perpetrator.attribution == "known":
        return gettext("responsibility acknowledged by the party in a response recorded below")
    return gettext("alleged (suspected), not established")


def transliterated_names(incident: Incident) -> str:
    """The names of the record written in another script than Latin (its title, places, people), transliterated
    (Ukrainian by its official rules, every script by anyascii), and its place's names in the site's other
    languages, one a line: indexed for search but not shown, so that a reader typing a name in Latin letters, or
    the place's name in their language, finds the record on a page in any language. Empty when every name is in
    Latin letters."""
    loc = incident.location
    names = [incident.title, loc.place or "", *loc.names.values(), *loc.also_known_as]
    for group in incident.victims:
        names += [n for person in group.people for n in (person.name, *person.also_reported_as)]
    others = [name for name in dict.fromkeys(names) if name and not name.isascii()]
    # The official Ukrainian transliteration ('Мацієвський' -> 'Matsiievskyi', as the press writes it), and
    # anyascii's for every script ('Matsiievs'kiy'); a name in Latin letters with diacritics, without them.
    latin = [form for name in others for form in (translit(name), anyascii(name)) if form.isascii()]
    return "\n".join(dict.fromkeys([*latin, *loc.names.values()]))  # and the place's names in the other languages
