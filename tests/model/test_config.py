import pytest
from pydantic import ValidationError

from warcrime_archive.model.config import ArchiveConfig

BASE = {
    "title": "A",
    "sides": {"a": {"label": "A"}},
    "categories": {"c": {"label": "C"}},
    "victim_statuses": {"unknown": {"label": "Unknown"}},
    "verification": {"verified": {"label": "Verified"}},
}


def test_base_url_gets_a_trailing_slash():
    assert ArchiveConfig.model_validate({**BASE, "base_url": "https://example.org/archive"}).base_url == (
        "https://example.org/archive/"
    )


@pytest.mark.parametrize(
    "base_url",
    [
        "ftp://example.org/",
        "example.org/archive/",
        "javascript:alert(1)",
        "//evil.example/",
        "/\\evil.example/",
        "https://example.org/\n",
        "/a b/",
    ],
)
def test_bad_base_url(base_url):
    with pytest.raises(ValidationError, match="base_url must be an http"):
        ArchiveConfig.model_validate({**BASE, "base_url": base_url})


def test_vocabulary_keys_are_lowercase_words():
    with pytest.raises(ValidationError, match="should match pattern"):
        ArchiveConfig.model_validate({**BASE, "sides": {"Side A": {"label": "A"}}})


def test_every_field_has_a_description():
    for name, field in ArchiveConfig.model_fields.items():
        assert field.description, name


def test_own_archives_are_http_addresses_ending_in_a_slash():
    config = ArchiveConfig.model_validate({**BASE, "base_url": "/", "own_archives": ["https://archive.example.org"]})
    assert config.own_archives == ["https://archive.example.org/"]
    with pytest.raises(ValidationError, match=r"'archive.example.org' is not an http\(s\) address"):
        ArchiveConfig.model_validate({**BASE, "base_url": "/", "own_archives": ["archive.example.org"]})
