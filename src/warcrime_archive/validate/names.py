"""The personal-information name check: no published text of a record marked personal-information may hold
the name of a person its victims list."""

from __future__ import annotations

import re
from collections.abc import Iterator

from warcrime_archive.model.record import Incident
from warcrime_archive.problems import Problem
from warcrime_archive.read.yaml_reader import Document
from warcrime_archive.slugs import slugify


def _withheld(loc: tuple[str | int, ...]) -> bool:
    """Whether the value at `loc` is left out of the published record of a `personal-information` record
    (`catalog.privacy.public_incident`): the private notes, the people named, evidence files and the place's detail."""
    return (
        loc[:1] == ("private",)
        or (len(loc) >= 3 and loc[0] == "victims" and loc[2] == "people")
        or (loc[:1] == ("evidence",) and loc[-1:] == ("file",))
        or loc == ("location", "detail")
    )


def _texts(value: object, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every string in a record's data, with where it is."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _texts(item, (*loc, n))


def names_in_published_text(incident: Incident, doc: Document, record_id: str) -> list[Problem]:
    """For a record marked `personal-information`, an error for every published value (a title, the
    narrative, a description, a quote, a URL...) holding the name, or another reported name, of a person its
    victims list, and for an id (the file's name, in the record's address) holding one as hyphenated words:
    the pages leave the people out, and the name would be published all the same.

    A name is found in any case, as whole words, whatever the spaces between them; a surname alone, or a
    name split by Markdown (`*Ivan* Petrenko`), is not. The message does not repeat the name (build logs
    may be read by more people than the records)."""
    if not incident.personal:
        return []
    # (where the person is listed, the name's words) for each name and other reported name
    named = [
        (f"victims[{g}].people[{p}]", words)
        for g, group in enumerate(incident.victims)
        for p, person in enumerate(group.people)
        for name in (person.name, *person.also_reported_as)
        if (words := name.split())
    ]
    texts = [(loc, text) for loc, text in _texts(doc.data, ()) if not _withheld(loc)]
    everything = "\n".join(text for _, text in texts).casefold()
    names = None
    if any(words[0].casefold() in everything for _, words in named):  # else no text can hold a name
        # Every name in one expression, each a group named by its number in `named`: one search of each text.
        alternatives = "|".join(
            f"(?P<n{n}>" + r"\s+".join(map(re.escape, words)) + ")" for n, (_, words) in enumerate(named)
        )
        names = re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", re.IGNORECASE)
    problems = []
    # The id and the former ids are in addresses: the file's name, and the redirect pages of `aliases`.
    addresses = [((), record_id), *((("aliases", n), alias) for n, alias in enumerate(incident.aliases))]
    for loc, address in addresses:
        person = next((person for person, words in named if f"-{slugify(' '.join(words))}-" in f"-{address}-"), None)
        if person is not None:
            what = "the file's name (the record's id, in its address)" if loc == () else "this former id (an address)"
            problems.append(
                doc.problem(
                    loc,
                    f"{what} holds the name of {person}, and the record is marked personal-information",
                    "rename the file, and keep no former id holding the name in `aliases`: each is a redirect page",
                )
            )
    for loc, text in texts:
        found = names.search(text) if names is not None else None
        if found is not None:
            person = named[int(str(found.lastgroup)[1:])][0]
            problems.append(
                doc.problem(
                    loc,
                    f"holds the name of {person}, and the record is marked personal-information: its pages "
                    "show no names, but this text is published",
                    "write the name out of this text, or take personal-information out of `sensitivity`",
                )
            )
    return problems
