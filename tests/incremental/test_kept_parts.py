"""Kept parts: kept incident parts, place maps and rows are those a clean plan makes, and never trusted stale."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from repo_paths import MINIMAL

from warcrime_archive import i18n, urls
from warcrime_archive.build import build_site
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.incremental import code, kept_parts
from warcrime_archive.incremental.fingerprint import Fingerprinter
from warcrime_archive.incremental.kept_parts import KeptParts
from warcrime_archive.incremental.rebuild import PLAN, rebuild
from warcrime_archive.plan.pages import Page
from warcrime_archive.plan.site import plan_site
from warcrime_archive.publish import downloads, feeds
from warcrime_archive.render.environment import make_environment
from warcrime_archive.validate.load import load_archive

SOLEDAR = "incidents/2022-12-30-soledar-prisoner-shot.yaml"
SOLEDAR_PAGE = "incidents/2022-12-30-soledar-prisoner-shot/index.html"
DMYTRIVKA = "incidents/2022-03-29-dmytrivka-x.yaml"
DMYTRIVKA_PAGE = "incidents/2022-03-29-dmytrivka-x/index.html"


def catalog_of(root: Path) -> Catalog:
    loaded = load_archive(root)
    assert loaded.archive is not None and not loaded.errors, loaded.errors
    return build_catalog(loaded.archive)


Planned = tuple[list[Page], list[str | None], dict[str, str], KeptParts]


def planned(root: Path, catalog: Catalog, path: Path) -> Planned:
    """The pages planned with the plan cache at `path`, their fingerprints, the downloads made with it (then
    the cache is saved) and the cache."""
    with i18n.activated(i18n.load(root, catalog.config.language)):
        env = make_environment(root, catalog)
        prints = Fingerprinter(env, (catalog.config.language, b""))
        kept = KeptParts(path, prints, catalog.config)
        pages = plan_site(catalog, kept)
        files = downloads.archive_files(catalog, kept)
        files[urls.FEED] = feeds.feed(catalog)  # the records' versions
        kept.save()
        return pages, [prints.page(page) for page in pages], files, kept


def plain(root: Path, catalog: Catalog) -> tuple[list[Page], dict[str, str]]:
    with i18n.activated(i18n.load(root, catalog.config.language)):
        return plan_site(catalog), {**downloads.archive_files(catalog), urls.FEED: feeds.feed(catalog)}


def everything(catalog: Catalog) -> int:
    """How many things the plan cache keeps for a catalog: each incident's parts and its rows, each place's map."""
    return 2 * len(catalog.entries) + len(catalog.places_by_url)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_kept_parts_are_those_worked_out_and_give_the_same_fingerprints(sample_root: Path, tmp_path: Path) -> None:
    catalog = catalog_of(sample_root)
    path = tmp_path / "plan.pickle"
    first, first_prints, first_files, cold = planned(sample_root, catalog, path)
    assert cold.worked_out == everything(catalog)
    assert path.read_bytes().startswith(kept_parts.FORMAT)
    fresh = catalog_of(sample_root)
    again, again_prints, again_files, warm = planned(sample_root, fresh, path)
    assert warm.worked_out == 0
    # compared with a plan of other entries: the kept versions are those the feed of `fresh` took
    assert (again, again_files) == (first, first_files) == plain(sample_root, catalog_of(sample_root))
    assert again_prints == first_prints and None not in first_prints
    incident = next(p for p in again if p.kind == "incident")
    assert incident.context["locator"].markers and incident.context["json_ld"].startswith("{")


def test_a_map_with_an_unplaced_record_gets_the_current_entry_back(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    (root / "incidents").mkdir(parents=True)
    (root / "archive.yaml").write_bytes((MINIMAL / "archive.yaml").read_bytes())
    text = (MINIMAL / DMYTRIVKA).read_text("utf-8")
    # Bouvet Island: a country with no outline on the base map, as in test_maps
    text = text.replace(
        "location: {place: Dmytrivka, admin2: Bucha Raion, admin1: Kyiv Oblast, country: UA, precision: near, "
        "also_known_as: [Dmitrovka], sources: [a]}",
        "location: {admin1: Bouvet Island, country: BV, precision: region, sources: [a]}",
    )
    assert "Bouvet" in text
    (root / DMYTRIVKA).write_text(text, "utf-8")
    catalog = catalog_of(root)
    path = tmp_path / "plan.pickle"
    planned(root, catalog, path)
    fresh = catalog_of(root)
    pages, _, _, warm = planned(root, fresh, path)
    assert warm.worked_out == 0
    [incident] = [p for p in pages if p.kind == "incident"]
    assert incident.context["locator"].unplaced == (fresh.entries[0],)
    assert incident.context["locator"].unplaced[0] is fresh.entries[0]
    assert any(p.kind == "place" and p.context["place_map"].unplaced == (fresh.entries[0],) for p in pages)
    assert pages == plain(root, fresh)[0]


def _junk_under_every_key(path: Path) -> None:
    raw = path.read_bytes()
    header = raw[: raw.index(b"\n", len(kept_parts.FORMAT)) + 1]
    kept = pickle.loads(raw[len(header) :])
    path.write_bytes(header + pickle.dumps(dict.fromkeys(kept, ("junk", {}))))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "missing": lambda path: path.unlink(),
    "not a pickle": lambda path: path.write_bytes(b"not a pickle at all"),
    "cut short": lambda path: path.write_bytes(path.read_bytes()[:-100]),
    "another format": lambda path: path.write_bytes(
        path.read_bytes().replace(kept_parts.FORMAT, b"warcrime-archive plan cache 0\n", 1)
    ),
    "junk under the right keys": _junk_under_every_key,
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_missing_damaged_or_foreign_cache_is_ignored(damage: str, sample_root: Path, tmp_path: Path) -> None:
    catalog = catalog_of(sample_root)
    path = tmp_path / "plan.pickle"
    first = planned(sample_root, catalog, path)
    DAMAGE[damage](path)
    again = planned(sample_root, catalog, path)
    assert again[3].worked_out == everything(catalog)
    assert again[:3] == first[:3]


def test_another_code_version_is_not_trusted(
    sample_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = catalog_of(sample_root)
    path = tmp_path / "plan.pickle"
    planned(sample_root, catalog, path)
    monkeypatch.setattr(code, "version", lambda: "another version")  # the code, its data (the base map), a library
    assert planned(sample_root, catalog, path)[3].worked_out == everything(catalog)


def _edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def _coordinates(root: Path) -> None:
    """The minimal record placed exactly (at the coordinates of test_maps's variants)."""
    _edit(root, DMYTRIVKA, "precision: near,", "precision: exact, coordinates: {lat: 50.43, lon: 30.07},")


# Each edit changes only what a kept part is made from: (archive, incident page, edit before, edit, base_url after)
CACHED_INPUTS: dict[str, tuple[str, str, Callable[[Path], None] | None, Callable[[Path], None], str | None]] = {
    # the citation, the JSON-LD's URLs
    "base_url": ("sample", SOLEDAR_PAGE, None, lambda root: None, "https://example.org/another-archive/"),
    # the citation and the JSON-LD name the archive
    "title": ("sample", SOLEDAR_PAGE, None, lambda root: _edit(root, "archive.yaml", "title: ", "title: New - "), None),
    # the JSON-LD's place, the locator map
    "place": (
        "sample",
        SOLEDAR_PAGE,
        None,
        lambda root: _edit(root, SOLEDAR, "admin1: Donetsk", "admin1: Luhansk"),
        None,
    ),
    # the locator map's point
    "coordinates": (
        "minimal",
        DMYTRIVKA_PAGE,
        _coordinates,
        lambda root: _edit(root, DMYTRIVKA, "lat: 50.43", "lat: 50.6"),
        None,
    ),
}


@pytest.mark.parametrize("change", CACHED_INPUTS)
def test_an_edit_of_what_a_kept_part_is_made_from_changes_the_page(
    change: str, sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    archive, page, before, edit, base_url = CACHED_INPUTS[change]
    root = copy_archive(sample_root if archive == "sample" else MINIMAL)
    if before is not None:
        before(root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    assert (cache / PLAN).is_file()
    old = (out / page).read_bytes()
    edit(root)
    again = rebuild(root, out, history=False, cache=cache, base_url=base_url)
    assert again.rendered > 0
    assert (out / page).read_bytes() != old
    clean = tmp_path / "clean"
    build_site(root, clean, history=False, base_url=base_url)
    built, wanted = tree(out), tree(clean)
    assert sorted(built) == sorted(wanted)
    assert [name for name in built if built[name] != wanted[name]] == []


def test_a_damaged_cache_in_a_build_gives_the_clean_site(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    (cache / PLAN).write_bytes(kept_parts.FORMAT + b"\x80garbage")
    _edit(root, SOLEDAR, "title: Ukrainian prisoner of war shot", "title: A prisoner of war shot")
    rebuild(root, out, history=False, cache=cache)
    assert (cache / PLAN).read_bytes().startswith(kept_parts.FORMAT)
    build_site(root, tmp_path / "clean", history=False)
    assert tree(out) == tree(tmp_path / "clean")
