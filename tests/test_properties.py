"""Property-based tests: validation never fails with anything but a reported problem, and any valid
generated archive builds with every internal link resolving.

Hypothesis runs derandomized (the same examples on every run and machine), so CI is deterministic.
"""

from __future__ import annotations

import datetime as dt
import shutil
import string
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from repo_paths import MINIMAL, REPO
from sitecheck import html_pages, internal_targets

from warcrime_archive.build import build_site
from warcrime_archive.model.dates import PartialDate
from warcrime_archive.read.yaml_reader import read_yaml
from warcrime_archive.urls import output_path
from warcrime_archive.validate.load import load_archive

TODAY = dt.date(2026, 11, 22)  # the day conftest pins

SETTINGS = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _archive_copy(source: Path, target: Path) -> Path:
    target.mkdir()
    shutil.copy(source / "archive.yaml", target / "archive.yaml")
    shutil.copytree(source / "incidents", target / "incidents")
    return target


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path, Any]]:
    """(archive copy, record file, record data) for the minimal record and every sample record."""
    out = []
    folder = tmp_path_factory.mktemp("mutate")
    minimal = _archive_copy(MINIMAL, folder / "minimal")
    sample = _archive_copy(REPO, folder / "sample")
    for root in (minimal, sample):
        for path in sorted((root / "incidents").rglob("*.yaml")):
            doc, problems = read_yaml(path, path.name)
            assert doc is not None and problems == []
            out.append((root, path, doc.data))
    return out


# ---------------------------------------------------------------------------------------------
# (1) Mutated records: only reported problems, each at a real place.

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats()
    | st.text(max_size=30)
    | st.dates().map(lambda d: d.isoformat())
    | st.sampled_from(["no", "on", "yes", "null", "2022-02-30", "2022-13", "0", "-1", "", " ", "~"])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=3),
    max_leaves=12,
)


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, (*prefix, i))


def _mutate(data: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    """A copy of `data` with the node at `path` deleted, replaced or given a new key."""
    if not path:
        return value if action == "replace" else data
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        copy: Any = dict(data)
    else:
        copy = list(data)
    if not rest and action == "delete":
        del copy[head]
    elif not rest and action == "add" and isinstance(copy[head], dict):
        copy[head] = {**copy[head], "unexpected_field": value}
    elif not rest:
        copy[head] = value
    else:
        copy[head] = _mutate(copy[head], rest, action, value)
    return copy


def _check_problems(root: Path) -> None:
    loaded = load_archive(root)  # must not raise
    for problem in loaded.problems:
        assert problem.path, problem
        assert problem.line >= 1 and problem.column >= 1, problem
        assert problem.message, problem
        assert "Traceback" not in problem.text()


@SETTINGS
@given(data=st.data())
def test_mutated_records_give_only_reported_problems(bases: list[tuple[Path, Path, Any]], data: st.DataObject) -> None:
    root, path, record = data.draw(st.sampled_from(bases), label="record")
    paths = list(_paths(record))
    where = data.draw(st.sampled_from(paths), label="path")
    action = data.draw(st.sampled_from(["delete", "replace", "add"]), label="action")
    value = data.draw(VALUES | st.integers(0, 40).map(_nested), label="value")
    mutated = _mutate(record, where, action, value)
    original = path.read_bytes()
    try:
        path.write_text(yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False), "utf-8")
        _check_problems(root)
    finally:
        path.write_bytes(original)


@SETTINGS
@given(data=st.data())
def test_mangled_record_text_gives_only_reported_problems(
    bases: list[tuple[Path, Path, Any]], data: st.DataObject
) -> None:
    """Random bytes or characters spliced into a record's text: syntax, encoding and all."""
    root, path, _ = data.draw(st.sampled_from(bases), label="record")
    original = path.read_bytes()
    at = data.draw(st.integers(0, len(original)), label="at")
    cut = data.draw(st.integers(0, 20), label="cut")
    insert = data.draw(st.binary(max_size=12) | st.text(max_size=12).map(lambda s: s.encode("utf-8")), label="insert")
    try:
        path.write_bytes(original[:at] + insert + original[at + cut :])
        _check_problems(root)
    finally:
        path.write_bytes(original)


# ---------------------------------------------------------------------------------------------
# (2) Generated valid archives: they validate clean and build with every internal link resolving.

