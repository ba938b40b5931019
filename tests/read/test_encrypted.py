"""Private values encrypted with age: the stored form, the keys, and which values of a record are private."""

from pathlib import Path

import pytest
from pyrage import x25519

from warcrime_archive.read import key_places
from warcrime_archive.read.encrypted import (
    CannotDecrypt,
    KeyProblem,
    decrypt,
    encrypt,
    identities,
    is_encrypted,
    parse_recipient,
    private_leaves,
)


def test_a_value_is_stored_as_one_string_and_keeps_its_type():
    key = x25519.Identity.generate()
    for value in ("Witness: +380 00 000 0000", 3, True, "multi\nline ✓"):
        sealed = encrypt(value, [key.to_public()])
        assert is_encrypted(sealed) and sealed.startswith("ENC[age,") and "\n" not in sealed
        assert decrypt(sealed, [key]) == value
    assert encrypt("x", [key.to_public()]) != encrypt("x", [key.to_public()])  # age is randomised


def test_a_value_for_other_recipients_or_a_damaged_one_cannot_be_decrypted():
    key, other = x25519.Identity.generate(), x25519.Identity.generate()
    sealed = encrypt("x", [key.to_public()])
    with pytest.raises(CannotDecrypt, match="encrypted for other recipients"):
        decrypt(sealed, [other])
    with pytest.raises(CannotDecrypt, match="for other recipients, or damaged"):
        decrypt(sealed[:200] + ("A" if sealed[200] != "A" else "B") + sealed[201:], [key])
    with pytest.raises(CannotDecrypt, match="not a well-formed"):
        decrypt("ENC[age,not base64!]", [key])
    assert decrypt(encrypt("x", [key.to_public(), other.to_public()]), [other]) == "x"


def test_recipients_are_age_public_keys():
    key = x25519.Identity.generate()
    assert str(parse_recipient(str(key.to_public()))) == str(key.to_public())
    with pytest.raises(ValueError, match="'age1nope' is not an age public key"):
        parse_recipient("age1nope")


def test_the_key_comes_from_the_environment_or_a_file_outside_the_archive(tmp_path: Path, monkeypatch):
    key = x25519.Identity.generate()
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in (key_places.KEY_VARIABLE, key_places.KEY_FILE_VARIABLE):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert identities(archive) is None
    default = tmp_path / "config" / "warcrime-archive" / "age-key.txt"
    default.parent.mkdir(parents=True)
    default.write_text(f"# created: now\n# public key: {key.to_public()}\n{key}\n")
    assert [str(k.to_public()) for k in identities(archive)] == [str(key.to_public())]
    monkeypatch.setenv(key_places.KEY_VARIABLE, str(key))
    assert len(identities(archive)) == 1
    monkeypatch.setenv(key_places.KEY_VARIABLE, "AGE-SECRET-KEY-1NOPE")
    with pytest.raises(KeyProblem, match="not an age secret key"):
        identities(archive)
    monkeypatch.delenv(key_places.KEY_VARIABLE)
    inside = archive / "key.txt"
    inside.write_text(str(key))
    monkeypatch.setenv(key_places.KEY_FILE_VARIABLE, str(inside))
    with pytest.raises(KeyProblem, match="is inside the archive's folder, where it could be committed"):
        identities(archive)
    monkeypatch.setenv(key_places.KEY_FILE_VARIABLE, str(tmp_path / "missing.txt"))
    with pytest.raises(KeyProblem, match="which is not a file"):
        identities(archive)


def test_the_private_values_of_a_record():
    record = {
        "title": "t",
        "private": {"notes": "n", "contacts": [{"phone": 1}], "empty": None},
        "evidence": [{"description": "d", "file": "/vault/a.mp4"}, {"description": "e"}],
        "victims": [{"people": [{"name": "A B", "also_reported_as": ["C"], "note": "x"}]}],
    }
    public = [loc for loc, _ in private_leaves(record)]
    assert public == [("private", "notes"), ("private", "contacts", 0, "phone"), ("evidence", 0, "file")]
    personal = [loc for loc, _ in private_leaves({**record, "sensitivity": ["personal-information"]})]
    assert personal[3:] == [
        ("victims", 0, "people", 0, "name"),
        ("victims", 0, "people", 0, "also_reported_as", 0),
        ("victims", 0, "people", 0, "note"),
    ]
