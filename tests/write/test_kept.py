"""The write stage's hooks: by default the staging folder starts empty and every file is made."""

from pathlib import Path

from warcrime_archive.build import build_site
from warcrime_archive.plan.pages import Page
from warcrime_archive.write.kept import Fingerprints, Kept, KeptFiles
from warcrime_archive.write.staging import Staging


def test_by_default_nothing_is_kept_and_every_page_is_made(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the last site")
    keeping = KeptFiles()
    pages = [Page("home", "", ("home.html",), "Home"), Page("page", "about/", ("page.html",), "About")]
    with Staging(out, kept=keeping) as staging:
        assert staging.folder.is_dir() and not any(staging.folder.iterdir())
        assert keeping.wait() == Kept()
        assert staging.to_make(pages, Fingerprints().page) == [(page, None) for page in pages]
        assert not staging.unchanged("index.html", None)
        staging.put("index.html", "the new site")
        staging.commit()
    assert (out / "index.html").read_text() == "the new site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # the last site is gone


def test_a_site_built_twice_with_the_defaults_writes_every_file_anew(minimal_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(minimal_root, out, history=False)
    before = {p: p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    again = build_site(minimal_root, out, history=False)
    assert again.rendered == again.pages
    after = {p: p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    assert after.keys() == before.keys() and all(after[p] != before[p] for p in after)