ARCHIVE_YAML = """\
record_format: 2
title: Generated archive
base_url: https://example.org/generated/
encryption: {repository_is_private: true}  # the generated private notes are in plaintext
sides:
  russia: {label: Russia}
  ukraine: {label: Ukraine}
categories:
  killing: {label: Killing}
  torture: {label: Torture}
victim_statuses:
  prisoner-of-war: {label: Prisoner of war}
  civilian: {label: Civilian}
  unknown: {label: Unknown}
verification:
  verified: {label: Verified, rule: named verifiers}
  corroborated: {label: Corroborated}
  claimed: {label: Claimed}
"""
# Real places of the sample archive (see /work/shared/seeds/FACTS.md), with their oblast.
PLACES = [
    {"place": "Dmytrivka", "admin1": "Kyiv Oblast", "country": "UA", "precision": "near"},
    {"place": "Soledar", "admin1": "Donetsk Oblast", "country": "UA", "precision": "settlement"},
    {"place": "Robotyne", "admin1": "Zaporizhzhia Oblast", "country": "UA", "precision": "near"},
    {"place": None, "admin1": "Donetsk Oblast", "country": "UA", "precision": "district"},
    {"place": None, "admin1": "UA-23", "country": "UA", "precision": "region"},
]
WORDS = st.text(alphabet=string.ascii_letters + " éіїß-'", min_size=1, max_size=24).map(str.strip).filter(bool)
TEXT = st.builds(lambda a, b: f"{a} {b}", st.sampled_from(["A", "Ein", "Один", "The"]), WORDS)
DATES = st.dates(min_value=dt.date(2014, 2, 20), max_value=TODAY)


@st.composite
def partial_dates(draw: st.DrawFn, before: dt.date = TODAY, after: dt.date = dt.date(2014, 2, 20)) -> str:
    day = draw(st.dates(min_value=after, max_value=before))
    return draw(st.sampled_from([day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]]))


@st.composite
def incident_dates(draw: st.DrawFn) -> Any:
    form = draw(st.sampled_from(["plain", "at", "window"]))
    if form == "plain":
        return draw(partial_dates())
    if form == "at":
        return {"at": draw(partial_dates()), "note": draw(TEXT)}
    start, end = sorted([draw(DATES), draw(DATES)])
    return {"from": start.isoformat(), "to": end.isoformat(), "approximate": draw(st.booleans())}


def _earliest(date: Any) -> dt.date:
    """The first day a generated incident date can mean."""
    value = date if isinstance(date, str) else date.get("at") or date["from"]
    return PartialDate.parse(value).start


# A pool of sources: a URL always comes with the same title, outlet and date, as the archive requires.
SOURCES = [
    {
        "id": f"s{n}",
        "url": f"https://news{n % 3}.example/story/{n}",
        "title": f"Story number {n}",
        "outlet": f"Outlet {n % 3}",
        "published": f"2023-0{n % 9 + 1}",
        "type": ["news-article", "video", "report", "social-media-post"][n % 4],
        **(
            {"archived_url": f"https://web.archive.org/web/2023010100000{n % 10}/https://news{n % 3}.example/story/{n}"}
            if n % 2
            else {}
        ),
    }
    for n in range(8)
]


