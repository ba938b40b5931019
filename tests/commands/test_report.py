"""Problems printed for people, for GitHub Actions and for tools."""

import json

from warcrime_archive.commands.report import as_json, github_line, github_lines, text_lines
from warcrime_archive.problems import Problem, Severity


def test_an_error_becomes_a_github_annotation_at_its_line():
    problem = Problem("incidents/a.yaml", 7, 11, "category", "'x' is not one of the categories", "allowed: a, b")
    assert github_line(problem) == (
        "::error file=incidents/a.yaml,line=7,col=11,title=category::'x' is not one of the categories (allowed: a, b)"
    )


def test_a_warning_becomes_a_github_warning():
    problem = Problem("incidents/a.yaml", 3, 10, "sources[0].url", "no copy", severity=Severity.WARNING)
    assert github_line(problem) == "::warning file=incidents/a.yaml,line=3,col=10,title=sources[0].url::no copy"


def test_github_annotations_are_escaped():
    problem = Problem("incidents/a,b.yaml", 1, 1, "x:y", "100% sure\r\nnot: really, no")
    assert github_line(problem) == (
        "::error file=incidents/a%2Cb.yaml,line=1,col=1,title=x%3Ay::100%25 sure%0D%0Anot: really, no"
    )


def test_github_paths_start_at_the_repository_root():
    problem = Problem("incidents/a.yaml", 1, 1, "", "bad")
    assert github_line(problem, "archive") == "::error file=archive/incidents/a.yaml,line=1,col=1::bad"


def test_json_is_a_list_of_objects():
    problems = [
        Problem("a.yaml", 2, 3, "title", "must not be empty"),
        Problem("b.yaml", 1, 1, "", "w", "h", Severity.WARNING),
    ]
    assert json.loads(as_json(problems)) == [
        {
            "path": "a.yaml",
            "line": 2,
            "column": 3,
            "field": "title",
            "message": "must not be empty",
            "hint": "",
            "severity": "error",
        },
        {"path": "b.yaml", "line": 1, "column": 1, "field": "", "message": "w", "hint": "h", "severity": "warning"},
    ]
    assert json.loads(as_json([])) == []


def _warnings(count: int) -> list[Problem]:
    return [
        Problem(
            f"incidents/r{i:05}.yaml",
            12,
            18,
            "sources[0].url",
            "the source has no archived copy",
            "add one",
            Severity.WARNING,
        )
        for i in range(count)
    ]


ERRORS = [
    Problem("incidents/r00010.yaml", 3, 11, "category", "'kiling' is not one of the categories", "did you mean"),
    Problem("incidents/r05000.yaml", 4, 7, "date", "the date is in the future"),
    Problem("incidents/r09999.yaml", 1, 1, "", "the file is empty"),
]


def test_errors_come_first_and_again_in_the_last_lines_among_ten_thousand_warnings():
    lines = text_lines(_warnings(10_000) + ERRORS)
    assert lines[:3] == [e.text() for e in ERRORS]
    # The warnings are one kind: said once, with its count, its first three places and how many more.
    assert lines[3:8] == [
        "10000 warnings like this (sources[].url): the source has no archived copy",
        "  incidents/r00000.yaml:12:18: warning: sources[0].url: the source has no archived copy (add one)",
        "  incidents/r00001.yaml:12:18: warning: sources[0].url: the source has no archived copy (add one)",
        "  incidents/r00002.yaml:12:18: warning: sources[0].url: the source has no archived copy (add one)",
        "  and 9997 more (`validate --verbose` lists every one)",
    ]
    assert len(lines) == 8  # too few warning lines follow the errors to repeat them


def test_many_kinds_of_warnings_push_the_errors_up_so_they_are_repeated_at_the_end():
    kinds = [
        Problem(f"r{i:05}.yaml", 1, 1, f"f{i}", f"warning number {i}", severity=Severity.WARNING) for i in range(40)
    ]
    lines = text_lines(kinds + ERRORS)
    assert lines[:3] == [e.text() for e in ERRORS]
    assert lines[-4:] == ["The 3 errors again:"] + ["  " + e.text() for e in ERRORS]
    many = [Problem(f"e{i:02}.yaml", 1, 1, "", "bad") for i in range(12)]
    assert text_lines(kinds + many)[-11] == "The first 10 of the 12 errors again (all are listed above):"


def test_quoted_values_do_not_make_a_new_kind_and_verbose_lists_every_warning():
    spelled = [
        Problem(f"{n}.yaml", 2, 3, "location.place", f"'{n}' is given as another spelling", severity=Severity.WARNING)
        for n in ("a", "b", "c", "d")
    ]
    lines = text_lines(spelled)
    assert lines[0] == "4 warnings like this (location.place): '…' is given as another spelling"
    assert lines[-1] == "  and 1 more (`validate --verbose` lists every one)"
    assert text_lines(spelled, verbose=True) == [p.text() for p in spelled]
    assert text_lines(spelled + ERRORS, errors_only=True) == [e.text() for e in ERRORS]


def test_github_annotates_every_error_and_the_first_places_of_each_kind_of_warning():
    lines = github_lines(_warnings(10_000) + ERRORS)
    assert [line.split(" ", 1)[0] for line in lines] == ["::error"] * 3 + ["::warning"] * 3 + ["::notice"]
    assert lines[-1] == (
        "::notice file=incidents/r00003.yaml,line=12,col=18,title=sources[0].url::and 9997 more like this: "
        "the source has no archived copy (`warcrime-archive validate --verbose` lists every one)"
    )
    assert len(github_lines(_warnings(10_000), verbose=True)) == 10_000
