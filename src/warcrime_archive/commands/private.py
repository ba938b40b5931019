"""`warcrime-archive private ...`: private values encrypted in the records, for an editor.

- `keygen` makes a key pair: the secret key in a file outside the archive, the public key to list in archive.yaml.
- `encrypt` encrypts every private value written in plaintext (it needs only the public keys in archive.yaml).
- `show` prints a record with its private values decrypted (it needs a key); nothing is written.
- `edit` opens a record with its private values decrypted in an editor, from a temporary folder outside the archive
  (in memory where the system has /dev/shm), and encrypts them again when the editor closes; values left as they
  were keep their ciphertext, so the record's diff shows only what changed.
- `rekey` encrypts every private value again for the recipients archive.yaml lists now (after adding or removing
  one).

Only the values change: the record's text, comments and layout stay as they are. Each value is found in the YAML
text by the position the parser gives it, and replaced there.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pyrage import x25519

from warcrime_archive.read.encrypted import (
    CannotDecrypt,
    Identity,
    Recipient,
    decrypt,
    encrypt,
    identities,
    is_encrypted,
    parse_recipient,
    private_leaves,
)
from warcrime_archive.read.key_places import default_key_file
from warcrime_archive.read.yaml_reader import Loc, dotted, parse_text
from warcrime_archive.validate.config import read_config
from warcrime_archive.validate.files import record_files


class PrivateError(Exception):
    """What stops the command: said to the editor, exit status 1."""


@dataclass(frozen=True)
class Span:
    """Where a scalar's text is in the file, and whether it is inside a flow collection (`{...}`, `[...]`)."""

    start: int
    end: int
    in_flow: bool


def _spans(text: str) -> dict[Loc, Span]:
    """The place in the text of every scalar value, by its location in the data."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)  # nodes only: no object is built from the text
    found: dict[Loc, Span] = {}
    stack: list[tuple[Any, Loc, bool]] = [(root, (), False)] if root is not None else []
    while stack:
        node, loc, in_flow = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            raw = text[node.start_mark.index : node.end_mark.index]
            found[loc] = Span(node.start_mark.index, node.start_mark.index + len(raw.rstrip("\n")), in_flow)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((value, (*loc, key.value), in_flow or bool(node.flow_style)))
        elif isinstance(node, yaml.SequenceNode):
            for n, value in enumerate(node.value):
                stack.append((value, (*loc, n), in_flow or bool(node.flow_style)))
    return found


def _sealed_scalar(ciphertext: str, span: Span) -> str:
    """An encrypted value as YAML: plain (as SOPS writes it), quoted inside a flow collection, where `[` and `,`
    would end it."""
    return f"'{ciphertext}'" if span.in_flow else ciphertext


def _replace(text: str, spans: dict[Loc, Span], values: dict[Loc, str]) -> str:
    """The text with the scalar at each location replaced by the YAML text given for it."""
    for loc in sorted(values, key=lambda loc: spans[loc].start, reverse=True):
        span = spans[loc]
        text = text[: span.start] + values[loc] + text[span.end :]
    return text


def _read(path: Path, shown: str) -> tuple[str, Any]:
    """A record file's text and data; PrivateError with its problems when it cannot be read."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("utf-8")
    doc, problems = parse_text(text, path, shown)
    if doc is None or problems:
        raise PrivateError("\n".join(p.text() for p in problems) or f"{shown}: cannot be read")
    return text, doc.data


def _write(path: Path, text: str) -> None:
    bom = "\ufeff" if path.read_bytes().startswith(b"\xef\xbb\xbf") else ""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(bom + text, encoding="utf-8")
    os.replace(temporary, path)


def recipients(root: Path) -> list[Recipient]:
    """The recipients archive.yaml lists; PrivateError when it lists none or is invalid."""
    config, problems = read_config(root)
    if config is None:
        raise PrivateError("\n".join(p.text() for p in problems))
    if not config.encryption.recipients:
        raise PrivateError(
            "archive.yaml lists no `encryption.recipients`: add the public key of each editor who may read private "
            "values (`warcrime-archive private keygen` makes a key pair)"
        )
    return [parse_recipient(r) for r in config.encryption.recipients]


def keys_of(root: Path) -> list[Identity]:
    """The editor's secret keys; PrivateError when none is given."""
    found = identities(root)
    if not found:
        raise PrivateError(
            f"no key was given: set WARCRIME_ARCHIVE_AGE_KEY_FILE to your key file, or keep it at {default_key_file()}"
        )
    return found


# --- encrypt, show, edit, rekey ------------------------------------------------------------------------------------


