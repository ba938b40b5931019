"""The pinned versions: constraints.txt pins every package the project installs, within pyproject.toml's
ranges, and scripts/lock.sh rewrites it only when every check passes with the newest allowed versions."""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from repo_paths import REPO

CONSTRAINTS = REPO / "constraints.txt"


def pins(path: Path = CONSTRAINTS) -> dict[str, Version]:
    found = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            found[canonicalize_name(name)] = Version(version)
    return found


def _wanted() -> list[Requirement]:
    """What `pip install -e '.[test]'` asks for: the dependencies and the test extra of pyproject.toml."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


def _installed_closure(wanted: list[Requirement]) -> set[str]:
    """Every package those requirements bring in, by the installed packages' own requirements."""
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [(requirement, frozenset({""})) for requirement in wanted]
    while todo:
        requirement, extras = todo.pop()
        if requirement.marker and not any(requirement.marker.evaluate({"extra": e}) for e in extras):
            continue
        key = (canonicalize_name(requirement.name), frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        for text in importlib.metadata.requires(requirement.name) or []:
            todo.append((Requirement(text), frozenset(requirement.extras) | {""}))
    return {name for name, _ in seen}


def test_every_package_installed_is_pinned_and_nothing_else():
    assert _installed_closure(_wanted()) == set(pins()), "run scripts/lock.sh (docs/maintaining.md, Development)"


def test_the_pins_are_within_the_ranges_of_pyproject_toml():
    pinned = pins()
    for requirement in _wanted():
        assert requirement.specifier.contains(pinned[canonicalize_name(requirement.name)]), requirement


def test_the_pinned_versions_are_installed():
    """What setup installs is what the lock says (the weekly lock run installs the newest and writes them)."""
    installed = {name: Version(importlib.metadata.version(name)) for name in pins()}
    assert installed == pins(), "run scripts/setup.sh"


STUB_PYTHON = """#!/bin/bash
# python3 outside the environment: `python3 -m venv DIR` makes a stub environment in DIR
echo "python3 $*" >> "$LOG"
mkdir -p "$3/bin"
echo "PATH=\\"$3/bin:\\$PATH\\"" > "$3/bin/activate"
for tool in python3 ruff mypy; do
  printf '#!/bin/bash\\necho "venv-%s $*" >> "$LOG"\\n' "$tool" > "$3/bin/$tool"
  chmod +x "$3/bin/$tool"
done
cat >> "$3/bin/python3" <<'EOF'
case "$*" in
  "-c "*) echo 3.11.2 ;;
  "-m pip freeze --exclude-editable") printf 'Jinja2==3.1.6\\npytest==9.0.3\\n' ;;
  "-m pytest "*) exit "${PYTEST_STATUS:-0}" ;;
esac
EOF
"""


def _run_lock(tmp_path: Path, *args: str, pytest_status: int = 0) -> subprocess.CompletedProcess[str]:
    """scripts/lock.sh in a copy of the repository's layout, with stubs for Python, the tools in the new
    environment and scripts/setup.sh, each logging its arguments to tmp_path/log."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "lock.sh", tmp_path / "scripts" / "lock.sh")
    (tmp_path / "scripts" / "setup.sh").write_text('echo "setup.sh $*" >> "$LOG"\n')
    (tmp_path / "constraints.txt").write_text("jinja2==3.1.0\n")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "dirname", "mktemp", "cp", "rm", "mkdir", "chmod", "cat"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    (bin_dir / "python3").write_text(STUB_PYTHON)
    (bin_dir / "python3").chmod(0o755)
    return subprocess.run(
        [shutil.which("bash"), str(tmp_path / "scripts" / "lock.sh"), *args],
        capture_output=True,
        text=True,
        env={"PATH": str(bin_dir), "LOG": str(tmp_path / "log"), "PYTEST_STATUS": str(pytest_status)},
    )


def test_lock_writes_what_the_new_environment_holds_after_every_check_passed(tmp_path):
    result = _run_lock(tmp_path, "-n", "auto")
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "log").read_text().splitlines()
    assert [line.split()[0] for line in log] == [
        "python3",
        "setup.sh",
        "venv-python3",
        "venv-python3",
        "venv-ruff",
        "venv-ruff",
        "venv-mypy",
        "venv-python3",
    ]
    assert log[0].startswith("python3 -m venv ") and log[1] == "setup.sh --newest"
    assert not Path(log[0].split()[-1]).parent.exists(), "the new environment is removed"
    assert log[-1] == "venv-python3 -m pytest -q -p no:cacheprovider -n auto"
    assert (tmp_path / "constraints.txt").read_text().splitlines()[-3:] == [
        "# Made on Linux with Python 3.11.2.",
        "Jinja2==3.1.6",
        "pytest==9.0.3",
    ]
    assert pins(tmp_path / "constraints.txt") == {"jinja2": Version("3.1.6"), "pytest": Version("9.0.3")}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "constraints.txt", "log", "scripts"]


def test_lock_keeps_the_old_pins_when_a_check_fails(tmp_path):
    result = _run_lock(tmp_path, pytest_status=1)
    assert result.returncode == 1
    assert result.stderr.endswith("lock: a check failed with the newest versions; constraints.txt is unchanged\n")
    assert (tmp_path / "constraints.txt").read_text() == "jinja2==3.1.0\n"
