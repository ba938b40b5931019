from pathlib import Path

from pydantic import ValidationError

from warcrime_archive.model_errors import pydantic_problems
from warcrime_archive.record import Location
from warcrime_archive.yaml_reader import parse_text


def problems(text: str) -> list[str]:
    doc, _ = parse_text(text, Path("l.yaml"), "l.yaml")
    try:
        Location.model_validate(doc.data)
    except ValidationError as exc:
        return [p.text() for p in pydantic_problems(exc, doc, Location)]
    return []


def test_unknown_field_points_at_the_key_with_did_you_mean():
    assert problems("admin1: UA-23\ncountry: UA\nprecision: region\ndetials: x\n") == [
        "l.yaml:4:1: detials: unknown field 'detials' (did you mean 'detail'?)"
    ]


def test_missing_field_points_at_the_parent():
    assert problems("admin1: UA-23\ncountry: UA\n") == ["l.yaml:1:1: precision: is required"]


def test_type_error_names_what_was_given():
    assert problems("admin1: UA-23\ncountry: UA\nprecision: region\nalso_known_as: Rabotyne\n") == [
        "l.yaml:4:16: also_known_as: should be a list, not 'Rabotyne'"
    ]


def test_nested_location():
    assert problems("admin1: UA-23\ncountry: UA\nprecision: region\ncoordinates: {lat: 91, lon: 30}\n") == [
        "l.yaml:4:20: coordinates.lat: Input should be less than or equal to 90"
    ]
