"""archive.yaml read and validated, alone or as part of a load."""

from edited_archive import archive_with, error_lines

from warcrime_archive.validate.config import read_config


def test_archive_yaml_problems(tmp_path):
    root = archive_with(tmp_path)
    (root / "archive.yaml").write_text((root / "archive.yaml").read_text() + "colour: red\n")
    assert error_lines(root) == [
        "archive.yaml:16:1: colour: unknown field 'colour' (allowed: base_url, categories, commit_links, contact, "
        "description, encryption, language, languages, license, object_kinds, own_archives, record_format, regions, "
        "repository, sides, title, translations, unsourced_claims, verification, victim_statuses)"
    ]


def test_read_config_alone(tmp_path):
    config, problems = read_config(tmp_path)
    assert config is None
    assert [p.text() for p in problems] == [
        "archive.yaml:1:1: the archive has no archive.yaml (run from the archive's folder or give --root)"
    ]


def test_a_language_without_a_translation_is_refused_with_those_available(tmp_path):
    root = archive_with(tmp_path)
    (root / "archive.yaml").write_text((root / "archive.yaml").read_text() + "language: xx\n")
    config, problems = read_config(root)
    assert config is not None
    assert [p.message for p in problems] == ["there is no interface translation for 'xx'; available: en, ar, uk"]
