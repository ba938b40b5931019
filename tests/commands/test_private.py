"""`warcrime-archive private ...`, run as an editor would: keys, encryption in place, reading, editing, re-keying, and a
repository whose history never holds a private value in plaintext."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from gitrepo import git
from repo_paths import MINIMAL

from warcrime_archive.cli import cli
from warcrime_archive.read.encrypted import ENCRYPTED, decrypt, parse_identities

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"
SECRET_NOTE = "Zqwitnessphonezq +380 00 000 0000"
PLAINTEXT_RECORD_TAIL = f"""\
sensitivity: [personal-information]
evidence:
  - description: A video.
    file: /vault/zqevidencefilezq.mp4   # where the copy is kept
private:
  # who to call
  witness: {{name: Zqwitnessnamezq, phone: "{SECRET_NOTE}"}}
  notes: |
    Zqprivatenoteszq
    on two lines
"""


def run(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warcrime_archive", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture
def editor(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A key pair made by `private keygen` outside the archive, and the minimal archive listing its public key."""
    key_file = tmp_path / "keys" / "age-key.txt"
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    made = run("private", "keygen", "--root", str(root), "--out", str(key_file))
    assert made.returncode == 0, made.stderr
    public = next(line.split(": ", 1)[1] for line in made.stdout.splitlines() if line.startswith("Your public key: "))
    assert (key_file.stat().st_mode & 0o777) == 0o600
    with (root / "archive.yaml").open("a") as config:
        config.write(f"encryption:\n  recipients:\n    - {public}  # the test editor\n")
    return root, {"WARCRIME_ARCHIVE_AGE_KEY_FILE": str(key_file)}


def test_encrypt_keeps_the_text_and_comments_and_replaces_only_the_values(editor):
    root, env = editor
    path = root / RECORD
    path.write_text(path.read_text() + PLAINTEXT_RECORD_TAIL)
    refused = run("validate", "--root", str(root))
    assert refused.returncode == 1 and "a private value is stored in plaintext" in refused.stderr
    done = run("private", "encrypt", "--root", str(root))  # no key needed: only the public keys
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Encrypted 6 values in {RECORD}",
        "6 private values encrypted in 1 record",
    ]  # the name and the other name of the person (personal-information), the file, the 3 values under private
    text = path.read_text()
    for marker in ("zqevidencefilezq", "Zqwitnessnamezq", "Zqwitnessphonezq", "Zqprivatenoteszq", "A B", "C D"):
        assert marker not in text
    assert "    file: ENC[age," in text and "# where the copy is kept" in text and "  # who to call\n" in text
    assert "  witness: {name: 'ENC[age," in text  # quoted inside a flow mapping
    assert text.startswith((MINIMAL / RECORD).read_text().split("victims:")[0])  # the rest is as it was
    data = yaml.safe_load(text)
    keys = parse_identities(Path(env["WARCRIME_ARCHIVE_AGE_KEY_FILE"]).read_text())
    assert decrypt(data["private"]["notes"], keys) == "Zqprivatenoteszq\non two lines\n"
    assert decrypt(data["victims"][0]["people"][0]["name"], keys) == "A B"
    checked = run("validate", "--root", str(root), env=env)
    assert checked.returncode == 0, checked.stderr
    again = run("private", "encrypt", "--root", str(root))
    assert again.stdout.splitlines() == ["0 private values encrypted in 1 record"] and path.read_text() == text


def test_validate_without_the_key_says_the_name_check_did_not_run(editor):
    root, env = editor
    path = root / RECORD
    path.write_text(path.read_text() + PLAINTEXT_RECORD_TAIL)
    run("private", "encrypt", "--root", str(root))
    without = run("validate", "--root", str(root))
    assert without.returncode == 0
    assert without.stderr.splitlines()[0] == (
        f"{RECORD}:9:92: note: victims[0].people[0].name: the name check did not run for this record: the names of its "
        "people are encrypted and no key was given (give the key (WARCRIME_ARCHIVE_AGE_KEY or "
        "WARCRIME_ARCHIVE_AGE_KEY_FILE, see docs/security.md); CI runs the check with it before publishing)"
    )
    assert without.stdout == "OK: 1 record checked; 0 errors, 1 warning in 1 file, 1 check not run\n"
    annotations = run("validate", "--root", str(root), "--format", "github").stdout.splitlines()
    assert annotations[0].startswith("::notice file=") and (
        f"{RECORD},line=9,col=92,title=victims[0].people[0].name::the name check did not run" in annotations[0]
    )
    path.write_text(path.read_text().replace("summary: A video appears to show ...", "summary: A video shows A B."))
    assert run("validate", "--root", str(root)).returncode == 0  # without the key the name cannot be seen
    found = run("validate", "--root", str(root), env=env)
    assert found.returncode == 1
    assert "summary: holds the name of victims[0].people[0] or a part of it" in found.stderr


