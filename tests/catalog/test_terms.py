"""Sides, grades, categories, years and tags, each with its incidents."""

import shutil
from pathlib import Path

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.model.grading import REQUIREMENTS
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def catalog_of(root: Path):
    loaded = load_archive(root)
    assert loaded.errors == []
    return build_catalog(loaded.archive)


def test_a_window_across_years_is_listed_once_under_the_window_not_in_each_year(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    path = root / RECORD
    text = (
        path.read_text().replace('to: "2022-03-30"', 'to: "2024-01-02"').replace('first_reported: "2022-04-04"\n', "")
    )
    path.write_text(text)
    (root / "incidents" / "2023-05-01-b.yaml").write_text(
        text.replace('{from: "2022-03-29", to: "2024-01-02"', '{at: "2023-05-01"')
    )
    (root / "incidents" / "2024-05-01-c.yaml").write_text(
        text.replace('{from: "2022-03-29", to: "2024-01-02"', '{at: "2024-05-01"')
    )
    years = catalog_of(root).years
    # newest first by the last year; a single year before a window ending in it
    assert [(n.key, n.label, [e.id for e in n.entries]) for n in years] == [
        ("2024", "2024", ["2024-05-01-c"]),
        ("2022-2024", "Date uncertain: 2022\u20132024", ["2022-03-29-dmytrivka-x"]),
        ("2023", "2023", ["2023-05-01-b"]),
    ]
    assert [n.url for n in years] == ["years/2024/", "years/2022-2024/", "years/2023/"]


def test_a_record_naming_a_side_twice_is_listed_once_on_its_page(tmp_path):
    """Two alleged perpetrators (or two victim groups) of the same side: one entry in that side's lists."""
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    path = root / RECORD
    text = path.read_text()
    text = text.replace(
        "alleged_perpetrators: [{side: ukraine, unit: Unknown, attribution: suspected, sources: [a]}]",
        "alleged_perpetrators: [{side: ukraine, unit: Unknown, attribution: suspected, sources: [a]},"
        " {side: ukraine, unit: Another, attribution: suspected, sources: [a]}]",
    )
    victims = "  - {side: russia, status: unknown, harm: killed, count: {min: 1, max: 2}, people: [{name: A B, also_reported_as: [C D]}], sources: [a]}\n"
    assert victims in text
    text = text.replace(
        victims, victims + "  - {side: russia, status: unknown, harm: wounded, count: 3, sources: [a]}\n"
    )
    path.write_text(text)
    catalog = catalog_of(root)
    sides = {node.key: node for node in catalog.sides}
    assert [e.id for e in sides["ukraine"].entries] == ["2022-03-29-dmytrivka-x"]
    assert [e.id for e in sides["russia"].victim_entries] == ["2022-03-29-dmytrivka-x"]
    assert sides["russia"].entries == () and sides["ukraine"].victim_entries == ()


def test_terms_follow_the_settings_order_years_newest_first_and_tags_by_name(sample_root):
    catalog = build_catalog(load_archive(sample_root).archive)
    config = catalog.config
    assert [n.key for n in catalog.sides] == list(config.sides)
    assert [n.key for n in catalog.grades] == list(config.verification)
    # the default grades' rules in words are the code's (model.grading), whatever archive.yaml says
    assert [n.rule for n in catalog.grades] == [REQUIREMENTS[key] for key in config.verification]
    assert [n.key for n in catalog.years] == sorted((n.key for n in catalog.years), reverse=True)
    assert [n.key for n in catalog.tags] == sorted(n.key for n in catalog.tags)
    assert catalog.term_urls["tags"] == {n.key: f"tags/{n.key}/" for n in catalog.tags}
