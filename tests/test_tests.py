"""The test suite mirrors the source: one test module per source module."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_every_source_module_has_a_test_module():
    modules = sorted(
        p.stem
        for p in (REPO / "src" / "warcrime_archive").glob("*.py")
        if not p.stem.startswith("_") or p.stem == "__main__"
    )
    missing = [m for m in modules if not (REPO / "tests" / f"test_{m.strip('_')}.py").is_file()]
    assert missing == []
