"""Where it happened: a country by its ISO code, a region by any of its names."""

import pytest
from pydantic import ValidationError

from warcrime_archive.model.location import Location


def test_region_spellings_resolve_to_one_region():
    for spelling in ("UA-23", "Zaporizka oblast", "Zaporizhzhia Oblast"):
        location = Location.model_validate({"admin1": spelling, "country": "UA", "precision": "region"})
        assert location.region.name == "Zaporizhzhia Oblast"


def test_models_are_frozen_and_strict():
    location = Location.model_validate({"admin1": "UA-23", "country": "UA", "precision": "region"})
    with pytest.raises(ValidationError):
        location.country = "RU"  # type: ignore[misc]  # frozen: the refusal is the test
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Location.model_validate({"admin1": "UA-23", "country": "UA", "precision": "region", "town": "x"})


def test_a_country_written_out_is_refused_with_its_code():
    with pytest.raises(
        ValidationError, match="'Ukraine' is not an ISO 3166-1 alpha-2 country code \\(did you mean UA\\?\\)"
    ):
        Location.model_validate({"admin1": "UA-23", "country": "Ukraine", "precision": "region"})


def test_a_lower_case_country_code_is_taken_in_capitals():
    assert Location.model_validate({"admin1": "UA-23", "country": "ua", "precision": "region"}).country == "UA"
