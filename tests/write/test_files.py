"""The publish step: every file besides the pages, each record's own files kept while their fingerprint holds."""

from __future__ import annotations

import hashlib
from pathlib import Path

from warcrime_archive import i18n
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.site import plan_site
from warcrime_archive.publish.downloads import Rows
from warcrime_archive.validate.check import check
from warcrime_archive.write.files import put_files
from warcrime_archive.write.kept import FileEntry, Fingerprints, Kept, KeptFiles
from warcrime_archive.write.staging import Staging


class Same(Fingerprints):
    """Every record's own files made from the same thing as last time."""

    def record_files(self, entry: object) -> str:
        return "the same"


class LastFiles(KeptFiles):
    """The staging folder starts with the files of `last`, each as made from "the same"."""

    def __init__(self, last: Path) -> None:
        self.last = last

    def start(self, folder: Path, out: Path, mtime: int | None) -> None:
        folder.mkdir()
        self.files: dict[str, FileEntry] = {}
        for path in sorted(self.last.rglob("record.*")):
            relative = path.relative_to(self.last).as_posix()
            copy = folder / relative
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(path.read_bytes())
            stat = copy.stat()
            digest = hashlib.sha256(copy.read_bytes()).hexdigest()
            self.files[relative] = ["the same", stat.st_size, stat.st_mtime_ns, stat.st_ino, False, digest]

    def wait(self) -> Kept:
        return Kept(dict(self.files), dict(self.files), set())


def test_a_records_own_files_stay_while_their_fingerprint_holds_and_are_summed_all_the_same(
    minimal_root: Path, tmp_path: Path
) -> None:
    catalog = build_catalog(check(minimal_root).archive)
    with i18n.activated(i18n.load(minimal_root, catalog.config.language)):
        pages = plan_site(catalog)
        made = {}
        for name, fingerprints, kept in (
            ("made", Fingerprints(), None),
            ("kept", Same(), LastFiles(tmp_path / "made")),
        ):
            with Staging(tmp_path / name, kept=kept) as site:
                put_files(site, minimal_root, catalog, pages, fingerprints, Rows())
                made[name] = {path: entry[3] for path, entry in site.files.items() if "/record." in path}
                site.commit()
    assert made["made"] and made["kept"].keys() == made["made"].keys()
    kept = kept_inodes = {p: (tmp_path / "kept" / p).stat().st_ino for p in made["kept"]}
    assert made["kept"] == kept_inodes and kept  # the files the staging folder started with: not written again
    sums = (tmp_path / "kept" / "SHA256SUMS").read_text()
    assert sums == (tmp_path / "made" / "SHA256SUMS").read_text() and all(f"  {p}\n" in sums for p in made["kept"])
