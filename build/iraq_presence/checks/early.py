"""The curation inputs' hashes (`BUILD-stale`, and the drafts pending) in a process of their own,
forked before the validator imports pandas or pyarrow.

Hashing the inputs needs neither: forked at the very start, the process hashes them on the second
core while this one is still importing, the only time a core is free (the worker process is forked
once pandas is imported, `rescan.worker`). Measured at N = 1,000 copies of the corpus: 0.35 CPU s
that were the worker's last task, which then finished after the main process. Linux only (fork
before any thread has started); elsewhere the worker process hashes them, as before.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path
from typing import Any

from .descriptor import stale_and_drafts


class Hashing:
    """`stale_and_drafts(folder)` begun in a forked process; `result()` waits for it (computed here
    should that process die)."""

    def __init__(self, folder: Path) -> None:
        ctx = multiprocessing.get_context("fork")
        self.folder = folder
        self.conn, there = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=_send, args=(there, folder), daemon=True)
        self.process.start()
        there.close()

    def result(self) -> tuple[list[Any], list[str] | None]:
        try:
            found = self.conn.recv()
        except (EOFError, OSError):  # the process died: hash here
            found = stale_and_drafts(self.folder)
        self.conn.close()
        self.process.join()
        return found


def _send(conn: Any, folder: Path) -> None:
    try:
        conn.send(stale_and_drafts(folder))
    finally:
        conn.close()


def begin(folder: Path, desc: dict[str, Any] | None, min_articles: int) -> Hashing | None:
    """The inputs' hashing begun apart, for a repository whose descriptor lists at least
    `min_articles` articles (below that, forking costs more than it saves); None otherwise."""
    if sys.platform != "linux" or desc is None or not (folder / "data" / "curation").is_dir():
        return None
    rows = [r.get("rows") for r in desc["resources"] if r.get("name") == "articles"]
    if not rows or not isinstance(rows[0], int) or rows[0] < min_articles:
        return None
    return Hashing(folder)
