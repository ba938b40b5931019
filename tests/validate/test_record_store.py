"""The default record store works every result out: the load with it is the load as it always was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from warcrime_archive.validate import record_store
from warcrime_archive.validate.load import load_archive
from warcrime_archive.validate.record_store import RecordStore, Result


def test_a_load_asks_the_store_for_every_record_file_and_takes_its_answer(sample_root: Path) -> None:
    asked: list[str] = []
    opened: list[tuple] = []
    saved: list[int] = []

    class Counting(RecordStore):
        def result(self, path, shown, compute) -> Result:
            asked.append(shown)
            return super().result(path, shown, compute)

        def save(self) -> None:
            saved.append(len(asked))

    def opening(config, today, keys):
        opened.append((config.title, today, keys))
        return Counting()

    plain = load_archive(sample_root)
    assert plain.archive is not None
    assert load_archive(sample_root, opening) == plain
    assert opened == [(plain.archive.config.title, dt.date(2026, 11, 22), b"")]  # no keys given
    assert sorted(asked) == sorted(r.path for r in plain.archive.records) and saved == [len(asked)]
    assert isinstance(record_store.work_out(None, dt.date.today(), b""), RecordStore)
