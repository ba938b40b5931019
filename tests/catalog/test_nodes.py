"""The catalog's nodes: an entry's dates from its history, and the order of every list."""

import datetime as dt

from repo_paths import MINIMAL

from warcrime_archive.catalog.history import Commit
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.catalog.nodes import newest_first
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def test_an_entry_is_first_published_at_its_oldest_commit_and_updated_at_its_newest():
    archive = load_archive(MINIMAL).archive
    newer, older = Commit("b" * 40, dt.date(2024, 5, 2)), Commit("a" * 40, dt.date(2024, 5, 1))
    entry = build_catalog(archive, {RECORD: (newer, older)}).entries[0]
    assert (entry.first_published, entry.last_updated) == (older, newer)
    plain = build_catalog(archive).entries[0]
    assert plain.history == () and plain.first_published is None and plain.last_updated is None


def test_newest_first_by_date_then_id_or_by_a_given_rank(sample_root):
    entries = build_catalog(load_archive(sample_root).archive).entries
    backwards = list(reversed(entries))
    assert newest_first(backwards) == entries
    assert entries[0].incident.date.sort_key() >= entries[-1].incident.date.sort_key()
    rank = {e.id: n for n, e in enumerate(backwards)}
    assert newest_first(list(entries), rank) == tuple(backwards)
