"""Who: alleged perpetrators and groups of victims, their counts in words."""

import pytest
from pydantic import ValidationError

from warcrime_archive.model.people import AllegedPerpetrator, CountRange, VictimGroup


def test_counts():
    def group(count):
        return VictimGroup.model_validate({"status": "unknown", "harm": "killed", "count": count})

    assert group(3).count_words() == "3"
    assert group({"min": 2, "max": 5}).count_words() == "2 to 5"
    assert group(None).count_words() == "unknown number"
    with pytest.raises(ValidationError):
        group(True)


def test_a_range_whose_min_is_over_its_max_is_an_error_at_min():
    with pytest.raises(ValidationError, match=r"min \(5\) is greater than max \(2\)"):
        CountRange.model_validate({"min": 5, "max": 2})


def test_a_count_of_zero_asks_for_null():
    with pytest.raises(ValidationError, match=r"a count must be at least 1 \(write null when unknown\)"):
        VictimGroup.model_validate({"status": "unknown", "harm": "killed", "count": 0})


def test_an_allegation_is_suspected_unless_said_otherwise():
    assert AllegedPerpetrator.model_validate({"side": "a"}).attribution == "suspected"
    with pytest.raises(ValidationError):
        AllegedPerpetrator.model_validate({"side": "a", "attribution": "proven"})
