"""Sources merged across records by URL, and the outlets that published them."""

import shutil

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.catalog.sources import sources_of
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"
SOURCE = '  - {id: a, url: "https://a.example/1", title: T1, outlet: O1, published: "2022-04", type: news-article}\n'


def test_a_url_is_one_source_however_many_records_and_times_cite_it(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    text = (root / RECORD).read_text()
    assert SOURCE in text
    second = SOURCE.replace("a.example/2", "").replace("a.example/1", "a.example/2").replace("O1", "o1")
    other = text.replace(SOURCE, SOURCE + second.replace("id: a,", "id: b,"))
    (root / "incidents" / "2022-03-01-other.yaml").write_text(other.replace("2022-03-29", "2022-03-01"))
    (root / RECORD).write_text(text.replace(SOURCE, SOURCE + SOURCE.replace("id: a,", "id: a2,")))  # cited twice
    catalog = build_catalog(load_archive(root).archive)
    first, second = catalog.sources_by_url["https://a.example/1"], catalog.sources_by_url["https://a.example/2"]
    assert catalog.sources == (first, second)  # by outlet, title and URL
    assert first.url.startswith("sources/t1-") and first.url != second.url
    assert [e.id for e in first.entries] == ["2022-03-29-dmytrivka-x", "2022-03-01-other"]
    assert [e.id for e in second.entries] == ["2022-03-01-other"]
    # 'O1' and 'o1' make the same slug: the second gets a short hash of its name
    assert [(o.name, o.url) for o in catalog.outlets] == [("O1", "outlets/o1/"), ("o1", "outlets/o1-2352da/")]
    assert second.outlet_url == "outlets/o1-2352da/"
    entry = catalog.entry("2022-03-29-dmytrivka-x")
    assert sources_of(catalog, entry) == (first, first)
