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
import sys
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
    from ..tables.quotes import find_quotes

    quotes = [(i, q.start, q.end) for i, text in enumerate(texts, start=first) for q in find_quotes(text)]
    article, start, end = alias_matches(texts, aliases)
    return _found(quotes), Found(article + first, start, end)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _word_chars(codes: np.ndarray) -> np.ndarray:
    """Per code point, whether it is a word character (each distinct one asked once)."""
    distinct, at = np.unique(codes, return_inverse=True)
    word = np.fromiter((_is_word(chr(c)) for c in distinct.tolist()), dtype=bool, count=len(distinct))
    return word[at]


def alias_matches(texts: Sequence[str], aliases: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(article position, start, end) of every match `tables.mentions.AliasMatcher.find` gives
    in each text (leftmost-longest, non-overlapping, on word boundaries), computed for all texts
    at once: one automaton pass over the texts joined by a character no alias holds, then the
    boundary tests, the leftmost-longest order and the overlaps as array operations (a Python
    step only for the candidates that overlap an earlier one)."""
    import ahocorasick

    words = sorted({a for a in aliases if a})
    joiner = next((c for c in map(chr, range(1, 32)) if not any(c in w for w in words)), None)
    if not words or not texts or joiner is None:
        return _per_text(texts, aliases)
    automaton = ahocorasick.Automaton()
    for i, word in enumerate(words):
        automaton.add_word(word, i)
    automaton.make_automaton()
    joined = joiner.join(texts)
    hits = np.fromiter(automaton.iter(joined), dtype=np.dtype((np.int64, 2))).reshape(-1, 2)
    which, end = hits[:, 1], hits[:, 0] + 1
    start = end - np.array([len(w) for w in words], dtype=np.int64)[which]
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    # a boundary is needed only where the alias itself starts/ends with a word character
    glued = np.zeros(len(start), dtype=bool)
    for edge, at in ((0, start - 1), (-1, end)):
        ask = np.array([_is_word(w[edge]) for w in words], dtype=bool)[which] & (at >= 0) & (at < len(codes))
        glued[ask] |= _word_chars(codes[at[ask]])
    start, end = start[~glued], end[~glued]
    order = np.lexsort((start - end, start))  # by start, the longest first
    start, end = start[order], end[order]
    keep = _leftmost_longest(start, end)
    start, end = start[keep], end[keep]
    offsets = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]], dtype=np.int64)
    article = np.searchsorted(offsets, start, side="right") - 1
    return article, start - offsets[article], end - offsets[article]


def _leftmost_longest(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Which candidates (sorted by start, the longest first) a left-to-right scan keeps: each
    that starts at or after the end of the last one kept. One starting after every earlier
    candidate's end is kept outright; only the others are walked in Python."""
    if not len(end):
        return np.zeros(0, dtype=bool)
    keep = start >= np.maximum.accumulate(np.concatenate([[-1], end[:-1]]))
    last = np.maximum.accumulate(np.where(keep, np.arange(len(keep)), -1))  # the last one kept outright
    cursor = -1
    for i in np.flatnonzero(~keep).tolist():
        if last[i] >= 0:
            cursor = max(cursor, int(end[last[i]]))
        if start[i] >= cursor:
            keep[i] = True
            cursor = int(end[i])
    return keep


def _per_text(texts: Sequence[str], aliases: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`alias_matches` text by text, with the matcher itself (no alias, or no joining character)."""
    from ..tables.mentions import AliasMatcher

    matcher = AliasMatcher(aliases)
    found = _found([(i, m.start, m.end) for i, text in enumerate(texts) for m in matcher.find(text)])
    return found.article, found.start, found.end


def _concat(parts: list[Found]) -> Found:
    if not parts:
        return _found([])
    return Found(*(np.concatenate([getattr(p, k) for p in parts]) for k in ("article", "start", "end")))


def worker() -> ProcessPoolExecutor:
    """One worker process for work that overlaps the caller's (`dataset validate`'s, made before
    it reads anything). On Linux it is forked, once numpy, pandas and pyarrow are imported: it
    then starts with the modules the caller has (a spawned one imports them again, 0.4 CPU s of
    the two cores' budget) and no Arrow thread of the caller has started yet. Elsewhere (macOS,
    Windows: fork is unsafe or absent) it is spawned."""
    if sys.platform != "linux":
        return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    import pandas  # noqa: F401  (the worker's rules read pandas frames: imported once, for both)
    import pyarrow.parquet  # noqa: F401

    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))


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
