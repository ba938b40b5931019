"""Sides, grades, categories, years and tags, each with its incidents."""

import shutil
from pathlib import Path

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def catalog_of(root: Path):
    loaded = load_archive(root)
    assert loaded.errors == []
    return build_catalog(loaded.archive)


def test_a_window_across_years_is_listed_in_each(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    path = root / RECORD
    path.write_text(path.read_text().replace('to: "2022-03-30"', 'to: "2023-01-02"'))
    assert [n.key for n in catalog_of(root).years] == ["2023", "2022"]


def test_a_record_naming_a_side_twice_is_listed_once_on_its_page(tmp_path):
    """Two alleged perpetrators (or two victim groups) of the same side: one entry in that side's lists."""
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    path = root / RECORD
    text = path.read_text()
    text = text.replace(
        "alleged_perpetrators: [{side: ukraine, unit: Unknown, attribution: suspected}]",
        "alleged_perpetrators: [{side: ukraine, unit: Unknown, attribution: suspected},"
        " {side: ukraine, unit: Another, attribution: suspected}]",
    )
    victims = "  - {side: russia, status: unknown, harm: killed, count: {min: 1, max: 2}, people: [{name: A B, also_reported_as: [C D]}]}\n"
    assert victims in text
    text = text.replace(victims, victims + "  - {side: russia, status: unknown, harm: wounded, count: 3}\n")
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
    assert [n.rule for n in catalog.grades] == [g.rule for g in config.verification.values()]
    assert [n.key for n in catalog.years] == sorted((n.key for n in catalog.years), reverse=True)
    assert [n.key for n in catalog.tags] == sorted(n.key for n in catalog.tags)
    assert catalog.term_urls["tags"] == {n.key: f"tags/{n.key}/" for n in catalog.tags}
