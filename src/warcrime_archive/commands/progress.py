"""Progress display for long builds: the stage and pages per second on stderr, only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressDisplay:
    """A pipeline progress callback that redraws one status line; silent when `stream` is not a terminal."""

    def __init__(self, stream: TextIO | None = None, *, interval: float = 0.2) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.interval = interval
        self.stage = ""
        self.started = time.perf_counter()
        self.drawn = 0.0
        self.width = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if stage != self.stage:
            self.stage, self.started, self.drawn = stage, now, 0.0
        elif now - self.drawn < self.interval and done != total:
            return
        self.drawn = now
        if total:
            rate = done / max(now - self.started, 1e-6)
            line = f"{stage}: {done:,}/{total:,} pages, {rate:,.0f} pages/s"
        else:
            line = f"{stage}..."
        self._draw(line)

    def _draw(self, line: str) -> None:
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        """Erase the status line, so that the messages after it start on a clean line."""
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0
