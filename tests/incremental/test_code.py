"""The code version: one digest of the package's files and the libraries' versions, that any change moves."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from warcrime_archive import layout
from warcrime_archive.incremental import code


def test_the_version_covers_the_code_its_data_and_the_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "warcrime_archive"
    shutil.copytree(layout.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(layout, "PACKAGE", package)
    work = code.version.__wrapped__  # without the memo of this process
    first = work()
    assert first == work() == code.version() and len(first) == 64
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert work() == first  # what Python compiles from the code is not the code
    versions = [first]
    for path in (package / "build.py", package / "data" / "regions.yaml"):  # the code; its data
        path.write_bytes(path.read_bytes() + b"\n")
        versions.append(work())
    monkeypatch.setattr(code, "LIBRARIES", (*code.LIBRARIES, ("not_installed", "not-installed")))
    versions.append(work())  # another library
    assert len(set(versions)) == len(versions)
    assert {"jinja2", "pydantic", "yaml", "pagefind"} <= {module for module, _ in code.LIBRARIES}
