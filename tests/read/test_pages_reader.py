from pathlib import Path

import pytest

from warcrime_archive.read.pages_reader import read_page


def read(tmp_path: Path, text: str, name: str = "about.md"):
    path = tmp_path / name
    path.write_text(text)
    page, problems = read_page(path, f"pages/{name}")
    return page, [p.text() for p in problems]


def test_front_matter_and_body(tmp_path):
    page, problems = read(tmp_path, "---\ntitle: About\ndescription: d\n---\n# Hello\n")
    assert problems == []
    assert (page.slug, page.front.data, page.markdown, page.body_line) == (
        "about",
        {"title": "About", "description": "d"},
        "# Hello\n",
        5,
    )
    # the front matter's values are where they are in the file
    assert page.front.problem(("description",), "x").text() == "pages/about.md:3:14: description: x"


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "# no front matter\n",
            "pages/about.md:1:1: a page starts with a front matter block: '---', 'title: ...', '---'",
        ),
        ("---\ntitle: A\n", "pages/about.md:1:1: the front matter block is not closed with '---'"),
        (
            "---\ntitle: A\ntitle: B\n---\n",
            "pages/about.md:3:1: duplicate key 'title' (first given at line 2; "
            "YAML would silently keep only the last one)",
        ),
    ],
)
def test_problems(tmp_path, text, message):
    page, problems = read(tmp_path, text)
    assert page is None and problems == (message if isinstance(message, list) else [message])


def test_a_bidirectional_override_in_the_body_is_refused(tmp_path):
    _, problems = read(tmp_path, "---\ntitle: About\n---\nSee the file \u202egpj.exe\n")
    assert problems == [
        "pages/about.md:4:14: an invisible bidirectional control character (U+202E) can make text read "
        "differently from what it is (delete it; right-to-left text needs no control characters)"
    ]


def test_a_page_over_the_size_limit_is_refused_with_its_size(tmp_path):
    _, problems = read(tmp_path, "---\ntitle: About\n---\n" + "x" * 1_000_000)
    assert problems == [
        "pages/about.md:1:1: the file is 1,000,021 bytes, more than the limit of 1,000,000 bytes "
        "(split it or move long material out of the record)"
    ]
