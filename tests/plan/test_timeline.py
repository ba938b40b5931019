"""The timeline: known days as points, windows as spans, no two marks overlapping, each linked."""

import re
import shutil
from pathlib import Path

import yaml
from repo_paths import MINIMAL

from warcrime_archive.build import build_site
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan import timeline
from warcrime_archive.validate.load import load_archive

RECORD = MINIMAL / "incidents" / "2022-03-29-dmytrivka-x.yaml"

DATES = {
    "a-day": "2022-12-30",
    "b-month": "2022-06",
    "c-window": {"from": "2022-03-29", "to": "2022-03-30"},
    "d-approx": {"at": "2023-08-02", "approximate": True},
    "e-year": "2023",
}


def archive_with(tmp_path: Path, dates: dict) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    base = yaml.safe_load(RECORD.read_text())
    (root / "incidents" / RECORD.name).unlink()
    for record_id, date in dates.items():
        dated = {"at": date} if isinstance(date, str) else date
        record = {**base, "date": {**dated, "sources": ["a"]}, "title": f"Incident {record_id}", "first_reported": None}
        (root / "incidents" / f"{record_id}.yaml").write_text(yaml.safe_dump(record))
    return root


def entries_of(root: Path):
    loaded = load_archive(root)
    assert not loaded.errors, loaded.errors
    return build_catalog(loaded.archive).entries


def test_days_are_points_and_everything_else_a_span(tmp_path):
    line = timeline.build(entries_of(archive_with(tmp_path, DATES)))
    marks = {m.entry.id: m for m in line.marks}
    assert {k: m.kind for k, m in marks.items()} == {
        "a-day": "point",
        "b-month": "span",
        "c-window": "span",
        "d-approx": "point",
        "e-year": "span",
    }
    assert [m.entry.id for m in line.marks] == ["c-window", "b-month", "a-day", "e-year", "d-approx"]  # oldest first
    assert marks["e-year"].width > 10 * marks["b-month"].width > 0
    assert marks["c-window"].width == timeline.MIN_SPAN  # two days would be invisible; drawn at the minimum
    assert (line.first.isoformat(), line.last.isoformat()) == ("2022-03-01", "2023-12-31")


def test_marks_are_placed_in_time_order_along_the_axis(tmp_path):
    line = timeline.build(entries_of(archive_with(tmp_path, DATES)))
    xs = [m.x for m in line.marks]
    assert xs == sorted(xs) and xs[0] >= timeline.LEFT and xs[-1] <= timeline.WIDTH
    ticks = [t.iso for t in line.ticks]
    assert ticks[0] == "2022-03" and len(ticks) <= 12


def test_no_mark_or_label_overlaps_another_in_its_lane(tmp_path):
    dates = {f"r{i:02d}": f"2022-03-{i + 1:02d}" for i in range(20)}
    line = timeline.build(entries_of(archive_with(tmp_path, dates)))
    lanes: dict[float, list[tuple[float, float]]] = {}
    for m in line.marks:
        width = len(m.label) * timeline.CHAR_WIDTH + 8
        span = (m.label_x - width, m.x2) if m.label_end else (m.x, m.label_x + width)
        lanes.setdefault(m.y, []).append(span)
    for spans in lanes.values():
        spans.sort()
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert len(lanes) > 1 and line.height == timeline.AXIS + timeline.LANE * len(lanes) + 8


def test_many_records_are_packed_without_labels(tmp_path):
    dates = {f"r{i:03d}": f"2022-{i % 12 + 1:02d}-{i % 28 + 1:02d}" for i in range(timeline.LABEL_LIMIT + 1)}
    line = timeline.build(entries_of(archive_with(tmp_path, dates)))
    assert all(m.label == "" for m in line.marks)
    assert len({m.y for m in line.marks}) < 20


def test_date_kind_words(tmp_path):
    kinds = {e.id: timeline.date_kind(e) for e in entries_of(archive_with(tmp_path, DATES))}
    assert kinds == {
        "a-day": "known day",
        "b-month": "window of 30 days",
        "c-window": "window of 2 days",
        "d-approx": "known day",
        "e-year": "window of 365 days",
    }


def test_no_records_no_timeline():
    assert timeline.build([]) is None


def test_timeline_page_draws_each_record_with_a_link_and_a_table(tmp_path):
    out = tmp_path / "site"
    build_site(archive_with(tmp_path, DATES), out)
    html = (out / "timeline" / "index.html").read_text()
    assert 'role="group" aria-label="Timeline of 5 incidents, March 2022 to December 2023"' in html
    for record_id in DATES:
        assert len(re.findall(rf'<a href="../incidents/{record_id}/" aria-label=', html)) == 1  # the mark
        assert f'<th scope="row"><a href="../incidents/{record_id}/">' in html  # the table row
    assert html.count("<circle ") == 2 and html.count("<rect ") == 3
    assert 'class="point approximate"' in html
    assert '<a href="./" aria-current="page">Timeline</a>' in html
