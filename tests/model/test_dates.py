import pytest
from pydantic_core import PydanticCustomError

from warcrime_archive.model.dates import PartialDate, window_words

P = PartialDate.parse


@pytest.mark.parametrize(
    "text, words", [("2022-12-30", "30 December 2022"), ("2022-03", "March 2022"), ("2022", "2022"), (2022, "2022")]
)
def test_forms(text, words):
    assert P(text).words() == words


@pytest.mark.parametrize("text", ["2022-13", "2022-02-30", "30.12.2022", "22", "2022-1-5", ""])
def test_bad_dates(text):
    with pytest.raises(PydanticCustomError):
        P(text)


def test_bounds():
    assert str(P("2024-02").end) == "2024-02-29"
    assert str(P("2023").start) == "2023-01-01" and str(P("2023").end) == "2023-12-31"


@pytest.mark.parametrize(
    "start, end, words",
    [
        ("2022-03-29", "2022-03-30", "between 29 and 30 March 2022"),
        ("2022-03-29", "2022-04-02", "between 29 March and 2 April 2022"),
        ("2022-12-30", "2023-01-02", "between 30 December 2022 and 2 January 2023"),
        ("2024-06", None, "some time in June 2024"),
        ("2022-12-30", None, "30 December 2022"),
        ("2024-05", "2024-06", "between May and June 2024"),
        ("2024", "2024-10-01", "between the start of 2024 and 1 October 2024"),
    ],
)
def test_window_words(start, end, words):
    assert window_words(P(start), P(end) if end else None) == words
