"""A page's kind says whether the sitemap lists it and where its links start from."""

from warcrime_archive.plan.pages import Page, PageKind


def test_the_sitemap_lists_every_kind_but_the_redirects_the_notices_of_withdrawn_records_and_the_404_page():
    assert {kind for kind in PageKind if not kind.in_sitemap} == {
        PageKind.redirect,
        PageKind.withdrawn,
        PageKind.not_found,
    }


def test_only_the_404_pages_links_start_from_the_sites_path():
    assert [kind for kind in PageKind if kind.absolute_links] == [PageKind.not_found]


def test_a_kind_is_the_string_templates_compare_it_with():
    assert PageKind.not_found == "404" and PageKind("incident") is PageKind.incident
    assert f"{PageKind.sides}.html" == "sides.html" and f"kind-{PageKind.not_found}" == "kind-404"


def test_a_page_is_written_to_its_urls_file():
    assert Page(PageKind.incident, "incidents/x/", ("incident.html",), "X").output == "incidents/x/index.html"
    assert Page(PageKind.not_found, "404.html", ("404.html",), "Not found").output == "404.html"
