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
    "sources": [{"url": "https://x.example/1", "title": "t", "outlet": "One", "type": "report"}],
}


def test_every_field_of_every_model_has_a_description():
    models = record_models()
    assert len(models) == 15
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


def test_personal_information_is_a_sensitivity():
    assert not Incident.model_validate(BASE).personal
    assert Incident.model_validate({**BASE, "sensitivity": ["personal-information"]}).personal
