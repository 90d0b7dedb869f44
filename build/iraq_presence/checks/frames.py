"""The tables one run of the rules reads: typed frames by name, plus derivations computed once per run.

Rules take `(frames, schemas)`; `frames` is a plain mapping of table name to pandas DataFrame, so a
rule can be called on any dict of frames. The runner passes a `Frames`, which also memoizes work
several rules share (the per-article rescans), so each is done once per run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from typing import Any

import numpy as np

from ..errors import nearest
from ..failure import Failure, _v


class Frames(dict):
    """Typed DataFrames by table name, with a per-run memo for derivations several rules share."""

    def __init__(self, frames: Mapping[str, Any]) -> None:
        super().__init__(frames)
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = compute()
        value = self._memo[key]
        if isinstance(value, Future):  # begun elsewhere (in a worker process): wait for it here
            try:
                value = value.result()
            except Exception:  # the worker died or failed: derive it here instead
                value = compute()
            self._memo[key] = value
        return value

    def pending(self) -> frozenset[str]:
        """The derivations begun elsewhere and not yet collected (the rules needing them wait)."""
        return frozenset(k for k, v in self._memo.items() if isinstance(v, Future))

    def begun(self, key: str) -> bool:
        """Whether a derivation was handed over (computed or begun elsewhere) under `key`."""
        return key in self._memo

    def preset(self, key: str, value: Any) -> None:
        """Hand the rules a derivation already computed or begun (a Future) elsewhere."""
        self._memo[key] = value


def memo(frames: Mapping[str, Any], key: str, compute: Callable[[], Any]) -> Any:
    """`frames.memo(key, compute)` when the frames can memoize, else just `compute()`."""
    return frames.memo(key, compute) if isinstance(frames, Frames) else compute()


def has(frames: Mapping[str, Any], table: str, *columns: str) -> bool:
    """The table is loaded and holds these columns (a missing one is reported by COLUMNS-*)."""
    df = frames.get(table)
    return df is not None and all(c in df.columns for c in columns)


def positions(mask: Any) -> np.ndarray:
    """Row positions where a boolean mask (Series, array; nulls count as False) is true."""
    arr = mask.to_numpy(dtype=bool, na_value=False) if hasattr(mask, "to_numpy") else np.asarray(mask, dtype=bool)
    return np.flatnonzero(arr)


def row_keys(df: Any, primary_key: Iterable[str], pos: np.ndarray) -> list[str]:
    """The primary-key values of the rows at `pos`, as text (built only for failing rows)."""
    if not len(pos):
        return []
    cols = [c for c in primary_key if c in df.columns]
    if not cols:
        return [str(p) for p in pos]
    part = df.iloc[pos][cols]
    return ["/".join(map(str, values)) for values in zip(*(part[c].tolist() for c in cols))]


def among(column: Any, values: Iterable[str]) -> np.ndarray:
    """Per row, whether the value, as text, is one of `values` (null is not): Arrow's hash lookup,
    where pandas' `isin` of a text column first makes an Arrow scalar of every value looked for."""
    import pyarrow as pa
    import pyarrow.compute as pc

    wanted = pa.array(list(values), type=pa.string())
    found = pc.is_in(pa.array(column.astype("string"), type=pa.string()), value_set=wanted)
    return found.to_numpy(zero_copy_only=False).astype(bool)


def dedupe(failures: list[Failure]) -> list[Failure]:
    """The failures in order, each once."""
    return list(dict.fromkeys(failures))


def failures_at(
    rule: str,
    df: Any,
    schema: Any,
    pos: np.ndarray,
    column: str,
    values: Iterable[Any],
    expected: str | Callable[[Any], str],
    render: bool = True,
) -> list[Failure]:
    """One Failure per failing row position; `expected` may depend on the bad value. Values are
    shown as `_v` renders them unless `render` is false (they are already text)."""
    if not len(pos):
        return []
    keys = row_keys(df, schema.primary_key, pos)
    out = []
    for key, value in zip(keys, values):
        exp = expected(value) if callable(expected) else expected
        out.append(Failure(rule, schema.name, key, column, _v(value) if render else str(value), exp))
    return out


def suggest(valid: Any, limit: int = 50) -> Callable[[Any], str]:
    """`expected` text naming the nearest valid values (a list or a column), computed once per
    distinct bad value and only when some value is bad."""
    cache: dict[str, str] = {}
    choices: list[str] = []

    def text(value: Any) -> str:
        key = str(value)
        if key not in cache:
            if not choices:
                choices.extend(
                    sorted({str(v) for v in (valid.dropna().unique() if hasattr(valid, "dropna") else valid)})
                )
            sug = nearest(key, choices) if len(cache) < limit else []
            cache[key] = f" (nearest: {', '.join(sug)})" if sug else ""
        return cache[key]

    return text
