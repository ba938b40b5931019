"""Private values kept encrypted in the repository: a plaintext private value is an error (unless archive.yaml says
the repository itself is private), and so is an encrypted value anywhere it would be published."""

from __future__ import annotations

from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.problems import Problem
from warcrime_archive.read.encrypted import ENCRYPTED, all_leaves, looks_encrypted, private_areas, private_leaves
from warcrime_archive.read.yaml_reader import Document

PLAINTEXT_HINT = (
    "run `warcrime-archive private encrypt` (for the recipients in archive.yaml's `encryption`), or, only if the "
    "repository itself is private, set `encryption: {repository_is_private: true}`"
)
MALFORMED_HINT = "restore it from git, or write the value again with `warcrime-archive private edit`"


def encryption_problems(doc: Document, config: ArchiveConfig | None, *, any_encrypted: bool = True) -> list[Problem]:
    """Errors for a record's private values stored in plaintext (one per private area: `private`, an evidence file,
    a person), for encrypted values that are malformed, and for encrypted values outside the private places.
    `any_encrypted=False` (the file's text has no `ENC[`) skips the search for the last two."""
    data = doc.data
    private = dict(private_leaves(data))
    problems = []
    if config is None or not config.encryption.repository_is_private:
        for area in private_areas(data):
            inside = (loc for loc, value in private.items() if loc[: len(area)] == area and not looks_encrypted(value))
            plain = next(inside, None)
            if plain is not None:
                problems.append(
                    doc.problem(
                        plain,
                        "a private value is stored in plaintext: the site never shows it, but anyone who can read "
                        "the repository can",
                        PLAINTEXT_HINT,
                    )
                )
    for loc, value in all_leaves(data) if any_encrypted else ():
        if not looks_encrypted(value):
            continue
        if loc not in private:
            problems.append(
                doc.problem(
                    loc,
                    "an encrypted value here would be published: only `private`, `evidence[].file`, and the people "
                    "and the place's detail of a personal-information record may be encrypted",
                    "write the public value here, or move the private one under `private`",
                )
            )
        elif ENCRYPTED.match(value) is None:
            problems.append(
                doc.problem(loc, "is not a well-formed encrypted value (ENC[age,<base64>])", MALFORMED_HINT)
            )
    return problems
