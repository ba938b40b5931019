"""The docs stay true: every record field and every command-line option is documented."""

import re
import shlex
import shutil
import subprocess
import sys

import click
from record_models import record_models
from repo_paths import REPO

from warcrime_archive.cli import cli
from warcrime_archive.model.config import ArchiveConfig


def test_every_record_field_is_in_the_editors_reference():
    text = (REPO / "docs" / "record-format.md").read_text()
    documented = set(re.findall(r"`([a-z_0-9.\[\]]+)`", text))
    names = {part for item in documented for part in re.split(r"[.\[\]]+", item) if part}
    models = [*record_models(), ArchiveConfig]
    missing = [
        f"{m.__name__}.{f.alias or n}" for m in models for n, f in m.model_fields.items() if (f.alias or n) not in names
    ]
    assert missing == []


def test_every_command_and_option_is_documented():
    text = (REPO / "README.md").read_text() + "".join(p.read_text() for p in sorted((REPO / "docs").glob("*.md")))
    missing = []
    for name, command in cli.commands.items():
        if f"warcrime-archive {name}" not in text:
            missing.append(name)
        for param in command.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    if opt.startswith("--") and opt not in text:
                        missing.append(f"{name} {opt}")
    assert missing == []


def test_the_editing_walkthrough_shows_real_output(tmp_path):
    """docs/editing.md: a new record from its commands, a planted mistake at its line, as text and annotation."""
    text = (REPO / "docs" / "editing.md").read_text()
    root = tmp_path / "archive"
    root.mkdir()
    shutil.copy(REPO / "archive.yaml", root)
    for name in ("incidents", "pages"):
        shutil.copytree(REPO / name, root / name)
    command = re.search(r"^warcrime-archive new (.*)$", text, re.M)
    assert command is not None

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "warcrime_archive", *args], cwd=root, capture_output=True, text=True
        )

    created = run("new", *shlex.split(command.group(1)))
    assert created.returncode == 0, created.stderr
    assert created.stdout.split(" (id ")[0] in text.replace("\n", " ")
    record = next((root / "incidents").glob("2023-05-14-*.yaml"))
    record.write_text(record.read_text().replace("    harm: ''", "    harm: shot"))
    terminal = [line for line in run("validate").stderr.splitlines() if "harm" in line]
    github = [line for line in run("validate", "--format", "github").stdout.splitlines() if "harm" in line]
    assert len(terminal) == len(github) == 1
    assert f"\n{terminal[0]}\n" in text
    assert f"\n{github[0]}\n" in text


def test_the_import_example_shows_real_output(tmp_path):
    """docs/editing.md, importing your data: the example export and mapping give the output shown."""
    section = (REPO / "docs" / "editing.md").read_text().split("## 11. Importing your data")[1]
    export, mapping, _command, output = re.findall(r"```(?:yaml)?\n(.*?)```", section, re.S)[:4]
    shutil.copytree(REPO / "tests" / "data" / "minimal", tmp_path / "a")
    (tmp_path / "incidents.csv").write_text(export)
    (tmp_path / "mapping.yaml").write_text(mapping)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "warcrime_archive",
            "import",
            "incidents.csv",
            "--mapping",
            "mapping.yaml",
            "--root",
            "a",
            "--dry-run",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.stderr + done.stdout == output
    imported = subprocess.run(
        [
            sys.executable,
            "-m",
            "warcrime_archive",
            "import",
            "incidents.csv",
            "--mapping",
            "mapping.yaml",
            "--root",
            "a",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert "1 created" in imported.stdout
    checked = subprocess.run(
        [sys.executable, "-m", "warcrime_archive", "validate", "--root", "a"], cwd=tmp_path, capture_output=True
    )
    assert checked.returncode == 0


def tree_in_maintaining() -> list[str]:
    """The paths the tree at the top of docs/maintaining.md names, one a line, from its indentation."""
    text = (REPO / "docs" / "maintaining.md").read_text()
    block = text.split("```\n", 2)[1]
    assert block.startswith("src/warcrime_archive/\n"), "docs/maintaining.md opens with the tree of the code"
    paths, folders = [], []
    for line in block.splitlines()[1:]:
        depth = (len(line) - len(line.lstrip(" "))) // 2
        name = line.split()[0]
        folders[depth - 1 :] = []
        if name.endswith("/"):
            folders.append(name)
        paths.append("".join(folders[: depth - 1]) + name)
    return paths


def test_the_tree_in_maintaining_names_every_module_once():
    package = REPO / "src" / "warcrime_archive"
    modules = [
        p.relative_to(package).as_posix().removesuffix("__init__.py")
        for p in package.rglob("*.py")
        if p.name != "__init__.py" or p.parent != package
    ]
    named = tree_in_maintaining()
    assert sorted(named) == sorted(modules)
    assert len(named) == len(set(named))
