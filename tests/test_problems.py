from pathlib import Path

from warcrime_archive.problems import ArchiveError, Problem, Severity, display_path, summary


def test_text_forms():
    assert Problem("a.yaml", 3, 5, "date.to", "bad", "hint").text() == "a.yaml:3:5: date.to: bad (hint)"
    assert Problem("a.yaml", 1, 1, "", "bad").text() == "a.yaml:1:1: bad"
    assert Problem("a.yaml", 1, 1, "x", "w", severity=Severity.WARNING).text() == "a.yaml:1:1: warning: x: w"


def test_error_sorts_problems():
    error = ArchiveError([Problem("b.yaml", 1, 1, "", "x"), Problem("a.yaml", 2, 1, "", "y")])
    assert [p.path for p in error.problems] == ["a.yaml", "b.yaml"]


def test_display_path(tmp_path):
    assert display_path(tmp_path / "incidents" / "a.yaml", tmp_path) == "incidents/a.yaml"
    assert display_path(Path("/elsewhere/a.yaml"), tmp_path) == "/elsewhere/a.yaml"


def test_summary_counts_errors_warnings_and_files():
    problems = [
        Problem("a.yaml", 1, 1, "title", "missing"),
        Problem("a.yaml", 2, 1, "date", "bad"),
        Problem("b.yaml", 3, 1, "sources", "no copy", severity=Severity.WARNING),
    ]
    assert summary(problems) == "2 errors, 1 warning in 2 files"
    assert summary(problems[:1]) == "1 error, 0 warnings in 1 file"
    assert summary([]) == "0 errors, 0 warnings in 0 files"
