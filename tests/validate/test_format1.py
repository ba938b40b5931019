"""Format 1 -> format 2 as far as it is mechanical, on plain data (the upgrade applies it to round-trip YAML)."""

import copy

from warcrime_archive.validate.format1 import source_id, upgrade_config, upgrade_record

FORMAT1 = {
    "title": "t",
    "date": "2022-03-30",
    "location": {"admin1": "Kyiv Oblast", "country": "UA", "precision": "region"},
    "alleged_perpetrators": [{"side": "russia"}],
    "victims": [{"status": "unknown", "harm": "killed", "count": 1}],
    "verification": {"status": "verified", "by": ["The New York Times"], "note": "n"},
    "responses": [{"by": "A", "stance": "denies", "source": "https://www.bbc.co.uk/news/1"}],
    "investigations": [
        {"authority": "P", "status": "opened", "url": "https://en.wikipedia.org/wiki/X"},
        {"authority": "Q", "status": "opened", "url": "https://elsewhere.example/"},
        {"authority": "R", "status": "opened"},
    ],
    "sources": [
        {"url": "https://www.bbc.co.uk/news/1", "title": "t", "outlet": "BBC", "type": "report"},
        {"url": "https://www.bbc.co.uk/news/2", "title": "t", "outlet": "BBC", "type": "report"},
        {"url": "https://en.wikipedia.org/wiki/X", "title": "t", "outlet": "W", "type": "other"},
    ],
    "corrections": [{"date": "2023", "note": "n"}],
}


def test_source_ids_come_from_the_address_and_are_unique_in_the_record():
    taken: set[str] = set()
    assert [
        source_id(url, taken)
        for url in (
            "https://www.itv.com/news/x",
            "https://ibtimes.sg/y",
            "https://www.bbc.co.uk/news/1",
            "https://www.bbc.co.uk/news/2",
            "https://war.ukraine.ua/heroes/x",
            "https://en.wikipedia.org/wiki/X",
            "https://localhost/x",
        )
    ] == ["itv", "ibtimes", "bbc", "bbc-2", "war-ukraine", "wikipedia", "localhost"]


def test_a_record_is_converted_without_crediting_any_source():
    data = copy.deepcopy(FORMAT1)
    left = upgrade_record(data)
    assert [s["id"] for s in data["sources"]] == ["bbc", "bbc-2", "wikipedia"]
    assert list(data["sources"][0]) == ["id", "url", "title", "outlet", "type"]  # the id comes first
    assert data["date"] == {"at": "2022-03-30", "sources": []}
    assert data["location"]["sources"] == [] and data["alleged_perpetrators"][0]["sources"] == []
    assert data["victims"][0]["sources"] == [] and data["corrections"][0]["sources"] == []
    assert data["verification"] == {
        "status": "verified",
        "by": [{"who": "The New York Times", "checked": [], "sources": []}],
        "note": "n",
        "sources": [],
    }
    # a URL of one of the record's sources becomes its id, in the old key's place
    assert data["responses"] == [{"by": "A", "stance": "denies", "sources": ["bbc"]}]
    assert data["investigations"][0] == {"authority": "P", "status": "opened", "sources": ["wikipedia"]}
    # another URL is left for the editor, and said
    assert data["investigations"][1] == {"authority": "Q", "status": "opened", "url": "https://elsewhere.example/"}
    assert left == [
        "investigations[1].url: 'https://elsewhere.example/' is not the URL of one of the record's sources; add it to "
        "`sources` and cite its id in `investigations[1].sources`"
    ]
    assert data["investigations"][2] == {"authority": "R", "status": "opened", "sources": []}


def test_converting_twice_changes_nothing():
    data = copy.deepcopy(FORMAT1)
    upgrade_record(data)
    again = copy.deepcopy(data)
    upgrade_record(again)
    assert again == data


def test_archive_yaml_gets_the_format_first():
    config = {"title": "A", "sides": {}}
    upgrade_config(config)
    assert list(config.items()) == [("record_format", 2), ("title", "A"), ("sides", {})]
    config = {"title": "A", "record_format": 1}
    upgrade_config(config)
    assert config == {"title": "A", "record_format": 2}
