"""Shared fixtures: the repository's sample archive, small test archives, and a site builder; the `browser`
marker, put on every test that starts Chromium or the Nu Html Checker."""

from __future__ import annotations

import inspect
import shutil
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from many_records import many_records
from repo_paths import DATA, REPO

from warcrime_archive.build import build_site
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.validate.load import load_archive


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", help="Rewrite tests/golden/ from the current build.")


BROWSER_NAMES = {"chromium", "VNU"}
"""What a browser test refers to: tests/browser.py's `chromium()`, or the Nu Html Checker's jar (run by Java)."""


def _names(code: types.CodeType) -> set[str]:
    """The global, imported and attribute names that `code` and the functions defined in it refer to."""
    names = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            names |= _names(constant)
    return names


def _starts_a_browser(item: pytest.Item) -> bool:
    """Whether the test, or a fixture it uses (a module's `served` page, say), refers to a browser's name."""
    functions = [getattr(item, "function", None)]
    fixtures = getattr(item, "_fixtureinfo", None)
    if fixtures is not None:
        functions += [definition.func for defs in fixtures.name2fixturedefs.values() for definition in defs]
    codes = [getattr(inspect.unwrap(f), "__code__", None) for f in functions if f is not None]
    return any(BROWSER_NAMES & _names(code) for code in codes if code is not None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the browser tests, so that `-m "not browser"` leaves them out (docs/maintaining.md, "Development")."""
    for item in items:
        if _starts_a_browser(item):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """'In the future' is judged against a fixed day, so the tests give the same result every day."""
    monkeypatch.setenv("WARCRIME_ARCHIVE_TODAY", "2026-11-22")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")


@pytest.fixture(autouse=True)
def _no_editor_key(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads the key of whoever runs the tests (or CI's): a test that needs one makes it."""
    monkeypatch.delenv("WARCRIME_ARCHIVE_AGE_KEY", raising=False)
    monkeypatch.delenv("WARCRIME_ARCHIVE_AGE_KEY_FILE", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "no-config"))


@pytest.fixture
def sample_root() -> Path:
    """The sample archive at the top of the repository (read-only: copy it before changing it)."""
    return REPO


@pytest.fixture
def copy_archive(tmp_path: Path) -> Callable[[Path], Path]:
    """Copy an archive (its settings, records and pages) into a temporary folder to change it."""

    def copy(source: Path) -> Path:
        target = tmp_path / "archive"
        target.mkdir()
        shutil.copy(source / "archive.yaml", target / "archive.yaml")
        # The repository's own templates/ and static/ are the defaults, not an archive's overrides.
        names = ("incidents", "pages") if source == REPO else ("incidents", "pages", "templates", "static")
        for name in names:
            if (source / name).is_dir():
                shutil.copytree(source / name, target / name)
        return target

    return copy


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample archive built once for the whole test session (read-only)."""
    import os

    os.environ.setdefault("WARCRIME_ARCHIVE_TODAY", "2026-11-22")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795305600")
    out = tmp_path_factory.mktemp("sample") / "site"
    # Without git history: the golden copy must not depend on this repository's commits.
    build_site(REPO, out, history=False)
    return out


@pytest.fixture
def minimal_root() -> Path:
    return DATA / "minimal"


@pytest.fixture
def many_catalog(tmp_path: Path) -> Callable[..., Catalog]:
    """The catalog of an archive of many records (`many_records.many_records`)."""

    def make(n: int, **options: bool) -> Catalog:
        root = many_records(tmp_path / f"many-{n}", n, **options)
        loaded = load_archive(root)
        assert loaded.archive is not None, loaded.errors
        return build_catalog(loaded.archive)

    return make
