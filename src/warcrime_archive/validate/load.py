"""Validate stage: read documents -> pydantic models, plus the rules that span records.

Every problem in every file is collected; the caller gets the models and the problems and decides
(errors stop everything, warnings stop only a --strict run). `validate` and `build` both call
`load_archive`, so they can never disagree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from warcrime_archive import i18n, layout, memory, urls
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.grading import check_grade
from warcrime_archive.model.record import ID_PATTERN, Incident
from warcrime_archive.problems import Problem, Severity, display_path
from warcrime_archive.read.pages_reader import FreePage, read_page
from warcrime_archive.read.yaml_reader import Document, parse_raw, read_yaml
from warcrime_archive.slugs import slugify
from warcrime_archive.validate.model_errors import pydantic_problems
from warcrime_archive.validate.record_store import RecordStores, Result, work_out

RECORD_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Record:
    """A valid incident with its id and the file it came from."""

    id: str
    path: str
    incident: Incident


@dataclass(frozen=True)
class Archive:
    """Everything the later stages need, all of it valid."""

    root: Path
    config: ArchiveConfig
    records: tuple[Record, ...]
    pages: tuple[FreePage, ...]


@dataclass(frozen=True)
class Loaded:
    """The result of the first two stages: the archive (None when there are errors) and every problem."""

    archive: Archive | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def today() -> dt.date:
    """Today, for the 'date in the future' check; WARCRIME_ARCHIVE_TODAY=YYYY-MM-DD pins it for tests."""
    pinned = os.environ.get("WARCRIME_ARCHIVE_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def _tree(top: Path, prefix: str) -> Iterator[tuple[Path, str, bool, bool]]:
    """Everything under a folder, not following linked folders: (path, path shown, is a link, is a folder).

    One directory listing per folder, and no other system call (a link is told by the listing).
    """
    try:
        with os.scandir(top) as listing:
            entries = list(listing)
    except OSError:
        return
    for entry in entries:
        path, shown = top / entry.name, prefix + entry.name
        link = entry.is_symlink()
        try:
            folder = entry.is_dir()
        except OSError:
            folder = False
        yield path, shown, link, folder
        if folder and not link:
            yield from _tree(path, shown + "/")


def record_files(root: Path) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """incidents/**/*.yaml (with the paths shown for them) in a stable order; links that lead outside the archive
    are refused."""
    folder = root / "incidents"
    problems: list[Problem] = []
    if not folder.is_dir():
        return [], [Problem("incidents", 1, 1, "", "the archive has no incidents/ folder")]
    real_root = root.resolve()
    linked = folder.is_symlink()
    files = []
    for path, shown, link, is_folder in _tree(folder, "incidents/"):
        if is_folder or path.suffix not in RECORD_SUFFIXES:
            continue
        if (link or linked) and not path.resolve().is_relative_to(real_root):
            problems.append(Problem(shown, 1, 1, "", "is a link to a file outside the archive; it is refused"))
            continue
        files.append((path, shown))
    files.sort(key=lambda item: item[1].split("/"))
    return files, problems


def links_outside(root: Path) -> list[Problem]:
    """Links in archive.yaml and the folders a build reads (`layout.FOLDERS`), or those folders, leading outside it.

    A hostile change could otherwise publish any file of the machine that builds the site.
    """
    real_root = root.resolve()
    problems = []
    config = root / "archive.yaml"
    if config.is_symlink() and not config.resolve().is_relative_to(real_root):
        problems.append(Problem("archive.yaml", 1, 1, "", "is a link to a file outside the archive; it is refused"))
    for name in layout.FOLDERS:
        top = root / name
        if top.is_symlink():
            candidates = [top]
        elif top.is_dir():
            candidates = [path for path, _, link, _ in _tree(top, "") if link]
        else:
            candidates = []
        for path in sorted(candidates):
            if not path.resolve().is_relative_to(real_root):
                shown = display_path(path, root)
                problems.append(Problem(shown, 1, 1, "", "is a link to a file outside the archive; it is refused"))
    return problems


def _leads_outside(path: Path, root: Path) -> bool:
    return path.is_symlink() and not path.resolve().is_relative_to(root.resolve())


def _read_config(root: Path, problems: list[Problem]) -> ArchiveConfig | None:
    path = root / "archive.yaml"
    if _leads_outside(path, root):
        return None  # reported by links_outside, and never read
    if not path.is_file():
        problems.append(
            Problem(
                "archive.yaml",
                1,
                1,
                "",
                "the archive has no archive.yaml",
                "run from the archive's folder or give --root",
            )
        )
        return None
    doc, found = read_yaml(path, "archive.yaml")
    problems.extend(found)
    if doc is None:
        return None
    try:
        config = ArchiveConfig.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as exc:
        problems.extend(pydantic_problems(exc, doc, ArchiveConfig))
        return None
    if not i18n.is_source(config.language) and i18n.catalog_path(root, config.language) is None:
        problems.append(
            doc.problem(
                ("language",),
                f"there is no interface translation for '{config.language}'; "
                f"available: {', '.join(i18n.available(root))}",
                f"add locales/{config.language}/LC_MESSAGES/messages.po; see docs/translating.md",
            )
        )
    return config


def read_config(root: Path) -> tuple[ArchiveConfig | None, list[Problem]]:
    """archive.yaml alone (for commands that need only the vocabularies), with its problems."""
    problems: list[Problem] = []
    return _read_config(root, problems), problems


def _read_record(raw: bytes, path: Path, shown: str, context: dict[str, object]) -> Result:
    """One record file's bytes -> its incident (None when invalid), its document and its problems."""
    doc, problems = parse_raw(raw, path, shown)
    if doc is None:
        return None, None, problems
    if not isinstance(doc.data, dict):
        return None, doc, [doc.problem((), "a record is a mapping of fields (title: ..., date: ...)")]
    try:
        incident = Incident.model_validate(doc.data, context=context)
    except ValidationError as exc:
        return None, doc, pydantic_problems(exc, doc, Incident)
    # Later checks need only the positions (to locate their problems), not the parsed data: the whole
    # archive's documents are held at once, and kept in the record cache.
    return incident, dataclasses.replace(doc, data=None), names_in_published_text(incident, doc, path.stem)


