import shutil

import pytest
from repo_paths import MINIMAL

from warcrime_archive.build import build_site
from warcrime_archive.problems import ArchiveError


def test_build_reports_counts(tmp_path):
    result = build_site(MINIMAL, tmp_path / "out")
    assert (result.records, result.pages) == (1, 32)
    # the pages, the stylesheet and two scripts, 7 downloads, the record's JSON, BibTeX and CSL-JSON,
    # the two JSON Schemas, feed.xml, sitemap.xml, robots.txt and SHA256SUMS, and Pagefind's search bundle
    # with the list of its shards (search/shards.js)
    bundle = [p for p in (tmp_path / "out" / "pagefind").rglob("*") if p.is_file()]
    assert len(bundle) == 14
    assert result.files == 32 + 3 + 7 + 3 + 2 + 4 + 14 + 1
    assert sorted(p.name for p in (tmp_path / "out" / "schema").iterdir()) == [
        "archive.schema.json",
        "incident.schema.json",
    ]
    assert [w.message for w in result.warnings] == ["the source has no archived copy"]


def test_strict_build_stops_on_warnings_and_writes_nothing(tmp_path):
    with pytest.raises(ArchiveError) as caught:
        build_site(MINIMAL, tmp_path / "out", strict=True)
    assert [p.message for p in caught.value.problems] == ["the source has no archived copy"]
    assert not (tmp_path / "out").exists()


def test_base_url_override(tmp_path):
    build_site(MINIMAL, tmp_path / "out", base_url="https://mirror.example/archive")
    assert 'href="/archive/static/style.css"' in (tmp_path / "out" / "404.html").read_text()


def test_source_date_epoch_sets_the_time_of_every_built_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = tmp_path / "out"
    build_site(MINIMAL, out)
    times = {p.stat().st_mtime for p in [out, *out.rglob("*")]}
    assert times == {1700000000}


def test_a_malformed_source_date_epoch_is_a_user_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2024-01-01")
    with pytest.raises(ArchiveError) as caught:
        build_site(MINIMAL, tmp_path / "out")
    assert [p.text() for p in caught.value.problems] == [
        "SOURCE_DATE_EPOCH:1:1: '2024-01-01' is not a time in whole seconds since 1970-01-01 UTC "
        "(e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct))"
    ]
    assert not (tmp_path / "out").exists()


def test_build_times_every_stage_in_order(tmp_path):
    result = build_site(MINIMAL, tmp_path / "out")
    assert list(result.timings) == ["load", "catalog", "plan", "render", "write", "search"]
    assert all(seconds >= 0 for seconds in result.timings.values())


def test_build_reports_progress_through_the_callback(tmp_path):
    calls = []
    build_site(MINIMAL, tmp_path / "out", progress=lambda *call: calls.append(call))
    assert calls[:4] == [("load", 0, 0), ("catalog", 0, 0), ("plan", 0, 0), ("render", 0, 32)]
    assert calls[-2:] == [("render", 32, 32), ("search", 0, 0)]


def test_a_page_failing_to_render_midway_leaves_the_previous_site(tmp_path):
    import jinja2

    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    out = tmp_path / "out"
    build_site(root, out)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    (root / "templates").mkdir()
    (root / "templates" / "incident.html").write_text("{{ no_such_variable }}")
    with pytest.raises(jinja2.UndefinedError):
        build_site(root, out)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "out"], "no staging folder is left behind"


def _reaches(start: object, kinds: tuple[type, ...]) -> bool:
    """Whether any object of `kinds` is reachable from `start`, through everything but modules, classes and
    functions' module globals (which reach the whole interpreter)."""
    import gc
    import types

    seen, todo = {id(start)}, [start]
    while todo:
        item = todo.pop()
        if isinstance(item, kinds):
            return True
        if isinstance(item, (types.ModuleType, type)):
            continue
        if isinstance(item, types.FunctionType):
            found = [cell.cell_contents for cell in item.__closure__ or () if cell.cell_contents is not None]
            found += list(item.__defaults__ or ())
        elif isinstance(item, dict) and "__builtins__" in item:
            continue  # a module's globals
        else:
            found = gc.get_referents(item)
        for ref in found:
            if id(ref) not in seen:
                seen.add(id(ref))
                todo.append(ref)
    return False


@pytest.mark.parametrize("incremental", [False, True])
def test_the_environment_lets_go_of_the_archive_when_the_build_ends(tmp_path, monkeypatch, incremental):
    """`serve` builds again and again in one process. A Jinja environment and its extensions refer to each
    other, so the environment outlives the build until a full pass of the cyclic collector, which may come
    much later; what it held of the archive (the catalog in its globals, the kept rows, the fingerprints and
    the models they keep) must not outlive the build with it."""
    from warcrime_archive.catalog.nodes import Catalog
    from warcrime_archive.model.record import Incident
    from warcrime_archive.render import environment as render

    made = []
    make = render.make_environment
    monkeypatch.setattr(render, "make_environment", lambda *args: made.append(make(*args)) or made[-1])
    result = build_site(MINIMAL, tmp_path / "out", cache=tmp_path / "cache" if incremental else None)
    assert result.rendered == result.pages and len(made) == 1
    assert not _reaches(made[0], (Catalog, Incident))
