import datetime as dt

import pytest
from pydantic import BaseModel, ValidationError

from warcrime_archive.model import record
from warcrime_archive.model.record import Incident, IncidentDate, Location, VictimGroup


def test_date_forms():
    assert IncidentDate.model_validate("2022-12-30").words() == "30 December 2022"
    assert IncidentDate.model_validate({"at": "2024-06", "note": "n"}).words() == "some time in June 2024"
    window = IncidentDate.model_validate({"from": "2022-03-29", "to": "2022-03-30", "approximate": True})
    assert window.is_window and window.words() == "between 29 and 30 March 2022 (approximate)"


def test_both_forms_at_once_is_an_error():
    with pytest.raises(ValidationError, match="give either `at` or `from` and `to`, not both"):
        IncidentDate.model_validate({"at": "2022", "from": "2022", "to": "2022"})


def test_future_is_judged_against_the_context_day():
    context = {"today": dt.date(2022, 1, 1)}
    with pytest.raises(ValidationError, match="2022-03 is in the future"):
        IncidentDate.model_validate({"at": "2022-03"}, context=context)
    IncidentDate.model_validate({"at": "2021-12"}, context=context)


def test_region_spellings_resolve_to_one_region():
    for spelling in ("UA-23", "Zaporizka oblast", "Zaporizhzhia Oblast"):
        location = Location.model_validate({"admin1": spelling, "country": "UA", "precision": "region"})
        assert location.region.name == "Zaporizhzhia Oblast"


def test_counts():
    def group(count):
        return VictimGroup.model_validate({"status": "unknown", "harm": "killed", "count": count})

    assert group(3).count_words() == "3"
    assert group({"min": 2, "max": 5}).count_words() == "2 to 5"
    assert group(None).count_words() == "unknown number"
    with pytest.raises(ValidationError):
        group(True)


def test_models_are_frozen_and_strict():
    location = Location.model_validate({"admin1": "UA-23", "country": "UA", "precision": "region"})
    with pytest.raises(ValidationError):
        location.country = "RU"  # type: ignore[misc]  # frozen: the refusal is the test
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Location.model_validate({"admin1": "UA-23", "country": "UA", "precision": "region", "town": "x"})


def test_every_field_of_every_model_has_a_description():
    models = [
        v
        for v in vars(record).values()
        if isinstance(v, type) and issubclass(v, BaseModel) and v.__module__ == record.__name__
    ]
    assert Incident in models
    for model in models:
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name}"


SOURCE = {"url": "https://a.example/1", "title": "T", "outlet": "O", "type": "news-article"}


def test_archived_url_must_be_a_recognised_capture():
    good = "https://web.archive.org/web/20220404000000/https://a.example/1"
    assert record.Source.model_validate({**SOURCE, "archived_url": good}).archived_url == good
    with pytest.raises(ValidationError, match="'https://a.example/copy' is not a capture in a recognised web archive"):
        record.Source.model_validate({**SOURCE, "archived_url": "https://a.example/copy"})


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
    source = record.Source.model_validate({**SOURCE, "archived_url": own}, context={"config": config})
    assert source.archived_url == own
    with pytest.raises(ValidationError, match="is not a capture in a recognised web archive"):
        record.Source.model_validate(
            {**SOURCE, "archived_url": own}, context={"config": ArchiveConfig.model_validate(settings)}
        )
