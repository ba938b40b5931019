import pytest

from warcrime_archive.model.regions import country_name, resolve_region, suggest_country, suggest_region


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
