"""Where the tests find the repository and their data, wherever a test module sits in tests/."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
"""The repository: the sample archive, the default templates and static files, docs/, bench/."""
TESTS = REPO / "tests"
DATA = TESTS / "data"
"""Small archives for the tests: minimal/, hostile/, private/ and the invalid-input corpus."""
MINIMAL = DATA / "minimal"
FORMAT1 = DATA / "format1"
"""Archives in record format 1, as they were before the upgrade to format 2 (`warcrime-archive upgrade`)."""
GOLDEN = TESTS / "golden"
