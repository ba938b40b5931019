"""The first two stages as `validate` runs them, and `build` before it builds: they can never disagree."""

from __future__ import annotations

from pathlib import Path

from warcrime_archive.problems import ArchiveError
from warcrime_archive.validate.load import Loaded, load_archive
from warcrime_archive.validate.record_store import RecordStores
from warcrime_archive.validate.revisions import changed_since


def check(root: Path, *, strict: bool = False, since: str | None = None, records: RecordStores | None = None) -> Loaded:
    """The first two stages, as `validate` runs them; raises ArchiveError when the archive fails.

    With `since` (a git revision), records are also compared with their versions there. `records` opens the
    store each record file's result comes from (`validate.record_store`; by default each is worked out).
    """
    loaded = load_archive(root, records)
    if since is not None and loaded.archive is not None:
        loaded = Loaded(loaded.archive, sorted(set(loaded.problems + changed_since(loaded.archive, since))))
    if loaded.errors or (strict and loaded.warnings):
        raise ArchiveError(loaded.problems)
    return loaded
