from pathlib import Path

import pytest

from warcrime_archive.read.yaml_reader import MAX_DEPTH, MAX_FILE_BYTES, dotted, parse_text, read_yaml


def parse(text: str):
    return parse_text(text, Path("x.yaml"), "x.yaml")


def messages(text: str) -> list[str]:
    doc, problems = parse(text)
    assert doc is None
    return [p.text() for p in problems]


def test_values_keep_their_positions():
    doc, problems = parse("title: A\nvictims:\n  - count: 3\n    harm: killed\n")
    assert problems == []
    assert doc.data == {"title": "A", "victims": [{"count": 3, "harm": "killed"}]}
    assert doc.values[("victims", 0, "count")] == (3, 12)
    assert doc.keys[("victims", 0, "harm")] == (4, 5)
    assert doc.position(("victims", 0, "missing")) == (3, 5)


def test_yaml_11_words_and_dates_stay_strings():
    doc, _ = parse("a: no\nb: on\nc: Y\nd: 2022-03-30\ne: NO\nf: true\ng: ~\nh: 1.5\ni: '7'\n")
    assert doc.data == {
        "a": "no",
        "b": "on",
        "c": "Y",
        "d": "2022-03-30",
        "e": "NO",
        "f": True,
        "g": None,
        "h": 1.5,
        "i": "7",
    }


def test_keys_that_yaml_11_would_turn_into_booleans_stay_strings():
    doc, _ = parse("on: 1\nno: 2\n")
    assert doc.data == {"on": 1, "no": 2}


def test_duplicate_keys_are_reported_with_the_first_line():
    assert messages("title: A\nsummary: s\ntitle: B\n") == [
        "x.yaml:3:1: duplicate key 'title' (first given at line 1; YAML would silently keep only the last one)"
    ]


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: &x [1]\n"])
def test_anchors_and_aliases_are_refused(text):
    assert messages(text)[0].endswith("anchors and aliases (&, *) are not allowed (write the value out in full)")


def test_billion_laughs_is_refused_without_expansion():
    text = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9)
    )
    assert "anchors and aliases" in messages(text)[0]


def test_custom_tags_are_refused():
    assert messages("a: !!python/object:os.system x\n") == [
        "x.yaml:1:4: the YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"
    ]


def test_nesting_is_bounded():
    text = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    assert messages(text) == [f"x.yaml:1:{MAX_DEPTH + 1}: nesting deeper than {MAX_DEPTH} levels"]


def test_tabs_are_reported_with_their_line_and_a_hint():
    assert messages("a:\n\t- b\n") == ["x.yaml:2:1: a tab in the indentation (indent with spaces, not tabs)"]
    assert messages("a:\n  b: 1\n  \tc: 2\n") == ["x.yaml:3:3: a tab in the indentation (indent with spaces, not tabs)"]


def test_a_tab_inside_a_value_is_not_an_indentation_error():
    doc, problems = parse("a: x\ty\n")
    assert problems == [] and doc.data == {"a": "x\ty"}


def test_syntax_error_has_line_and_column():
    assert messages("title: A\nsummary: b: c\n") == [
        "x.yaml:2:11: YAML syntax error: mapping values are not allowed in this context"
    ]


def test_several_documents_are_refused():
    assert messages("a: 1\n---\nb: 2\n") == ["x.yaml:2:1: a record file holds one YAML document only"]


def test_complex_keys_are_refused():
    assert messages("? [a]\n: 1\n") == ["x.yaml:1:3: a mapping key must be a plain value"]


def test_bom_is_accepted(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: A\n")
    doc, problems = read_yaml(path, "r.yaml")
    assert problems == [] and doc.data == {"title": "A"}


def test_non_utf8_is_reported_with_its_line_and_column(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes("title: A\nsummary: Café caf".encode() + b"\xe9\n")
    doc, problems = read_yaml(path, "r.yaml")
    assert doc is None
    assert [p.text() for p in problems] == [
        "r.yaml:2:18: the file is not UTF-8 text (byte 0xe9) (save the file as UTF-8)"
    ]


def test_size_limit(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes(b"a: " + b"x" * MAX_FILE_BYTES + b"\n")
    doc, problems = read_yaml(path, "r.yaml")
    assert doc is None
    assert [p.text() for p in problems] == [
        "r.yaml:1:1: the file is 1,000,004 bytes, more than the limit of 1,000,000 bytes "
        "(split it or move long material out of the record)"
    ]
    path.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES - 4) + b"\n")
    assert read_yaml(path, "r.yaml")[1] == [], "a file at the limit is read"


def test_dotted():
    assert dotted(("victims", 0, "count")) == "victims[0].count"
    assert dotted(()) == ""


@pytest.mark.parametrize(("char", "code"), [("\u202e", "202E"), ("\u2066", "2066"), ("\u202a", "202A")])
def test_invisible_bidirectional_controls_are_refused_at_their_place(tmp_path, char, code):
    path = tmp_path / "r.yaml"
    path.write_text(f"title: A\n# a comment too\nsummary: Shot at {char}gpj.exe\n", "utf-8")
    doc, problems = read_yaml(path, "r.yaml")
    assert doc is None
    assert [p.text() for p in problems] == [
        f"r.yaml:3:18: an invisible bidirectional control character (U+{code}) can make text read differently "
        "from what it is (delete it; right-to-left text needs no control characters)"
    ]


def test_right_to_left_text_and_zero_width_joiners_are_accepted(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("title: \u05d0\u05d1\u05d2 \u0645\u06cc\u200c\u0634\u0648\u062f\u200f\n", "utf-8")
    doc, problems = read_yaml(path, "r.yaml")
    assert problems == [] and doc.data["title"].startswith("\u05d0")


def test_an_endless_file_is_read_only_up_to_the_limit(tmp_path):
    doc, problems = read_yaml(Path("/dev/zero"), "zero.yaml")
    assert doc is None
    assert [p.text() for p in problems] == [
        "zero.yaml:1:1: the file is longer than the limit of 1,000,000 bytes "
        "(split it or move long material out of the record)"
    ]
