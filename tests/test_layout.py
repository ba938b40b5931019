"""The archive's folders, one list for everyone: the validator, the preview, the up-to-date check, the write stage."""

from pathlib import Path

from repo_paths import REPO

from warcrime_archive import layout
from warcrime_archive.incremental import uptodate
from warcrime_archive.validate.files import links_outside
from warcrime_archive.write.output import check_output


def test_the_defaults_are_found_beside_the_package_in_a_checkout():
    assert layout.default_dir("templates") == REPO / "templates"
    assert (layout.default_dir("static") / "style.css").is_file()
    assert (layout.DATA / "regions.yaml").is_file()
    assert (layout.PACKAGED_LOCALES / "messages.pot").is_file()


def test_every_folder_a_build_reads_is_an_input():
    assert layout.INPUTS == ("archive.yaml", "incidents", "pages", "templates", "static", "locales")


def test_the_up_to_date_check_stats_every_input_folder(tmp_path: Path):
    for name in layout.FOLDERS:
        (tmp_path / name).mkdir()
        (tmp_path / name / "file.txt").write_text(name)
    (tmp_path / "archive.yaml").write_text("title: x\n")
    stamped = uptodate.snapshot(tmp_path, tmp_path / "build", base_url=None, strict=False, history=False)["inputs"]
    assert {name.split("/")[0] for name in stamped if not name.startswith("<")} == set(layout.INPUTS)


def test_a_link_out_of_any_input_folder_is_refused(tmp_path: Path):
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    root = tmp_path / "archive"
    for name in layout.FOLDERS:
        (root / name).mkdir(parents=True)
        (root / name / "link.txt").symlink_to(outside)
    found = sorted(p.path for p in links_outside(root))
    assert found == sorted(f"{name}/link.txt" for name in layout.FOLDERS)


def test_the_output_may_not_be_inside_any_input_folder(tmp_path: Path):
    for name in layout.FOLDERS:
        problems = check_output(tmp_path, tmp_path / name / "site")
        assert [p.message for p in problems] == [f"the output folder may not be inside {name}/"]
