"""The home page: the records most recently published or reported and the counts by side, grade and year."""

import datetime as dt
from dataclasses import replace

from warcrime_archive.catalog.history import Commit
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan import home
from warcrime_archive.plan.home import home_page
from warcrime_archive.validate.load import load_archive


def test_the_home_page_lists_the_newest_records_and_counts_them(sample_root, monkeypatch):
    catalog = build_catalog(load_archive(sample_root).archive)
    page = home_page(catalog)
    assert (page.url, page.title) == ("", catalog.config.title)
    # without git history, the most recently reported first (not the most recent incident: a video surfaces late)
    assert [e.id for e in page.context["latest"]] == [
        "2024-10-01-pokrovsk-district-sixteen-prisoners-shot",
        "2024-06-robotyne-two-prisoners-shot",
        "2022-12-30-soledar-prisoner-shot",
        "2022-03-30-dmytrivka-wounded-soldier-shot",
    ]
    assert page.context["records"] == len(catalog.entries) == 4
    assert [(n.key, n_as, n_victims) for n, n_as, n_victims in page.context["by_side"]] == [
        (n.key, len(n.entries), len(n.victim_entries)) for n in catalog.sides
    ]
    assert sum(count for _, count in page.context["by_grade"]) == 4
    monkeypatch.setattr(home, "LATEST", 2)
    assert home_page(catalog).context["latest"] == page.context["latest"][:2]


def test_latest_means_most_recently_published_then_reported(sample_root):
    catalog = build_catalog(load_archive(sample_root).archive)
    by_id = {e.id: e for e in catalog.entries}
    dmytrivka = by_id["2022-03-30-dmytrivka-wounded-soldier-shot"]
    # an incident of 2022 first published in the archive later than the others comes first
    later = replace(dmytrivka, history=(Commit("f" * 40, dt.date(2030, 1, 1)),))
    assert home.reported(later)[0] == dt.date(2030, 1, 1)
    assert home.reported(by_id["2024-06-robotyne-two-prisoners-shot"])[:2] == (
        dt.date(2024, 7, 31),
        dt.date(2024, 7, 31),
    )
