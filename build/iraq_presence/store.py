"""Committing a build: every file written atomically as one set, never a half-written file in place.

A build first writes every file into a staging folder, then records the planned moves in a
journal, then moves the files into place and removes the journal. If the process dies during
the moves, the next build (or `validate`) finds the journal and finishes the moves: the tables on
disk are always one complete build or the other.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

JOURNAL = ".build-journal.json"
STAGING = ".build-staging"
KILL_AT = "IRAQ_PRESENCE_KILL_AT"
"""Environment variable naming a commit step at which the process kills itself: `staged` (files
staged, no journal yet), `journaled` (journal written, nothing moved) or `moved:N` (after the Nth
move). It lets a test interrupt a real commit at a known point; unset, it does nothing."""


def _step(name: str) -> None:
    """A named point inside the commit where a test may have the process killed (SIGKILL, no cleanup)."""
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def commit(root: Path, files: dict[str, bytes]) -> list[str]:
    """Write `files` (paths relative to root) atomically as a set; returns the paths that changed."""
    recover(root)
    staging = root / STAGING
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    changed = []
    for rel, data in sorted(files.items()):
        target = root / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        staged = staging / rel.replace("/", "__")
        with open(staged, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        changed.append(rel)
    _step("staged")
    journal = root / JOURNAL
    tmp = journal.with_suffix(".tmp")
    tmp.write_text(json.dumps(changed), encoding="utf-8")
    os.replace(tmp, journal)
    _step("journaled")
    recover(root)
    return changed


def recover(root: Path) -> bool:
    """Finish an interrupted commit if a journal is present. True when there was one."""
    journal = root / JOURNAL
    staging = root / STAGING
    if not journal.is_file():
        if staging.exists():
            shutil.rmtree(staging)  # staging without journal: the build died before committing
        return False
    for n, rel in enumerate(json.loads(journal.read_text(encoding="utf-8")), start=1):
        staged = staging / rel.replace("/", "__")
        if staged.is_file():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, root / rel)
        _step(f"moved:{n}")
    journal.unlink()
    shutil.rmtree(staging, ignore_errors=True)
    return True
