"""Committing a build: every file written atomically as one set, never a half-written file in place.

A build first writes every file into a staging folder, then records the planned moves in a
journal, then moves the files into place and removes the journal. If the process dies during
the moves, the next build finds the journal and finishes the moves: the tables on disk are always
one complete build or the other. Each step is fsynced before the next, so a power loss leaves
the same states.

The journal is read as untrusted input: it must be a JSON list of relative paths inside the
repository, each with its staged file. One that is not (empty after a power loss, edited, or
planted) is discarded without moving anything, and the build that found it writes every file
that differs from its own output, which repairs a half-moved set.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path, PurePosixPath

JOURNAL = ".build-journal.json"
STAGING = ".build-staging"
JOURNAL_LIMIT = 1 << 20
"""Bytes: a real journal lists a few dozen paths; anything larger is not one."""
KILL_AT = "IRAQ_PRESENCE_KILL_AT"
"""Environment variable naming a commit step at which the process kills itself: `staged` (files
staged, no journal yet), `journaled` (journal written, nothing moved) or `moved:N` (after the Nth
move). It lets a test interrupt a real commit at a known point; unset, it does nothing."""


def _step(name: str) -> None:
    """A named point inside the commit where a test may have the process killed (SIGKILL, no cleanup)."""
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _staged(staging: Path, rel: str) -> Path:
    return staging / rel.replace("/", "__")


def _write_durably(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    """Make a folder's entries (a rename, a new or removed file) survive a power loss."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit(root: Path, files: dict[str, bytes], warn: Callable[[str], None] = lambda _: None) -> list[str]:
    """Write `files` (paths relative to root) atomically as a set; returns the paths that changed.
    `warn` hears about a journal found broken and discarded."""
    note = recover(root)
    if note:
        warn(note)
    staging = root / STAGING
    staging.mkdir()
    changed = []
    for rel, data in sorted(files.items()):
        target = root / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        _write_durably(_staged(staging, rel), data)
        changed.append(rel)
    _fsync_dir(staging)
    _step("staged")
    journal = root / JOURNAL
    tmp = journal.with_suffix(".tmp")
    _write_durably(tmp, json.dumps(changed).encode("utf-8"))
    os.replace(tmp, journal)
    _fsync_dir(root)
    _step("journaled")
    recover(root)
    return changed


def read_journal(root: Path) -> tuple[list[str], str | None]:
    """The planned moves, or ([], why the journal cannot be trusted). Reads nothing outside `root`."""
    journal = root / JOURNAL
    if journal.is_symlink() or not journal.is_file():
        return [], f"{JOURNAL} is not a regular file"
    if journal.stat().st_size > JOURNAL_LIMIT:
        return [], f"{JOURNAL} is larger than any journal a build writes"
    try:
        plan = json.loads(journal.read_bytes())
    except ValueError:
        return [], f"{JOURNAL} is empty or not JSON (a build interrupted while writing it)"
    if not isinstance(plan, list) or not all(isinstance(rel, str) for rel in plan):
        return [], f"{JOURNAL} is not a list of paths"
    if (root / STAGING).is_symlink():
        return [], f"{STAGING} is a symbolic link"
    inside = root.resolve()
    for rel in plan:
        parts = PurePosixPath(rel).parts
        if not parts or rel.startswith("/") or "\\" in rel or any(p in ("..", ".") for p in parts):
            return [], f"{JOURNAL} names {rel!r}, not a plain path inside the repository"
        if not (root / rel).resolve().is_relative_to(inside):
            return [], f"{JOURNAL} names {rel!r}, which leads outside the repository"
        staged = _staged(root / STAGING, rel)
        if staged.is_symlink() or (staged.exists() and not staged.is_file()):
            return [], f"{JOURNAL}: the staged file for {rel!r} is not a regular file"
    return plan, None


def recover(root: Path) -> str | None:
    """Finish an interrupted commit if a journal is present; discard one that cannot be trusted.
    Returns what was done (None when there was no journal). Called before a build writes, which
    then rewrites every file differing from its output: so a discarded plan loses nothing."""
    journal = root / JOURNAL
    staging = root / STAGING
    if not journal.exists() and not journal.is_symlink():
        _clear(staging)  # staging without journal: the build died before committing
        return None
    plan, problem = read_journal(root)
    if problem:
        journal.unlink()
        _clear(staging)
        _fsync_dir(root)
        return f"{problem}; discarded it without moving any file, and this build rewrites every file that differs"
    folders = set()
    for n, rel in enumerate(plan, start=1):
        staged = _staged(staging, rel)
        if staged.is_file():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, root / rel)
            folders.add((root / rel).parent)
        _step(f"moved:{n}")
    for folder in sorted(folders):
        _fsync_dir(folder)
    journal.unlink()
    _clear(staging)
    _fsync_dir(root)
    return f"finished an interrupted build ({len(plan)} file(s) moved into place)"


def _clear(staging: Path) -> None:
    if staging.is_dir() and not staging.is_symlink():
        shutil.rmtree(staging)
    elif staging.exists() or staging.is_symlink():
        staging.unlink()  # a file or a link: never followed, only the entry goes
