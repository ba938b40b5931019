"""A source's fields, and its archived copy in a recognised web archive."""

import pytest
from pydantic import ValidationError

from warcrime_archive.model.sources import Evidence, Source

SOURCE = {"id": "a", "url": "https://a.example/1", "title": "T", "outlet": "O", "type": "news-article"}


def test_archived_url_must_be_a_recognised_capture():
    good = "https://web.archive.org/web/20220404000000/https://a.example/1"
    assert Source.model_validate({**SOURCE, "archived_url": good}).archived_url == good
    with pytest.raises(ValidationError, match="'https://a.example/copy' is not a capture in a recognised web archive"):
        Source.model_validate({**SOURCE, "archived_url": "https://a.example/copy"})


def test_archived_url_in_an_own_archive_needs_the_setting():
    from warcrime_archive.model.config import ArchiveConfig

    settings = {
        "title": "A",
        "base_url": "/",
        "sides": {"a": {"label": "A"}},
        "categories": {"c": {"label": "C"}},
        "victim_statuses": {"unknown": {"label": "Unknown"}},
        "verification": {"verified": {"label": "Verified"}},
    }
    own = "https://archive.example.org/2022/1"
    config = ArchiveConfig.model_validate({**settings, "own_archives": ["https://archive.example.org/"]})
    source = Source.model_validate({**SOURCE, "archived_url": own}, context={"config": config})
    assert source.archived_url == own
    with pytest.raises(ValidationError, match="is not a capture in a recognised web archive"):
        Source.model_validate(
            {**SOURCE, "archived_url": own}, context={"config": ArchiveConfig.model_validate(settings)}
        )


def test_a_source_address_must_be_http():
    with pytest.raises(ValidationError, match="String should match pattern"):
        Source.model_validate({**SOURCE, "url": "ftp://a.example/1"})


def test_evidence_is_proven_by_a_lowercase_sha256():
    assert Evidence.model_validate({"description": "d", "sha256": "a" * 64}).sha256 == "a" * 64
    with pytest.raises(ValidationError):
        Evidence.model_validate({"description": "d", "sha256": "A" * 64})


def test_a_source_has_a_short_id_and_may_be_a_partys_statement():
    from warcrime_archive.model.config import ArchiveConfig

    with pytest.raises(ValidationError, match="Field required"):
        Source.model_validate({k: v for k, v in SOURCE.items() if k != "id"})
    for bad in ("A", "-a", "a_b", "a" * 41):
        with pytest.raises(ValidationError, match="String should match pattern"):
            Source.model_validate({**SOURCE, "id": bad})
    assert Source.model_validate({**SOURCE, "id": "a" * 40}).party is None
    settings = {
        "title": "A",
        "sides": {"ukraine": {"label": "Ukraine"}},
        "categories": {"c": {"label": "C"}},
        "victim_statuses": {"unknown": {"label": "Unknown"}},
        "verification": {"claimed": {"label": "Claimed"}},
    }
    context = {"config": ArchiveConfig.model_validate(settings)}
    assert Source.model_validate({**SOURCE, "party": "ukraine"}, context=context).party == "ukraine"
    with pytest.raises(ValidationError, match="'kremlin' is not one of the sides in archive.yaml"):
        Source.model_validate({**SOURCE, "party": "kremlin"}, context=context)
