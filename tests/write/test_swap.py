"""The new site takes the old one's place in one step; what killed builds left is cleared."""

from tests.write.test_staging import tree, write_site
from warcrime_archive.write import swap
from warcrime_archive.write.swap import exchange


def test_folders_are_exchanged_in_one_step(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "f").write_text("in a")
    (b / "f").write_text("in b")
    assert exchange(a, b) is True
    assert ((a / "f").read_text(), (b / "f").read_text()) == ("in b", "in a")


def test_without_an_atomic_exchange_the_swap_still_completes(tmp_path, monkeypatch):
    monkeypatch.setattr(swap, "exchange", lambda a, b: False)
    out = tmp_path / "build"
    write_site(out, {"index.html": "one"}, [])
    write_site(out, {"index.html": "two"}, [])
    assert tree(out) == {"index.html": b"two"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]
