"""A record marked personal-information may hold the names of the people it lists nowhere it is published."""

from pathlib import Path

import pytest
from pyrage import x25519

from warcrime_archive.model.record import Incident
from warcrime_archive.problems import Severity
from warcrime_archive.read.encrypted import encrypt
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


def problems(
    title: str,
    record_id: str = "2022-03-30-x",
    sensitivity: str = "personal-information",
    *,
    name: str = "Ivan  Testenko",
    keys: list | None = None,
) -> list[str]:
    text = RECORD.format(title=title, sensitivity=sensitivity).replace("name: Ivan  Testenko", f"name: {name}")
    doc, found = parse_text(text, Path("r.yaml"), "r.yaml")
    assert found == [] and doc is not None
    incident = Incident.model_validate(doc.data)
    return [p.text() for p in names_in_published_text(incident, doc, record_id, keys)]


TITLE_ERROR = (
    "r.yaml:1:8: title: holds the name of victims[0].people[0] or a part of it, and the record is marked "
    "personal-information: its pages show no names, but this text is published (write the name out of this text, or "
    "take personal-information out of `sensitivity`)"
)


def test_a_name_in_a_published_text_is_an_error_that_does_not_repeat_it():
    assert problems("Killing of IVAN\ttestenko") == [TITLE_ERROR]


def test_another_reported_name_counts_and_the_withheld_places_do_not():
    # the person's own note, the place's detail and the private notes are never published
    assert [line.split(": ")[1] for line in problems("Testenkov found")] == ["title"]


@pytest.mark.parametrize(
    "title",
    [
        "The Testenko family",  # the surname alone
        "A man called Ivan",  # the given name alone
        "Іван Тестенко",  # in Cyrillic
        "ТЕСТЕНКО",
        "Testénko, İvan",  # diacritics
        "Iwan Testenko",  # another romanisation
        "Video of IvanTestenko",  # run together, in camel case
        "testenko's last call",
    ],
)
def test_each_part_of_a_name_in_any_script_case_or_transliteration_is_found(title):
    assert problems(title) == [TITLE_ERROR]


def test_a_latin_name_is_found_in_cyrillic_text_and_a_cyrillic_name_in_latin_text():
    cyrillic = "Олександр Ігорович Мацієвський"
    assert problems("Oleksandr Ihorovych, the soldier", name=cyrillic) == [TITLE_ERROR]
    assert problems("Aleksandr Matsievskiy", name=cyrillic) == [TITLE_ERROR]
    assert problems("Мацієвський", name="Oleksandr Matsiievskyi") == [TITLE_ERROR]
    assert problems("Тимофій", name="Tymofii Shadura") == [TITLE_ERROR]


@pytest.mark.parametrize("title", ["XIvan Testenkoville", "Testenkovich confirmed it", "Ivanivka was shelled"])
def test_a_name_inside_a_longer_word_is_not_a_name(title):
    assert problems(title) == []


def test_a_part_of_fewer_than_three_letters_counts_only_within_the_whole_name():
    assert problems("A talk with Li about Ka", name="Ka Li") == []
    assert problems("The Ka Li case", name="Ka Li") == [TITLE_ERROR]
    assert problems("Video of KaLi", name="Ka Li") == [TITLE_ERROR]


def test_a_name_in_a_url_slug_is_found_hyphenated_run_together_or_percent_encoded():
    url = "https://news.example/{slug}"
    for slug in ("2022/03/ivan-testenko-killed", "ivantestenko", "%D0%A2%D0%B5%D1%81%D1%82%D0%B5%D0%BD%D0%BA%D0%BE"):
        text = RECORD.format(title="A killing", sensitivity="personal-information").replace(
            'url: "https://x.example/1"', f'url: "{url.format(slug=slug)}"'
        )
        doc, _ = parse_text(text, Path("r.yaml"), "r.yaml")
        found = names_in_published_text(Incident.model_validate(doc.data), doc, "2022-03-30-x")
        assert [(p.field, p.severity) for p in found] == [("sources[0].url", Severity.ERROR)], slug


def test_an_id_holding_a_name_as_hyphenated_words_is_an_error():
    assert problems("A killing", "2022-03-30-ivan-testenko-killed") == [
        "r.yaml:1:1: the file's name (the record's id, in its address) holds the name of victims[0].people[0] or a "
        "part of it, and the record is marked personal-information (rename the file, and keep no former id holding "
        "the name in `aliases`: each is a redirect page)"
    ]
    assert len(problems("A killing", "2022-03-30-testenko")) == 1


def test_records_not_marked_personal_information_are_not_checked():
    assert problems("Killing of Ivan Testenko", "2022-03-30-ivan-testenko", sensitivity="") == []


def test_encrypted_names_are_checked_with_a_key_and_said_not_checked_without_one():
    key, other = x25519.Identity.generate(), x25519.Identity.generate()
    sealed = "'" + encrypt("Ivan Testenko", [key.to_public()]) + "'"  # quoted: in a flow mapping
    assert problems("Killing of Testenko", name=sealed, keys=[key]) == [TITLE_ERROR]
    assert problems("A killing", name=sealed, keys=[key]) == []
    not_run = (
        "r.yaml:11:21: note: victims[0].people[0].name: the name check did not run for this record: the names of its "
        "people are encrypted and {why} (give the key (WARCRIME_ARCHIVE_AGE_KEY or WARCRIME_ARCHIVE_AGE_KEY_FILE, see "
        "docs/security.md); CI runs the check with it before publishing)"
    )
    assert problems("Killing of Testenko", name=sealed) == [not_run.format(why="no key was given")]
    # the other reported name is still checked
    assert problems("Killing of Testenko", name=sealed, keys=[other]) == [not_run.format(why="no key given opens them")]
    assert problems("Testenkov", name=sealed)[1:] == [TITLE_ERROR]
