"""One record's methodology rules as problems: the summary under a content warning (the grade's rule, known
attribution and coordinates have their cases in tests/data/invalid/)."""

import pytest
from edited_archive import RECORD, archive_with

from warcrime_archive.problems import Severity
from warcrime_archive.validate.load import load_archive
from warcrime_archive.validate.rules import sentences

SUMMARY = "summary: A video appears to show ..."


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("One sentence without a stop", 1),
        ("A video appears to show ...", 1),
        ('He said "Glory to Ukraine". Then he was shot.', 2),
        ("One. Two! Three? Four.", 4),
        ("Shot at 3.15 near the 70th Regiment's base, e.g. a trench.", 1),
    ],
)
def test_sentences_are_counted(text, count):
    assert sentences(text) == count


def test_a_long_summary_under_a_content_warning_is_a_warning(tmp_path):
    long = "summary: A video appears to show a shooting. A man is shot twice. He keeps moving. He is shot again."
    loaded = load_archive(archive_with(tmp_path / "a", {SUMMARY: long}))
    assert loaded.errors == []
    [problem] = [p for p in loaded.warnings if p.field == "summary"]
    assert problem.severity is Severity.WARNING
    assert problem.text() == (
        f"{RECORD}:2:10: warning: summary: the summary has 4 sentences, and the record has a content warning: the "
        "summary is shown before the warning's collapsed parts (say what is alleged in a sentence or two, without "
        "graphic detail; put the details in the narrative or the victims' descriptions)"
    )
    # two sentences are fine, and so is any length without a warning
    two = "summary: A video appears to show a shooting. Ukraine's forces are blamed."
    assert not [p for p in load_archive(archive_with(tmp_path / "b", {SUMMARY: two})).warnings if p.field == "summary"]
    unwarned = archive_with(tmp_path / "c", {SUMMARY: long, "content_warning: Killing.\n": ""})
    assert not [p for p in load_archive(unwarned).warnings if p.field == "summary"]
