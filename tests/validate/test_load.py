"""Bad input, each case beside the exact message an editor sees."""

import shutil
from pathlib import Path

import pytest
from repo_paths import MINIMAL

from warcrime_archive.problems import Severity
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def archive_with(tmp_path: Path, replace: dict[str, str] | None = None, files: dict[str, str] | None = None) -> Path:
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    text = (root / RECORD).read_text()
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    (root / RECORD).write_text(text)
    for name, content in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content)
    return root


def error_lines(root: Path) -> list[str]:
    return [p.text() for p in load_archive(root).problems if p.severity is Severity.ERROR]


def test_minimal_archive_is_valid_with_one_warning(tmp_path):
    loaded = load_archive(archive_with(tmp_path))
    assert loaded.errors == []
    assert [p.text() for p in loaded.warnings] == [
        f"{RECORD}:12:11: warning: sources[0].url: the source has no archived copy "
        "(add `archived_url`, a capture in the Wayback Machine, archive.today or perma.cc)"
    ]
    assert loaded.archive is not None and [r.id for r in loaded.archive.records] == ["2022-03-29-dmytrivka-x"]


CASES = {
    "unknown field": (
        {"tags: [pow]": "tags: [pow]\ntitel: x"},
        f"{RECORD}:16:1: titel: unknown field 'titel' (did you mean 'title'?)",
    ),
    "vocabulary": (
        {"category: killing": "category: killin"},
        f"{RECORD}:3:11: category: 'killin' is not one of the categories in archive.yaml (did you mean 'killing'?)",
    ),
    "side vocabulary": (
        {"side: ukraine,": "side: ukriane,"},
        f"{RECORD}:7:31: alleged_perpetrators[0].side: 'ukriane' is not one of the sides in archive.yaml "
        "(did you mean 'ukraine'?)",
    ),
    "grade vocabulary": (
        {"status: verified": "status: verifed"},
        f"{RECORD}:10:24: verification.status: 'verifed' is not one of the grades of `verification` in archive.yaml "
        "(did you mean 'verified'?)",
    ),
    "date format": (
        {'first_reported: "2022-04-04"': 'first_reported: "04/04/2022"'},
        f"{RECORD}:5:17: first_reported: '04/04/2022' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY",
    ),
    "impossible date": (
        {'first_reported: "2022-04-04"': 'first_reported: "2022-02-30"'},
        f"{RECORD}:5:17: first_reported: '2022-02-30' is not a real date",
    ),
    "window order": (
        {'to: "2022-03-30"': 'to: "2022-03-28"'},
        f"{RECORD}:4:32: date.to: `to` (2022-03-28) is before `from` (2022-03-29)",
    ),
    "future": (
        {'first_reported: "2022-04-04"': 'first_reported: "2027-01"'},
        f"{RECORD}:5:17: first_reported: 2027-01 is in the future",
    ),
    "window half": (
        {'date: {from: "2022-03-29", to: "2022-03-30", note: around 30 March}': 'date: {from: "2022-03-29"}'},
        f"{RECORD}:4:7: date: a window needs both `from` and `to` (or give `at`)",
    ),
    "count below one": (
        {"count: {min: 1, max: 2}": "count: 0"},
        f"{RECORD}:9:58: victims[0].count: a count must be at least 1 (write null when unknown)",
    ),
    "range order": (
        {"count: {min: 1, max: 2}": "count: {min: 3, max: 2}"},
        f"{RECORD}:9:64: victims[0].count.min: min (3) is greater than max (2)",
    ),
    "url scheme": (
        {'url: "https://a.example/1"': 'url: "ftp://a.example/1"'},
        f"{RECORD}:12:11: sources[0].url: 'ftp://a.example/1' is not an http(s) URL",
    ),
    "wrong type": ({"tags: [pow]": "tags: pow"}, f"{RECORD}:15:7: tags: should be a list, not 'pow'"),
    "region": (
        {"admin1: Kyiv Oblast": "admin1: Kyiv Oblats"},
        f"{RECORD}:6:59: location.admin1: 'Kyiv Oblats' is not a region of UA in ISO 3166-2 "
        "(did you mean 'Kyiv Oblast'?)",
    ),
    "region misspelt": (
        {"admin1: Kyiv Oblast": "admin1: Zaporozhzhia"},
        f"{RECORD}:6:59: location.admin1: 'Zaporozhzhia' is not a region of UA in ISO 3166-2 "
        "(did you mean 'Zaporizhzhia Oblast'?)",
    ),
    "country": (
        {"country: UA": "country: Ukraine"},
        f"{RECORD}:6:81: location.country: 'Ukraine' is not an ISO 3166-1 alpha-2 country code (did you mean UA?)",
    ),
    "precision": (
        {"precision: near": "precision: nearby"},
        f"{RECORD}:6:96: location.precision: 'nearby' is not allowed: input should be 'exact', 'near', "
        "'settlement', 'district', 'region' or 'unknown'",
    ),
    "missing field": ({"summary: A video appears to show ...\n": ""}, f"{RECORD}:1:1: summary: is required"),
    "grade rule": (
        {"by: [NYT], ": ""},
        f"{RECORD}:10:24: verification.status: grade 'verified' needs `verification.by` to name at least one "
        "verifier (see the methodology page for the scale)",
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
    "no yes/no surprise": ({"title: Wounded captured soldier shot near Dmytrivka": "title: no"}, None),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_gives_its_exact_message(tmp_path, name):
    replace, expected = CASES[name]
    lines = error_lines(archive_with(tmp_path, replace))
    assert lines == ([expected] if expected else [])


def test_every_problem_in_every_file_in_one_run(tmp_path):
    root = archive_with(
        tmp_path,
        {"category: killing": "category: killin"},
        files={
            "incidents/dup.yaml": "title: A\ntitle: B\n",
            "incidents/broken.yaml": "title: [\n",
        },
    )
    lines = error_lines(root)
    assert [line.split(":")[0] for line in lines] == [RECORD, "incidents/broken.yaml", "incidents/dup.yaml"]


def test_same_source_with_different_title_is_reported_in_both_places(tmp_path):
    other = (MINIMAL / RECORD).read_text().replace("title: T1", "title: Another title")
    root = archive_with(tmp_path, files={"incidents/2022-04-01-other.yaml": other})
    assert error_lines(root) == [
        "incidents/2022-03-29-dmytrivka-x.yaml:12:41: sources[0].title: the same source URL has title 'T1' here but "
        "'Another title' in incidents/2022-04-01-other.yaml (a source is one source across the archive: make them agree)",
        "incidents/2022-04-01-other.yaml:12:41: sources[0].title: the same source URL has title 'Another title' here but "
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


def test_a_report_in_the_incident_s_month_is_not_before_it(tmp_path):
    text = (MINIMAL / RECORD).read_text().replace('first_reported: "2022-04-04"', 'first_reported: "2022-03"')
    text += 'corrections: [{date: "2022", note: Count corrected.}]\n'
    root = archive_with(tmp_path, files={RECORD: text})
    assert error_lines(root) == []


def test_a_report_a_day_before_the_window_is_an_error(tmp_path):
    text = (MINIMAL / RECORD).read_text().replace('first_reported: "2022-04-04"', 'first_reported: "2022-03-28"')
    root = archive_with(tmp_path, files={RECORD: text})
    assert error_lines(root) == [
        f"{RECORD}:5:17: first_reported: 2022-03-28 is before the earliest date of the incident (2022-03-29) "
        "(a report cannot precede the incident)"
    ]


def test_bad_file_name(tmp_path):
    root = archive_with(tmp_path, files={"incidents/Bad Name.yaml": (MINIMAL / RECORD).read_text()})
    assert error_lines(root) == [
        "incidents/Bad Name.yaml:1:1: the file name 'Bad Name' is not a valid id "
        "(use lowercase letters, digits and hyphens, at most 80 characters)"
    ]


def test_archive_yaml_problems(tmp_path):
    root = archive_with(tmp_path)
    (root / "archive.yaml").write_text((root / "archive.yaml").read_text() + "colour: red\n")
    assert error_lines(root) == [
        "archive.yaml:15:1: colour: unknown field 'colour' (allowed: base_url, categories, contact, description, "
        "language, license, own_archives, repository, sides, title, verification, victim_statuses)"
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


def test_link_outside_the_archive_is_refused(tmp_path):
    root = archive_with(tmp_path)
    outside = tmp_path / "outside.yaml"
    outside.write_text((MINIMAL / RECORD).read_text())
    (root / "incidents" / "linked.yaml").symlink_to(outside)
    assert "incidents/linked.yaml:1:1: is a link to a file outside the archive; it is refused" in error_lines(root)


def test_links_in_pages_static_and_templates_that_lead_outside_are_refused(tmp_path):
    root = archive_with(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("a file of the machine that builds the site\n")
    outside_dir = tmp_path / "elsewhere"
    outside_dir.mkdir()
    (root / "static").mkdir()
    (root / "static" / "leak.css").symlink_to(secret)
    (root / "static" / "inside.css").write_text("body{}")
    (root / "static" / "ok.css").symlink_to(root / "static" / "inside.css")
    (root / "templates").symlink_to(outside_dir, target_is_directory=True)
    (root / "pages" / "leak.md").symlink_to(secret)
    assert [line for line in error_lines(root) if "link" in line] == [
        "pages/leak.md:1:1: is a link to a file outside the archive; it is refused",
        "static/leak.css:1:1: is a link to a file outside the archive; it is refused",
        "templates:1:1: is a link to a file outside the archive; it is refused",
    ]


def test_archive_yaml_linked_from_outside_is_refused(tmp_path):
    root = archive_with(tmp_path)
    outside = tmp_path / "settings.yaml"
    (root / "archive.yaml").rename(outside)
    (root / "archive.yaml").symlink_to(outside)
    assert "archive.yaml:1:1: is a link to a file outside the archive; it is refused" in error_lines(root)


def test_a_linked_folder_of_records_outside_the_archive_is_refused_once(tmp_path):
    root = archive_with(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "2022-01-01-y.yaml").write_text((MINIMAL / RECORD).read_text())
    (root / "incidents" / "more").symlink_to(elsewhere, target_is_directory=True)
    (root / "incidents" / "linked.yaml").symlink_to(elsewhere / "2022-01-01-y.yaml")
    assert [line for line in error_lines(root) if "link" in line] == [
        "incidents/linked.yaml:1:1: is a link to a file outside the archive; it is refused",
        "incidents/more:1:1: is a link to a file outside the archive; it is refused",
    ]


def test_a_markdown_bomb_in_a_narrative_is_refused_quickly(tmp_path):
    import time

    root = archive_with(tmp_path, {'narrative: "Some *markdown*.': 'narrative: "Some *markdown*.\\n\\n' + "[" * 20000})
    started = time.monotonic()
    assert error_lines(root) == [
        "incidents/2022-03-29-dmytrivka-x.yaml:13:12: narrative: a paragraph with more than 100 '[' (at line 3 "
        "of the narrative) is more complex Markdown than the build renders safely"
    ]
    assert time.monotonic() - started < 10, "rendering it would take many minutes"


def test_links_to_devices_are_refused_without_being_read(tmp_path):
    """/dev/zero never ends: reading it would hang the build."""
    root = archive_with(tmp_path)
    (root / "pages" / "zero.md").symlink_to("/dev/zero")
    (root / "incidents" / "2022-01-01-zero.yaml").symlink_to("/dev/zero")
    assert [line for line in error_lines(root) if "zero" in line] == [
        "incidents/2022-01-01-zero.yaml:1:1: is a link to a file outside the archive; it is refused",
        "pages/zero.md:1:1: is a link to a file outside the archive; it is refused",
    ]
    (root / "archive.yaml").unlink()
    (root / "archive.yaml").symlink_to("/dev/zero")
    assert error_lines(root)[0] == "archive.yaml:1:1: is a link to a file outside the archive; it is refused"


def test_read_config_alone(tmp_path):
    from warcrime_archive.validate.load import read_config

    config, problems = read_config(tmp_path)
    assert config is None
    assert [p.text() for p in problems] == [
        "archive.yaml:1:1: the archive has no archive.yaml (run from the archive's folder or give --root)"
    ]
