"""Lists cut into numbered pages: the first at the list's address, each page with its slice and where it is."""

from warcrime_archive.plan.paging import Pager, paged_title, paginate


def test_a_list_is_cut_into_pages_the_first_at_its_own_address():
    pages = paginate("sides/a/", list(range(250)))
    assert [url for url, _, _ in pages] == ["sides/a/", "sides/a/page/2/", "sides/a/page/3/"]
    assert [list(items)[:2] for _, items, _ in pages] == [[0, 1], [100, 101], [200, 201]]
    last = pages[-1][2]
    assert (last.number, last.count, last.total, last.first, last.last) == (3, 3, 250, 201, 250)
    assert (last.prev_url, last.next_url) == ("sides/a/page/2/", None)
    assert (pages[0][2].prev_url, pages[0][2].next_url) == (None, "sides/a/page/2/")
    assert pages[1][2].prev_url == "sides/a/"  # the first page at the list's own address


def test_an_empty_or_short_list_has_one_page():
    [(url, items, pager)] = paginate("incidents/", [])
    assert (url, list(items), pager.count, pager.first, pager.last) == ("incidents/", [], 1, 0, 0)
    [(url, items, pager)] = paginate("incidents/", [1, 2], per_page=2)
    assert (pager.count, pager.prev_url, pager.next_url) == (1, None, None)


def test_the_pager_links_the_first_the_last_and_the_pages_around_the_current_one():
    def numbers(number: int, count: int) -> list[int | None]:
        return Pager("x/", number, count, count * 100, 1, 100).numbers

    assert numbers(1, 1) == [1]
    assert numbers(1, 5) == [1, 2, 3, 4, 5]
    assert numbers(5, 10) == [1, 2, 3, 4, 5, 6, 7, None, 10]  # one number left out is linked, not elided
    assert numbers(1, 500) == [1, 2, 3, None, 500]
    assert numbers(250, 500) == [1, None, 248, 249, 250, 251, 252, None, 500]


def test_every_page_but_the_first_has_its_number_in_its_title():
    pages = paginate("incidents/", list(range(150)))
    assert [paged_title("All incidents", pager) for _, _, pager in pages] == [
        "All incidents",
        "All incidents, page 2 of 2",
    ]
