import pytest

from warcrime_archive.write import check_output, write_site


def test_write_swaps_in_a_complete_site(tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    (static / "style.css").write_text("body{}")
    out = tmp_path / "build"
    write_site(out, {"index.html": "one", "a/index.html": "a"}, [static])
    assert (out / "index.html").read_text() == "one"
    write_site(out, {"index.html": "two"}, [static])
    assert (out / "index.html").read_text() == "two"
    assert not (out / "a").exists(), "files of the previous build do not linger"
    assert (out / "static" / "style.css").read_text() == "body{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "static"], "no staging folder is left behind"


def test_a_failed_write_leaves_the_previous_site(tmp_path):
    out = tmp_path / "build"
    write_site(out, {"index.html": "one"}, [])
    with pytest.raises(ValueError, match="leaves the output folder"):
        write_site(out, {"index.html": "two", "../escape.html": "x"}, [])
    assert (out / "index.html").read_text() == "one"
    assert not (tmp_path / "escape.html").exists()


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


@pytest.mark.parametrize("relative", ["/etc/x.html", "a/../../x.html", "a/b/../../../x.html"])
def test_every_way_out_of_the_output_folder_is_refused(tmp_path, relative):
    with pytest.raises(ValueError, match="leaves the output folder"):
        write_site(tmp_path / "build", {relative: "x"}, [])
    assert not (tmp_path / "x.html").exists()


def test_unusual_paths_that_stay_inside_are_written_where_they_point(tmp_path):
    write_site(tmp_path / "build", {"a/./b.html": "1", "c//d.html": "2", "e/../f.html": "3"}, [])
    assert [(tmp_path / "build" / p).read_text() for p in ("a/b.html", "c/d.html", "f.html")] == ["1", "2", "3"]
