"""The home page: the newest records and the counts by side, grade and year."""

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan import home
from warcrime_archive.plan.home import home_page
from warcrime_archive.validate.load import load_archive


def test_the_home_page_lists_the_newest_records_and_counts_them(sample_root, monkeypatch):
    catalog = build_catalog(load_archive(sample_root).archive)
    page = home_page(catalog)
    assert (page.url, page.title) == ("", catalog.config.title)
    assert page.context["latest"] == catalog.entries and page.context["records"] == len(catalog.entries) == 4
    assert [(n.key, n_as, n_victims) for n, n_as, n_victims in page.context["by_side"]] == [
        (n.key, len(n.entries), len(n.victim_entries)) for n in catalog.sides
    ]
    assert sum(count for _, count in page.context["by_grade"]) == 4
    monkeypatch.setattr(home, "LATEST", 2)
    assert home_page(catalog).context["latest"] == catalog.entries[:2]
