"""Column checks registered with pandera's extension API, for the schemas derived from the Table
Schemas (`TableSchema.pandera_schema`): a `pattern` and `unique` checked on the column's Arrow data.

pandera's builtins do both in pandas: `str_matches` first scans every value for a line break
(pandas' fallback rule for a pattern ending in `$`) and then matches; `unique` factorizes the whole
column to find duplicates. These answer a passing column from one Arrow kernel (RE2's match; a
comparison of neighbours, else a hash of the distinct values), and build the per-row answer, with
pandas' own semantics, only for a column that fails. Measured at N = 1,000 copies of the corpus
(CPU): patterns 0.35 s and uniqueness 0.31 s with the builtins; the whole per-table pass 0.46 s
with these hashing every key, 0.36 s comparing neighbours first (see docs/validation.md).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandera import extensions

PYTHON_ONLY = re.compile(r"\\[sSwWdDbB]")
"""Classes RE2 (Arrow) reads as ASCII where Python's `re` reads Unicode: a pattern using one is
matched with Python's semantics (pandas), so the result never depends on the engine."""


def _arrow(series: pd.Series) -> Any:
    arr = pa.array(series)
    return arr.cast(arr.type.value_type) if pa.types.is_dictionary(arr.type) else arr


@extensions.register_check_method(statistics=["pattern"], supported_types=pd.Series, check_type="vectorized")
def matches_pattern(series: pd.Series, *, pattern: str) -> Any:
    """Each value matches `pattern` as a whole (Table Schema's `pattern`; nulls are pandera's
    `nullable` to judge). True for the column when every value does, else per row."""
    if PYTHON_ONLY.search(pattern):
        return series.astype("string").str.fullmatch(pattern, na=True)
    arr = _arrow(series)
    if _repeats(arr) and pc.all(pc.match_substring_regex(pc.unique(arr), pattern).fill_null(True)).as_py():
        return True
    ok = pc.match_substring_regex(arr, pattern).fill_null(True)
    if pc.all(ok).as_py():
        return True
    return pd.Series(ok.to_numpy(zero_copy_only=False), index=series.index)


SAMPLE = 1_000
"""Values looked at to tell a column of few distinct values (a foreign key, a code) from one of
many (a key, a free text)."""


def _repeats(arr: Any) -> bool:
    """Whether the column's first values repeat enough that matching its distinct values (one hash
    per row) is cheaper than matching every row: measured at N = 1,000, a foreign key's 455,000
    values matched in 3 ms instead of 24, a key's distinct values in 10 ms instead of 8."""
    head = arr.slice(0, SAMPLE)
    return len(arr) > SAMPLE and 2 * len(pc.unique(head)) < len(head)


@extensions.register_check_method(supported_types=pd.Series, check_type="vectorized")
def unique_values(series: pd.Series) -> Any:
    """No value repeats (every repeat after the first fails; two nulls are a repeat, as in
    pandera's `unique`). True for the column when its values strictly increase (as the build
    writes a table's key: one comparison per row, no hash of every value) or when the distinct
    values are as many as the rows."""
    arr = _arrow(series)
    if not arr.null_count and (len(arr) < 2 or pc.all(pc.greater(arr[1:], arr[:-1])).as_py()):
        return True
    if len(pc.unique(arr)) == len(arr):
        return True
    return ~series.duplicated(keep="first")


def pattern(value: str) -> Any:
    """The pandera check of a field's `pattern`."""
    import pandera.pandas as pa_

    return pa_.Check.matches_pattern(pattern=value)


def unique() -> Any:
    """The pandera check of a field's `unique` (nulls included: a required column's null is
    REQUIRED's to report, and a repeated null a repeat)."""
    import pandera.pandas as pa_

    return pa_.Check.unique_values(ignore_na=False)
