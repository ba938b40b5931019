import hashlib
import os
import shutil
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup
from repo_paths import MINIMAL, REPO

from warcrime_archive.build import build_site
from warcrime_archive.layout import default_dir
from warcrime_archive.render.environment import template_dirs
from warcrime_archive.validate.check import check

INCIDENT = "incidents/2022-03-29-dmytrivka-x/index.html"


def test_defaults_are_found():
    assert (default_dir("templates") / "base.html").is_file()
    assert (default_dir("static") / "style.css").is_file()


def test_an_archive_template_overrides_the_default_by_name(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    (root / "templates").mkdir()
    (root / "templates" / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<p>Our own 404</p>{% endblock %}'
    )
    assert template_dirs(root) == [root / "templates", default_dir("templates")]
    build_site(root, tmp_path / "out")
    assert "<p>Our own 404</p>" in (tmp_path / "out" / "404.html").read_text()
    assert "Alleged perpetrator side" in (tmp_path / "out" / INCIDENT).read_text()


def test_an_archive_stylesheet_overrides_the_default(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    (root / "static").mkdir()
    (root / "static" / "style.css").write_text("body { color: green; }")
    build_site(root, tmp_path / "out")
    assert (tmp_path / "out" / "static" / "style.css").read_text() == "body { color: green; }"


def test_an_undefined_variable_fails_the_build(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    (root / "templates").mkdir()
    (root / "templates" / "404.html").write_text("{{ no_such_thing }}")
    with pytest.raises(jinja2.UndefinedError):
        build_site(root, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_values_are_escaped(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    record = root / "incidents" / "2022-03-29-dmytrivka-x.yaml"
    record.write_text(record.read_text().replace("title: Wounded", 'title: "<script>alert(1)</script> Wounded'))
    record.write_text(record.read_text().replace("Dmytrivka\n", 'Dmytrivka"\n', 1))
    build_site(root, tmp_path / "out")
    html = (tmp_path / "out" / INCIDENT).read_text()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_withheld_evidence_shows_hash_date_custodian_and_how_to_verify_but_never_the_file(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    with (root / "archive.yaml").open("a") as config:
        config.write("encryption: {repository_is_private: true}\n")  # the private values in plaintext
    record = root / "incidents" / "2022-03-29-dmytrivka-x.yaml"
    digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    record.write_text(
        record.read_text()
        + "evidence:\n"
        + f'  - {{description: Original video file, sha256: "{digest}", captured: "2022-04-04", '
        + "custodian: archive team, file: /vault/SECRET-EVIDENCE.mp4}\n"
        + "  - {description: A second copy}\n"
    )
    build_site(root, tmp_path / "out")
    page = (tmp_path / "out" / INCIDENT).read_text()
    assert '<h2 id="h-evidence">Withheld evidence</h2>' in page
    assert (
        f'<li>Original video file. SHA-256: <code class="hash">{digest}</code>. Captured: 4 April 2022. '
        "Custodian: archive team.</li>"
    ) in page
    assert "<li>A second copy. SHA-256: not yet computed. Captured: unknown. Custodian: unknown.</li>" in page
    assert "run <code>sha256sum FILE</code> and compare" in page
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file() and path.suffix not in (".png", ".jpg", ".woff2"):
            assert b"SECRET-EVIDENCE" not in path.read_bytes(), path
            assert b"/vault/" not in path.read_bytes(), path


def test_parallel_rendering_gives_the_same_pages_in_the_same_order(sample_root):
    from warcrime_archive.catalog.indexes import build_catalog
    from warcrime_archive.plan.site import plan_site
    from warcrime_archive.render.environment import make_environment, render_all

    archive = check(sample_root).archive
    catalog = build_catalog(archive)
    pages = plan_site(catalog)
    env = make_environment(sample_root, catalog)
    done: list[int] = []
    parallel = render_all(env, pages, done.append, jobs=2)
    serial = render_all(make_environment(sample_root, catalog), pages, jobs=1)
    assert list(parallel.items()) == list(serial.items())
    assert done[-1] == len(pages) and done == sorted(done)


def test_rendering_in_this_process_keeps_no_page_once_done(sample_root):
    """The links of the page being rendered are kept by the module between calls of `url()`; once the pages
    are done it must not keep the last one, whose context may reach every record (a list page), past the
    build. A process that builds again and again (`serve`) would otherwise hold it until the next build."""
    from warcrime_archive.catalog.indexes import build_catalog
    from warcrime_archive.plan.site import plan_site
    from warcrime_archive.render import environment as render

    catalog = build_catalog(check(sample_root).archive)
    pages = [page for page in plan_site(catalog) if page.kind == "incidents"]
    assert len(pages) == 1 and len(pages[0].context["entries"]) == len(catalog.entries) > 1
    for _ in render.render_pages(render.make_environment(sample_root, catalog), pages, jobs=1):
        assert render._links[0] is pages[0]  # while the page is used
    assert render._links[0] is None


@pytest.mark.parametrize("jobs", [1, 2])
def test_with_a_store_each_page_goes_to_it_where_it_was_rendered_and_its_result_comes_back(sample_root, jobs):
    from warcrime_archive.catalog.indexes import build_catalog
    from warcrime_archive.plan.site import plan_site
    from warcrime_archive.render.environment import make_environment, render_all, render_pages

    archive = check(sample_root).archive
    catalog = build_catalog(archive)
    pages = plan_site(catalog)
    expected = render_all(make_environment(sample_root, catalog), pages, jobs=1)
    here = os.getpid()

    def store(n: int, output: str, html: str) -> tuple:
        return (n, output, hashlib.sha256(html.encode()).hexdigest(), os.getpid())

    got = list(render_pages(make_environment(sample_root, catalog), pages, jobs=jobs, store=store))
    assert [output for output, _ in got] == list(expected)
    assert [result[:3] for _, result in got] == [
        (n, output, hashlib.sha256(html.encode()).hexdigest()) for n, (output, html) in enumerate(expected.items())
    ]
    processes = {result[3] for _, result in got}
    assert processes == {here} if jobs == 1 else here not in processes  # written by the workers


def test_the_incident_and_source_pages_name_the_web_archive_that_holds_each_copy(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    config = root / "archive.yaml"
    config.write_text(config.read_text() + "own_archives: ['https://files.example.org/captures/']\n")
    record = root / "incidents" / "2022-03-29-dmytrivka-x.yaml"
    copies = {
        "https://a.example/1": "https://web.archive.org/web/20220404120000/https://a.example/1",
        "https://a.example/2": "https://archive.ph/AbCd1",
        "https://a.example/3": "https://perma.cc/AB12-CD34",
        "https://a.example/4": "https://files.example.org/captures/4.warc",
    }
    sources = "".join(
        f"  - {{url: '{url}', title: T{n}, outlet: O{n}, type: news-article, archived_url: '{copy}'}}\n"
        for n, (url, copy) in enumerate(copies.items(), 1)
    )
    text = record.read_text()
    start = text.index("sources:\n") + len("sources:\n")
    record.write_text(text[:start] + sources + text[text.index("narrative:") :])
    build_site(root, tmp_path / "out")
    incident = (tmp_path / "out" / INCIDENT).read_text()
    names = ["Wayback Machine", "archive.today", "perma.cc", "own archive"]
    for copy, name in zip(copies.values(), names, strict=True):
        assert f'<a href="{copy}" rel="nofollow noopener noreferrer">Archived copy ({name})</a>' in incident
    pages = sorted((tmp_path / "out" / "sources").glob("*/index.html"))
    shown = {}
    for page in pages:
        html = page.read_text()
        for copy, name in zip(copies.values(), names, strict=True):
            if f'<a href="{copy}" rel="nofollow noopener noreferrer">{copy}</a> ({name})</dd>' in html:
                shown[copy] = name
    assert shown == dict(zip(copies.values(), names, strict=True))


def test_rows_rendered_once_equal_rows_rendered_on_every_page(sample_root):
    """`once` renders an incident's row once and puts in each page's links: the pages must not change."""
    from warcrime_archive.catalog.indexes import build_catalog
    from warcrime_archive.plan.site import plan_site
    from warcrime_archive.render.environment import make_environment, render_all

    catalog = build_catalog(check(sample_root).archive)
    pages = plan_site(catalog)
    every_time = make_environment(sample_root, catalog)
    calls: list[tuple] = []

    def render_each_time(kind, items, rows=None, *, caller):
        done = []
        for item in items:
            args = item if isinstance(item, tuple) else (item,)
            first = args[0]
            calls.append((kind, first.id if hasattr(first, "id") else first.entry.id))  # (kind, the incident's id)
            done.append(str(caller(*args)))
        return Markup("".join(done))

    every_time.globals["once_each"] = render_each_time
    expected = render_all(every_time, pages, jobs=1)
    assert len(calls) > len(set(calls)) > 0  # rows are repeated across lists, so the cache has work to do
    assert render_all(make_environment(sample_root, catalog), pages, jobs=1) == expected
    assert render_all(make_environment(sample_root, catalog), pages, jobs=2) == expected
    sides = [path for path in expected if path.startswith("sides/") and path.count("/") == 2]
    assert sides and all('href="../../incidents/' in expected[path] for path in sides)


def _catalog_with_markup(root: Path) -> None:
    """A catalog for the archive at `root` ('xx') whose every message is its English wrapped in characters
    that escaping changes (`<`, `&`, `'`) and a literal percent sign, placeholders kept."""
    from babel.messages.pofile import read_po, write_po

    pot = REPO / "src" / "warcrime_archive" / "locales" / "messages.pot"
    with pot.open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        if message.id:
            forms = message.id if isinstance(message.id, tuple) else (message.id,)
            marked = tuple(f"<b>&'{form}' 100%%</b>" for form in forms)
            message.string = marked if isinstance(message.id, tuple) else marked[0]
    path = root / "locales" / "xx" / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as f:
        write_po(f, catalog)
    config = root / "archive.yaml"
    config.write_text(config.read_text("utf-8").replace("language: en\n", "language: xx\n"), "utf-8")


@pytest.mark.parametrize("language", ["en", "xx"])
def test_messages_translated_when_a_template_is_compiled_render_as_gettext_at_every_page(
    sample_root, tmp_path, monkeypatch, language
):
    """Literal messages (`_("...")`) are translated once, when a template is compiled (`_MessagesFolded`):
    every page of the sample archive must be the same as with Jinja's gettext called at each render, in
    English and in a language whose messages hold characters that escaping changes."""
    from warcrime_archive import i18n
    from warcrime_archive.catalog.indexes import build_catalog
    from warcrime_archive.plan.site import plan_site
    from warcrime_archive.render import environment as render

    root = tmp_path / "archive"
    shutil.copytree(sample_root, root, ignore=shutil.ignore_patterns("build", ".build.cache", ".git"))
    if language == "xx":
        _catalog_with_markup(root)
    catalog = build_catalog(check(root).archive)
    calls: list[str] = []
    counted = i18n.gettext

    def counting(message: str) -> str:
        calls.append(message)
        return counted(message)

    def rendered() -> tuple[dict[str, str], int]:
        calls.clear()
        with i18n.activated(i18n.load(root, catalog.config.language)):
            env = render.make_environment(root, catalog)
            env.install_gettext_callables(counting, i18n.ngettext, newstyle=True)
            monkeypatch.setattr(i18n, "gettext", counting)
            try:
                return render.render_all(env, plan_site(catalog), jobs=1), len(calls)
            finally:
                monkeypatch.setattr(i18n, "gettext", counted)

    folded, folded_calls = rendered()
    monkeypatch.setattr(render._MessagesFolded, "visit_Call", jinja2.visitor.NodeTransformer.generic_visit)
    expected, expected_calls = rendered()
    assert folded == expected
    assert folded_calls < expected_calls / 2  # most messages no longer call gettext at render time
    if language == "xx":  # a translator's message is trusted markup, and "%%" stands for "%"
        incidents = [html for path, html in folded.items() if path.startswith("incidents/") and path.count("/") == 2]
        assert incidents and all("<dt><b>&'Alleged perpetrator side' 100%</b></dt>" in html for html in incidents)
