"""Claim-level sourcing in the model: every claim of a record with its sources, and the narrative's citations."""

from warcrime_archive.model.claims import citations, claims, line_and_column
from warcrime_archive.model.record import Incident

RECORD = {
    "title": "t",
    "summary": "s",
    "category": "c",
    "date": {"at": "2022-03-30", "sources": ["a"]},
    "location": {"admin1": "Kyiv Oblast", "country": "UA", "precision": "region", "sources": ["a", "b"]},
    "alleged_perpetrators": [{"side": "x", "sources": ["b"]}, {"side": "y"}],
    "victims": [{"status": "unknown", "harm": "killed", "count": 1, "sources": ["a"]}],
    "verification": {"status": "verified", "by": [{"who": "NYT", "checked": ["place"], "sources": ["b"]}]},
    "responses": [{"by": "Ministry", "stance": "denies", "sources": ["a"]}],
    "investigations": [{"authority": "Prosecutor", "status": "opened", "sources": ["b"]}],
    "corrections": [{"date": "2023", "note": "n", "sources": ["a"]}],
    "sources": [
        {"id": "a", "url": "https://a.example/1", "title": "t", "outlet": "A", "type": "report"},
        {"id": "b", "url": "https://b.example/1", "title": "t", "outlet": "B", "type": "report"},
    ],
}


def test_every_claim_bearing_part_is_listed_in_the_order_of_the_file():
    assert list(claims(Incident.model_validate(RECORD))) == [
        (("date",), ["a"]),
        (("location",), ["a", "b"]),
        (("alleged_perpetrators", 0), ["b"]),
        (("alleged_perpetrators", 1), []),
        (("victims", 0), ["a"]),
        (("verification",), []),
        (("verification", "by", 0), ["b"]),
        (("responses", 0), ["a"]),
        (("investigations", 0), ["b"]),
        (("corrections", 0), ["a"]),
    ]


def test_citations_are_pandoc_style_groups_of_ids():
    text = "One [@a]. Two [@a; @b-2] and [@a;@b]. Not one: [see @a], [@], [@A], [@a, p. 3], [x](@y)."
    found = citations(text)
    assert [(text[c.start : c.end], c.ids, c.malformed) for c in found] == [
        ("[@a]", ("a",), False),
        ("[@a; @b-2]", ("a", "b-2"), False),
        ("[@a;@b]", ("a", "b"), False),
        ("[@]", ("",), True),
        ("[@A]", ("A",), True),
        ("[@a, p. 3]", ("@a, p. 3",), True),
    ]
    assert found[1].text == "[@a; @b-2]"
    assert citations("No citations, [a link](https://x.example/@a) and an e-mail a@b.example.") == []


def test_line_and_column_of_an_offset():
    assert line_and_column("ab\ncd\nef", 4) == (1, 1)
    assert line_and_column("ab", 0) == (0, 0)
