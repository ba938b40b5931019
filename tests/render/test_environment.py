import shutil
from pathlib import Path

import jinja2
import pytest
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
        f"  - {{id: {'a' if n == 1 else f's{n}'}, url: '{url}', title: T{n}, outlet: O{n}, type: news-article, "
        f"archived_url: '{copy}'}}\n"
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


@pytest.mark.slow
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
    from warcrime_archive.render.pages import render_pages

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
                return dict(render_pages(env, plan_site(catalog), jobs=1)), len(calls)
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
