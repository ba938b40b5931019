#!/usr/bin/env bash
# Bump the pins: rewrite constraints.txt, the exact version of every Python package that CI and
# scripts/setup.sh install (the package's dependencies, theirs, and the test tools).
#
# In a fresh virtual environment it installs the newest versions that pyproject.toml's ranges allow
# (`scripts/setup.sh --newest`), writes their versions to constraints.txt, and runs the same checks as CI
# there (ruff, mypy, the whole test suite). Only when all pass is the new constraints.txt kept; otherwise
# the old one is put back and the script exits with the failing check's status. Review the change with
# `git diff constraints.txt` and commit it. The weekly workflow (.github/workflows/bump-pins.yml) runs this.
#
# Usage: bash scripts/lock.sh [PYTEST ARGS...]   (e.g. `-n auto` to run the tests on every core)
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
cp constraints.txt "$work/previous.txt"
kept=""
restore() {
  if [ -z "$kept" ]; then
    cp "$work/previous.txt" constraints.txt
    echo "lock: a check failed with the newest versions; constraints.txt is unchanged" >&2
  fi
  rm -rf "$work"
}
trap restore EXIT

python3 -m venv "$work/venv"
# shellcheck disable=SC1091
. "$work/venv/bin/activate"
bash scripts/setup.sh --newest
{
  echo "# The exact versions that CI and scripts/setup.sh install (pip install -c constraints.txt -e '.[test]')."
  echo "# Written by scripts/lock.sh after the checks passed with them; do not edit by hand: run that script."
  echo "# Made on Linux with Python $(python3 -c 'import platform; print(platform.python_version())')."
  python3 -m pip freeze --exclude-editable
} >"$work/constraints.txt"
cp "$work/constraints.txt" constraints.txt

ruff check src tests bench scripts
ruff format --check src tests bench
mypy
python3 -m pytest -q -p no:cacheprovider "$@"
kept=1
echo "lock: constraints.txt written; review it with: git diff constraints.txt"