def seal(text: str, to: list[Recipient], kept: dict[Loc, tuple[Any, str]] | None = None) -> tuple[str, int]:
    """The record's text with every private value in plaintext encrypted for `to`, and how many were. A value that is
    the one `kept` remembers at its place gets back that ciphertext instead of a new one."""
    doc, problems = parse_text(text, Path("record"), "record")
    if doc is None or problems:
        raise PrivateError("\n".join(p.text() for p in problems))
    spans = _spans(text)
    values: dict[Loc, str] = {}
    fresh = 0
    for loc, value in private_leaves(doc.data):
        if is_encrypted(value):
            continue
        before = (kept or {}).get(loc)
        if before is not None and before[0] == value:
            ciphertext = before[1]
        else:
            ciphertext, fresh = encrypt(value, to), fresh + 1
        values[loc] = _sealed_scalar(ciphertext, spans[loc])
    return _replace(text, spans, values), fresh


def reveal(text: str, keys: list[Identity]) -> tuple[str, dict[Loc, tuple[Any, str]]]:
    """The record's text with each encrypted private value decrypted (written as JSON, which is YAML), and for each
    place its value and its ciphertext."""
    doc, problems = parse_text(text, Path("record"), "record")
    if doc is None or problems:
        raise PrivateError("\n".join(p.text() for p in problems))
    spans = _spans(text)
    values: dict[Loc, str] = {}
    kept: dict[Loc, tuple[Any, str]] = {}
    for loc, value in private_leaves(doc.data):
        if not is_encrypted(value):
            continue
        try:
            plain = decrypt(value, keys)
        except CannotDecrypt as exc:
            raise PrivateError(f"{dotted(loc)}: {exc}") from None
        kept[loc] = (plain, value)
        values[loc] = json.dumps(plain, ensure_ascii=False)
    return _replace(text, spans, values), kept


def encrypt_records(root: Path, files: list[Path] | None = None) -> list[tuple[str, int]]:
    """Encrypt every plaintext private value of the records (all of them, or `files`) in place: (file, how many)."""
    to = recipients(root)
    done = []
    for path, shown in _records(root, files):
        text, _ = _read(path, shown)
        sealed, count = seal(text, to)
        if count:
            _write(path, sealed)
        done.append((shown, count))
    return done


def show_record(root: Path, path: Path) -> str:
    """The record's text with its private values decrypted."""
    text, _ = _read(path, path.name)
    return reveal(text, keys_of(root))[0]


def edit_record(root: Path, path: Path, editor: Callable[[Path], int] | None = None) -> int:
    """Decrypt the record into a private temporary folder, let the editor change it, encrypt it again and write it
    back; how many values were encrypted anew. The temporary copy is removed whatever happens."""
    to = recipients(root)
    text, _ = _read(path, path.name)
    plain, kept = reveal(text, keys_of(root))
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(prefix="warcrime-archive-private-", dir=shm if shm.is_dir() else None))
    try:
        copy = folder / path.name
        copy.write_text(plain, encoding="utf-8")
        copy.chmod(0o600)
        status = (editor or _run_editor)(copy)
        if status != 0:
            raise PrivateError(f"the editor exited with status {status}; {path} is unchanged")
        edited = copy.read_text("utf-8")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if edited == plain:
        return 0
    try:
        sealed, count = seal(edited, to, kept)
    except PrivateError as exc:
        raise PrivateError(f"{exc}\nthe edited record is not valid YAML; {path} is unchanged") from None
    _write(path, sealed)
    return count


def _run_editor(path: Path) -> int:
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    return subprocess.run([*shlex.split(command), str(path)], check=False).returncode


def rekey_records(root: Path) -> list[tuple[str, int]]:
    """Encrypt every private value of every record again, for the recipients archive.yaml lists now."""
    to = recipients(root)
    keys = keys_of(root)
    done = []
    for path, shown in _records(root, None):
        text, _ = _read(path, shown)
        plain, kept = reveal(text, keys)
        sealed, count = seal(plain, to)
        if count:
            _write(path, sealed)
        done.append((shown, count))
    return done


def _records(root: Path, files: list[Path] | None) -> list[tuple[Path, str]]:
    if files:
        return [(path, path.as_posix()) for path in files]
    found, problems = record_files(root)
    if problems:
        raise PrivateError("\n".join(p.text() for p in problems))
    return found


# --- keygen --------------------------------------------------------------------------------------------------------


def make_key(root: Path, out: Path | None) -> tuple[Path, str]:
    """A new key pair: the secret key written to `out` (by default the editor's key file), readable by its owner only,
    never inside the archive; the public key returned, to list in archive.yaml."""
    target = (out or default_key_file()).expanduser()
    if target.resolve().is_relative_to(root.resolve()):
        raise PrivateError(
            f"{target} is inside the archive's folder, where it could be committed: choose another place"
        )
    if target.exists():
        raise PrivateError(f"{target} already exists; it is not overwritten")
    key = x25519.Identity.generate()
    public = str(key.to_public())
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write("# warcrime-archive private keygen: keep this file secret, and never commit it\n")
        file.write(f"# public key: {public}\n{key}\n")
    return target, public
