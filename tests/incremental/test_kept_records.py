"""Kept records: a load that reuses them gives exactly what a load without them gives, and skips unchanged files."""

from __future__ import annotations

import gc
import os
import pickle
import shutil
import weakref
from pathlib import Path

import pytest

from tests.test_invalid_corpus import CASES, CORPUS, assemble
from warcrime_archive.build import build_site
from warcrime_archive.incremental import kept_records as kept
from warcrime_archive.incremental.kept_records import kept_records
from warcrime_archive.incremental.rebuild import rebuild
from warcrime_archive.read.yaml_reader import MAX_FILE_BYTES
from warcrime_archive.validate import load as validate
from warcrime_archive.validate.load import load_archive


def _refuse(*args: object) -> None:
    raise AssertionError("a cached file was read and validated again")


_read_record = validate._read_record


def _only_too_large(raw: bytes, *args: object) -> kept.Result:
    """Files over the size limit are never cached (their message gives their whole size): only they are read."""
    assert len(raw) > MAX_FILE_BYTES, "a cached file was read and validated again"
    return _read_record(raw, *args)


def test_the_sample_archive_loads_the_same_cold_warm_and_without_cache(
    sample_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    plain = load_archive(sample_root)
    assert plain.archive is not None and plain.archive.records
    assert load_archive(sample_root, kept_records(cache)) == plain
    assert (cache / kept.BASE).is_file()
    monkeypatch.setattr(validate, "_read_record", _refuse)
    warm = load_archive(sample_root, kept_records(cache))
    assert warm == plain
    assert [p.text() for p in warm.problems] == [p.text() for p in plain.problems]


@pytest.mark.parametrize("name", CASES)
def test_every_invalid_case_gives_the_same_problems_from_the_cache(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = assemble(CORPUS / name, tmp_path / "archive")
    cache = tmp_path / "cache"
    plain = load_archive(root)
    assert plain.problems
    assert load_archive(root, kept_records(cache)) == plain
    monkeypatch.setattr(validate, "_read_record", _only_too_large)
    warm = load_archive(root, kept_records(cache))
    assert warm == plain
    assert [p.text() for p in warm.problems] == [p.text() for p in plain.problems]


@pytest.fixture(params=["hashed", "trusted by their times"])
def margin(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Files just written are hashed again on each load; with no margin their times are trusted at once."""
    if request.param != "hashed":
        monkeypatch.setattr(kept, "MARGIN_NS", 0)
    return str(request.param)


def _same(root: Path, cache: Path) -> validate.Loaded:
    plain = load_archive(root)
    cached = load_archive(root, kept_records(cache))
    assert cached == plain
    assert [p.text() for p in cached.problems] == [p.text() for p in plain.problems]
    return cached


def test_edits_are_seen_and_give_what_a_load_without_cache_gives(margin: str, copy_archive, sample_root, tmp_path):
    root = copy_archive(sample_root)
    cache = tmp_path / "cache"
    first = _same(root, cache)
    assert first.archive is not None
    record = first.archive.records[0]
    path = root / record.path
    text = path.read_text("utf-8")
    title = record.incident.title

    path.write_text(text.replace(f"title: {title}", "title: Another title", 1), "utf-8")
    edited = _same(root, cache)
    assert edited.archive is not None
    assert edited.archive.records[0].incident.title == "Another title"

    path.write_text(text.replace("\ndate:", "\ndate: [", 1), "utf-8")
    broken = _same(root, cache)
    assert broken.archive is None
    assert any(p.path == record.path and "YAML syntax error" in p.message for p in broken.errors)

    path.write_text(text, "utf-8")
    assert _same(root, cache) == first

    path.unlink()
    deleted = _same(root, cache)
    assert deleted.archive is not None
    assert record.id not in {r.id for r in deleted.archive.records}

    path.write_text(text, "utf-8")
    renamed = path.with_name("a-renamed-record.yaml")
    path.rename(renamed)
    moved = _same(root, cache)
    assert moved.archive is not None
    assert "a-renamed-record" in {r.id for r in moved.archive.records}
    assert record.id not in {r.id for r in moved.archive.records}


def test_a_change_that_keeps_size_and_mtime_is_still_seen(copy_archive, sample_root, tmp_path, monkeypatch):
    monkeypatch.setattr(kept, "MARGIN_NS", 0)
    root = copy_archive(sample_root)
    cache = tmp_path / "cache"
    first = _same(root, cache)
    assert first.archive is not None
    record = first.archive.records[0]
    path = root / record.path
    before = path.stat()
    text = path.read_text("utf-8")
    changed = text.replace(f"title: {record.incident.title}", f"title: {record.incident.title[::-1]}", 1)
    assert changed != text and len(changed) == len(text)
    path.write_text(changed, "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a careless tool might; ctime still moves
    assert path.stat().st_mtime_ns == before.st_mtime_ns and path.stat().st_size == before.st_size
    again = _same(root, cache)
    assert again.archive is not None
    assert again.archive.records[0].incident.title == record.incident.title[::-1]


def test_unchanged_files_are_not_read_when_their_times_are_trusted(sample_root, tmp_path, monkeypatch):
    monkeypatch.setattr(kept, "MARGIN_NS", 0)
    cache = tmp_path / "cache"
    plain = load_archive(sample_root)
    assert load_archive(sample_root, kept_records(cache)) == plain
    written = [(p.name, p.stat().st_mtime_ns, p.stat().st_ino) for p in sorted(cache.iterdir())]
    monkeypatch.setattr(kept, "read_limited", _refuse)
    monkeypatch.setattr(validate, "_read_record", _refuse)
    assert load_archive(sample_root, kept_records(cache)) == plain
    # and a load that found nothing changed writes nothing
    assert [(p.name, p.stat().st_mtime_ns, p.stat().st_ino) for p in sorted(cache.iterdir())] == written


def test_settings_and_today_are_part_of_the_key(copy_archive, sample_root, tmp_path, monkeypatch):
    root = copy_archive(sample_root)
    cache = tmp_path / "cache"
    first = _same(root, cache)
    assert first.archive is not None
    category = first.archive.records[0].incident.category
    settings = root / "archive.yaml"
    text = settings.read_text("utf-8")
    assert f"\n  {category}:" in text
    settings.write_text(text.replace(f"\n  {category}:", "\n  renamed-category:", 1), "utf-8")
    renamed = _same(root, cache)
    assert any("is not one of the categories in archive.yaml" in p.message for p in renamed.errors)
    settings.write_text(text, "utf-8")
    assert _same(root, cache) == first

    monkeypatch.setenv("WARCRIME_ARCHIVE_TODAY", "2000-01-01")
    past = _same(root, cache)
    assert any("is in the future" in p.message for p in past.errors)


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not a cache at all",
        kept.FORMAT,
        b"warcrime-archive record cache 0\n" + b"0" * 32 + b"\n" + pickle.dumps({}),
    ],
)
def test_a_damaged_or_foreign_cache_is_ignored(damage: bytes, sample_root, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / kept.BASE).write_bytes(damage)
    _same(sample_root, cache)
    _same(sample_root, cache)


def test_a_truncated_or_altered_cache_is_ignored(sample_root, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    _same(sample_root, cache)
    whole = (cache / kept.BASE).read_bytes()
    header = whole[: whole.index(b"\n", len(kept.FORMAT)) + 1]
    for damaged in (
        whole[: len(whole) // 2],
        header + pickle.dumps(["a list"]),
        header + pickle.dumps({"id": "x", "reference": 0, "stats": {}, "entries": {b"k": "not an entry"}}),
    ):
        (cache / kept.BASE).write_bytes(damaged)
        _same(sample_root, cache)


def test_an_entry_that_is_not_an_entry_is_read_again(sample_root, tmp_path, monkeypatch):
    monkeypatch.setattr(kept, "MARGIN_NS", 0)
    cache = tmp_path / "cache"
    _same(sample_root, cache)
    base = cache / kept.BASE
    whole = base.read_bytes()
    header = whole[: whole.index(b"\n", len(kept.FORMAT)) + 1]
    data = pickle.loads(whole[len(header) :])
    data["entries"] = {key: ("not", "an", "entry") for key in data["entries"]}
    base.write_bytes(header + pickle.dumps(data))
    _same(sample_root, cache)
    stats = data["stats"]
    for odd in (5, (1, 2, 3), (None, None), ("a", "b"), "same stat, no hash"):
        data["stats"] = {
            shown: (stat, "x") if odd == "same stat, no hash" else odd for shown, (stat, _) in stats.items()
        }
        base.write_bytes(header + pickle.dumps(data))
        (cache / kept.DELTA).unlink(missing_ok=True)
        _same(sample_root, cache)


def test_an_unwritable_cache_folder_only_costs_speed(sample_root, tmp_path):
    cache = tmp_path / "a-file"
    cache.write_text("in the way", "utf-8")
    _same(sample_root, cache)
    assert cache.read_text("utf-8") == "in the way"


def test_a_build_killed_while_writing_the_cache_leaves_the_old_one(copy_archive, sample_root, tmp_path, monkeypatch):
    root = copy_archive(sample_root)
    cache = tmp_path / "cache"
    first = _same(root, cache)
    assert first.archive is not None
    before = sorted((p.name, p.read_bytes()) for p in cache.iterdir())
    path = root / first.archive.records[0].path
    path.write_text(path.read_text("utf-8") + "\n# an edit\n", "utf-8")

    def killed(*args: object, **kw: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(kept.pickle, "dump", killed)
        load_archive(root, kept_records(cache))
    assert sorted((p.name, p.read_bytes()) for p in cache.iterdir()) == before  # no temporary file left behind
    (cache / ".tmp-left-by-a-killed-build").write_bytes(b"half a cache")  # as SIGKILL would leave it
    _same(root, cache)
    assert sorted(p.name for p in cache.iterdir()) == [kept.DELTA, kept.BASE]


def test_small_changes_go_to_the_delta_and_many_are_folded_into_the_base(copy_archive, minimal_root, tmp_path):
    root = copy_archive(minimal_root)
    template = next((root / "incidents").rglob("*.yaml"))
    for i in range(80):
        shutil.copy(template, template.with_name(f"copy-{i:03}.yaml"))
    cache = tmp_path / "cache"
    _same(root, cache)
    base_id = (cache / kept.BASE).read_bytes()
    assert not (cache / kept.DELTA).exists()
    copies = sorted((root / "incidents").glob("copy-*.yaml"))
    copies[0].write_text(copies[0].read_text("utf-8") + "# one edit\n", "utf-8")
    _same(root, cache)
    assert (cache / kept.DELTA).is_file()
    assert (cache / kept.BASE).read_bytes() == base_id
    for copy in copies:
        copy.write_text(copy.read_text("utf-8") + "# many edits\n", "utf-8")
    _same(root, cache)
    assert not (cache / kept.DELTA).exists()
    assert (cache / kept.BASE).read_bytes() != base_id
    _same(root, cache)


def test_a_build_with_the_cache_writes_the_same_site(sample_root, tmp_path):
    plain = build_site(sample_root, tmp_path / "plain", history=False)
    cold = rebuild(sample_root, tmp_path / "cold", history=False, cache=tmp_path / "cache")
    warm = rebuild(sample_root, tmp_path / "warm", history=False, cache=tmp_path / "cache")
    assert (plain.pages, plain.files, plain.records) == (cold.pages, cold.files, cold.records)
    assert (plain.pages, plain.files, plain.records) == (warm.pages, warm.files, warm.records)
    for site in ("cold", "warm"):
        built = {p.relative_to(tmp_path / site): p.read_bytes() for p in (tmp_path / site).rglob("*") if p.is_file()}
        expected = {
            p.relative_to(tmp_path / "plain"): p.read_bytes() for p in (tmp_path / "plain").rglob("*") if p.is_file()
        }
        assert built == expected


def test_what_a_load_sets_aside_from_the_collector_is_given_back_when_its_result_is_freed(sample_root, tmp_path):
    class Cycle:
        me: object

    kept = Cycle()
    kept.me = kept
    gone = weakref.ref(kept)
    loaded = load_archive(sample_root, kept_records(tmp_path / "cache"))
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    del kept
    gc.collect()
    assert gone() is not None  # set aside: the collector does not see it
    del loaded
    gc.collect()
    assert gone() is None
