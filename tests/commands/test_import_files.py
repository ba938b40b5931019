"""The files an import writes: each record's YAML under a digest that tells a hand edit apart."""

from pathlib import Path

from warcrime_archive.commands.import_files import record_text, write_records


def test_a_record_is_written_once_kept_when_unchanged_and_never_over_an_edit(tmp_path: Path):
    (tmp_path / "incidents" / "sub").mkdir(parents=True)
    data = {"title": "T", "date": {"at": "2022-05-02", "sources": ["s1"]}, "location": {"sources": ["s1"]}}
    text = record_text(data, "x.csv", 2)
    assert text.startswith("# Imported from x.csv, row 2, by `warcrime-archive import`.")
    assert "date:\n  at: '2022-05-02'\n  sources:\n  - s1\n" in text  # a date stays text; no YAML aliases
    assert "&" not in text and "*" not in text
    done = write_records(tmp_path, {"a": (2, data)}, "x.csv")
    assert (done.created, (tmp_path / "incidents" / "a.yaml").read_text()) == (["a"], text)
    assert write_records(tmp_path, {"a": (2, data)}, "x.csv").unchanged == ["a"]
    # a record that an editor moved into a sub-folder is found there by its id
    (tmp_path / "incidents" / "a.yaml").rename(tmp_path / "incidents" / "sub" / "a.yaml")
    assert write_records(tmp_path, {"a": (3, data)}, "x.csv").updated == ["a"]
    moved = tmp_path / "incidents" / "sub" / "a.yaml"
    moved.write_text(moved.read_text().replace("title: T", "title: Edited"))
    assert write_records(tmp_path, {"a": (3, data)}, "x.csv").edited == ["a"]
    assert "title: Edited" in moved.read_text()
    assert not (tmp_path / "incidents" / "a.yaml").exists()
