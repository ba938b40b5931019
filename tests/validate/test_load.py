"""Bad input in a record, each case beside the exact message an editor sees; every problem of every file at once."""

import pytest
from edited_archive import RECORD, archive_with, error_lines
from repo_paths import MINIMAL

from warcrime_archive.validate.load import load_archive


def test_minimal_archive_is_valid_with_one_warning(tmp_path):
    loaded = load_archive(archive_with(tmp_path))
    assert loaded.errors == []
    assert [p.text() for p in loaded.warnings] == [
        f"{RECORD}:12:18: warning: sources[0].url: the source has no archived copy "
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
        {
            'date: {from: "2022-03-29", to: "2022-03-30", note: around 30 March, sources: [a]}': 'date: {from: "2022-03-29"}'
        },
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
        f"{RECORD}:12:18: sources[0].url: 'ftp://a.example/1' is not an http(s) URL",
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
        "'settlement', 'district', 'region', 'country' or 'unknown'",
    ),
    "missing field": ({"summary: A video appears to show ...\n": ""}, f"{RECORD}:1:1: summary: is required"),
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


def test_a_report_in_the_incident_s_month_is_not_before_it(tmp_path):
    text = (MINIMAL / RECORD).read_text().replace('first_reported: "2022-04-04"', 'first_reported: "2022-03"')
    text += 'corrections: [{date: "2022", note: Count corrected., sources: [a]}]\n'
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


def test_a_markdown_bomb_in_a_narrative_is_refused_quickly(tmp_path):
    import time

    root = archive_with(tmp_path, {'narrative: "Some *markdown*.': 'narrative: "Some *markdown*.\\n\\n' + "[" * 20000})
    started = time.monotonic()
    assert error_lines(root) == [
        "incidents/2022-03-29-dmytrivka-x.yaml:13:12: narrative: a paragraph with more than 100 '[' (at line 3 "
        "of the narrative) is more complex Markdown than the build renders safely"
    ]
    assert time.monotonic() - started < 10, "rendering it would take many minutes"
