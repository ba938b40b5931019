"""The editors' pages: the methodology page above the grading scale, and the others by name."""

import shutil

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.free_pages import free_pages, methodology_page
from warcrime_archive.validate.load import load_archive


def test_the_methodology_page_takes_the_editors_text_and_the_others_come_by_name(tmp_path):
    root = shutil.copytree(MINIMAL, tmp_path / "a")
    catalog = build_catalog(load_archive(root).archive)
    plain = methodology_page(catalog)
    assert (plain.title, plain.context["free_page"]) == ("Methodology", None)
    assert plain.context["grade_counts"] == {"verified": 1}
    for name, title in (("methodology", "How we grade"), ("0-first", "First")):
        (root / "pages" / f"{name}.md").write_text(f"---\ntitle: {title}\n---\nText.\n")
    catalog = build_catalog(load_archive(root).archive)
    own = methodology_page(catalog)
    assert (own.title, own.context["free_page"].slug) == ("How we grade", "methodology")
    assert [(p.url, p.title) for p in free_pages(catalog)] == [("0-first/", "First"), ("about/", "About")]
