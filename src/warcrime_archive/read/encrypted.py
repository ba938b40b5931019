"""Private values encrypted at rest, the way SOPS does it for YAML: in a record, each private value (a leaf: a text,
a number, a yes/no) is stored as one string `ENC[age,<base64>]`, the age encryption (pyrage) of the value as JSON
for the archive's recipients (`encryption.recipients` in archive.yaml); the mapping keys stay readable.

Which values are private (`private_leaves`): everything under `private`, each `evidence[].file`, and in a record
marked `personal-information` everything about the people of its victims (`victims[].people[]`) and the place's
`location.detail` (the site shows neither). Nothing here
writes: a decrypted value lives in memory only. The identity (the secret key) comes from the environment
(`KEY_VARIABLE`, e.g. a CI secret), from the file `KEY_FILE_VARIABLE` names, or from `default_key_file()`; never
from the archive's folder (`identities` refuses a key file inside it, where it could be committed).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyrage
from pyrage import x25519

from warcrime_archive.read.key_places import KEY_FILE_VARIABLE, KEY_VARIABLE, default_key_file
from warcrime_archive.read.yaml_reader import Loc

ENCRYPTED = re.compile(r"^ENC\[age,([A-Za-z0-9+/]+={0,2})\]$")
PERSONAL = "personal-information"

Identity = Any  # a pyrage identity (x25519.Identity); pyrage has no common base class
Recipient = Any  # a pyrage recipient (x25519.Recipient)


class KeyProblem(Exception):
    """The key given cannot be used: unreadable, malformed, or kept inside the archive."""


def is_encrypted(value: object) -> bool:
    return isinstance(value, str) and ENCRYPTED.match(value) is not None


def looks_encrypted(value: object) -> bool:
    """Whether a value is meant as an encrypted value (well formed or not)."""
    return isinstance(value, str) and value.startswith("ENC[")


def parse_recipient(text: str) -> Recipient:
    """An age public key (`age1...`); ValueError when it is not one."""
    try:
        return x25519.Recipient.from_str(text.strip())
    except pyrage.RecipientError:
        message = f"'{text}' is not an age public key (age1..., as `warcrime-archive private keygen` prints it)"
        raise ValueError(message) from None


def parse_identities(text: str) -> list[Identity]:
    """The secret keys in a key file's text: one `AGE-SECRET-KEY-1...` a line; comments (#) and blank lines skipped."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            found.append(x25519.Identity.from_str(line))
        except pyrage.IdentityError:
            raise KeyProblem("the key is not an age secret key (AGE-SECRET-KEY-1...)") from None
    if not found:
        raise KeyProblem("the key file holds no age secret key (AGE-SECRET-KEY-1...)")
    return found


def identities(root: Path) -> list[Identity] | None:
    """The editor's or CI's secret keys, or None when none is given. KeyProblem when one is given but cannot be
    used, or is kept inside the archive's folder (a file there would be one `git add` away from publication)."""
    text = os.environ.get(KEY_VARIABLE, "").strip()
    if text:
        return parse_identities(text)
    named = os.environ.get(KEY_FILE_VARIABLE, "").strip()
    path = Path(named).expanduser() if named else default_key_file()
    if not path.is_file():
        if named:
            raise KeyProblem(f"{KEY_FILE_VARIABLE} names {path}, which is not a file")
        return None
    if path.resolve().is_relative_to(root.resolve()):
        raise KeyProblem(
            f"the key file {path} is inside the archive's folder, where it could be committed: move it out "
            f"(e.g. to {default_key_file()})"
        )
    try:
        return parse_identities(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyProblem(f"cannot read the key file {path}: {exc}") from None


def encrypt(value: Any, recipients: list[Recipient]) -> str:
    """A private value as it is stored: `ENC[age,<base64>]`, the value as JSON encrypted for every recipient."""
    plain = json.dumps(value, ensure_ascii=False).encode("utf-8")
    return "ENC[age," + base64.b64encode(pyrage.encrypt(plain, recipients)).decode("ascii") + "]"


class CannotDecrypt(Exception):
    """No key given opens the value, or it is not a well-formed encrypted value."""


def decrypt(text: str, keys: list[Identity]) -> Any:
    """The value an `ENC[age,...]` string holds (a text, a number, a yes/no)."""
    found = ENCRYPTED.match(text)
    if found is None:
        raise CannotDecrypt("not a well-formed encrypted value (ENC[age,<base64>])")
    try:
        plain = pyrage.decrypt(base64.b64decode(found.group(1), validate=True), keys)
        return json.loads(plain.decode("utf-8"))
    except (binascii.Error, ValueError):
        raise CannotDecrypt("not a well-formed encrypted value (ENC[age,<base64>])") from None
    except pyrage.DecryptError:
        raise CannotDecrypt("no key given can decrypt it (it was encrypted for other recipients, or damaged)") from None


def _leaves(value: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    """Every value at the end of a branch, but those that hold nothing to hide (null, an empty text)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*loc, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _leaves(item, (*loc, n))
    elif value is not None and value != "":
        yield loc, value


def private_areas(data: Any) -> Iterator[Loc]:
    """Where a raw record keeps private values: `private`, each `evidence[i].file` and, when the record is marked
    personal-information, each `victims[g].people[p]` and the place's `location.detail`."""
    if not isinstance(data, dict):
        return
    if "private" in data:
        yield ("private",)
    evidence = data.get("evidence")
    for i, item in enumerate(evidence if isinstance(evidence, list) else []):
        if isinstance(item, dict) and "file" in item:
            yield ("evidence", i, "file")
    sensitivity = data.get("sensitivity")
    if isinstance(sensitivity, list) and PERSONAL in sensitivity:
        location = data.get("location")
        if isinstance(location, dict) and "detail" in location:
            yield ("location", "detail")
        victims = data.get("victims")
        for g, group in enumerate(victims if isinstance(victims, list) else []):
            people = group.get("people") if isinstance(group, dict) else None
            for p, _ in enumerate(people if isinstance(people, list) else []):
                yield ("victims", g, "people", p)


def value_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def private_leaves(data: Any) -> Iterator[tuple[Loc, Any]]:
    """Every private value of a raw record (a leaf under one of its `private_areas`), with where it is."""
    for area in private_areas(data):
        yield from _leaves(value_at(data, area), area)


def all_leaves(data: Any) -> Iterator[tuple[Loc, Any]]:
    """Every leaf of a raw record, with where it is."""
    yield from _leaves(data, ())
