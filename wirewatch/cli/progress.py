"""Progress of a long ingest on stderr: a bar on a terminal, a line now and then otherwise
(a log, a pipe, a CI job), so that hours of work are never silent."""

from __future__ import annotations

import sys
import time
from typing import Never, TextIO

from tqdm import tqdm

from wirewatch.errors import InputError

EVERY_S = 30.0  # how often a line is written when stderr is not a terminal


class Progress:
    def __init__(self, quiet: bool = False, stream: TextIO | None = None,
                 every: float = EVERY_S) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.every = every
        self.done = 0
        self.skipped = 0
        self.started = self.last = time.monotonic()
        terminal = self.stream.isatty()
        self.bar: tqdm[Never] | None = (
            tqdm(desc="ingesting", unit="doc", file=self.stream)
            if terminal and not quiet else None)
        self.lines = not terminal and not quiet

    def document(self) -> None:
        """One more document done (stored, unchanged or skipped)."""
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
        elif self.lines:
            now = time.monotonic()
            if now - self.last >= self.every:
                self.last = now
                rate = self.done / max(now - self.started, 1e-9)
                print(f"wirewatch: ingesting: {self.done:,} documents in "
                      f"{now - self.started:,.0f} s ({rate:.1f}/s), {self.skipped:,} skipped",
                      file=self.stream, flush=True)

    def error(self, error: InputError) -> None:
        self.skipped += 1
        if self.bar is not None:
            self.bar.write(str(error), file=self.stream)
        else:
            print(str(error), file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
