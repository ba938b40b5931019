"""The `private` commands on the command line (a group of `warcrime-archive`): thin, each calling
`commands.private`, imported only when the command runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from warcrime_archive.cli.common import root_option

T = TypeVar("T")


@click.group()
def private() -> None:
    """Private values, kept encrypted in the records (see docs/security.md).

    `private:`, `evidence[].file` and the people of a personal-information record are stored encrypted with age
    for the public keys listed in archive.yaml (`encryption.recipients`). An editor holding a key reads and edits
    them; the site never shows them either way.

    \b
    Make your key pair:       warcrime-archive private keygen
    Encrypt what is plain:    warcrime-archive private encrypt
    Read a record:            warcrime-archive private show incidents/<id>.yaml
    Edit a record's values:   warcrime-archive private edit incidents/<id>.yaml
    After changing the keys:  warcrime-archive private rekey
    """


RECORD_ARGUMENT = click.argument("record", type=click.Path(exists=True, dir_okay=False, path_type=Path))


def _private_step(step: Callable[[], T]) -> T:
    """Run a step of a `private` command; its PrivateError (or a key that cannot be used) ends it with status 1."""
    from warcrime_archive.commands.private import PrivateError
    from warcrime_archive.read.encrypted import KeyProblem

    try:
        return step()
    except (PrivateError, KeyProblem) as exc:
        raise click.ClickException(str(exc)) from None


@private.command(name="keygen")
@root_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the secret key. Default: ~/.config/warcrime-archive/age-key.txt (where the other commands "
    "look for it). Never inside the archive.",
)
def private_keygen(root: Path, out: Path | None) -> None:
    """Make a key pair: the secret key in a file only you can read, the public key printed for archive.yaml."""
    from warcrime_archive.commands.private import make_key

    path, public = _private_step(lambda: make_key(root, out))
    click.echo(f"Wrote your secret key to {path}: keep it secret, never commit it, and keep a copy somewhere safe.")
    click.echo(f"Your public key: {public}")
    click.echo(
        "Add it to archive.yaml under `encryption: recipients:`, commit, and have an editor who already holds a key "
        "run `warcrime-archive private rekey`."
    )


@private.command(name="encrypt")
@root_option
@click.argument("records", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def private_encrypt(root: Path, records: tuple[Path, ...]) -> None:
    """Encrypt every private value written in plaintext, in every record (or the RECORDS given), in place.

    It needs only the public keys in archive.yaml, not a secret key. Run it before committing a record whose
    private values you wrote in plaintext; `validate` refuses plaintext private values.
    """
    from warcrime_archive.commands.private import encrypt_records

    done = _private_step(lambda: encrypt_records(root, list(records) or None))
    for shown, count in done:
        if count:
            click.echo(f"Encrypted {count} value{'s' * (count != 1)} in {shown}")
    total = sum(count for _, count in done)
    click.echo(f"{total} private value{'s' * (total != 1)} encrypted in {len(done)} record{'s' * (len(done) != 1)}")


@private.command(name="show")
@root_option
@RECORD_ARGUMENT
def private_show(root: Path, record: Path) -> None:
    """Print RECORD with its private values decrypted (needs your key). Nothing is written."""
    from warcrime_archive.commands.private import show_record

    click.echo(_private_step(lambda: show_record(root, record)), nl=False)


@private.command(name="edit")
@root_option
@RECORD_ARGUMENT
def private_edit(root: Path, record: Path) -> None:
    """Edit RECORD with its private values decrypted, in $VISUAL or $EDITOR (needs your key).

    The decrypted copy is kept in a temporary folder outside the archive (in memory where the system allows) and
    removed when the editor closes; the record is then written with every private value encrypted again. Values
    left as they were keep their ciphertext.
    """
    from warcrime_archive.commands.private import edit_record

    count = _private_step(lambda: edit_record(root, record))
    click.echo(f"Wrote {record} ({count} value{'s' * (count != 1)} encrypted anew)")


@private.command(name="rekey")
@root_option
def private_rekey(root: Path) -> None:
    """Encrypt every private value of every record again, for the recipients archive.yaml lists now (needs your key).

    Run it after adding or removing a recipient. A removed recipient can still read the values in the repository's
    history: change what matters (a contact, a location) rather than only re-encrypting it.
    """
    from warcrime_archive.commands.private import rekey_records

    done = _private_step(lambda: rekey_records(root))
    total = sum(count for _, count in done)
    click.echo(
        f"{total} private value{'s' * (total != 1)} encrypted again in {len(done)} record{'s' * (len(done) != 1)}"
    )
