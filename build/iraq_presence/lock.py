"""One writer at a time: `dataset build`, `add` and `release` hold the repository's lock while they run.

Two builds at once could each move half their tables into place; an `add` during a build could
change SHA256SUMS under it. The lock is an OS file lock (released by the kernel when its holder
exits, even on kill -9, so it is never stale); a second process is refused at once with a message,
never left waiting silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import Busy
from .paths import Layout
from .store import recover


@contextmanager
def one_writer(root: Path, command: str, warn: Callable[[str], None] = lambda _: None) -> Iterator[None]:
    """Hold the repository's write lock for `command`, or raise Busy naming what to do. Once held,
    an interrupted commit (a build or add killed midway) is finished first, so `command` reads one
    complete state; `warn` hears what was repaired."""
    lay = Layout(root)
    if not lay.local_is_inside():
        raise Busy(
            f"{lay.local} is a link or a file: it must be a folder inside the repository (it holds the write lock "
            "and the build cache); remove it and run the command again. Nothing was changed"
        )
    path = lay.lock
    path.parent.mkdir(exist_ok=True)
    lock = FileLock(path, timeout=0, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(
            f"another `dataset` command (build, add or release) is writing this repository (it holds {path.name}); "
            f"nothing was changed: wait for it to finish, then run `dataset {command}` again"
        ) from None
    try:
        note = recover(root)
        if note:
            warn(note)
        yield
    finally:
        lock.release()
