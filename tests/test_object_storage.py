"""Publishing to object storage with rclone (issue 22), for an archive that outgrows GitHub Pages: the script the
documented workflow runs, against a local folder as the remote (rclone treats a path as a remote of its own)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from repo_paths import REPO

SCRIPT = REPO / "scripts" / "publish-rclone.sh"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def publish(site: Path, remote: Path) -> subprocess.CompletedProcess[str]:
    assert shutil.which("rclone"), "rclone is missing: run scripts/setup.sh"
    return subprocess.run(["bash", str(SCRIPT), str(site), str(remote)], capture_output=True, text=True, check=True)


def test_the_published_copy_is_the_site_and_a_second_publish_sends_only_what_changed(sample_site, tmp_path):
    site, remote = tmp_path / "site", tmp_path / "bucket" / "archive"
    shutil.copytree(sample_site, site)
    publish(site, remote)
    assert tree(remote) == tree(site)
    # the next build: every file written anew (new times), one page changed, one gone, one new
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            path.unlink()
            path.write_bytes(data)
    about = site / "about" / "index.html"
    about.write_text(about.read_text("utf-8").replace("</main>", "<p>Edited.</p></main>"), "utf-8")
    (site / "withdrawals" / "index.html").unlink()
    (site / "new" / "index.html").parent.mkdir()
    (site / "new" / "index.html").write_text("<p>new</p>", "utf-8")
    said = publish(site, remote).stderr
    assert tree(remote) == tree(site)
    done = sorted(re.findall(r"INFO  : (\S+): (Copied \(\w+( \w+)?\)|Deleted)", said))
    # compared by checksum: only the changed page, the new one and the removed one (deleted last)
    assert [(path, what) for path, what, _ in done] == [
        ("about/index.html", "Copied (replaced existing)"),
        ("new/index.html", "Copied (new)"),
        ("withdrawals/index.html", "Deleted"),
    ]
    assert said.index("Deleted") > said.index("new/index.html")
    assert "Updated modification time" not in said  # on S3 each would be a copy of the object


def test_without_a_site_folder_it_says_how_to_use_it(tmp_path):
    done = subprocess.run(["bash", str(SCRIPT), str(tmp_path / "none"), "x:y"], capture_output=True, text=True)
    assert done.returncode == 2 and "usage:" in done.stderr
