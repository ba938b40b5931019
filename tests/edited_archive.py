"""A copy of the minimal archive with its record edited or files added, and the errors a load finds in it: for
the tests of the validate stage, each beside the exact message an editor sees."""

import shutil
from pathlib import Path

from repo_paths import MINIMAL

from warcrime_archive.problems import Severity
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def archive_with(tmp_path: Path, replace: dict[str, str] | None = None, files: dict[str, str] | None = None) -> Path:
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    text = (root / RECORD).read_text()
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    (root / RECORD).write_text(text)
    for name, content in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content)
    return root


def error_lines(root: Path) -> list[str]:
    return [p.text() for p in load_archive(root).problems if p.severity is Severity.ERROR]
