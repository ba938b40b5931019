"""Where a site may be written: never over the archive, inside its records, or over another archive."""

import pytest

from warcrime_archive.write.output import check_output


def test_output_folder_checks(tmp_path):
    (tmp_path / "incidents").mkdir()
    assert check_output(tmp_path, tmp_path / "build") == []
    assert [p.message for p in check_output(tmp_path, tmp_path)] == [
        "the output folder may not be the archive or hold it"
    ]
    assert [p.message for p in check_output(tmp_path, tmp_path.parent)] == [
        "the output folder may not be the archive or hold it"
    ]
    assert [p.message for p in check_output(tmp_path, tmp_path / "incidents" / "x")] == [
        "the output folder may not be inside incidents/"
    ]


@pytest.mark.parametrize("holding", ["archive.yaml", ".git/HEAD", "incidents/2022-01-01-x.yaml"])
def test_an_output_folder_holding_records_or_a_repository_is_refused(tmp_path, holding):
    root = tmp_path / "archive"
    (root / "incidents").mkdir(parents=True)
    other = tmp_path / "other-archive"
    (other / holding).parent.mkdir(parents=True, exist_ok=True)
    (other / holding).write_text("x")
    assert [p.text() for p in check_output(root, other)] == [
        f"{other}:1:1: --out: the output folder holds records or a repository, and a build replaces it whole "
        "(give an empty folder or the previous build's)"
    ]
    assert (other / holding).read_text() == "x"


def test_an_output_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "out.html").write_text("x")
    assert [p.text() for p in check_output(tmp_path / "archive", tmp_path / "out.html")] == [
        f"{tmp_path / 'out.html'}:1:1: --out: exists and is not a folder"
    ]
