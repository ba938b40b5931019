"""Where an editor's key is given, and a digest of which keys are given that changes whenever they do."""

from pathlib import Path

import pytest

from warcrime_archive.read import key_places


def test_the_default_key_file_is_in_the_editors_configuration_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert key_places.default_key_file() == tmp_path / "warcrime-archive" / "age-key.txt"


def test_the_digest_changes_with_the_keys_given_and_never_holds_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv(key_places.KEY_VARIABLE, raising=False)
    monkeypatch.delenv(key_places.KEY_FILE_VARIABLE, raising=False)
    none = key_places.keys_given()
    assert key_places.keys_given() == none
    monkeypatch.setenv(key_places.KEY_VARIABLE, "AGE-SECRET-KEY-1ABC")
    given = key_places.keys_given()
    assert given != none and "AGE-SECRET-KEY" not in given
    monkeypatch.delenv(key_places.KEY_VARIABLE)
    key = tmp_path / "warcrime-archive" / "age-key.txt"
    key.parent.mkdir()
    key.write_text("AGE-SECRET-KEY-1XYZ\n")
    in_file = key_places.keys_given()
    assert in_file not in (none, given)
    other = tmp_path / "other.txt"
    other.write_text("AGE-SECRET-KEY-1QQQ\n")
    monkeypatch.setenv(key_places.KEY_FILE_VARIABLE, str(other))
    assert key_places.keys_given() not in (none, given, in_file)
