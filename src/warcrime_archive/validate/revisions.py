"""Methodology as code over time, against a git revision (`validate --since REV`): a record whose grade, alleged
perpetrator side or victim count changed must say so in a new `corrections` entry; the corrections log is
append-only (a published correction is never edited, re-dated or removed, nor a withdrawal's date and reason); and
a published record is never deleted (it is withdrawn instead, or its id kept as another record's alias)."""

from __future__ import annotations

import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from warcrime_archive import layout
from warcrime_archive.model.archive import Archive, Record
from warcrime_archive.model.people import NOT_ATTRIBUTED
from warcrime_archive.model.record import Correction, Incident
from warcrime_archive.problems import Problem
from warcrime_archive.read.yaml_reader import Document, Loc, parse_text, read_yaml
from warcrime_archive.validate.format1 import upgrade_record
from warcrime_archive.validate.load import today

HINT = "add a `corrections` entry saying what changed and why"


class RevisionError(Exception):
    """The archive is not in a git repository, or the revision is unknown."""


@dataclass(frozen=True)
class Change:
    loc: Loc
    what: str


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise RevisionError("git is not installed; --since needs it") from None
    if done.returncode != 0:
        raise RevisionError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def old_texts(root: Path, rev: str) -> dict[str, str]:
    """Path relative to the archive root -> the text of each record file at `rev`."""
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())
    except RevisionError:
        raise RevisionError(f"{root} is not in a git repository; --since compares with a git revision") from None
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except RevisionError:
        raise RevisionError(f"unknown revision '{rev}' (give a branch, tag or commit, e.g. origin/main)") from None
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    listing = _git(top, "ls-tree", "-r", "-z", "--name-only", "--full-tree", commit, "--", f"{prefix}incidents")
    names = [n for n in listing.decode("utf-8").split("\0") if n and n.endswith(layout.RECORD_SUFFIXES)]
    if not names:
        return {}
    request = "".join(f"{commit}:{name}\n" for name in names).encode("utf-8")
    out = _git(top, "cat-file", "--batch", stdin=request)
    texts: dict[str, str] = {}
    pos = 0
    for name in names:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        body = out[header_end + 1 : header_end + 1 + size]
        pos = header_end + 1 + size + 1
        texts[name[len(prefix) :]] = body.decode("utf-8", "replace")
    return texts


def _changes(old: Incident, new: Incident) -> list[Change]:
    changes = []
    if old.is_withdrawn and not new.is_withdrawn:
        changes.append(Change(("status",), "the record was withdrawn and is published again"))
    if old.verification.status != new.verification.status:
        changes.append(
            Change(
                ("verification", "status"),
                f"the grade changed from '{old.verification.status}' to '{new.verification.status}'",
            )
        )
    old_sides = sorted({p.side for p in old.alleged_perpetrators})
    new_sides = sorted({p.side for p in new.alleged_perpetrators})
    if old_sides != new_sides:
        changes.append(
            Change(
                ("alleged_perpetrators",),
                f"the alleged perpetrator sides changed from {', '.join(old_sides) or NOT_ATTRIBUTED} "
                f"to {', '.join(new_sides) or NOT_ATTRIBUTED}",
            )
        )
    old_counts = [g.count_words() for g in old.victims]
    new_counts = [g.count_words() for g in new.victims]
    for i, count in enumerate(new_counts):
        if i >= len(old_counts) or count != old_counts[i]:
            before = old_counts[i] if i < len(old_counts) else "no such group"
            changes.append(Change(("victims", i, "count"), f"the victim count changed from {before} to {count}"))
            break
    else:
        if len(old_counts) > len(new_counts):
            changes.append(Change(("victims",), f"{len(old_counts) - len(new_counts)} victim group(s) were removed"))
    return changes


