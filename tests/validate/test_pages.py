"""Free pages validated: their front matter, their Markdown, and the names the site keeps for itself."""

import shutil
from pathlib import Path

from repo_paths import MINIMAL

from warcrime_archive.validate.load import load_archive
from warcrime_archive.validate.pages import free_pages, load_page


def load(tmp_path: Path, text: str, name: str = "about.md"):
    path = tmp_path / name
    path.write_text(text)
    page, problems = load_page(path, f"pages/{name}")
    return page, [p.text() for p in problems]


def test_front_matter_and_body(tmp_path):
    page, problems = load(tmp_path, "---\ntitle: About\ndescription: d\n---\n# Hello\n")
    assert problems == []
    assert (page.slug, page.front.title, page.front.description, page.markdown) == ("about", "About", "d", "# Hello\n")


def test_an_unknown_field_and_a_missing_title_are_reported_in_the_front_matter(tmp_path):
    page, problems = load(tmp_path, "---\ntitel: A\n---\n")
    assert page is None and problems == [
        "pages/about.md:2:1: title: is required",
        "pages/about.md:2:1: titel: unknown field 'titel' (did you mean 'title'?)",
    ]


def test_a_page_that_cannot_be_read_is_reported_as_read(tmp_path):
    page, problems = load(tmp_path, "---\ntitle: A\n")
    assert page is None and problems == ["pages/about.md:1:1: the front matter block is not closed with '---'"]


def test_markdown_too_complex_to_render_is_refused_at_its_line(tmp_path):
    _, problems = load(tmp_path, "---\ntitle: T\n---\nfirst\n\nsecond\n" + "[a]" * 101 + "\n")
    assert problems == [
        "pages/about.md:6:1: a paragraph with more than 100 '[' is more complex Markdown than the build renders "
        "safely (split it or simplify it)"
    ]


def test_reserved_names_are_refused(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    (root / "pages" / "incidents.md").write_text("---\ntitle: X\n---\n")
    assert [p.text() for p in load_archive(root).errors] == [
        "pages/incidents.md:1:1: a page may not be named 'incidents': the site uses that address (rename the file)"
    ]


def test_the_pages_are_taken_in_order_of_their_names_and_an_archive_may_have_none(tmp_path):
    (tmp_path / "pages").mkdir()
    for name in ("b", "a", "c"):
        (tmp_path / "pages" / f"{name}.md").write_text(f"---\ntitle: {name.upper()}\n---\n")
    (tmp_path / "pages" / "notes.txt").write_text("not a page")
    pages, problems = free_pages(tmp_path)
    assert problems == [] and [p.slug for p in pages] == ["a", "b", "c"]
    assert free_pages(tmp_path / "elsewhere") == ([], [])
