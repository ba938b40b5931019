"""What followed: a party's response and an official investigation."""

import datetime as dt

import pytest
from pydantic import ValidationError

from warcrime_archive.model.responses import Investigation, Response


def test_a_response_is_dated_no_later_than_today():
    context = {"today": dt.date(2022, 1, 1)}
    with pytest.raises(ValidationError, match="2022-02 is in the future"):
        Response.model_validate({"by": "Ministry", "stance": "denies", "date": "2022-02"}, context=context)
    response = Response.model_validate({"by": "Ministry", "stance": "denies", "date": "2021"}, context=context)
    assert response.stance.words() == "denies"


def test_an_investigations_status_is_one_of_the_fixed_values():
    with pytest.raises(ValidationError, match="Input should be 'requested', 'opened'"):
        Investigation.model_validate({"authority": "Prosecutor", "status": "convicted"})
    assert Investigation.model_validate({"authority": "Prosecutor", "status": "charges-filed"}).sources == []


def test_a_response_and_an_investigation_name_their_sources_by_id_not_by_url():
    response = Response.model_validate({"by": "Ministry", "stance": "denies", "sources": ["itv"]})
    assert response.sources == ["itv"]
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):  # format 1's `source: URL`
        Response.model_validate({"by": "Ministry", "stance": "denies", "source": "https://a.example/1"})
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):  # format 1's `url`
        Investigation.model_validate({"authority": "Prosecutor", "status": "opened", "url": "https://a.example/1"})
