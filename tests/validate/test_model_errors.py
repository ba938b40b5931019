import json
from pathlib import Path

import pytest
from pydantic import ConfigDict, Field, StrictBool, ValidationError, create_model

from warcrime_archive.model.archive import FrontMatter
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.incident_date import IncidentDate
from warcrime_archive.model.location import Location
from warcrime_archive.model.record import Incident
from warcrime_archive.read.yaml_reader import parse_text
from warcrime_archive.validate.model_errors import PATTERN_WORDS, pydantic_problems


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
        "l.yaml:4:20: coordinates.lat: latitude must be between -90 and 90, not 91"
    ]


def _constraints(node: object, found: set[tuple[str, object]]) -> None:
    """Every constraint of a JSON Schema: its patterns, lengths, bounds and booleans."""
    if isinstance(node, dict):
        for name in ("pattern", "maxLength", "minLength", "minItems", "minimum", "maximum"):
            if name in node:
                found.add((name, node[name]))
        if node.get("type") == "boolean":
            found.add(("boolean", None))
        for value in node.values():
            _constraints(value, found)
    elif isinstance(node, list):
        for value in node:
            _constraints(value, found)


def _bad(name: str, limit: object) -> tuple[object, object, object]:
    """A one-field annotation with the constraint, and a value that breaks it."""
    if name == "pattern":
        return str, Field(pattern=limit), "Not valid!"
    if name == "maxLength":
        return str, Field(max_length=limit), "x" * (int(limit) + 1)
    if name == "minLength":
        return str, Field(min_length=limit), ""
    if name == "minItems":
        return list[str], Field(min_length=limit), []
    if name == "minimum":
        return float, Field(ge=limit), float(limit) - 1
    if name == "maximum":
        return float, Field(le=limit), float(limit) + 1
    return StrictBool, Field(), "yes"


def _model_constraints() -> set[tuple[str, object]]:
    found: set[tuple[str, object]] = set()
    for model in (Incident, ArchiveConfig, FrontMatter):
        _constraints(model.model_json_schema(), found)
    return found


def test_the_walk_finds_the_models_constraints():
    kinds = {name for name, _ in _model_constraints()}
    assert kinds == {"pattern", "maxLength", "minLength", "minItems", "minimum", "maximum", "boolean"}


def test_every_pattern_of_the_models_has_words():
    patterns = {limit for name, limit in _model_constraints() if name == "pattern"}
    assert patterns - set(PATTERN_WORDS) == set()


@pytest.mark.parametrize("constraint", sorted(_model_constraints(), key=repr), ids=repr)
def test_no_constraint_of_the_models_shows_pydantic_default_text(constraint):
    annotation, field, bad = _bad(*constraint)
    model = create_model("One", __config__=ConfigDict(extra="forbid"), value=(annotation, field))
    doc, _ = parse_text(f"value: {json.dumps(bad)}\n", Path("o.yaml"), "o.yaml")
    with pytest.raises(ValidationError) as caught:
        model.model_validate(doc.data)
    [problem] = pydantic_problems(caught.value, doc, model)
    text = problem.text()
    assert text.startswith("o.yaml:1:8: value: ")
    for default in ("Input should", "String should", "List should", "expected form", "Value error", "^"):
        assert default not in text


def test_bool_fields_take_only_true_or_false():
    text = "from: '2022-03-29'\nto: '2022-03-30'\napproximate: yes\n"
    doc, _ = parse_text(text, Path("d.yaml"), "d.yaml")
    with pytest.raises(ValidationError) as caught:
        IncidentDate.model_validate(doc.data)
    assert [p.text() for p in pydantic_problems(caught.value, doc, IncidentDate)] == [
        "d.yaml:3:14: approximate: should be true or false, not 'yes' (write true or false)"
    ]


def test_too_long_text_says_how_long_it_is():
    text = "label: " + "x" * 243 + "\n"
    doc, _ = parse_text(text, Path("t.yaml"), "t.yaml")
    model = create_model("Titled", title=(str, Field(max_length=200)))
    with pytest.raises(ValidationError) as caught:
        model.model_validate({"title": doc.data["label"]})
    assert [p.message for p in pydantic_problems(caught.value, doc, model)] == ["is 243 characters long; at most 200"]
