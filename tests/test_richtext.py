from html.parser import HTMLParser

import pytest

from warcrime_archive.richtext import render_markdown


class Elements(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def test_markdown_is_rendered_and_headings_shifted():
    assert render_markdown("# Title\n\nSome **bold**.") == "<h3>Title</h3>\n<p>Some <strong>bold</strong>.</p>"


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        '<a href="data:text/html,x">x</a>',
        '<p style="color:red">x</p>',
        "<iframe src=//evil></iframe>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_hostile_markup_does_not_survive(payload):
    for tag, attrs in Elements(render_markdown(payload)).found:
        assert tag in {"p", "a"}
        for name, value in attrs:
            assert name in {"href", "rel"}
            assert name != "href" or (value or "").startswith(("http://", "https://"))


def test_links_keep_https():
    assert 'href="https://example.org/"' in render_markdown("[x](https://example.org/)")
