"""Names and words folded to one form across scripts, diacritics and romanisations."""

import pytest

from warcrime_archive.validate.name_forms import find, fold, parts, words


@pytest.mark.parametrize(
    "spellings",
    [
        ["Мацієвський", "Matsiievskyi", "Matsievskyi", "Matsievskiy", "Мациевский", "Matsijewskij"],
        ["Тимофій", "Tymofii", "Timofiy", "Tymofiy"],
        ["Григорій", "Hryhorii", "Grigoriy"],
        ["Євген", "Yevhen", "Ievgen", "Evgen", "Jewgen"],
        ["Юрій", "Yurii", "Iurii", "Yuriy"],
        ["Наталія", "Nataliya", "Natalia"],
        ["Oleksandr", "Olexandr", "Олександр"],
        ["Matějka", "Matejka", "MATĚJKA"],
    ],
)
def test_the_spellings_of_one_name_share_one_form(spellings):
    assert len({tuple(parts(s)) for s in spellings}) == 1, {s: parts(s) for s in spellings}
    assert all(find(words(f"The {s} case"), parts(spellings[0])) for s in spellings)


def test_different_names_keep_different_forms():
    assert len({fold(w) for w in ("ivan", "ivanivka", "ivanov", "ivana")}) == 4
    assert words("Iván") == [fold("ivan")]


def test_words_of_urls_and_camel_case():
    assert words("https://x.example/2022/%D0%86%D0%B2%D0%B0%D0%BD-shot") == [
        "htps",
        "ks",
        "eksample",
        "2022",
        "ivan",
        "shot",
    ]
    assert words("IvanTestenko") == ["ivan", "testenko"]
    assert words("Testenko's call") == ["testenko", "s", "cal", "testenkos"]


def test_a_name_is_found_by_any_part_of_three_letters_or_the_whole_of_it():
    name = parts("Ka Li Testenko")
    assert find(words("the Testenko family"), name)
    assert not find(words("Ka met Li"), name)
    assert find(words("Ka Li Testenko"), name) and find(words("kalitestenko"), name)
    assert find(words("the Ka Li case"), parts("Ka Li")) and not find(words("Li and Ka"), parts("Ka Li"))
    assert not find(words("anything"), [])
