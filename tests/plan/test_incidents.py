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


WITHDRAWAL = (
    "status: withdrawn\nwithdrawn: {date: '2024-05-01', reason: It duplicated another record.}\n"
    "aliases: [2022-03-30-zqoldaddresszq]\n"
)


def withdrawn_archive(tmp_path):
    """The minimal archive with a second record, withdrawn (with a former id), beside the first."""
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    text = (root / RECORD).read_text()
    second = text.replace("title: Wounded captured soldier shot near Dmytrivka", "title: Zqwithdrawntitlezq")
    second = second.replace("A video appears to show ...", "Zqwithdrawnsummaryzq").replace("T1", "Zqsourcezq")
    second = second.replace("https://a.example/1", "https://zqsourceurlzq.example/1")
    (root / "incidents" / "2022-03-30-twice.yaml").write_text(second + WITHDRAWAL)
    return root


def test_a_withdrawn_record_is_a_notice_at_its_address_and_on_the_withdrawals_page(tmp_path):
    catalog = build_catalog(load_archive(withdrawn_archive(tmp_path)).archive)
    assert [e.id for e in catalog.entries] == ["2022-03-29-dmytrivka-x"]
    assert [t.id for t in catalog.withdrawn] == ["2022-03-30-twice"]
    pages = plan_site(catalog)
    kinds = {p.url: p.kind for p in pages}
    assert kinds["incidents/2022-03-30-twice/"] == PageKind.withdrawn
    assert kinds["incidents/2022-03-30-zqoldaddresszq/"] == PageKind.redirect
    assert kinds["withdrawals/"] == PageKind.withdrawals
    redirect = next(p for p in redirect_pages(catalog))
    assert redirect.context["target"].url == "incidents/2022-03-30-twice/"
    [listing] = incident_list_pages(catalog)
    assert [e.id for e in listing.context["entries"]] == ["2022-03-29-dmytrivka-x"] and listing.context[
        "withdrawn"
    ] == 1


def test_a_withdrawn_record_is_in_no_list_map_feed_search_or_download_but_the_withdrawals(tmp_path):
    """Its title, summary and sources are nowhere but in its notice, the withdrawals page and withdrawals.csv, and
    the notice's links resolve under a sub-path."""
    import csv
    import gzip
    import io

    from sitecheck import internal_targets

    from warcrime_archive.build import build_site

    root = withdrawn_archive(tmp_path)
    out = tmp_path / "site"
    build_site(root, out, base_url="https://example.org/sub/")
    found = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        data = path.read_bytes()
        while data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        text = data.decode("utf-8", "replace").lower()
        for marker in ("zqwithdrawntitlezq", "zqwithdrawnsummaryzq", "zqsourcezq", "zqsourceurlzq"):
            if marker in text:
                found.setdefault(marker, []).append(path.relative_to(out).as_posix())
    assert found == {
        "zqwithdrawntitlezq": [
            "data/withdrawals.csv",
            "incidents/2022-03-30-twice/index.html",
            "incidents/2022-03-30-zqoldaddresszq/index.html",
            "withdrawals/index.html",
        ]
    }
    notice = out / "incidents" / "2022-03-30-twice" / "index.html"
    html = notice.read_text()
    assert '<h1 id="title">Withdrawn: Zqwithdrawntitlezq</h1>' in html
    assert '<time datetime="2024-05-01">1 May 2024</time>' in html and "It duplicated another record." in html
    assert '<meta name="robots" content="noindex">' in html
    for target in internal_targets(out, notice):  # every link, resolved as a browser would at /sub/
        assert (out / target).is_file() or (out / target / "index.html").is_file(), target
    assert internal_targets(out, notice)  # it has links (to the stylesheet, the withdrawals, the list...)
    rows = list(csv.DictReader(io.StringIO((out / "data" / "withdrawals.csv").read_text("utf-8"), newline="")))
    assert rows == [
        {
            "id": "2022-03-30-twice",
            "title": "Zqwithdrawntitlezq",
            "withdrawn": "2024-05-01",
            "reason": "It duplicated another record.",
            "first_published": "",
        }
    ]
    assert "incidents/2022-03-30-twice/" not in (out / "sitemap.xml").read_text()
    assert "withdrawals/" in (out / "sitemap.xml").read_text()
    assert "1 record was withdrawn" in (out / "incidents" / "index.html").read_text()


def test_a_record_may_not_be_related_to_a_withdrawn_one(tmp_path):
    from warcrime_archive.problems import Severity

    root = withdrawn_archive(tmp_path)
    (root / RECORD).write_text((root / RECORD).read_text() + "related: [2022-03-30-twice]\n")
    problems = [p.text() for p in load_archive(root).problems if p.severity is Severity.ERROR]
    assert problems == [
        f"{RECORD}:16:11: related[0]: the record '2022-03-30-twice' is withdrawn: its address shows only why "
        "(take it out of `related`)"
    ]
