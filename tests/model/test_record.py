"""The incident record as a whole: every field described, and the rules over its parts."""

import pytest
from pydantic import ValidationError
from record_models import record_models

from warcrime_archive.model.record import Incident

BASE = {
    "title": "t",
    "summary": "s",
    "category": "c",
    "date": {"from": "2022-03-29", "to": "2022-03-30"},
    "location": {"admin1": "Kyiv Oblast", "country": "UA", "precision": "region"},
    "alleged_perpetrators": [{"side": "a"}],
    "victims": [{"status": "unknown", "harm": "killed", "count": 1}],
    "verification": {"status": "single-source"},
    "sources": [{"id": "one", "url": "https://x.example/1", "title": "t", "outlet": "One", "type": "report"}],
}


def test_every_field_of_every_model_has_a_description():
    models = record_models()
    assert len(models) == 18
    for model in models:
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name}"


def test_a_report_or_a_correction_cannot_precede_the_incident():
    with pytest.raises(ValidationError, match="a report cannot precede the incident"):
        Incident.model_validate({**BASE, "first_reported": "2022-03-28"})
    with pytest.raises(ValidationError, match="a correction cannot precede the incident"):
        Incident.model_validate({**BASE, "corrections": [{"date": "2022-02", "note": "n"}]})
    # a partial date is compared conservatively: March 2022 may be on or after the 29th
    assert Incident.model_validate({**BASE, "first_reported": "2022-03"}).first_reported is not None


def test_tags_related_records_and_aliases_are_checked():
    with pytest.raises(ValidationError, match="tag 'War Crime' must be lowercase letters, digits and hyphens"):
        Incident.model_validate({**BASE, "tags": ["War Crime"]})
    with pytest.raises(ValidationError, match="'Old_Id' is not a record id"):
        Incident.model_validate({**BASE, "aliases": ["Old_Id"]})


def test_a_verifier_says_what_it_checked():
    verified = {"status": "verified", "by": [{"who": "NYT", "checked": ["place", "authenticity"], "sources": ["one"]}]}
    incident = Incident.model_validate({**BASE, "verification": verified})
    assert incident.verification.by[0].checked_words() == "place, authenticity"
    with pytest.raises(ValidationError, match="Input should be 'authenticity', 'place', 'time' or 'identity'"):
        Incident.model_validate(
            {**BASE, "verification": {"status": "verified", "by": [{"who": "NYT", "checked": ["colour"]}]}}
        )
    # format 1's list of names is format 2's list of verifiers
    with pytest.raises(ValidationError, match="valid dictionary or instance of Verifier"):
        Incident.model_validate({**BASE, "verification": {"status": "verified", "by": ["NYT"]}})


def test_personal_information_is_a_sensitivity():
    assert not Incident.model_validate(BASE).personal
    assert Incident.model_validate({**BASE, "sensitivity": ["personal-information"]}).personal
