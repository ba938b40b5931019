"""Private values are encrypted in the repository, and nothing encrypted is published."""

from pathlib import Path

from pyrage import x25519

from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.read.encrypted import encrypt
from warcrime_archive.read.yaml_reader import parse_text
from warcrime_archive.validate.encryption import encryption_problems

SETTINGS = {
    "title": "t",
    "sides": {"a": {"label": "A"}},
    "categories": {"c": {"label": "C"}},
    "victim_statuses": {"unknown": {"label": "U"}},
    "verification": {"single-source": {"label": "S"}},
}
KEY = x25519.Identity.generate()
SEALED = encrypt("x", [KEY.to_public()])


def problems(text: str, private_repository: bool = False) -> list[str]:
    doc, found = parse_text(text, Path("r.yaml"), "r.yaml")
    assert doc is not None and found == []
    config = ArchiveConfig.model_validate(
        {**SETTINGS, "encryption": {"recipients": [str(KEY.to_public())], "repository_is_private": private_repository}}
    )
    return [p.text() for p in encryption_problems(doc, config)]


PLAIN = (
    "r.yaml:{at}: {field}: a private value is stored in plaintext: the site never shows it, but anyone who can read "
    "the repository can (run `warcrime-archive private encrypt` (for the recipients in archive.yaml's `encryption`), "
    "or, only if the repository itself is private, set `encryption: {{repository_is_private: true}}`)"
)


def test_a_plaintext_private_value_is_an_error_once_per_place_unless_the_repository_is_private():
    text = (
        f"title: t\nprivate:\n  a: {SEALED}\n  b: witness\n  c: [phone]\n"
        "evidence: [{description: d, file: /vault/x.mp4}]\n"
        "sensitivity: [personal-information]\nvictims: [{people: [{name: A B}]}]\n"
    )
    assert problems(text) == [
        PLAIN.format(at="4:6", field="private.b"),
        PLAIN.format(at="6:35", field="evidence[0].file"),
        PLAIN.format(at="8:28", field="victims[0].people[0].name"),
    ]
    assert problems(text, private_repository=True) == []


def test_people_are_private_only_in_a_personal_information_record():
    assert problems("victims: [{people: [{name: A B}]}]\n") == []


def test_an_encrypted_value_that_would_be_published_or_a_damaged_one_is_an_error():
    assert problems(f"title: {SEALED}\nprivate: {SEALED[:20]}\n") == [
        "r.yaml:1:8: title: an encrypted value here would be published: only `private`, `evidence[].file`, and the "
        "people and the place's detail of a personal-information record may be encrypted (write the public value "
        "here, or move the private one under `private`)",
        "r.yaml:2:10: private: is not a well-formed encrypted value (ENC[age,<base64>]) (restore it from git, or "
        "write the value again with `warcrime-archive private edit`)",
    ]
