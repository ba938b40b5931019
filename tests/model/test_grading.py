import pytest
from repo_paths import REPO

from warcrime_archive.model.grading import RULES, check_grade
from warcrime_archive.model.record import Incident

BASE = {
    "title": "t",
    "summary": "s",
    "category": "c",
    "date": "2022-03-30",
    "location": {"admin1": "Kyiv Oblast", "country": "UA", "precision": "region"},
    "alleged_perpetrators": [{"side": "a"}],
    "victims": [{"status": "unknown", "harm": "killed", "count": 1}],
    "verification": {"status": "single-source"},
    "sources": [{"url": "https://x.example/1", "title": "t", "outlet": "One", "type": "report"}],
}


def incident(**changes) -> Incident:
    data = {**BASE, **changes}
    return Incident.model_validate(data)


def grade(status: str, **verification) -> dict:
    return {"verification": {"status": status, **verification}}


def test_every_default_grade_has_a_rule():
    assert list(RULES) == [
        "confirmed",
        "verified",
        "corroborated",
        "single-source",
        "claimed",
        "contested",
        "discounted",
    ]


@pytest.mark.parametrize(
    "changes, broken",
    [
        (grade("single-source"), None),
        (grade("verified"), "grade 'verified' needs `verification.by` to name at least one verifier"),
        (grade("verified", by=["Reuters"]), None),
        (grade("corroborated"), "grade 'corroborated' needs sources from at least two different outlets"),
        (
            {
                **grade("corroborated"),
                "sources": [BASE["sources"][0], {**BASE["sources"][0], "url": "https://y.example/", "outlet": "Two"}],
            },
            None,
        ),
        (
            {
                **grade("corroborated"),
                "sources": [BASE["sources"][0], {**BASE["sources"][0], "url": "https://y.example/", "outlet": "one"}],
            },
            "grade 'corroborated' needs sources from at least two different outlets",
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
    assert check_grade(incident(**changes)) == broken


def test_every_grade_of_the_sample_scale_has_an_enforced_rule():

    from warcrime_archive.model.grading import RULES
    from warcrime_archive.validate.config import read_config

    config, problems = read_config(REPO)
    assert problems == [] and config is not None
    assert set(config.verification) <= set(RULES)
