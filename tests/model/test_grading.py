import pytest
from repo_paths import REPO

from warcrime_archive.model.grading import (
    REQUIREMENTS,
    RULES,
    WORDING,
    check_grade,
    established,
    known_attribution,
    requirement,
)
from warcrime_archive.model.record import Incident

BASE = {
    "title": "t",
    "summary": "s",
    "category": "c",
    "date": {"at": "2022-03-30", "sources": ["one"]},
    "location": {"admin1": "Kyiv Oblast", "country": "UA", "precision": "region", "sources": ["one"]},
    "alleged_perpetrators": [{"side": "a", "sources": ["one"]}],
    "victims": [{"status": "unknown", "harm": "killed", "count": 1, "sources": ["one"]}],
    "verification": {"status": "single-source"},
    "sources": [{"id": "one", "url": "https://x.example/1", "title": "t", "outlet": "One", "type": "report"}],
}
TWO = {"id": "two", "url": "https://y.example/", "title": "t", "outlet": "Two", "type": "report"}
BOTH = [{"status": "unknown", "harm": "killed", "count": 1, "sources": ["one", "two"]}]


def incident(**changes) -> Incident:
    data = {**BASE, **changes}
    return Incident.model_validate(data)


def grade(status: str, **verification) -> dict:
    return {"verification": {"status": status, **verification}}


def test_every_default_grade_has_a_rule_and_its_words():
    assert list(RULES) == [
        "confirmed",
        "verified",
        "corroborated",
        "single-source",
        "claimed",
        "contested",
        "discounted",
    ]
    assert list(REQUIREMENTS) == list(RULES)


def broken_message(changes: dict) -> str | None:
    broken = check_grade(incident(**changes))
    return None if broken is None else broken.message


CORROBORATED = (
    "grade 'corroborated' needs sources from at least two different outlets that state what happened (cited in "
    "`victims[].sources`), none of them a party's own statement"
)


@pytest.mark.parametrize(
    "changes, broken",
    [
        (grade("single-source"), None),
        (
            {**grade("single-source"), "sources": [{**BASE["sources"][0], "party": "a"}]},
            "grade 'single-source' needs a source that is not a party's own statement to state what happened "
            "(cited in `victims[].sources`)",
        ),
        (grade("verified"), "grade 'verified' needs `verification.by` to name at least one verifier"),
        (grade("verified", by=[{"who": "Reuters", "checked": ["place"], "sources": ["one"]}]), None),
        (
            grade("verified", by=[{"who": "Reuters", "sources": ["one"]}]),
            "grade 'verified' needs to say what Reuters verified",
        ),
        (grade("corroborated"), CORROBORATED),
        ({**grade("corroborated"), "sources": [BASE["sources"][0], TWO], "victims": BOTH}, None),
        # two outlets listed, but only one of them states what happened
        ({**grade("corroborated"), "sources": [BASE["sources"][0], TWO]}, CORROBORATED),
        (
            {**grade("corroborated"), "sources": [BASE["sources"][0], {**TWO, "outlet": "one"}], "victims": BOTH},
            CORROBORATED,
        ),
        (
            {**grade("corroborated"), "sources": [BASE["sources"][0], {**TWO, "party": "a"}], "victims": BOTH},
            CORROBORATED,
        ),
        (grade("claimed"), "grade 'claimed' needs `verification.note` saying who claims it"),
        (grade("claimed", note="The prosecutor says so."), None),
        (grade("contested"), "grade 'contested' needs `verification.note` explaining the disagreement"),
        (grade("discounted"), "grade 'discounted' needs `verification.note` explaining why"),
        (
            grade("confirmed"),
            "grade 'confirmed' needs a response with stance 'acknowledges' by an alleged perpetrator side",
        ),
        (
            {**grade("confirmed"), "responses": [{"by": "Ministry", "side": "b", "stance": "acknowledges"}]},
            "grade 'confirmed' needs a response with stance 'acknowledges' by an alleged perpetrator side",
        ),
        ({**grade("confirmed"), "responses": [{"by": "Ministry", "side": "a", "stance": "acknowledges"}]}, None),
        (grade("house-grade"), None),
    ],
)
def test_rules(changes, broken):
    assert broken_message(changes) == broken


def test_a_broken_rule_points_at_the_field_to_fix_with_a_hint():
    broken = check_grade(incident(**grade("verified", by=[{"who": "Reuters", "sources": ["one"]}])))
    assert broken is not None
    assert broken.loc == ("verification", "by", 0, "checked")
    assert broken.hint == "list it in `checked`: authenticity, place, time or identity"


def test_known_attribution_needs_the_sides_acknowledgement():
    known = [{"side": "a", "attribution": "known", "sources": ["one"]}]
    assert [b.message for b in known_attribution(incident(alleged_perpetrators=known))] == [
        "`attribution: known` needs a response in which the side 'a' acknowledges it"
    ]
    denial = [{"by": "Ministry", "side": "a", "stance": "denies"}]
    assert len(known_attribution(incident(alleged_perpetrators=known, responses=denial))) == 1
    other = [{"by": "Ministry", "side": "b", "stance": "acknowledges"}]
    assert len(known_attribution(incident(alleged_perpetrators=known, responses=other))) == 1
    own = [{"by": "Ministry", "side": "a", "stance": "acknowledges"}]
    assert known_attribution(incident(alleged_perpetrators=known, responses=own)) == []
    assert known_attribution(incident()) == []


def test_only_verified_and_confirmed_are_established():
    assert [g for g in RULES if established(g)] == ["confirmed", "verified"]
    assert not established("house-grade")


def test_the_methodology_words_name_no_field():
    for text in (*REQUIREMENTS.values(), *WORDING):
        assert "`" not in text and "_" not in text and "verification." not in text, text
    assert requirement("house-grade") == ""
    assert requirement("claimed").startswith("Only a party to the conflict")


def test_every_grade_of_the_sample_scale_has_an_enforced_rule():

    from warcrime_archive.model.grading import RULES
    from warcrime_archive.validate.config import read_config

    config, problems = read_config(REPO)
    assert problems == [] and config is not None
    assert set(config.verification) <= set(RULES)


def test_an_archive_migrating_counts_every_source_for_victims_not_yet_sourced():
    unsourced = [{"status": "unknown", "harm": "killed", "count": 1}]
    two = {**grade("corroborated"), "sources": [BASE["sources"][0], TWO], "victims": unsourced}
    assert check_grade(incident(**two)) is not None
    assert check_grade(incident(**two), lenient=True) is None
    # once a group of victims is sourced, its sources are what counts
    one = {**two, "victims": [*unsourced, {**unsourced[0], "sources": ["one"]}]}
    assert check_grade(incident(**one), lenient=True) is not None
