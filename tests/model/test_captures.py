"""Which archive service a capture URL belongs to, and which URLs are not captures at all."""

import pytest

from warcrime_archive.model.captures import ARCHIVE_TODAY, OWN, PERMA, WAYBACK, service


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://web.archive.org/web/20220404120000/https://a.example/1", WAYBACK),
        ("http://web.archive.org/web/2022/https://a.example/1", WAYBACK),
        ("https://web.archive.org/web/20220404120000id_/https://a.example/1?x=1", WAYBACK),
        ("https://archive.ph/AbCd1", ARCHIVE_TODAY),
        ("https://archive.today/2022.04.04-120000/https://a.example/x?y=1", ARCHIVE_TODAY),
        ("https://archive.is/20220404120000/https://a.example/1", ARCHIVE_TODAY),
        ("https://archive.md/xyZ12", ARCHIVE_TODAY),
        ("https://perma.cc/ABCD-1234", PERMA),
        ("https://archive.example.org/captures/1", OWN),
    ],
)
def test_recognised_captures(url, expected):
    assert service(url, ["https://archive.example.org/"]) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://a.example/1",  # the original, not a copy
        "https://web.archive.org/web/*/https://a.example/1",  # a search, not a capture
        "https://web.archive.org/web/20221304/https://a.example/1",  # month 13
        "https://web.archive.org/web/19951201/https://a.example/1",  # before the Wayback Machine
        "https://web.archive.org/https://a.example/1",
        "https://archive.ph/",
        "https://archive.ph/newest/https://a.example/1",
        "https://archive.org.example/AbCd1",
        "https://perma.cc/",
        "https://perma.cc/ABCD",
        "ftp://web.archive.org/web/2022/https://a.example/1",
        "https://archive.example.org/",  # the own archive's front page, not a capture
        "https://archive.example.org.evil.example/x",
    ],
)
def test_not_captures(url):
    assert service(url, ["https://archive.example.org/"]) is None


def test_own_archives_are_only_those_configured():
    assert service("https://archive.example.org/captures/1") is None
