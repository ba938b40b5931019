"""The header's links: the site's sections, and About when the editors wrote one."""

import shutil

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.navigation import navigation
from warcrime_archive.validate.load import load_archive


def test_the_header_links_every_section_and_the_about_page_when_there_is_one(tmp_path):
    nav = navigation(build_catalog(load_archive(MINIMAL).archive))
    assert [url for url, _ in nav] == [
        "incidents/", "timeline/", "map/", "explore/", "places/", "sources/", "sides/", "grades/", "data/", "methodology/", "about/",
    ]  # fmt: skip
    root = shutil.copytree(MINIMAL, tmp_path / "a")
    (root / "pages" / "about.md").unlink()
    assert "about/" not in dict(navigation(build_catalog(load_archive(root).archive)))
