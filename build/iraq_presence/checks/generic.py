"""Schema-driven rules pandera cannot express: spans (a slice of another table's text) and dates
(a value, its precision, basis and note agreeing).

Every rule here reads what it checks from the Table Schemas (no table or column is named in
code) and works on whole columns; row keys are built only for the rows that fail.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..failure import Failure, _v
from ..schema.tables import TableSchema
from ..schema.types import field_type
from .frames import failures_at, has, memo, row_keys
from .registry import CROSS, rule

Frames = Mapping[str, Any]
Schemas = Mapping[str, TableSchema]


def _as_text(s: Any) -> Any:
    import pandas as pd

    return s.astype("string") if isinstance(s.dtype, pd.CategoricalDtype) else s


# --- spans -----------------------------------------------------------------------------------------------

MAIN_SPAN_TEXT = ("text", "quote", "surface", "evidence_text")


def span_rule(table: str, span: Any) -> str:
    """SPAN-<table>, or SPAN-<table>-<column> for a table's secondary span (e.g. a date expression)."""
    return f"SPAN-{table}" + ("" if span.text in MAIN_SPAN_TEXT else f"-{span.text}")


def _code_points(values: Any) -> tuple[np.ndarray, np.ndarray]:
    """An Arrow string array as one UTF-32 code-point array and each value's code-point offset."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = pa.chunked_array([values]) if not isinstance(values, pa.ChunkedArray) else values
    arr = arr.combine_chunks().fill_null("")
    lengths = pc.utf8_length(arr).to_numpy(zero_copy_only=False).astype(np.int64)
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    data = arr.buffers()[2]
    byte_off = arr.buffers()[1]
    if data is None or len(arr) == 0:
        return np.zeros(0, dtype=np.uint32), offsets
    bounds = np.frombuffer(byte_off, dtype=np.int32, count=len(arr) + 1, offset=arr.offset * 4)
    raw = data.to_pybytes()[bounds[0] : bounds[-1]]
    cps = np.frombuffer(raw.decode("utf-8").encode("utf-32-le"), dtype=np.uint32)
    return cps, offsets


def _arrow_text(s: Any) -> Any:
    import pyarrow as pa

    return pa.array(_as_text(s).astype("string"), type=pa.string())


def article_texts(frames: Frames) -> tuple[Any, np.ndarray, np.ndarray] | None:
    """(article ids, UTF-32 text of all articles, offsets) — computed once per run by the caller's memo."""
    import pyarrow as pa

    if not has(frames, "articles", "article_id", "text"):
        return None
    arts = frames["articles"]
    cps, offsets = _code_points(_arrow_text(arts["text"]))
    return pa.array(arts["article_id"].astype("string"), type=pa.string()), cps, offsets


def _mismatched(
    text_cps: np.ndarray,
    text_at: np.ndarray,
    val_cps: np.ndarray,
    val_at: np.ndarray,
    lens: np.ndarray,
    block: int = 1 << 22,
) -> np.ndarray:
    """For each span, whether its code points differ from the text's, gathered in blocks of rows."""
    bad = np.zeros(len(lens), dtype=bool)
    ends = np.cumsum(lens)
    lo = 0
    while lo < len(lens):
        hi = max(int(np.searchsorted(ends, (ends[lo - 1] if lo else 0) + block, side="right")), lo + 1)
        n = lens[lo:hi]
        total = int(n.sum())
        if total:
            within = np.arange(total) - np.repeat(np.cumsum(n) - n, n)
            diff = text_cps[np.repeat(text_at[lo:hi], n) + within] != val_cps[np.repeat(val_at[lo:hi], n) + within]
            bad[lo:hi][np.unique(np.repeat(np.arange(hi - lo), n)[diff])] = True
        lo = hi
    return bad


@rule(
    "SPAN-<table>[-<column>]",
    "`articles.text[start:end]` equals the stored quote, surface or evidence, for every span of every "
    "schema; start, end and text are all set or all null",
    reads=("articles", "every table"),
    section=CROSS,
)
def check_spans(frames: Frames, schemas: Schemas) -> list[Failure]:
    """text[start:end] of the article equals the stored string, for every span of every table,
    compared as code points in vectorized gathers."""
    import pyarrow.compute as pc

    texts = memo(frames, "article_texts", lambda: article_texts(frames))
    if texts is None:
        return []
    ids, text_cps, text_off = texts
    has_text = frames["articles"]["text"].notna().to_numpy(dtype=bool)
    out: list[Failure] = []
    for name, schema in schemas.items():
        for sp in schema.spans:
            if not has(frames, name, sp.article, sp.start, sp.end, sp.text):
                continue
            df, rule = frames[name], span_rule(name, sp)
            start_s, end_s, value_s = df[sp.start], df[sp.end], df[sp.text]
            nulls = np.column_stack([x.isna().to_numpy(dtype=bool) for x in (start_s, end_s, value_s)])
            pos = np.flatnonzero(nulls.any(axis=1) & ~nulls.all(axis=1))
            out += failures_at(
                rule,
                df,
                schema,
                pos,
                sp.start,
                [f"{_v(a)}-{_v(b)}" for a, b in zip(start_s.iloc[pos], end_s.iloc[pos])],
                f"{sp.start}, {sp.end} and {sp.text} all set or all null",
                render=False,
            )
            art = pc.index_in(_arrow_text(df[sp.article]), value_set=ids).fill_null(-1).to_numpy().astype(np.int64)
            # an unknown article is FK-*-article_id's to report; a null span is not a span
            checked = (art >= 0) & ~nulls.any(axis=1)
            art = np.where(checked, art, 0)
            checked &= has_text[art] if len(has_text) else checked
            start = start_s.to_numpy(dtype="float64", na_value=0).astype(np.int64)
            end = end_s.to_numpy(dtype="float64", na_value=0).astype(np.int64)
            n_chars = text_off[art + 1] - text_off[art]
            val_cps, val_off = _code_points(_arrow_text(value_s))
            ok = checked & (start >= 0) & (start < end) & (end <= n_chars) & (end - start == np.diff(val_off))
            rows = np.flatnonzero(ok)
            ok[
                rows[
                    _mismatched(
                        text_cps, text_off[art[rows]] + start[rows], val_cps, val_off[rows], np.diff(val_off)[rows]
                    )
                ]
            ] = False
            pos = np.flatnonzero(checked & ~ok)
            got = []
            for s, e, a, n in zip(start[pos], end[pos], art[pos], n_chars[pos]):
                piece = text_cps[text_off[a] + s : text_off[a] + e].tobytes().decode("utf-32-le")
                got.append(f"text[{s}:{e}] = " + (_v(piece) if 0 <= s <= e <= n else "(out of range)"))
            keys = row_keys(df, schema.primary_key, pos)
            out += [
                Failure(rule, name, k, f"{sp.start}:{sp.end}", g, f"{_v(v)} (the stored {sp.text})")
                for k, g, v in zip(keys, got, value_s.iloc[pos].tolist())
            ]
    return out


