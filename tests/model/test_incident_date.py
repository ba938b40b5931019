"""When it happened: a day, month or year, or a window, never in the future."""

import datetime as dt

import pytest
from pydantic import ValidationError

from warcrime_archive.model.incident_date import IncidentDate


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


def test_a_window_that_ends_before_it_starts_is_an_error_at_to():
    with pytest.raises(ValidationError, match=r"`to` \(2022-02\) is before `from` \(2022-03-01\)"):
        IncidentDate.model_validate({"from": "2022-03-01", "to": "2022-02"})


def test_the_start_and_end_of_a_month_and_of_a_window():
    month = IncidentDate.model_validate("2024-02")
    assert (month.start.iso(), month.end.iso(), month.sort_key()) == (
        "2024-02",
        "2024-02",
        (dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    )
