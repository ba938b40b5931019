"""The incremental build asks the up-to-date stamp once, then builds with the hooks that keep what it can."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from warcrime_archive.incremental import rebuild as incremental
from warcrime_archive.incremental import uptodate
from warcrime_archive.incremental.rebuild import LastBuild, rebuild


def test_the_stamp_is_asked_once_and_not_at_all_when_the_caller_did(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    asked: list[str] = []
    snapshot, current = uptodate.snapshot, uptodate.current
    monkeypatch.setattr(uptodate, "snapshot", lambda *a, **k: asked.append("snapshot") or snapshot(*a, **k))
    monkeypatch.setattr(uptodate, "current", lambda *a, **k: asked.append("current") or current(*a, **k))
    first = rebuild(root, out, cache=cache, history=False)
    assert asked == ["snapshot", "current"] and first.rendered == first.pages
    asked.clear()
    again = rebuild(root, out, cache=cache, history=False)
    assert asked == ["snapshot", "current"] and again.rendered == 0 and again.files == first.files
    asked.clear()
    checked = snapshot(root, out, base_url=None, strict=False, history=False)
    built = rebuild(root, out, cache=cache, history=False, checked=checked)  # found out of date by the caller
    assert asked == [] and built.rendered == 0 and built.timings["load"] > 0  # built, and nothing changed


def test_the_hooks_take_the_fingerprints_before_the_parts(tmp_path: Path) -> None:
    last = LastBuild(tmp_path)
    with pytest.raises(AssertionError, match="the fingerprints come first"):
        last.page_parts(None)
    assert incremental.MANIFEST != incremental.PLAN != incremental.FRAGMENTS
