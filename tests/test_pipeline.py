import shutil
from pathlib import Path

import pytest

from warcrime_archive import pipeline
from warcrime_archive.problems import ArchiveError

MINIMAL = Path(__file__).parent / "data" / "minimal"


def test_build_reports_counts(tmp_path):
    result = pipeline.build(MINIMAL, tmp_path / "out")
    assert (result.records, result.pages) == (1, 29)
    assert result.files == 32  # the pages, the stylesheet and the two JSON Schemas
    assert sorted(p.name for p in (tmp_path / "out" / "schema").iterdir()) == [
        "archive.schema.json",
        "incident.schema.json",
    ]
    assert [w.message for w in result.warnings] == ["the source has no archived copy"]


def test_strict_build_stops_on_warnings_and_writes_nothing(tmp_path):
    with pytest.raises(ArchiveError) as caught:
        pipeline.build(MINIMAL, tmp_path / "out", strict=True)
    assert [p.message for p in caught.value.problems] == ["the source has no archived copy"]
    assert not (tmp_path / "out").exists()


def test_base_url_override(tmp_path):
    pipeline.build(MINIMAL, tmp_path / "out", base_url="https://mirror.example/archive")
    assert 'href="/archive/static/style.css"' in (tmp_path / "out" / "404.html").read_text()


def test_check_is_the_same_first_two_stages(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    record = root / "incidents" / "2022-03-29-dmytrivka-x.yaml"
    record.write_text(record.read_text().replace("harm: killed", "harm: kiled"))
    with pytest.raises(ArchiveError) as from_check:
        pipeline.check(root)
    with pytest.raises(ArchiveError) as from_build:
        pipeline.build(root, tmp_path / "out")
    assert from_check.value.problems == from_build.value.problems
