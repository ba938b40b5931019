"""Kept fragments: a row kept by the last build is given back only for the same digest, and never from a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from warcrime_archive.incremental.kept_fragments import KeptFragments


class Digests:
    """Stands for the fingerprints: a fragment's digest is its parts joined (None when they hold None)."""

    def fragment(self, parts: tuple) -> str | None:
        return None if None in parts else "/".join(map(str, parts))


def made(fragments: KeptFragments, parts: tuple, text: str, rendered: list[str]) -> str:
    return fragments.get(parts, parts, lambda: rendered.append(text) or text)


def test_a_fragment_is_kept_for_the_next_build_under_its_digest(tmp_path: Path) -> None:
    path = tmp_path / "fragments.pickle"
    rendered: list[str] = []
    first = KeptFragments(path)
    first.use(Digests())
    assert made(first, ("row", "a"), "<tr>a</tr>", rendered) == "<tr>a</tr>"
    assert made(first, ("row", None), "<tr>?</tr>", rendered) == "<tr>?</tr>"  # no digest: not kept
    first.save(limit=100)
    assert path.is_file() and rendered == ["<tr>a</tr>", "<tr>?</tr>"]

    again = KeptFragments(path)
    again.use(Digests())
    assert made(again, ("row", "a"), "<tr>a, rendered again</tr>", rendered) == "<tr>a</tr>"  # kept
    assert made(again, ("row", None), "<tr>?</tr>", rendered) == "<tr>?</tr>"
    assert made(again, ("row", "b"), "<tr>b</tr>", rendered) == "<tr>b</tr>"
    assert rendered == ["<tr>a</tr>", "<tr>?</tr>", "<tr>?</tr>", "<tr>b</tr>"]
    again.save(limit=1)  # past the limit, only this build's
    last = KeptFragments(path)
    last.use(Digests())
    assert last.stored == {"row/a": "<tr>a</tr>", "row/b": "<tr>b</tr>"}
    last.forget()
    assert (last.stored, last.prints, last.by_key) == ({}, None, {})


def test_what_a_worker_made_is_kept_by_the_build(tmp_path: Path) -> None:
    build, worker = KeptFragments(tmp_path / "f.pickle"), KeptFragments(tmp_path / "f.pickle")
    for fragments in (build, worker):
        fragments.use(Digests())
    made(worker, ("row", "a"), "<tr>a</tr>", [])
    build.merge_new(worker.collect_new())
    assert worker.collect_new() == ({}, set())  # handed back once
    build.save(limit=100)
    again = KeptFragments(tmp_path / "f.pickle")
    again.use(Digests())
    assert again.stored == {"row/a": "<tr>a</tr>"}


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])  # the last: a pickled 1, not a dict
def test_a_damaged_file_is_ignored(damage: bytes, tmp_path: Path) -> None:
    path = tmp_path / "fragments.pickle"
    path.write_bytes(damage)
    fragments = KeptFragments(path)
    fragments.use(Digests())
    assert fragments.stored == {}