def _withheld(loc: tuple[str | int, ...]) -> bool:
    """Whether the value at `loc` is left out of the published record of a `personal-information` record
    (`catalog.public_incident`): the private notes, the people named, evidence files and the place's detail."""
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


def _cross_record(records: list[tuple[Record, Document]]) -> list[Problem]:
    """Rules that span records: ids, related, aliases, shared sources, grades, places, archived copies."""
    problems: list[Problem] = []
    ids: dict[str, Record] = {}
    same_id: dict[str, list[Record]] = {}
    for record, _doc in records:
        same_id.setdefault(record.id, []).append(record)
        ids.setdefault(record.id, record)
    for record, doc in records:
        others = sorted(str(other.path) for other in same_id[record.id] if other is not record)
        if others:
            problems.append(doc.problem((), f"duplicate id '{record.id}': also {', '.join(others)}"))
    aliases: dict[str, str] = {}
    for record, doc in records:
        inc = record.incident
        for i, other in enumerate(inc.related):
            if other == record.id:
                problems.append(doc.problem(("related", i), "a record cannot be related to itself"))
            elif other not in ids:
                problems.append(doc.problem(("related", i), f"no record has the id '{other}'", _close(other, ids)))
        for i, alias in enumerate(inc.aliases):
            if alias in ids:
                problems.append(
                    doc.problem(
                        ("aliases", i), f"'{alias}' is the id of {ids[alias].path}; an alias must be a former id"
                    )
                )
            elif alias in aliases and aliases[alias] != record.id:
                problems.append(doc.problem(("aliases", i), f"'{alias}' is already an alias of '{aliases[alias]}'"))
            aliases.setdefault(alias, record.id)
        broken = check_grade(inc)
        if broken:
            problems.append(doc.problem(("verification", "status"), broken, "see the methodology page for the scale"))
        listed = {s.url for s in inc.sources}
        for i, response in enumerate(inc.responses):
            if response.source and response.source not in listed:
                problems.append(
                    doc.problem(("responses", i, "source"), "is not the URL of one of this record's sources")
                )
        for i, source in enumerate(inc.sources):
            if source.archived_url is None:
                problems.append(
                    doc.problem(
                        ("sources", i, "url"),
                        "the source has no archived copy",
                        "add `archived_url`, a capture in the Wayback Machine, archive.today or perma.cc",
                        severity=Severity.WARNING,
                    )
                )
    problems += _source_conflicts(records)
    problems += _place_spellings(records)
    return problems


def _close(value: str, known: dict[str, Record]) -> str:
    import difflib

    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.7)
    return f"did you mean '{close[0]}'?" if close else ""


