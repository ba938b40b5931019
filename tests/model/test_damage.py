"""Harm without victims: the statement that no casualties are reported, and the objects damaged."""

import pytest
from pydantic import ValidationError

from warcrime_archive.model.config import OBJECT_KINDS, ArchiveConfig
from warcrime_archive.model.damage import Casualties, Damage


def test_no_casualties_is_a_statement_with_its_sources_not_a_count():
    assert Casualties(reported="none", sources=["a"]).sources == ["a"]
    with pytest.raises(ValidationError, match="Input should be 'none'"):
        Casualties(reported="0")  # type: ignore[arg-type]  # a count is not what the field holds


def test_a_damaged_object_is_of_a_kind_of_the_archive():
    config = ArchiveConfig.model_validate(
        {
            "title": "t",
            "base_url": "/",
            "sides": {"a": {"label": "A"}},
            "categories": {"c": {"label": "C"}},
            "victim_statuses": {"u": {"label": "U"}},
            "verification": {"v": {"label": "V"}},
        }
    )
    assert list(config.object_kinds) == list(OBJECT_KINDS)
    assert Damage.model_validate({"kind": "hospital"}, context={"config": config}).kind == "hospital"
    with pytest.raises(ValidationError, match="'clinic' is not one of the object kinds"):
        Damage.model_validate({"kind": "clinic"}, context={"config": config})