@st.composite
def records(draw: st.DrawFn, record_ids: list[str], index: int) -> dict[str, Any]:
    sources = draw(st.lists(st.sampled_from(SOURCES), min_size=1, max_size=4, unique_by=lambda s: s["url"]))
    outlets = {s["outlet"] for s in sources}
    ids = [s["id"] for s in sources]
    cited = st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True)  # a claim's sources
    grades = ["verified", "claimed"] + (["corroborated"] if len(outlets) >= 2 else [])
    grade = draw(st.sampled_from(grades))
    verification: dict[str, Any] = {"status": grade, "note": draw(TEXT), "sources": draw(cited)}
    if grade == "verified":
        verification["by"] = [
            {
                "who": who,
                "checked": draw(st.lists(st.sampled_from(["authenticity", "place", "time"]), min_size=1, unique=True)),
                "sources": draw(cited),
            }
            for who in draw(st.lists(st.sampled_from(["Verifier A", "Verifier B"]), min_size=1, unique=True))
        ]
    victim_side = draw(st.sampled_from(["russia", "ukraine", None]))
    victims = [
        {
            "side": victim_side,
            "status": draw(st.sampled_from(["prisoner-of-war", "civilian", "unknown"])),
            "harm": draw(st.sampled_from(["killed", "wounded", "tortured", "ill-treated", "missing"])),
            "count": draw(
                st.none()
                | st.integers(1, 500)
                | st.tuples(st.integers(1, 50), st.integers(0, 50)).map(lambda t: {"min": t[0], "max": t[0] + t[1]})
            ),
            # Each part of a name holds a digit, which no generated text has: a record marked personal-information
            # whose texts held any part of a victim's name would rightly fail validation.
            "people": draw(st.lists(st.builds(lambda n: {"name": f"Person0 {n}0"}, WORDS), max_size=2)),
            # corroborated needs two outlets stating what happened: every source
            "sources": list(ids) if grade == "corroborated" else draw(cited),
        }
        for _ in range(draw(st.integers(1, 2)))
    ]
    others = [i for i in record_ids if i != record_ids[index]]
    date = draw(incident_dates())
    dated = {"at": date} if isinstance(date, str) else date
    record: dict[str, Any] = {
        "title": draw(TEXT),
        "summary": draw(TEXT),
        "category": draw(st.sampled_from(["killing", "torture"])),
        "date": {**dated, "sources": draw(cited)},
        "first_reported": draw(partial_dates(after=_earliest(date))),  # a report cannot precede the incident
        "location": {**draw(st.sampled_from(PLACES)), "sources": draw(cited)},
        "alleged_perpetrators": [
            {
                "side": draw(st.sampled_from(["russia", "ukraine"])),
                "attribution": "suspected",
                "basis": draw(TEXT),
                "sources": draw(cited),
            }
        ],
        "victims": victims,
        "verification": verification,
        "sources": sources,
        "tags": draw(st.lists(st.sampled_from(["pow", "video", "hors-de-combat", "trench"]), max_size=3, unique=True)),
        "related": draw(st.lists(st.sampled_from(others), max_size=2, unique=True)) if others else [],
        "aliases": draw(st.lists(st.just(f"old-{record_ids[index]}"), max_size=1)),
        # paragraphs, some ending with a citation of one or more of the record's sources
        "narrative": "\n\n".join(
            text + ("" if not cite else " [" + "; ".join(f"@{i}" for i in cite) + "]")
            for text, cite in draw(
                st.lists(st.tuples(TEXT, st.lists(st.sampled_from(ids), max_size=2, unique=True)), max_size=3)
            )
        ),
        "content_warning": draw(st.sampled_from(["", "Describes a killing."])),
        "sensitivity": draw(st.lists(st.just("personal-information"), max_size=1)),
        "private": {"notes": f"PRIVATE-NOTE-{index}: {draw(TEXT)}"},
    }
    if draw(st.booleans()):
        record["evidence"] = [
            {
                "description": draw(TEXT),
                "sha256": draw(st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)),
                "captured": draw(partial_dates()),
                "custodian": "archive team",
            }
        ]
    return record


@st.composite
def archives(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    count = draw(st.integers(1, 6))
    days = draw(st.lists(DATES, min_size=count, max_size=count, unique=True))
    ids = [f"{d.isoformat()}-incident-{i}" for i, d in enumerate(days)]
    return {ident: draw(records(ids, i)) for i, ident in enumerate(ids)}


@pytest.mark.slow
@settings(max_examples=25, deadline=None, derandomize=True, database=None)
@given(generated=archives())
def test_generated_archives_validate_clean_and_every_internal_link_resolves(
    generated: dict[str, dict[str, Any]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "archive"
        (root / "incidents").mkdir(parents=True)
        (root / "archive.yaml").write_text(ARCHIVE_YAML, "utf-8")
        for ident, record in generated.items():
            text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
            (root / "incidents" / f"{ident}.yaml").write_text(text, "utf-8")
        loaded = load_archive(root)
        assert loaded.errors == [], [p.text() for p in loaded.errors]
        # generated records may share a day and a place: a possible duplicate is a warning, as it should be
        found = {p.message for p in loaded.warnings if not p.message.startswith("possibly the same incident as '")}
        assert found <= {"the source has no archived copy"}
        site = Path(folder) / "site"
        result = build_site(root, site)
        assert result.records == len(generated)
        for ident in generated:
            assert (site / "incidents" / ident / "index.html").is_file()
        for page in html_pages(site):
            if page.name == "404.html":  # its links are absolute on purpose: it is served at any depth
                continue
            for target in internal_targets(site, page):
                assert (site / output_path(target)).is_file(), f"{page}: {target} does not resolve"
        for path in site.rglob("*"):
            if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".js", ".txt"):
                assert "PRIVATE-NOTE" not in path.read_text("utf-8"), f"{path} publishes a private note"