# --- dates -----------------------------------------------------------------------------------------------

PRECISIONS = ("day", "month", "year")
"""Date precisions from finest to coarsest (the values of every `<date>_precision` enum)."""


def days(s: Any) -> np.ndarray:
    """A date column as numpy datetime64[D] (NaT for null), without Python date objects."""
    import pyarrow as pa

    arr = pa.array(s, type=pa.date32()) if not isinstance(s, pa.Array) else s
    return arr.cast(pa.int32()).to_numpy(zero_copy_only=False).astype("float64").astype("datetime64[D]")


def floor(d: np.ndarray, precision: np.ndarray) -> np.ndarray:
    """Each date floored to its precision: the 1st of its month, or 1 January of its year."""
    month = d.astype("datetime64[M]").astype("datetime64[D]")
    year = d.astype("datetime64[Y]").astype("datetime64[D]")
    return np.where(precision == "year", year, np.where(precision == "month", month, d))


def coarser(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Element-wise the coarser of two precision arrays."""
    rank = {p: i for i, p in enumerate(PRECISIONS)}
    ra = np.array([rank.get(x, -1) for x in a], dtype=int) if len(a) else np.zeros(0, int)
    rb = np.array([rank.get(x, -1) for x in b], dtype=int) if len(b) else np.zeros(0, int)
    return np.where(ra >= rb, a, b)


def text_array(s: Any) -> np.ndarray:
    """A (categorical or string) column as a numpy object array with None for null."""
    return _as_text(s).astype("object").where(s.notna(), None).to_numpy()


def date_fields(schema: TableSchema) -> list[str]:
    """Date columns that carry a `<col>_precision` and `<col>_basis` column."""
    cols = set(schema.columns)
    return [
        f["name"]
        for f in schema.fields
        if field_type(f).name == "date" and {f"{f['name']}_precision", f"{f['name']}_basis"} <= cols
    ]


@rule(
    "DATE-<table>-<column>",
    "every date has a precision and a basis; a null or inferred date has a note; a month-precision date "
    "is the 1st, a year-precision date 1 January",
    section=CROSS,
)
def check_dates(frames: Frames, schemas: Schemas) -> list[Failure]:
    """Every date has a precision and a basis; a null or inferred date has a note; a month-precision
    date is the 1st and a year-precision date 1 January."""
    out: list[Failure] = []
    for name, schema in schemas.items():
        for col in date_fields(schema):
            prec_c, basis_c, note_c = f"{col}_precision", f"{col}_basis", f"{col}_note"
            if not has(frames, name, col, prec_c, basis_c):
                continue
            df, rule = frames[name], f"DATE-{name}-{col}"
            d = days(df[col])
            dated = ~np.isnat(d)
            p, b = text_array(df[prec_c]), text_array(df[basis_c])
            p_null, b_null = np.equal(p, None), np.equal(b, None)
            pos = np.flatnonzero(dated & (p_null | b_null))
            out += failures_at(
                rule,
                df,
                schema,
                pos,
                f"{prec_c}/{basis_c}",
                [f"{_v(x)}/{_v(y)}" for x, y in zip(p[pos], b[pos])],
                "a precision (day/month/year) and a basis (stated/inferred)",
                render=False,
            )
            pos = np.flatnonzero(~dated & ~(p_null & b_null))
            out += failures_at(rule, df, schema, pos, prec_c, p[pos], f"null, since {col} is null")
            pos = np.flatnonzero(dated & np.isin(p, ["month", "year"]) & (floor(d, p) != d))
            out += [
                Failure(rule, name, k, col, str(v), f"the first day of the {q} (precision {q})")
                for k, v, q in zip(row_keys(df, schema.primary_key, pos), d[pos], p[pos])
            ]
            if note_c in df.columns:
                noteless = df[note_c].isna().to_numpy(dtype=bool)
                pos = np.flatnonzero(noteless & ((b == "inferred") | ~dated))
                out += [
                    Failure(rule, name, k, note_c, "null", f"a note saying why the date is {why}")
                    for k, why in zip(row_keys(df, schema.primary_key, pos), np.where(dated[pos], "inferred", "null"))
                ]
    return out
