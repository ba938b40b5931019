"""Claim-level sourcing checked: the exact messages, and each at its line and column, whatever the YAML style."""

from edited_archive import RECORD, archive_with, error_lines

from warcrime_archive.problems import Severity
from warcrime_archive.validate.load import load_archive

NARRATIVE = 'narrative: "Some *markdown*.\\n\\n<script>alert(1)</script>"'


def test_a_folded_narrative_cites_at_the_line_and_column_of_the_unknown_id(tmp_path):
    root = archive_with(
        tmp_path,
        {NARRATIVE: "narrative: >-\n  First line [@a]\n  folded into one\n  with [@a; @zz] and [@a;\n  @zz].\n"},
    )
    assert error_lines(root) == [
        f"{RECORD}:16:13: narrative: no source of this record has the id 'zz' (cited as [@a; @zz]) "
        "(the record's sources are: a)",
        f"{RECORD}:17:3: narrative: no source of this record has the id 'zz' (cited as [@a; @zz]) "
        "(the record's sources are: a)",
    ]


def test_a_quoted_narrative_and_a_did_you_mean(tmp_path):
    root = archive_with(tmp_path, {NARRATIVE: 'narrative: "One [@a].\\n\\nTwo [@b] and [@aa]."'})
    assert error_lines(root) == [
        f"{RECORD}:13:31: narrative: no source of this record has the id 'b' (cited as [@b]) "
        "(the record's sources are: a)",
        f"{RECORD}:13:40: narrative: no source of this record has the id 'aa' (cited as [@aa]) (did you mean 'a'?)",
    ]


def test_an_archive_migrating_from_format_1_may_warn_instead(tmp_path):
    root = archive_with(tmp_path, {"note: around 30 March, sources: [a]}": "note: around 30 March, sources: []}"})
    (root / "archive.yaml").write_text((root / "archive.yaml").read_text() + "unsourced_claims: warn\n")
    loaded = load_archive(root)
    assert loaded.errors == []
    unsourced = [p for p in loaded.warnings if p.message == "no source given for this claim"]
    assert [(p.field, p.severity) for p in unsourced] == [("date.sources", Severity.WARNING)]
    # an unknown id stays an error
    root = archive_with(
        tmp_path / "b", {"note: around 30 March, sources: [a]}": "note: around 30 March, sources: [x]}"}
    )
    (root / "archive.yaml").write_text((root / "archive.yaml").read_text() + "unsourced_claims: warn\n")
    assert error_lines(root) == [
        f"{RECORD}:4:79: date.sources[0]: no source of this record has the id 'x' (the record's sources are: a)"
    ]