def _source_conflicts(records: list[tuple[Record, Document]]) -> list[Problem]:
    """The same URL must carry the same title, outlet and date everywhere: report both places."""
    first: dict[str, tuple[Record, Document, int]] = {}
    problems: list[Problem] = []
    for record, doc in records:
        for i, source in enumerate(record.incident.sources):
            if source.url not in first:
                first[source.url] = (record, doc, i)
                continue
            other_record, other_doc, j = first[source.url]
            other = other_record.incident.sources[j]
            if (source.title, source.outlet, source.published) == (other.title, other.outlet, other.published):
                continue
            for name in ("title", "outlet", "published"):
                if getattr(source, name) != getattr(other, name):
                    a, b = getattr(source, name), getattr(other, name)
                    problems.append(
                        doc.problem(
                            ("sources", i, name),
                            f"the same source URL has {name} '{a}' here but '{b}' in {other_record.path}",
                            "a source is one source across the archive: make them agree",
                        )
                    )
                    problems.append(
                        other_doc.problem(
                            ("sources", j, name),
                            f"the same source URL has {name} '{b}' here but '{a}' in {record.path}",
                            "a source is one source across the archive: make them agree",
                        )
                    )
    return problems


def _place_spellings(records: list[tuple[Record, Document]]) -> list[Problem]:
    """A place written as another record's alternative spelling is probably one place spelled two ways."""
    # (region code, spelling) -> the records giving that spelling in `also_known_as`, in archive order.
    by_spelling: dict[tuple[str, str], list[Record]] = {}
    for record, _ in records:
        loc = record.incident.location
        for alias in {a.casefold() for a in loc.also_known_as}:
            by_spelling.setdefault((loc.region.code, alias), []).append(record)
    problems = []
    for record, doc in records:
        loc = record.incident.location
        if not loc.place:
            continue
        for other_record in by_spelling.get((loc.region.code, loc.place.casefold()), ()):
            other = other_record.incident.location
            if other is not loc and loc.place.casefold() != (other.place or "").casefold():
                problems.append(
                    doc.problem(
                        ("location", "place"),
                        f"'{loc.place}' is given as another spelling of '{other.place}' in {other_record.path}",
                        f"write the place as '{other.place}' and keep '{loc.place}' in `also_known_as`",
                        severity=Severity.WARNING,
                    )
                )
                break
    return problems


def load_archive(root: Path, records: RecordStores | None = None) -> Loaded:
    """Read and validate a whole archive, collecting every problem in every file.

    With `records`, each record file's result comes from the store it opens (`record_store`; the incremental
    build's keeps them between loads), with the same result, and the objects alive at the end of the load (a
    build's records) are set aside from the garbage collector's passes as long as the result lives (`memory`).
    """
    if records is None:
        return _load(root, work_out)
    with memory.long_lived():
        loaded = _load(root, records)
    weakref.finalize(loaded, memory.thaw)
    return loaded


def _load(root: Path, records: RecordStores) -> Loaded:
    problems: list[Problem] = []
    config = _read_config(root, problems)
    day = today()
    context: dict[str, object] = {"config": config, "today": day}
    store = records(config, day)
    files, found = record_files(root)
    problems.extend(found)
    problems.extend(links_outside(root))
    records: list[tuple[Record, Document]] = []
    for path, shown in files:
        if not re.match(ID_PATTERN, path.stem):
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "",
                    f"the file name '{path.stem}' is not a valid id",
                    "use lowercase letters, digits and hyphens, at most 80 characters",
                )
            )
            continue
        incident, doc, found = store.result(
            path, shown, lambda raw, path=path, shown=shown: _read_record(raw, path, shown, context)
        )
        problems.extend(found)
        if incident is not None and doc is not None:
            records.append((Record(path.stem, shown, incident), doc))
    store.save()
    problems.extend(_cross_record(records))
    pages: list[FreePage] = []
    pages_dir = root / "pages"
    if pages_dir.is_dir():
        for path in sorted(pages_dir.glob("*.md")):
            if _leads_outside(path, root):
                continue  # reported by links_outside, and never read
            page, found = read_page(path, display_path(path, root))
            problems.extend(found)
            if page is not None and page.slug in urls.RESERVED:
                problems.append(
                    Problem(
                        display_path(path, root),
                        1,
                        1,
                        "",
                        f"a page may not be named '{page.slug}': the site uses that address",
                        "rename the file",
                    )
                )
            elif page is not None:
                pages.append(page)
    problems = sorted(set(problems))
    if config is None or any(p.severity is Severity.ERROR for p in problems):
        return Loaded(None, problems)
    ordered = tuple(sorted((r for r, _ in records), key=lambda r: r.id))
    return Loaded(Archive(root, config, ordered, tuple(pages)), problems)
