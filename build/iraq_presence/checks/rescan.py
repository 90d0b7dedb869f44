"""The per-article re-derivations the domain rules compare against: quotation spans and alias matches.

Each article is scanned on its own. On a large package `dataset validate` hands the whole scan,
with the rules comparing against it, to one worker process at its start (`checks/offload.py`,
`scan_all`), so it overlaps reading and checking the tables on the other core; the build scans in
chunks across the cores (`rescan`). A small corpus is scanned in-process.
Results come back as integer arrays (article position, start, end).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import numpy as np

POOL_MIN_CHARS = 4_000_000
"""Below this many characters the scan runs in-process: it then takes under ~0.5 s here (5,000
articles, 22M characters, take ~2.5 s), less than worth a second process."""


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
    """One worker process for work that overlaps the caller's. Spawned, not forked: it starts
    clean (no Arrow threads copied mid-flight) and its start-up overlaps the caller's reading."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


def scan_all(texts: Sequence[str], aliases: Sequence[str]) -> Rescan:
    """Quotation spans and alias matches of every text, in this process (the validator's worker)."""
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
    ctx = multiprocessing.get_context("spawn")  # a clean start: no Arrow threads copied mid-flight
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        futures = [
            pool.submit(_scan, int(lo), list(texts[lo:hi]), list(aliases))
            for lo, hi in itertools.pairwise(bounds)
            if hi > lo
        ]
        results = [f.result() for f in futures]
    return Rescan(_concat([q for q, _ in results]), _concat([m for _, m in results]))
