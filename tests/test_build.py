import shutil
from pathlib import Path

import pytest
from repo_paths import MINIMAL, REPO

from warcrime_archive.build import build_site
from warcrime_archive.incremental.rebuild import rebuild
from warcrime_archive.problems import ArchiveError


def test_build_reports_counts(tmp_path):
    result = build_site(MINIMAL, tmp_path / "out")
    assert (result.records, result.pages) == (1, 36)
    # the pages, the stylesheet, three scripts and the 11 vendored files of Leaflet and its clustering, 9 downloads,
    # the record's JSON, BibTeX and CSL-JSON, the two JSON Schemas, feed.xml, sitemap.xml, robots.txt and SHA256SUMS,
    # Pagefind's search bundle with the list of its shards (search/shards.js), and the explore view's summary, one
    # chunk of records and base map
    bundle = [p for p in (tmp_path / "out" / "pagefind").rglob("*") if p.is_file()]
    assert len(bundle) == 14
    assert result.files == 36 + 15 + 9 + 3 + 2 + 4 + 14 + 1 + 3
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
    assert calls[:4] == [("load", 0, 0), ("catalog", 0, 0), ("plan", 0, 0), ("render", 0, 36)]
    assert calls[-2:] == [("render", 36, 36), ("search", 0, 0)]


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
    monkeypatch.setattr(render, "make_environment", lambda *a, **k: made.append(make(*a, **k)) or made[-1])
    if incremental:
        result = rebuild(MINIMAL, tmp_path / "out", cache=tmp_path / "cache")
    else:
        result = build_site(MINIMAL, tmp_path / "out")
    assert result.rendered == result.pages and len(made) == 1
    assert not _reaches(made[0], (Catalog, Incident))


PACKAGE = REPO / "src" / "warcrime_archive"


def _imported(module: Path) -> set[str]:
    """Every module `module` imports, by its full name (relative imports resolved)."""
    import ast

    package = module.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(module.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            name = ".".join(part for part in (base, node.module or "") if part)
            found.add(name)
            found |= {f"{name}.{alias.name}" for alias in node.names}
    return found


def test_no_stage_imports_the_incremental_build():
    """The incremental build is a wing that only the composition roots (the command line, the commands) plug in:
    deleting it changes the speed of a build, never its output."""
    roots = {
        *(PACKAGE / "cli").glob("*.py"),
        *(PACKAGE / "commands").glob("*.py"),
        *(PACKAGE / "incremental").glob("*.py"),
    }
    importing = sorted(
        module.relative_to(PACKAGE).as_posix()
        for module in PACKAGE.rglob("*.py")
        if module not in roots
        and any(name.split(".")[:2] == ["warcrime_archive", "incremental"] for name in _imported(module))
    )
    assert importing == []
    assert "warcrime_archive.incremental.rebuild.rebuild" in _imported(PACKAGE / "cli" / "building.py")  # (it can fail)


def test_the_default_hooks_and_the_incremental_build_make_the_same_site(sample_root, copy_archive, tmp_path):
    """`build_site` with its default hooks (no record store, no kept files, fragments or parts, no fingerprints)
    against the incremental build, cold and after an edit: the same bytes."""
    root = copy_archive(sample_root)

    def tree(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    for step in ("cold", "edited"):
        if step == "edited":
            record = root / "incidents" / "2022-12-30-soledar-prisoner-shot.yaml"
            text = record.read_text("utf-8").replace("title: Ukrainian prisoner", "title: A prisoner", 1)
            record.write_text(text, "utf-8")
        incremental = rebuild(root, tmp_path / "incremental", cache=tmp_path / "cache", history=False)
        plain = build_site(root, tmp_path / step, history=False)
        assert (incremental.rendered < plain.rendered) is (step == "edited")
        assert tree(tmp_path / "incremental") == tree(tmp_path / step)
