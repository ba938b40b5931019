"""A record marked personal-information may hold the names of the people it lists nowhere it is published."""

from pathlib import Path

from warcrime_archive.model.record import Incident
from warcrime_archive.read.yaml_reader import parse_text
from warcrime_archive.validate.names import names_in_published_text

RECORD = """\
title: {title}
summary: Two men were detained.
category: c
date: "2022-03-30"
location: {{admin1: Kyiv Oblast, country: UA, precision: region, detail: near the house of Ivan Testenko}}
alleged_perpetrators: [{{side: a}}]
victims:
  - status: unknown
    harm: killed
    count: 1
    people: [{{name: Ivan  Testenko, also_reported_as: [Ivan Testenkov], note: Ivan Testenko was identified}}]
verification: {{status: single-source}}
sources: [{{id: one, url: "https://x.example/1", title: t, outlet: One, type: report}}]
sensitivity: [{sensitivity}]
private: Ivan Testenko lives nearby
"""


def problems(title: str, record_id: str = "2022-03-30-x", sensitivity: str = "personal-information") -> list[str]:
    doc, found = parse_text(RECORD.format(title=title, sensitivity=sensitivity), Path("r.yaml"), "r.yaml")
    assert found == [] and doc is not None
    incident = Incident.model_validate(doc.data)
    return [p.text() for p in names_in_published_text(incident, doc, record_id)]


def test_a_name_in_a_published_text_is_an_error_that_does_not_repeat_it():
    assert problems("Killing of IVAN\ttestenko") == [
        "r.yaml:1:8: title: holds the name of victims[0].people[0], and the record is marked personal-information: "
        "its pages show no names, but this text is published (write the name out of this text, or take "
        "personal-information out of `sensitivity`)"
    ]


def test_another_reported_name_counts_and_the_withheld_places_do_not():
    # the person's own note, the place's detail and the private notes are never published
    assert [line.split(": ")[1] for line in problems("Ivan Testenkov found")] == ["title"]


def test_a_surname_alone_or_a_name_inside_a_word_is_not_a_name():
    assert problems("The Testenko family") == []
    assert problems("XIvan Testenkoville") == []


def test_an_id_holding_a_name_as_hyphenated_words_is_an_error():
    assert problems("A killing", "2022-03-30-ivan-testenko-killed") == [
        "r.yaml:1:1: the file's name (the record's id, in its address) holds the name of victims[0].people[0], and the "
        "record is marked personal-information (rename the file, and keep no former id holding the name in "
        "`aliases`: each is a redirect page)"
    ]


def test_records_not_marked_personal_information_are_not_checked():
    assert problems("Killing of Ivan Testenko", "2022-03-30-ivan-testenko", sensitivity="") == []
