"""The rules that span records, each beside the exact message an editor sees."""

from pathlib import Path

import pytest
from edited_archive import RECORD, archive_with, error_lines
from repo_paths import MINIMAL

from warcrime_archive.validate.load import load_archive

CASES = {
    "grade rule": (
        {"by: [{who: NYT, checked: [authenticity, place], sources: [a]}], ": ""},
        f"{RECORD}:10:15: verification.by: grade 'verified' needs `verification.by` to name at least one verifier "
        "(name who verified the evidence: `by: [{who: ..., checked: [authenticity, place], sources: [id]}]`)",
    ),
    "related missing": (
        {"tags: [pow]": "tags: [pow]\nrelated: [2022-03-29-dmytrivka]"},
        f"{RECORD}:16:11: related[0]: no record has the id '2022-03-29-dmytrivka' "
        "(did you mean '2022-03-29-dmytrivka-x'?)",
    ),
    "related self": (
        {"tags: [pow]": "tags: [pow]\nrelated: [2022-03-29-dmytrivka-x]"},
        f"{RECORD}:16:11: related[0]: a record cannot be related to itself",
    ),
    "alias is an id": (
        {"tags: [pow]": "tags: [pow]\naliases: [2022-03-29-dmytrivka-x]"},
        f"{RECORD}:16:11: aliases[0]: '2022-03-29-dmytrivka-x' is the id of {RECORD}; an alias must be a former id",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_gives_its_exact_message(tmp_path, name):
    replace, expected = CASES[name]
    lines = error_lines(archive_with(tmp_path, replace))
    assert lines == ([expected] if expected else [])


def test_same_source_with_different_title_is_reported_in_both_places(tmp_path):
    other = (MINIMAL / RECORD).read_text().replace("title: T1", "title: Another title")
    root = archive_with(tmp_path, files={"incidents/2022-04-01-other.yaml": other})
    assert error_lines(root) == [
        "incidents/2022-03-29-dmytrivka-x.yaml:12:48: sources[0].title: the same source URL has title 'T1' here but "
        "'Another title' in incidents/2022-04-01-other.yaml (a source is one source across the archive: make them agree)",
        "incidents/2022-04-01-other.yaml:12:48: sources[0].title: the same source URL has title 'Another title' here but "
        "'T1' in incidents/2022-03-29-dmytrivka-x.yaml (a source is one source across the archive: make them agree)",
    ]


def test_duplicate_ids_in_sub_folders(tmp_path):
    root = archive_with(tmp_path, files={f"incidents/2022/{Path(RECORD).name}": (MINIMAL / RECORD).read_text()})
    assert error_lines(root) == [
        f"{RECORD}:1:1: duplicate id '2022-03-29-dmytrivka-x': also incidents/2022/{Path(RECORD).name}",
        f"incidents/2022/{Path(RECORD).name}:1:1: duplicate id '2022-03-29-dmytrivka-x': also {RECORD}",
    ]


def test_an_id_in_three_files_is_reported_at_each_naming_the_others(tmp_path):
    name = Path(RECORD).name
    text = (MINIMAL / RECORD).read_text()
    root = archive_with(tmp_path, files={f"incidents/2022/{name}": text, f"incidents/b/{name}": text})
    assert error_lines(root) == [
        f"{RECORD}:1:1: duplicate id '2022-03-29-dmytrivka-x': also incidents/2022/{name}, incidents/b/{name}",
        f"incidents/2022/{name}:1:1: duplicate id '2022-03-29-dmytrivka-x': also {RECORD}, incidents/b/{name}",
        f"incidents/b/{name}:1:1: duplicate id '2022-03-29-dmytrivka-x': also {RECORD}, incidents/2022/{name}",
    ]


def test_place_spelled_two_ways_is_a_warning(tmp_path):
    other = (
        (MINIMAL / RECORD)
        .read_text()
        .replace("place: Dmytrivka", "place: Dmitrovka")
        .replace("also_known_as: [Dmitrovka]", "also_known_as: []")
    )
    root = archive_with(tmp_path, files={"incidents/2022-04-01-other.yaml": other})
    warnings = [p.text() for p in load_archive(root).warnings if "spelling" in p.message]
    assert warnings == [
        "incidents/2022-04-01-other.yaml:6:19: warning: location.place: 'Dmitrovka' is given as another spelling of "
        "'Dmytrivka' in incidents/2022-03-29-dmytrivka-x.yaml (write the place as 'Dmytrivka' and keep 'Dmitrovka' "
        "in `also_known_as`)"
    ]


def test_a_source_without_an_archived_copy_is_one_warning_per_url_however_often_it_is_cited(tmp_path):
    text = (MINIMAL / RECORD).read_text()
    files = {f"incidents/2022-04-0{i}-other.yaml": text for i in range(1, 4)}
    files["incidents/2022-04-09-own.yaml"] = text.replace("https://a.example/1", "https://a.example/2")
    root = archive_with(tmp_path, files=files)
    warnings = [p.text() for p in load_archive(root).warnings if "archived copy" in p.message]
    assert warnings == [
        f"{RECORD}:12:18: warning: sources[0].url: the source has no archived copy (add `archived_url`, a capture in "
        "the Wayback Machine, archive.today or perma.cc; the same URL is cited 3 more times without one)",
        "incidents/2022-04-09-own.yaml:12:18: warning: sources[0].url: the source has no archived copy (add "
        "`archived_url`, a capture in the Wayback Machine, archive.today or perma.cc)",
    ]
