"""The sample site against its golden copy in tests/golden/sample/.

After an intended change, regenerate it and review the diff:
    python3 -m pytest tests/test_golden.py --regen-golden && git diff tests/golden
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from repo_paths import GOLDEN

GOLDEN = GOLDEN / "sample"


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file, Pagefind's search bundle (pagefind/) included: the build is byte-for-byte reproducible."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_sample_site_matches_the_golden_copy(sample_site: Path, request: pytest.FixtureRequest):
    if request.config.getoption("--regen-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(sample_site, GOLDEN)
    built, golden = files_of(sample_site), files_of(GOLDEN)
    assert sorted(built) == sorted(golden), "pages added or removed: run pytest --regen-golden and review the diff"
    for name, content in built.items():
        if content != golden[name]:
            diff = "".join(
                list(
                    difflib.unified_diff(
                        golden[name].decode("utf-8", "replace").splitlines(True),
                        content.decode("utf-8", "replace").splitlines(True),
                        f"golden/{name}",
                        f"built/{name}",
                    )
                )[:60]
            )
            pytest.fail(f"{name} differs from its golden copy (regenerate with --regen-golden if intended):\n{diff}")