def changed_since(archive: Archive, rev: str) -> list[Problem]:
    """Errors for records changed in grade, side or victim count since `rev` with no new correction, for
    published corrections and withdrawals edited, re-dated or removed, and for records deleted since then
    whose id no record keeps (as its own, or as an alias)."""
    texts = old_texts(archive.root, rev)
    context: dict[str, object] = {"config": archive.config, "today": today()}
    by_path = {r.path: r for r in archive.records}
    by_id = {r.id: r for r in archive.records}
    aliases = {alias: r for r in archive.records for alias in r.incident.aliases}
    problems: list[Problem] = []
    for path, text in texts.items():
        stem = PurePosixPath(path).stem
        record = by_path.get(path) or by_id.get(stem) or aliases.get(stem)
        if record is None:
            problems.append(
                Problem(
                    path,
                    1,
                    1,
                    "",
                    f"the record '{stem}' is deleted since {rev}: its published address would stop working",
                    "withdraw it instead (`status: withdrawn`, with `withdrawn: {date, reason}`), or keep its id in "
                    "the `aliases` of the record that replaces it",
                )
            )
            continue
        old_doc, found = parse_text(text, archive.root / path, path)
        if old_doc is None or found or not isinstance(old_doc.data, dict):
            continue
        upgrade_record(old_doc.data)  # a version from before the upgrade to format 2 is compared as format 2
        try:
            old = Incident.model_validate(old_doc.data, context=context)
        except ValidationError:
            continue  # the old version did not validate: there is no published state to protect
        problems += _record_problems(archive, record, old, rev)
    return problems


def _record_problems(archive: Archive, record: Record, old: Incident, rev: str) -> list[Problem]:
    new = record.incident
    changes = _changes(old, new)
    kept = old.corrections == new.corrections and old.withdrawn == new.withdrawn
    if not changes and kept:
        return []
    doc, _ = read_yaml(archive.root / record.path, record.path)
    assert doc is not None, "the record was read and validated a moment ago"
    problems, added = _append_only(old.corrections, new.corrections, doc, rev)
    if old.withdrawn is not None and new.withdrawn is not None and old.withdrawn != new.withdrawn:
        problems.append(
            doc.problem(
                ("withdrawn",),
                f"the withdrawal published at {rev} was changed: its date and its reason stay as published",
                "put them back; to say more, add a `corrections` entry",
            )
        )
    if not added:
        problems += [
            doc.problem(c.loc, f"{c.what} since {rev}, and no new `corrections` entry says so", HINT) for c in changes
        ]
    return problems


def _append_only(old: list[Correction], new: list[Correction], doc: Document, rev: str) -> tuple[list[Problem], bool]:
    """Problems for each correction published at `rev` that was edited, re-dated or removed, and whether any
    correction is new (one matching none of the published ones)."""
    left = Counter((c.date, c.note) for c in old)
    fresh = []  # indexes of the new list matching no published correction exactly
    for j, c in enumerate(new):
        if left[(c.date, c.note)] > 0:
            left[(c.date, c.note)] -= 1
        else:
            fresh.append(j)
    missing = []  # the published corrections that the new list lacks, with their indexes in the old list
    for i, c in enumerate(old):
        if left[(c.date, c.note)] > 0:
            left[(c.date, c.note)] -= 1
            missing.append((i, c))
    problems = []
    for i, gone in missing:
        same_note = [j for j in fresh if new[j].note == gone.note]
        same_date = sorted((j for j in fresh if new[j].date == gone.date), key=lambda j: (j != i, j))
        if same_note:
            j = same_note[0]
            fresh.remove(j)
            problems.append(
                doc.problem(
                    ("corrections", j, "date"),
                    f"this correction was published at {rev} dated {gone.date.iso()}: a published correction keeps "
                    "its date",
                    "put its date back; to record a later change, add a new correction",
                )
            )
        elif same_date:
            j = same_date[0]
            fresh.remove(j)
            problems.append(
                doc.problem(
                    ("corrections", j, "note"),
                    f"the note of this correction was changed since {rev}: a published correction is never edited",
                    "put its note back as it was, and add a new correction saying what changed",
                )
            )
        else:
            problems.append(
                doc.problem(
                    ("corrections",),
                    f"the correction dated {gone.date.iso()} published at {rev} was removed: the corrections log "
                    "is append-only",
                    "put it back as it was; if it was wrong, add a new correction saying so",
                )
            )
    return problems, bool(fresh)
