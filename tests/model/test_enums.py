"""The fixed values of the record format, and their words as readers see them."""

import pytest

from warcrime_archive.model import enums

WORDED = (enums.Precision, enums.Harm, enums.Stance, enums.InvestigationStatus, enums.SourceType, enums.Checked)


def test_every_fixed_value_has_its_words_and_no_words_are_left_over():
    values = {member.value for kind in WORDED for member in kind}
    assert values == set(enums.WORDS)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (enums.Harm.ill_treated, "ill-treated"),
        (enums.Stance.blames_other_side, "blames other side"),
        (enums.InvestigationStatus.charges_filed, "charges filed"),
        (enums.SourceType.social_media_post, "social media post"),
    ],
)
def test_a_value_is_written_as_its_key_and_read_in_words(value, words):
    assert value.words() == words
    assert value == value.value and "-" in value.value


def test_the_sensitivity_is_written_as_its_key():
    assert enums.Sensitivity("personal-information") is enums.Sensitivity.personal_information
