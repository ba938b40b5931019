"""The personal-information name check: no published text of a record marked personal-information may hold the
name, or a part of the name, of a person its victims list, in any script, case or transliteration, in text, in a
URL or in the record's id (`name_forms` says how names and words are compared)."""

from __future__ import annotations

from collections.abc import Iterator

from warcrime_archive.model.record import Incident
from warcrime_archive.problems import Problem, Severity
from warcrime_archive.read.encrypted import CannotDecrypt, Identity, decrypt, is_encrypted
from warcrime_archive.read.yaml_reader import Document, Loc
from warcrime_archive.validate import name_forms

NOT_RUN_HINT = (
    "give the key (WARCRIME_ARCHIVE_AGE_KEY or WARCRIME_ARCHIVE_AGE_KEY_FILE, see docs/security.md); CI runs the "
    "check with it before publishing"
)


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


def _readable(text: str, keys: list[Identity] | None) -> str | None:
    """A name as written, or decrypted with `keys`; None when it is encrypted and no key given opens it."""
    if not is_encrypted(text):
        return text
    try:
        return str(decrypt(text, keys)) if keys else None
    except CannotDecrypt:
        return None


def _names(incident: Incident, keys: list[Identity] | None) -> tuple[list[tuple[str, name_forms.Name]], Loc | None]:
    """Each name and other reported name of each person (where the person is listed, the name), and where the first
    name the check cannot read is (encrypted, and no key given opens it)."""
    named: list[tuple[str, name_forms.Name]] = []
    hidden: Loc | None = None
    for g, group in enumerate(incident.victims):
        for p, person in enumerate(group.people):
            for n, written in enumerate((person.name, *person.also_reported_as)):
                name = _readable(written, keys)
                if name is None:
                    hidden = hidden or (
                        "victims",
                        g,
                        "people",
                        p,
                        *(("name",) if n == 0 else ("also_reported_as", n - 1)),
                    )
                elif parts := name_forms.parts(name):
                    named.append((f"victims[{g}].people[{p}]", name_forms.Name.of(parts)))
    return named, hidden


def _holder(text: str, named: list[tuple[str, name_forms.Name]]) -> str | None:
    """Where the first person whose name the text holds is listed, or None."""
    words = name_forms.words(text)
    word_set = set(words)
    return next((person for person, name in named if name.in_words(words, word_set)), None)


def names_in_published_text(
    incident: Incident, doc: Document, record_id: str, keys: list[Identity] | None = None
) -> list[Problem]:
    """For a record marked `personal-information`, an error for every published value (a title, the narrative, a
    description, a quote, a URL...) holding a name (or another reported name) of a person its victims list, or a
    part of it, and for an id (the file's name, in the record's address) holding one: the pages leave the people
    out, and the name would be published all the same.

    Encrypted names are decrypted in memory with `keys`; without a key that opens them, the check cannot run for
    them, and a notice says so. The message does not repeat the name (build logs may be read by more people than
    the records)."""
    if not incident.personal or not any(group.people for group in incident.victims):
        return []
    named, hidden = _names(incident, keys)
    problems = []
    if hidden is not None:
        problems.append(
            doc.problem(
                hidden,
                "the name check did not run for this record: the names of its people are encrypted and "
                + ("no key given opens them" if keys else "no key was given"),
                NOT_RUN_HINT,
                severity=Severity.NOTICE,
            )
        )
    # The id and the former ids are in addresses: the file's name, and the redirect pages of `aliases`.
    addresses = [((), record_id), *((("aliases", n), alias) for n, alias in enumerate(incident.aliases))]
    for loc, address in addresses:
        if (person := _holder(address, named)) is not None:
            what = "the file's name (the record's id, in its address)" if loc == () else "this former id (an address)"
            problems.append(
                doc.problem(
                    loc,
                    f"{what} holds the name of {person} or a part of it, and the record is marked personal-information",
                    "rename the file, and keep no former id holding the name in `aliases`: each is a redirect page",
                )
            )
    for loc, text in _texts(doc.data, ()):
        if _withheld(loc) or loc[:1] == ("aliases",):  # the former ids are addresses, checked above
            continue
        if (person := _holder(text, named)) is not None:
            problems.append(
                doc.problem(
                    loc,
                    f"holds the name of {person} or a part of it, and the record is marked personal-information: its "
                    "pages show no names, but this text is published",
                    "write the name out of this text, or take personal-information out of `sensitivity`",
                )
            )
    return problems