def test_show_prints_the_values_and_edit_changes_only_what_the_editor_changed(editor, tmp_path: Path):
    root, env = editor
    path = root / RECORD
    path.write_text(path.read_text() + PLAINTEXT_RECORD_TAIL)
    run("private", "encrypt", "--root", str(root))
    sealed = path.read_text()
    shown = run("private", "show", "--root", str(root), str(path), env=env)
    assert shown.returncode == 0, shown.stderr
    assert '    file: "/vault/zqevidencefilezq.mp4"   # where the copy is kept' in shown.stdout
    assert f'phone: "{SECRET_NOTE}"' in shown.stdout and path.read_text() == sealed
    assert run("private", "show", "--root", str(root), str(path)).stderr.startswith("Error: no key was given")
    script = tmp_path / "edit.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "assert '/dev/shm' in str(p) or 'warcrime-archive-private-' in str(p), p\n"
        "p.write_text(p.read_text().replace('+380 00 000 0000', '+380 11 111 1111') + '  added: Zqaddedzq\\n')\n"
    )
    edited = run("private", "edit", "--root", str(root), str(path), env={**env, "EDITOR": f"{sys.executable} {script}"})
    assert edited.returncode == 0, edited.stderr
    assert edited.stdout == f"Wrote {path} (2 values encrypted anew)\n"
    after = path.read_text()
    assert "Zqaddedzq" not in after and "+380" not in after
    changed = [(a, b) for a, b in zip(sealed.splitlines(), after.splitlines(), strict=False) if a != b]
    assert len(changed) == 1 and changed[0][0].strip().startswith("witness:")  # the rest keeps its ciphertext
    assert after.splitlines()[-1].startswith("  added: ENC[age,")
    assert (
        f'phone: "{SECRET_NOTE.replace("00 000 0000", "11 111 1111")}"'
        in run("private", "show", "--root", str(root), str(path), env=env).stdout
    )
    assert not any(p.name.startswith("warcrime-archive-private-") for p in Path("/dev/shm").glob("*"))


def test_rekey_encrypts_every_value_for_the_recipients_listed_now(editor, tmp_path: Path):
    root, env = editor
    path = root / RECORD
    path.write_text(path.read_text() + PLAINTEXT_RECORD_TAIL)
    run("private", "encrypt", "--root", str(root))
    other = tmp_path / "other-key.txt"
    made = run("private", "keygen", "--root", str(root), "--out", str(other))
    public = made.stdout.splitlines()[1].split(": ")[1]
    config = root / "archive.yaml"
    config.write_text(config.read_text() + f"    - {public}  # a second editor\n")
    assert (
        run("validate", "--root", str(root), env={"WARCRIME_ARCHIVE_AGE_KEY_FILE": str(other)}).stderr.count(
            "no key given opens them"
        )
        == 1
    )
    done = run("private", "rekey", "--root", str(root), env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "6 private values encrypted again in 1 record\n"
    second = run("private", "show", "--root", str(root), str(path), env={"WARCRIME_ARCHIVE_AGE_KEY_FILE": str(other)})
    assert second.returncode == 0 and SECRET_NOTE in second.stdout


def test_keygen_never_writes_inside_the_archive_nor_over_a_key(editor, tmp_path: Path):
    root, env = editor
    inside = run("private", "keygen", "--root", str(root), "--out", str(root / "key.txt"))
    assert inside.returncode == 1 and "is inside the archive's folder, where it could be committed" in inside.stderr
    assert not (root / "key.txt").exists()
    again = run("private", "keygen", "--root", str(root), "--out", env["WARCRIME_ARCHIVE_AGE_KEY_FILE"])
    assert again.returncode == 1 and "already exists; it is not overwritten" in again.stderr


def test_encrypt_without_recipients_says_what_to_do(tmp_path: Path):
    root = shutil.copytree(MINIMAL, tmp_path / "archive")
    result = CliRunner().invoke(cli, ["private", "encrypt", "--root", str(root)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: archive.yaml lists no `encryption.recipients`")


def test_the_documented_flow_leaves_no_plaintext_private_value_in_the_repositorys_history(editor, tmp_path: Path):
    """docs/editing.md: write the record with its private values, encrypt, validate, commit; later edit them with
    `private edit`. `git grep` over every commit finds none of them."""
    root, env = editor
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Start")
    path = root / RECORD
    path.write_text(path.read_text() + PLAINTEXT_RECORD_TAIL)
    assert run("private", "encrypt", "--root", str(root), str(path)).returncode == 0
    assert run("validate", "--root", str(root), env=env).returncode == 0
    git(root, "commit", "-q", "-am", "Add the witness")
    script = tmp_path / "edit.py"
    script.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('Zqwitnessnamezq', 'Zqsecondwitnesszq'))\n"
    )
    edit = run("private", "edit", "--root", str(root), str(path), env={**env, "EDITOR": f"{sys.executable} {script}"})
    assert edit.returncode == 0, edit.stderr
    git(root, "commit", "-q", "-am", "Another witness")
    revisions = git(root, "rev-list", "--all").split()
    assert len(revisions) == 3
    for marker in ("Zqwitnessnamezq", "Zqsecondwitnesszq", "Zqwitnessphonezq", "Zqprivatenoteszq", "zqevidencefilezq"):
        found = subprocess.run(["git", "grep", "-i", marker, *revisions], cwd=root, capture_output=True, text=True)
        assert found.returncode == 1 and found.stdout == "", found.stdout  # 1: nothing found
    people = subprocess.run(["git", "grep", "-E", "name: (A B|C D)", *revisions], cwd=root, capture_output=True)
    assert people.stdout.count(b"\n") == 1  # only in "Start", before the record was marked personal-information
    assert all(ENCRYPTED.match(v) for v in [yaml.safe_load(path.read_text())["evidence"][0]["file"]])
