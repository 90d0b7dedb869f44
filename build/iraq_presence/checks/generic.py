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


def _arrow_text(s: Any) -> Any:
    import pyarrow as pa

    return pa.array(_as_text(s).astype("string"), type=pa.string())


def article_texts(frames: Frames) -> tuple[Any, list[str | None]] | None:
    """(article ids as an Arrow array, their texts) — computed once per run by the caller's memo."""
    import pyarrow as pa

    if not has(frames, "articles", "article_id", "text"):
        return None
    arts = frames["articles"]
    texts = [t if isinstance(t, str) else None for t in arts["text"].tolist()]
    return pa.array(arts["article_id"].astype("string"), type=pa.string()), texts


@rule(
    "SPAN-<table>[-<column>]",
    "`articles.text[start:end]` equals the stored quote, surface or evidence, for every span of every "
    "schema; start, end and text are all set or all null",
    reads=("articles", "every table"),
    section=CROSS,
    needs=("article_texts",),
    by="hand-written: a slice of another table's text, which a per-table pandera check does not see",
)
def check_spans(frames: Frames, schemas: Schemas) -> list[Failure]:
    """text[start:end] of the article equals the stored string, for every span of every table
    (Python slices: code points, as the offsets are)."""
    texts = memo(frames, "article_texts", lambda: article_texts(frames))
    if texts is None:
        return []
    out: list[Failure] = []
    for name, schema in schemas.items():
        for sp in schema.spans:
            if has(frames, name, sp.article, sp.start, sp.end, sp.text):
                out += _span_failures(name, frames[name], schema, sp, texts)
    return out


def _span_failures(name: str, df: Any, schema: TableSchema, sp: Any, texts: tuple[Any, list[str | None]]) -> list:
    import pyarrow.compute as pc

    ids, text = texts
    rule, (start_s, end_s, value_s) = span_rule(name, sp), (df[sp.start], df[sp.end], df[sp.text])
    nulls = np.column_stack([x.isna().to_numpy(dtype=bool) for x in (start_s, end_s, value_s)])
    pos = np.flatnonzero(nulls.any(axis=1) & ~nulls.all(axis=1))
    out = failures_at(
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
    # an unknown article is FK-*-article_id's to report; a null span is not a span; nor is a text not held
    rows = np.flatnonzero((art >= 0) & ~nulls.any(axis=1))
    start = start_s.to_numpy(dtype="float64", na_value=0).astype(np.int64)
    end = end_s.to_numpy(dtype="float64", na_value=0).astype(np.int64)
    values = value_s.tolist()
    bad, got = [], []
    for i, a, s, e in zip(rows.tolist(), art[rows].tolist(), start[rows].tolist(), end[rows].tolist()):
        t = text[a]
        if t is None:
            continue
        ok = 0 <= s < e <= len(t)
        if ok and t[s:e] == values[i]:
            continue
        bad.append(i)
        got.append(f"text[{s}:{e}] = " + (_v(t[s:e]) if ok or 0 <= s <= e <= len(t) else "(out of range)"))
    keys = row_keys(df, schema.primary_key, np.asarray(bad, dtype=np.int64))
    return out + [
        Failure(rule, name, k, f"{sp.start}:{sp.end}", g, f"{_v(values[i])} (the stored {sp.text})")
        for k, g, i in zip(keys, got, bad)
    ]


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
    return np.where(_rank(a) >= _rank(b), a, b)


def _rank(precision: np.ndarray) -> np.ndarray:
    """Each precision's place in PRECISIONS (-1 for null or unknown), a comparison per precision."""
    rank = np.full(len(precision), -1, dtype=int)
    for i, p in enumerate(PRECISIONS):
        rank[precision == p] = i
    return rank


def text_array(s: Any) -> np.ndarray:
    """A (categorical or string) column as a numpy object array with None for null (a categorical's
    few values looked up by code: 25 times faster than converting every row to text)."""
    import pandas as pd

    if isinstance(s.dtype, pd.CategoricalDtype):
        return np.append(s.cat.categories.to_numpy(dtype=object), None)[s.cat.codes.to_numpy()]
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
    by="hand-written: four columns per date agreeing, each failure naming the column to fix "
    "(a pandera dataframe check could find the rows, not say which column is wrong)",
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
