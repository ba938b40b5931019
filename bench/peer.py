"""The peer a full build is measured against (issue 22): Hugo, then Pagefind over Hugo's output, as a Hugo site
with search is published. Hugo has no search of its own; a Hugo site runs `pagefind --site public` after `hugo`,
and its single-page layout marks what to index (`data-pagefind-body` on the incident's article, with a few
`data-pagefind-filter` and `data-pagefind-meta` as ours has: bench/hugo_site/layouts/_default/single.html), so
Pagefind indexes Hugo's incident pages and nothing else. Both run in the same run of the runner as our builds.

Also the published size of a site: its bytes and files, and bytes per record.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

Runner = Callable[[list[str]], tuple[float, float, float, str]]
"""run.run: a child process measured (wall seconds, peak MiB, CPU seconds, stdout)."""


def hugo_and_pagefind(hugo: str, source: Path, out: Path, run: Runner) -> dict:
    """One full build of the peer into `out` (emptied first): Hugo, then Pagefind over its output with the
    bundle in `out/pagefind` (Pagefind's default), each measured on its own. The peer's wall time is the sum;
    its peak memory the larger of the two (they run one after the other)."""
    shutil.rmtree(out, ignore_errors=True)
    h_wall, h_peak, h_cpu, _ = run([hugo, "--quiet", "-s", str(source), "-d", str(out)])
    p_wall, p_peak, p_cpu, said = run([sys.executable, "-m", "pagefind", "--site", str(out)])
    indexed = re.search(r"Indexed (\d+) pages?", said)
    return {
        "hugo": {"wall": h_wall, "peak_mib": h_peak, "cpu": h_cpu},
        "pagefind": {"wall": p_wall, "peak_mib": p_peak, "cpu": p_cpu, "indexed": int(indexed[1]) if indexed else 0},
        "wall": h_wall + p_wall,
        "cpu": h_cpu + p_cpu,
        "peak_mib": max(h_peak, p_peak),
    }


def median(runs: list[dict]) -> dict:
    """The peer's run with the median wall time (Hugo + Pagefind), with the highest peak memory of all runs;
    Hugo's own median beside it (the ratio to Hugo alone is still reported)."""
    ordered = sorted(runs, key=lambda r: r["wall"])
    middle = dict(ordered[len(ordered) // 2])
    middle["peak_mib"] = max(r["peak_mib"] for r in runs)
    middle["walls"] = [round(r["wall"], 3) for r in runs]
    hugo = sorted((r["hugo"] for r in runs), key=lambda h: h["wall"])
    middle["hugo"] = dict(hugo[len(hugo) // 2], peak_mib=max(h["peak_mib"] for h in hugo))
    return middle


def site_size(site: Path, records: int) -> dict:
    """What publishing the site uploads: its files and their bytes (the build's cache and spare are beside the
    output folder, not in it), and bytes per record."""
    files = [path for path in site.rglob("*") if path.is_file()]
    size = sum(path.stat().st_size for path in files)
    return {"bytes": size, "files": len(files), "bytes_per_record": size / max(1, records)}


def restore_as_ci(site: Path, cache: Path, spare: Path, inputs: Path, scratch: Path) -> None:
    """What the publishing workflow starts from (pages.yml): a fresh checkout (every record file new: another
    inode and time) and the last site and its build cache restored by actions/cache (saved with `tar --posix`,
    extracted where they were: every file with a new inode, its time kept); no spare (it is not cached)."""
    shutil.rmtree(spare, ignore_errors=True)
    archive = scratch / "ci-cache.tar"
    subprocess.run(["tar", "--posix", "-cf", str(archive), "-C", str(site.parent), site.name, cache.name], check=True)
    shutil.rmtree(site)
    shutil.rmtree(cache)
    subprocess.run(["tar", "-xf", str(archive), "-C", str(site.parent)], check=True)
    archive.unlink()
    for path in sorted(inputs.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            path.unlink()
            path.write_bytes(data)


def _share(a: float, b: float | None) -> str:
    if not b:
        return "n/a"
    share = 100 * a / b
    return f"{share:.1f}%" if share < 10 else f"{share:.0f}%"


def _mib(size: dict | None) -> str:
    if not size:
        return "n/a"
    return f"{size['bytes'] / 2**20:,.0f} MiB, {size['bytes_per_record'] / 1024:,.1f} KiB, {size['files']:,}"


def targets_table(sizes: list[dict]) -> list[str]:
    """The targets of issue 22 at each size, as ratios within this run."""
    lines = [
        "",
        "Against the targets (issue 22), in this run (wall seconds; CPU seconds, which other work on a shared"
        " machine disturbs less, in brackets with their ratio): the full build against the peer (Hugo, then "
        "Pagefind over Hugo's incident pages, as a Hugo site with search publishes) and against Hugo alone, "
        "with our stage that took longest; the CI path (the last site and its cache restored as pages.yml "
        "restores them, a fresh checkout, one record's narrative changed, `build`) against the peer; the no-"
        "op against Hugo alone; the published size (MiB, per record, files):",
        "",
        "| N | Hugo | Pagefind over Hugo | peer (Hugo + Pagefind) | ours full | / peer (<= 1.0) | / Hugo "
        "| our longest stage | CI path | / peer (<= 20%) | no-op | / Hugo (< 2%) | ours published | peer published |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in sizes:
        if "edit" not in r:
            continue
        p, ours = r.get("peer"), r["full"]
        stages = ours["stages"]
        longest = max(stages, key=stages.get) if stages else "n/a"
        peer_wall, hugo_wall = (p["wall"], p["hugo"]["wall"]) if p else (None, None)
        ci = r.get("ci")
        pc, hc = (p["cpu"], p["hugo"]["cpu"]) if p else (None, None)
        cells = [
            f"{r['n']:,}",
            f"{hugo_wall:.2f} s [{hc:.1f}]" if p else "n/a",
            f"{p['pagefind']['wall']:.2f} s [{p['pagefind']['cpu']:.1f}] ({p['pagefind']['indexed']:,} pages)"
            if p
            else "n/a",
            f"{peer_wall:.2f} s [{pc:.1f}]" if p else "n/a",
            f"{ours['wall']:.2f} s [{ours['cpu']:.1f}]",
            f"{ours['wall'] / peer_wall:.2f} [{ours['cpu'] / pc:.2f}]" if p else "n/a",
            f"{ours['wall'] / hugo_wall:.2f} [{ours['cpu'] / hc:.2f}]" if p else "n/a",
            f"{longest} {stages.get(longest, 0):.2f} s",
            f"{ci['wall']:.2f} s [{ci['cpu']:.1f}] ({ci['rendered']:,} rendered)" if ci else "n/a",
            f"{_share(ci['wall'], peer_wall)} [{_share(ci['cpu'], pc)}]" if ci else "n/a",
            f"{r['noop']['wall']:.2f} s",
            _share(r["noop"]["wall"], hugo_wall),
            _mib(r.get("size")),
            _mib(p.get("size") if p else None),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines
