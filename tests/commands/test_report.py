"""Problems printed for people, for GitHub Actions and for tools."""

import json

from warcrime_archive.commands.report import as_json, github_line
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
