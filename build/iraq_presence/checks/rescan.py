"""The per-article re-derivations the domain rules compare against: quotation spans and alias matches.

Each article is scanned on its own, so a large corpus is split into chunks scanned in worker
processes (one per core); a small one is scanned in this process, where a pool would cost more
than it saves. Results come back as integer arrays (article position, start, end).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

import numpy as np

POOL_MIN_CHARS = 4_000_000
"""Below this many characters of text the scan runs in-process (measured: a pool pays above ~3M)."""


@dataclass(frozen=True)
class Found:
    """Spans found in the articles: parallel arrays of article position, start and end."""

    article: np.ndarray
    start: np.ndarray
    end: np.ndarray


@dataclass(frozen=True)
class Rescan:
    quotes: Found
    matches: Found


def _found(rows: list[tuple[int, int, int]]) -> Found:
    arr = np.array(rows, dtype=np.int64).reshape(-1, 3)
    return Found(arr[:, 0], arr[:, 1], arr[:, 2])


def _scan(first: int, texts: Sequence[str], aliases: Sequence[str]) -> tuple[Found, Found]:
    from ..tables.mentions import AliasMatcher
    from ..tables.quotes import find_quotes

    matcher = AliasMatcher(aliases)
    quotes, matches = [], []
    for i, text in enumerate(texts, start=first):
        quotes += [(i, q.start, q.end) for q in find_quotes(text)]
        matches += [(i, m.start, m.end) for m in matcher.find(text)]
    return _found(quotes), _found(matches)


def _concat(parts: list[Found]) -> Found:
    if not parts:
        return _found([])
    return Found(*(np.concatenate([getattr(p, k) for p in parts]) for k in ("article", "start", "end")))


def worker() -> ProcessPoolExecutor:
    """One worker process for work that overlaps the caller's. Forked: the work is pure Python
    (no Arrow threads are used in the child, and nothing re-imports `__main__`)."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))


def rescan_async(texts: Sequence[str], aliases: Sequence[str], pool: ProcessPoolExecutor) -> Future:
    """The rescan submitted to a worker process, returning at once (a Future of a `Rescan`): the
    caller runs its other rules on the other core meanwhile."""
    return pool.submit(_scan_all, list(texts), list(aliases))


def _scan_all(texts: Sequence[str], aliases: Sequence[str]) -> Rescan:
    q, m = _scan(0, texts, aliases)
    return Rescan(q, m)


def rescan(texts: Sequence[str], aliases: Sequence[str], workers: int | None = None) -> Rescan:
    """Quotation spans and alias matches of every text (positions index `texts`)."""
    workers = workers or os.cpu_count() or 1
    total = sum(map(len, texts))
    if workers < 2 or total < POOL_MIN_CHARS:
        q, m = _scan(0, texts, aliases)
        return Rescan(q, m)
    n_chunks = workers * 4  # several chunks per worker even out articles of unequal length
    bounds = np.linspace(0, len(texts), n_chunks + 1).astype(int)
    ctx = multiprocessing.get_context("fork")  # workers run pure Python: no re-import of __main__
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        futures = [
            pool.submit(_scan, int(lo), list(texts[lo:hi]), list(aliases))
            for lo, hi in itertools.pairwise(bounds)
            if hi > lo
        ]
        results = [f.result() for f in futures]
    return Rescan(_concat([q for q, _ in results]), _concat([m for _, m in results]))
