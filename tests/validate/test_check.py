"""`validate` and `build` run the same first two stages: errors stop both, warnings only a strict run."""

import shutil

import pytest
from repo_paths import MINIMAL

from warcrime_archive.build import build_site
from warcrime_archive.problems import ArchiveError
from warcrime_archive.validate.check import check


def test_check_is_the_same_first_two_stages(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    record = root / "incidents" / "2022-03-29-dmytrivka-x.yaml"
    record.write_text(record.read_text().replace("harm: killed", "harm: kiled"))
    with pytest.raises(ArchiveError) as from_check:
        check(root)
    with pytest.raises(ArchiveError) as from_build:
        build_site(root, tmp_path / "out")
    assert from_check.value.problems == from_build.value.problems


def test_warnings_stop_only_a_strict_check():
    loaded = check(MINIMAL)
    assert loaded.archive is not None and [p.message for p in loaded.warnings] == ["the source has no archived copy"]
    with pytest.raises(ArchiveError) as strict:
        check(MINIMAL, strict=True)
    assert strict.value.problems == loaded.warnings
