import shutil
from pathlib import Path

import pytest

from warcrime_archive import pipeline
from warcrime_archive.problems import ArchiveError

MINIMAL = Path(__file__).parent / "data" / "minimal"


def test_build_reports_counts(tmp_path):
    result = pipeline.build(MINIMAL, tmp_path / "out")
    assert (result.records, result.pages) == (1, 29)
    assert result.files == 30  # the pages and the stylesheet
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


def test_build_times_every_stage_in_order(tmp_path):
    result = pipeline.build(MINIMAL, tmp_path / "out")
    assert list(result.timings) == ["load", "catalog", "plan", "render", "write"]
    assert all(seconds >= 0 for seconds in result.timings.values())


def test_build_reports_progress_through_the_callback(tmp_path):
    calls = []
    pipeline.build(MINIMAL, tmp_path / "out", progress=lambda *call: calls.append(call))
    assert calls[:4] == [("load", 0, 0), ("catalog", 0, 0), ("plan", 0, 0), ("render", 0, 29)]
    assert calls[-1] == ("render", 29, 29)


def test_a_page_failing_to_render_midway_leaves_the_previous_site(tmp_path):
    import jinja2

    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    out = tmp_path / "out"
    pipeline.build(root, out)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    (root / "templates").mkdir()
    (root / "templates" / "incident.html").write_text("{{ no_such_variable }}")
    with pytest.raises(jinja2.UndefinedError):
        pipeline.build(root, out)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "out"], "no staging folder is left behind"
