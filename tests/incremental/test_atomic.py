"""Cache files are written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from warcrime_archive.incremental import atomic


def test_a_file_is_replaced_whole_or_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "kept.bin"
    atomic.write_atomically(path, b"first")  # the folder is made
    assert path.read_bytes() == b"first"
    with pytest.raises(RuntimeError), atomic.replacing(path) as file:
        file.write(b"half of the second")
        assert path.read_bytes() == b"first"  # nothing seen before the end
        raise RuntimeError("killed while writing")
    assert path.read_bytes() == b"first"
    assert sorted(p.name for p in path.parent.iterdir()) == ["kept.bin"]  # no temporary file left
    atomic.write_atomically(path, b"second")
    assert path.read_bytes() == b"second"


def test_leftovers_of_killed_builds_are_removed(tmp_path: Path) -> None:
    (tmp_path / f"{atomic.PREFIX}abc").write_bytes(b"left by a killed build")
    (tmp_path / "records.pickle").write_bytes(b"kept")
    atomic.remove_leftovers(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.pickle"]
