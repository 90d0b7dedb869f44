"""The build's worker processes: started once, when the loader has enough YAML to pay for them, and
used again by the assembler for the articles' rows (`shardpool.py`), so the cores that parsed the
curation also make the rows instead of waiting while the main process does."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType


class BuildPool:
    """A process pool made on first use and shut down by its owner (`make.produce`); None where the
    machine has one core or no pool can be started (then every caller does its work itself)."""

    def __init__(self) -> None:
        self._executor: ProcessPoolExecutor | None = None
        self._failed = False

    def executor(self) -> ProcessPoolExecutor | None:
        """The pool, started now if it is not yet (None when it cannot be)."""
        workers = os.cpu_count() or 1
        if self._executor is None and not self._failed and workers >= 2:
            context = multiprocessing.get_context("spawn")  # a clean start: no Arrow threads copied mid-flight
            try:
                self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
            except Exception:  # no pool on this machine: the callers work alone
                self._failed = True
        return self._executor

    def started(self) -> ProcessPoolExecutor | None:
        """The pool if a caller started it (the assembler uses the workers only when the loader did)."""
        return self._executor

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    def __enter__(self) -> BuildPool:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()
