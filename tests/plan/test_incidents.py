"""The incident list, the incident pages and the redirects of former ids."""

import shutil

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.incidents import incident_list_pages, incident_pages, redirect_pages
from warcrime_archive.plan.pages import PageKind
from warcrime_archive.plan.site import plan_site
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def test_aliases_become_redirects(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    record = root / "incidents" / "2022-03-29-dmytrivka-x.yaml"
    record.write_text(record.read_text() + "aliases: [2022-03-30-dmytrivka]\n")
    pages = plan_site(build_catalog(load_archive(root).archive))
    redirect = [p for p in pages if p.kind == "redirect"]
    assert [p.url for p in redirect] == ["incidents/2022-03-30-dmytrivka/"]


def test_an_incident_page_holds_its_own_parts_and_links_to_its_files_and_the_records_citing_it(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    text = (root / RECORD).read_text()
    (root / "incidents" / "2022-03-01-earlier.yaml").write_text(
        text.replace("2022-03-29", "2022-03-01") + "related: [2022-03-29-dmytrivka-x]\n"
    )
    catalog = build_catalog(load_archive(root).archive)
    pages = incident_pages(catalog, lambda entry: {"version": f"v-{entry.id}"})
    assert [(p.kind, p.url) for p in pages] == [(PageKind.incident, e.url) for e in catalog.entries]
    page = next(p for p in pages if p.url == "incidents/2022-03-29-dmytrivka-x/")
    assert page.context["version"] == "v-2022-03-29-dmytrivka-x"
    assert [e.id for e in page.context["cited_by"]] == ["2022-03-01-earlier"]
    assert [link.name for link in page.context["breadcrumbs"]] == ["Ukraine", "Kyiv Oblast", "Dmytrivka"]
    assert page.context["record_files"]["record.bib"] == "incidents/2022-03-29-dmytrivka-x/record.bib"
    assert redirect_pages(catalog) == []
    [listed] = incident_list_pages(catalog)
    assert listed.context["entries"] == catalog.entries and listed.context["pager"].total == 2


def test_the_incident_list_is_in_pages_of_a_hundred_newest_first(many_catalog):
    catalog = many_catalog(250)
    pages = incident_list_pages(catalog)
    assert [p.url for p in pages] == ["incidents/", "incidents/page/2/", "incidents/page/3/"]
    assert [len(p.context["entries"]) for p in pages] == [100, 100, 50]
    assert pages[0].context["entries"][0].incident.title == "Incident number 250"
    assert [(p.context["pager"].first, p.context["pager"].last) for p in pages] == [(1, 100), (101, 200), (201, 250)]
