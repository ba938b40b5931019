"""What real data sets need (issue 19): damage-only incidents, unattributed incidents, places known only to their
country and posts on platforms, each validated, rendered on every page kind that shows it, and downloaded."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from edited_archive import archive_with, error_lines
from repo_paths import MINIMAL

from warcrime_archive.build import build_site

# A damage-only incident (no casualties reported), attributed to no one, known only to its country (Syria),
# reported by a Telegram channel whose outlet is left to be made from the platform and the account.
DAMAGE_ONLY = """\
title: Shelling damages a hospital
summary: Shelling is reported to have damaged a hospital and homes; no casualties are reported.
category: killing
date: {at: "2022-05-02", sources: [post]}
location: {country: SY, precision: country, sources: [post]}
alleged_perpetrators: []
victims: []
casualties: {reported: none, sources: [post]}
damage:
  - {kind: hospital, description: The east wing's roof, sources: [post]}
  - {kind: home, sources: [post]}
verification: {status: claimed, note: A single post, sources: [post]}
sources:
  - {id: post, url: "https://t.me/example_channel/42", title: Post 42, platform: Telegram,
     account: "@example_channel", published: "2022-05-02", type: social-media-post,
     archived_url: "https://web.archive.org/web/2022/https://t.me/example_channel/42"}
"""
ID = "2022-05-02-shelling"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("real") / "archive"
    shutil.copytree(MINIMAL, root)
    (root / "incidents" / f"{ID}.yaml").write_text(DAMAGE_ONLY)
    out = root.parent / "site"
    build_site(root, out)
    return out


def _csv(site: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data" / name).read_text("utf-8"))))


def test_the_incident_page_says_not_attributed_no_casualties_the_damage_and_the_country(site: Path):
    page = (site / "incidents" / ID / "index.html").read_text()
    assert '<span data-pagefind-filter="side">Not attributed</span>' in page
    assert "Not attributed: the record's sources do not attribute the incident to any party." in page
    assert "No casualties reported: the sources report damage only." in page
    assert "<strong>Hospital or clinic</strong>: The east wing&#39;s roof" in page
    assert "<strong>Home</strong><" in page
    assert "Precision: <strong>country</strong> (somewhere in the country)." in page
    assert '<a href="../../places/sy/" data-pagefind-filter="region">Syria</a>' in page
    assert "wounded" not in page and "unknown number" not in page  # nothing invented


def test_the_lists_show_it_and_the_explore_view_filters_it_as_not_attributed(site: Path):
    listing = (site / "incidents" / "index.html").read_text()
    after = listing.split(f'href="{ID}/"')[1].split("</tr>")[0]
    assert "Not attributed" in after and "none reported" in after
    search = (site / "search" / "index.html").read_text()
    assert '<option value="Not attributed">Not attributed</option>' in search  # Pagefind filters by the text
    summary = json.loads((site / "explore" / "data" / "summary.json").read_text())
    sides = next(f["options"] for f in summary["facets"] if f["name"] == "side")
    assert sides[-1] == ["not-attributed", "Not attributed"]
    records = json.loads((site / "explore" / "data" / "records-0.json").read_text())
    row = records["id"].index(ID)
    assert records["side"][row] == [len(sides) - 1] and records["victimsText"][row] == "none reported"
    country = (site / "places" / "sy" / "index.html").read_text()
    assert f'href="../../incidents/{ID}/"' in country


def test_the_downloads_carry_the_states_and_invent_nothing(site: Path):
    incident = next(r for r in _csv(site, "incidents.csv") if r["id"] == ID)
    assert incident["alleged_perpetrator_sides"] == "not-attributed"
    assert (incident["country"], incident["admin1_code"], incident["admin1"], incident["precision"]) == (
        "SY",
        "",
        "",
        "country",
    )
    assert (incident["victims_min"], incident["victims_max"], incident["casualties"]) == ("", "", "none-reported")
    assert incident["damage"] == "hospital; home"
    assert [r for r in _csv(site, "victims.csv") if r["incident_id"] == ID] == []
    damage = [(r["item"], r["kind"], r["description"], r["sources"]) for r in _csv(site, "damage.csv")]
    assert damage == [("1", "hospital", "The east wing's roof", "post"), ("2", "home", "", "post")]
    source = next(r for r in _csv(site, "sources.csv") if r["incident_id"] == ID)
    assert (source["outlet"], source["platform"], source["account"]) == (
        "Telegram: @example_channel",
        "Telegram",
        "'@example_channel",  # a cell starting with @ is defused for spreadsheets, as every such cell is
    )
    claims = {r["claim"]: r["sources"] for r in _csv(site, "claims.csv") if r["incident_id"] == ID}
    assert claims["casualties"] == "post" and claims["damage[1]"] == "post"
    geo = json.loads((site / "data" / "incidents.geojson").read_text())
    feature = next(f for f in geo["features"] if f["id"] == ID)
    assert feature["properties"]["admin1"] is None


def test_the_channel_is_an_outlet_of_its_own(site: Path):
    outlets = (site / "outlets" / "index.html").read_text()
    assert ">Telegram: @example_channel</a>" in outlets


def _record(**replace: str) -> str:
    text = DAMAGE_ONLY
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        (
            {"victims: []\ncasualties: {reported: none, sources: [post]}\n": "victims: []\n"},
            "7:10: victims: no victims are listed (list the groups of people harmed; when the sources report no "
            "casualties, write `casualties: {reported: none, sources: [...]}` and list what was damaged in `damage`)",
        ),
        (
            {
                "casualties: {reported: none, sources: [post]}\n": "casualties: {reported: none, sources: [post]}\n"
                "victims: [{status: unknown, harm: killed, count: 1, sources: [post]}]\n",
                "victims: []\n": "",
            },
            "7:13: casualties: `casualties: {reported: none}` is given, but victims are listed (keep one of them)",
        ),
        (
            {"{kind: home,": "{kind: homes,"},
            "11:12: damage[1].kind: 'homes' is not one of the object kinds (`object_kinds`) in archive.yaml "
            "(did you mean 'home'?)",
        ),
        (
            {"precision: country,": "admin1: SY-HL, precision: country,"},
            "5:33: location.admin1: `precision: country` means only the country is known, but `admin1` is given "
            "(leave it out, or give the precision it allows)",
        ),
        (
            {"precision: country,": "precision: region,"},
            "5:11: location.admin1: the region is missing (give `admin1`; when only the country is known, write "
            "`precision: country`)",
        ),
        (
            {"platform: Telegram,\n": ""},
            "14:86: sources[0].account: an `account` needs its `platform` (e.g. platform: Telegram)",
        ),
    ],
    ids=["no-victims", "victims-and-none", "object-kind", "country-with-admin1", "region-missing", "account-alone"],
)
def test_bad_input_gives_its_exact_message(tmp_path: Path, replace: dict[str, str], expected: str):
    root = archive_with(tmp_path, files={f"incidents/{ID}.yaml": _record(**replace)})
    assert error_lines(root) == [f"incidents/{ID}.yaml:{expected}"]


def test_not_attributed_is_no_side_key(tmp_path: Path):
    root = archive_with(tmp_path)
    config = root / "archive.yaml"
    config.write_text(config.read_text().replace("  ukraine: {label: Ukraine}", "  not-attributed: {label: X}"))
    assert [line.split(": ", 1)[1] for line in error_lines(root)][:1] == [
        "sides: 'not-attributed' is not a side: it is how a record with `alleged_perpetrators: []` is filtered and "
        "downloaded; give the side another key"
    ]


def test_an_archive_names_and_spells_regions_its_own_way(tmp_path: Path):
    record = _record(**{"precision: country,": "admin1: Halab prov., precision: region,"})
    root = archive_with(tmp_path, files={f"incidents/{ID}.yaml": record})
    assert error_lines(root) == [
        f"incidents/{ID}.yaml:5:33: location.admin1: 'Halab prov.' is not a region of SY in ISO 3166-2 "
        "(14 regions of SY: Al-Hasakah, Al-Raqqah, Aleppo, As-Suwayda, Damascus, Daraa, ...)"
    ]
    config = root / "archive.yaml"
    config.write_text(
        config.read_text() + "regions:\n  SY-HL: {name: Aleppo Governorate, aliases: [Halab prov.]}\n  SY-XX: {}\n"
    )
    assert error_lines(root)[0] == (
        "archive.yaml:17:3: regions: 'SY-XX' is not the ISO 3166-2 code of a first-level region, e.g. SY-HL"
    )
    config.write_text(config.read_text().replace("  SY-XX: {}\n", ""))
    assert error_lines(root) == []
    build_site(root, tmp_path / "site")
    page = (tmp_path / "site" / "incidents" / ID / "index.html").read_text()
    assert '<a href="../../places/sy/aleppo-governorate/" data-pagefind-filter="region">Aleppo Governorate</a>' in page
    incident = next(r for r in _csv(tmp_path / "site", "incidents.csv") if r["id"] == ID)
    assert (incident["admin1_code"], incident["admin1"]) == ("SY-HL", "Aleppo Governorate")
