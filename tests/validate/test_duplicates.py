"""Possible duplicates: records a day and a few kilometres apart, at one place, or citing one rare source."""

from pathlib import Path

from edited_archive import RECORD, archive_with, error_lines
from repo_paths import MINIMAL

from warcrime_archive.validate.load import load_archive

OTHER = "incidents/2022-03-30-dmytrivka-y.yaml"
HINT = "if it is, merge the records or say `same_as: [2022-03-29-dmytrivka-x]`; if not, say `not_same_as: [2022-03-29-dmytrivka-x]`"


def _other(**replace: str) -> str:
    text = (MINIMAL / RECORD).read_text()
    for old, new in {"https://a.example/1": "https://b.example/2", **replace}.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def _warnings(root: Path) -> list[str]:
    return [p.text() for p in load_archive(root).warnings if "same incident" in p.message]


def test_a_record_at_the_same_place_a_day_apart_is_a_possible_duplicate(tmp_path: Path):
    root = archive_with(
        tmp_path, files={OTHER: _other(**{'"2022-03-29", to: "2022-03-30"': '"2022-03-31", to: "2022-03-31"'})}
    )
    assert _warnings(root) == [
        f"{OTHER}:4:7: warning: date: possibly the same incident as '2022-03-29-dmytrivka-x' "
        f"({RECORD}, dated within a day of each other at the same place, Dmytrivka; {HINT})"
    ]


def test_points_a_few_km_apart_or_a_rare_shared_source_count_too(tmp_path: Path):
    near = {"also_known_as": "coordinates: {lat: 50.41, lon: 30.12}, also_known_as"}
    root = archive_with(
        tmp_path,
        replace=near,
        files={
            OTHER: _other(
                **{
                    "place: Dmytrivka": "place: Other",
                    **{"also_known_as": "coordinates: {lat: 50.42, lon: 30.14}, also_known_as"},
                }
            )
        },
    )
    assert _warnings(root)[0].endswith(f", dated within a day of each other and 1.8 km apart; {HINT})")
    shared = archive_with(
        tmp_path / "s",
        files={OTHER: _other(**{"place: Dmytrivka": "place: Other", "https://b.example/2": "https://a.example/1"})},
    )
    assert "citing the same source, https://a.example/1;" in _warnings(shared)[0]


def test_same_as_and_not_same_as_silence_the_pair_and_must_name_a_record(tmp_path: Path):
    for mark in ("same_as", "not_same_as"):
        root = archive_with(
            tmp_path / mark, files={OTHER: _other(**{"tags: [pow]": f"tags: [pow]\n{mark}: [2022-03-29-dmytrivka-x]"})}
        )
        assert _warnings(root) == [] and error_lines(root) == []
    root = archive_with(tmp_path / "bad", replace={"tags: [pow]": "tags: [pow]\nnot_same_as: [2022-03-29-dmytrivka]"})
    assert error_lines(root) == [
        f"{RECORD}:16:15: not_same_as[0]: no record has the id '2022-03-29-dmytrivka' (did you mean '2022-03-29-dmytrivka-x'?)"
    ]


def test_a_different_day_or_a_vague_date_is_no_duplicate(tmp_path: Path):
    later = _other(**{'"2022-03-29", to: "2022-03-30"': '"2022-04-02", to: "2022-04-02"'})
    assert _warnings(archive_with(tmp_path / "a", files={OTHER: later})) == []
    vague = _other(**{'{from: "2022-03-29", to: "2022-03-30"': '{from: "2022-03", to: "2022-03"'})
    assert _warnings(archive_with(tmp_path / "b", files={OTHER: vague})) == []


def test_many_copies_of_one_row_give_one_warning_each_naming_the_lowest_id(tmp_path: Path):
    """200 copies of one record at one place and day, beside the minimal archive's: one warning for each record but
    the first (200, not the 20,100 pairs), each naming the first; a record that says it is not the first is compared
    with the next."""
    copies = {
        f"incidents/2022-03-29-copy-{i:03}.yaml": _other(**{"https://b.example/2": f"https://c.example/{i}"})
        for i in range(200)
    }
    copies["incidents/2022-03-29-copy-002.yaml"] = _other(
        **{
            "https://b.example/2": "https://c.example/2",
            "tags: [pow]": "tags: [pow]\nnot_same_as: [2022-03-29-copy-000]",
        }
    )
    warned = _warnings(archive_with(tmp_path, files=copies))
    named = {w.split(".yaml")[0].rsplit("-", 1)[1]: w.split("same incident as '")[1].split("'")[0] for w in warned}
    assert len(warned) == 200 and "000" not in named
    assert named["002"] == "2022-03-29-copy-001"
    assert {v for k, v in named.items() if k != "002"} == {"2022-03-29-copy-000"}
