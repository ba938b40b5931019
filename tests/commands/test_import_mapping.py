"""The mapping file of `import`: read, checked, and its mistakes said with where they are."""

from pathlib import Path

import pytest
from repo_paths import DATA

from warcrime_archive.commands.import_mapping import read_mapping


def test_the_example_mapping_reads():
    mapping = read_mapping(DATA / "import" / "mapping.yaml")
    assert mapping.record["date"].date_format == "MM/DD/YYYY"
    assert mapping.sources.title.derived == "url" and mapping.withheld == ["HIDDEN"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id: {column: id}\nrecord: {}\n", "sources: Field required (1 problem(s))"),
        (
            "id: {column: id}\nrecord: {title: {colum: t}}\nsources: {url: {column: u}, title: {from: url}, "
            "outlet: {from: host}, type: {value: report}}\n",
            "record.title.colum: Extra inputs are not permitted (1 problem(s))",
        ),
        ("id: [", "while parsing a flow node"),
    ],
)
def test_a_bad_mapping_says_where(tmp_path: Path, text: str, message: str):
    path = tmp_path / "m.yaml"
    path.write_text(text)
    with pytest.raises(ValueError, match="^" + str(path).replace(".", r"\.") + ": ") as caught:
        read_mapping(path)
    assert message in str(caught.value)
