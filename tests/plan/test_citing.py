"""Each claim's sources beside it, and the narrative's citations, as numbered links to the page's sources."""

from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.record import Incident
from warcrime_archive.plan.citing import cite, claim_marks, narrative_html

CONFIG = ArchiveConfig.model_validate(
    {
        "title": "A",
        "sides": {"ukraine": {"label": "Ukraine"}},
        "categories": {"c": {"label": "C"}},
        "victim_statuses": {"unknown": {"label": "Unknown"}},
        "verification": {"claimed": {"label": "Claimed"}},
    }
)
SOURCE = {"url": "https://a.example/", "title": "t", "outlet": "A", "type": "report"}
INCIDENT = Incident.model_validate(
    {
        "title": "t",
        "summary": "s",
        "category": "c",
        "date": {"at": "2022-03-30", "sources": ["m"]},
        "location": {"admin1": "Kyiv Oblast", "country": "UA", "precision": "region", "sources": ["b", "a"]},
        "alleged_perpetrators": [{"side": "ukraine", "sources": ["a", "m"]}],
        "victims": [{"status": "unknown", "harm": "killed", "count": 1}],
        "verification": {"status": "claimed", "note": "n", "sources": ["a"]},
        "sources": [
            {**SOURCE, "id": "a"},
            {**SOURCE, "id": "b", "url": "https://b.example/"},
            {**SOURCE, "id": "m", "url": "https://m.example/", "party": "ukraine"},
        ],
        "narrative": "Said so [@a; @m].\nAnd so\n[@b], *twice* [@a].\n\n[not a citation](https://x.example/@a)",
    }
)


def test_a_claim_links_its_sources_by_their_numbers_in_the_list():
    assert str(cite(CONFIG, INCIDENT, ["b", "a"])) == (
        '<sup class="cite" data-pagefind-ignore>[<a href="#source-a" title="Source 1">1</a>, '
        '<a href="#source-b" title="Source 2">2</a>]</sup>'
    )


def test_a_claim_resting_only_on_a_partys_statements_says_according_to_it():
    marks = claim_marks(CONFIG, INCIDENT)
    assert str(marks["date"]).startswith(' <span class="according">(according to Ukraine)</span><sup')
    assert "according" not in str(marks["alleged_perpetrators.0"])  # a party's statement and another source
    assert str(marks["victims.0"]) == ' <span class="no-source">(no source given)</span>'
    assert list(marks) == [
        "date",
        "location",
        "alleged_perpetrators.0",
        "victims.0",
        "verification",
    ]


def test_the_narratives_citations_become_the_same_links_after_the_word_they_follow():
    html = str(narrative_html(INCIDENT))
    assert html.startswith(
        '<p>Said so<sup class="cite" data-pagefind-ignore>[<a href="#source-a" title="Source 1">1</a>, '
        '<a href="#source-m" title="Source 3">3</a>]</sup>.\nAnd so<sup class="cite" data-pagefind-ignore>'
        '[<a href="#source-b" title="Source 2">2</a>]</sup>, <em>twice</em><sup'
    )
    assert '<a href="https://x.example/@a" rel="nofollow noopener noreferrer">not a citation</a>' in html
    assert "\ue000" not in html and "[@" not in html
