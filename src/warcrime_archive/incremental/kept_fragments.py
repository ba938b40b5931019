"""Kept fragments: the rows `once` renders (the lists', the timeline's, the map's), kept from one build to the next.

The render stage's fragment store (`render.once.Fragments`) for the incremental build. A fragment is kept under
a digest of everything it is made from (`Fingerprinter.fragment`: the values of its key, an entry by everything
in it, every template, the settings, language and code), so a kept fragment is the one its template would render
now. Forked render workers hand back what they made and used (`collect_new`), so that the build can keep it.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

from warcrime_archive.incremental import atomic
from warcrime_archive.incremental.fingerprint import Fingerprinter
from warcrime_archive.render.once import Fragments


def _read(path: Path) -> dict[str, str]:
    """The fragments a previous build kept at `path`, or none."""
    try:
        with open(path, "rb") as file:
            stored = pickle.load(file)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
        return {}
    return stored if isinstance(stored, dict) else {}


class KeptFragments(Fragments):
    """The fragments of one build: those kept by the last build, or rendered; then `save`."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.prints: Fingerprinter | None = None
        self.stored: dict[str, str] = {}  # by digest, kept by the last build
        self.made: dict[str, str] = {}  # by digest, rendered in this build
        self.used: set[str] = set()  # the digests this build asked for

    def use(self, prints: Fingerprinter) -> None:
        """Start keeping fragments by their digests (the fingerprints are made with the environment), and read
        those the last build kept."""
        self.prints, self.stored = prints, _read(self.path)

    def make(self, parts: tuple, render: Callable[[], str]) -> str:
        digest = self.prints.fragment(parts) if self.prints is not None else None
        if digest is None:
            return render()
        self.used.add(digest)
        fragment = self.stored.get(digest) or self.made.get(digest)
        if fragment is None:
            fragment = self.made[digest] = render()
        return fragment

    def collect_new(self) -> tuple[dict[str, str], set[str]]:
        """What this process made and used since it last handed them back."""
        made: dict[str, str] = self.made
        used: set[str] = self.used
        self.made, self.used = {}, set()
        return made, used

    def merge_new(self, new: object) -> None:
        assert isinstance(new, tuple), "what `collect_new` gave in a render worker"
        new_made: dict[str, str] = new[0]
        new_used: set[str] = new[1]
        self.made.update(new_made)
        self.used |= new_used

    def forget(self) -> None:
        """Let go of every fragment and of the fingerprints (which keep every record's model): the build is over."""
        super().forget()
        self.made.clear()
        self.used.clear()
        self.prints, self.stored = None, {}

    def save(self, limit: int) -> None:
        """Keep the fragments for the next build: all known, or past `limit` of them only this build's."""
        kept = {**self.stored, **self.made}
        if len(kept) > limit:
            kept = {digest: kept[digest] for digest in sorted(self.used) if digest in kept}
        if kept == self.stored:
            return
        with atomic.replacing(self.path) as file:
            pickle.dump(kept, file, protocol=pickle.HIGHEST_PROTOCOL)
