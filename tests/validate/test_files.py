"""Which files are records, and links that would lead a build outside the archive: refused, never read."""

from edited_archive import RECORD, archive_with, error_lines
from repo_paths import MINIMAL

from warcrime_archive.validate.files import record_files


def test_records_are_the_yaml_files_under_incidents_in_order_of_their_path_folder_by_folder(tmp_path):
    root = tmp_path / "a"
    for name in ("b.yaml", "a/z.yml", "a.yaml", "a/b/c.yaml", "notes.txt", "a/README.md"):
        (root / "incidents" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "incidents" / name).write_text("title: x\n")
    files, problems = record_files(root)
    assert problems == []
    assert [shown for _, shown in files] == [
        "incidents/a/b/c.yaml",
        "incidents/a/z.yml",
        "incidents/a.yaml",
        "incidents/b.yaml",
    ]
    assert all(path == root / shown for path, shown in files)


def test_an_archive_without_incidents_has_one_problem(tmp_path):
    assert [p.text() for p in record_files(tmp_path)[1]] == ["incidents:1:1: the archive has no incidents/ folder"]


def test_link_outside_the_archive_is_refused(tmp_path):
    root = archive_with(tmp_path)
    outside = tmp_path / "outside.yaml"
    outside.write_text((MINIMAL / RECORD).read_text())
    (root / "incidents" / "linked.yaml").symlink_to(outside)
    assert "incidents/linked.yaml:1:1: is a link to a file outside the archive; it is refused" in error_lines(root)


def test_links_in_pages_static_and_templates_that_lead_outside_are_refused(tmp_path):
    root = archive_with(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("a file of the machine that builds the site\n")
    outside_dir = tmp_path / "elsewhere"
    outside_dir.mkdir()
    (root / "static").mkdir()
    (root / "static" / "leak.css").symlink_to(secret)
    (root / "static" / "inside.css").write_text("body{}")
    (root / "static" / "ok.css").symlink_to(root / "static" / "inside.css")
    (root / "templates").symlink_to(outside_dir, target_is_directory=True)
    (root / "pages" / "leak.md").symlink_to(secret)
    assert [line for line in error_lines(root) if "link" in line] == [
        "pages/leak.md:1:1: is a link to a file outside the archive; it is refused",
        "static/leak.css:1:1: is a link to a file outside the archive; it is refused",
        "templates:1:1: is a link to a file outside the archive; it is refused",
    ]


def test_archive_yaml_linked_from_outside_is_refused(tmp_path):
    root = archive_with(tmp_path)
    outside = tmp_path / "settings.yaml"
    (root / "archive.yaml").rename(outside)
    (root / "archive.yaml").symlink_to(outside)
    assert "archive.yaml:1:1: is a link to a file outside the archive; it is refused" in error_lines(root)


def test_a_linked_folder_of_records_outside_the_archive_is_refused_once(tmp_path):
    root = archive_with(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "2022-01-01-y.yaml").write_text((MINIMAL / RECORD).read_text())
    (root / "incidents" / "more").symlink_to(elsewhere, target_is_directory=True)
    (root / "incidents" / "linked.yaml").symlink_to(elsewhere / "2022-01-01-y.yaml")
    assert [line for line in error_lines(root) if "link" in line] == [
        "incidents/linked.yaml:1:1: is a link to a file outside the archive; it is refused",
        "incidents/more:1:1: is a link to a file outside the archive; it is refused",
    ]


def test_links_to_devices_are_refused_without_being_read(tmp_path):
    """/dev/zero never ends: reading it would hang the build."""
    root = archive_with(tmp_path)
    (root / "pages" / "zero.md").symlink_to("/dev/zero")
    (root / "incidents" / "2022-01-01-zero.yaml").symlink_to("/dev/zero")
    assert [line for line in error_lines(root) if "zero" in line] == [
        "incidents/2022-01-01-zero.yaml:1:1: is a link to a file outside the archive; it is refused",
        "pages/zero.md:1:1: is a link to a file outside the archive; it is refused",
    ]
    (root / "archive.yaml").unlink()
    (root / "archive.yaml").symlink_to("/dev/zero")
    assert error_lines(root)[0] == "archive.yaml:1:1: is a link to a file outside the archive; it is refused"
