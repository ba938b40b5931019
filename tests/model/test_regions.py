import pytest

from warcrime_archive.model.regions import (
    country_name,
    normalise,
    plain,
    resolve_region,
    suggest_country,
    suggest_region,
)


@pytest.mark.parametrize("spelling", ["UA-23", "Zaporizka oblast", "Zaporizhzhia Oblast", "zaporizhzhia oblast"])
def test_three_spellings_mean_one_region(spelling):
    region = resolve_region("UA", spelling)
    assert region is not None and (region.code, region.name) == ("UA-23", "Zaporizhzhia Oblast")


def test_region_of_another_country_is_not_found():
    assert resolve_region("UA", "Kursk Oblast") is None
    assert resolve_region("RU", "Kursk Oblast").code == "RU-KRS"


@pytest.mark.parametrize(
    "typo, hint",
    [("Zaporozhzhia", "did you mean 'Zaporizhzhia Oblast'?"), ("Dontesk Oblast", "did you mean 'Donetsk Oblast'?")],
)
def test_did_you_mean(typo, hint):
    assert suggest_region("UA", typo) == hint


def test_countries():
    assert country_name("UA") == "Ukraine"
    assert country_name("XX") is None
    assert suggest_country("Ukraine") == "did you mean UA?"
    assert suggest_country("Ukrane") == "did you mean UA (Ukraine)?"


@pytest.mark.parametrize(
    ("country", "spelling", "code", "shown"),
    [
        ("RU", "Moscow Oblast", "RU-MOS", "Moscow Oblast"),
        ("RU", "Moscow oblast'", "RU-MOS", "Moscow Oblast"),
        ("RU", "Moskovskaya oblast'", "RU-MOS", "Moscow Oblast"),
        ("RU", "Moscow", "RU-MOW", "Moscow"),
        ("SY", "Aleppo", "SY-HL", "Aleppo"),
        ("SY", "Halab", "SY-HL", "Aleppo"),
        ("SY", "Ḩalab", "SY-HL", "Aleppo"),
        ("SY", "aleppo governorate", "SY-HL", "Aleppo"),
        ("SY", "Rif Dimashq", "SY-RD", "Rif Dimashq"),
        ("UA", "Kharkiv region", "UA-63", "Kharkiv Oblast"),
        ("UA", "Kharkov", "UA-63", "Kharkiv Oblast"),
        ("IQ", "Baghdad", "IQ-BG", "Baghdad"),
        ("US", "Washington", "US-WA", "Washington"),  # Natural Earth's English name is shared with DC: the ISO name
    ],
)
def test_any_country_takes_english_names_iso_names_and_loose_spellings(country, spelling, code, shown):
    region = resolve_region(country, spelling)
    assert region is not None and (region.code, region.name) == (code, shown)


@pytest.mark.parametrize(
    ("country", "typo", "hint"),
    [
        # "Moscow Oblast" was once told "did you mean 'Rostov Oblast'?": the kind of region no longer counts.
        ("RU", "Mosow Oblast", "did you mean 'Moscow Oblast'?"),
        ("RU", "Moscow Oblas", "did you mean 'Moscow Oblast'?"),
        ("SY", "Aleppoo province", "did you mean 'Aleppo'?"),
        ("RU", "Moscow governorate", "it could be 'Moscow Oblast' (RU-MOS) or 'Moscow' (RU-MOW): write one of them"),
    ],
)
def test_a_suggestion_is_never_another_region_than_a_near_exact_name(country, typo, hint):
    assert resolve_region(country, typo) is None
    assert suggest_region(country, typo) == hint


def test_the_archive_adds_spellings_and_its_own_names():
    aliases = (("Aleppo Governorate", "SY-HL"), ("Halab prov.", "SY-HL"))
    assert resolve_region("SY", "Halab prov.") is None
    assert resolve_region("SY", "Halab prov.", aliases).code == "SY-HL"
    # an archive's alias takes a spelling from another region, and only for that archive
    assert resolve_region("SY", "Damascus", (("Damascus", "SY-RD"),)).code == "SY-RD"
    assert resolve_region("SY", "Damascus").code == "SY-DI"


def test_normalise_and_plain():
    assert normalise("Moskovskaya oblast'") == "moskovskaya"
    assert normalise("Ḩalab") == "halab"
    assert normalise("Region") == "region"  # nothing else left: the word stays
    assert plain("Moscow  Oblast’") == "moscow oblast"
