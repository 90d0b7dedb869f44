"""Schema-driven rules: columns, required, keys, vocabularies, patterns, ranges, foreign keys, spans, dates.

Every rule here reads what it checks from the Table Schemas (no table or column is named in
code) and works on whole columns; row keys are built only for the rows that fail.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..failure import Failure, _v
from ..schema.io import column_failures
from ..schema.tables import TableSchema
from ..schema.types import field_type
from .frames import failures_at, has, memo, positions, row_keys, suggest
from .registry import CROSS, rule

Frames = Mapping[str, Any]
Schemas = Mapping[str, TableSchema]


@rule("COLUMNS-<table>", "exactly the schema's columns, in the schema's order")
def check_columns(frames: Frames, schemas: Schemas) -> list[Failure]:
    """Each table has exactly its schema's columns, in order."""
    return [
        f
        for name, s in schemas.items()
        if name in frames
        for f in column_failures(list(frames[name].columns), s, "the table")
    ]


def _present(frames: Frames, schemas: Schemas):
    """(name, frame, schema, field) for every schema field whose column is loaded."""
    for name, schema in schemas.items():
        df = frames.get(name)
        if df is None:
            continue
        for f in schema.fields:
            if f["name"] in df.columns:
                yield name, df, schema, f


def column(frames: Frames, table: str, name: str) -> Any:
    """A frame column as an Arrow array (zero-copy for Arrow-backed columns; enums stay dictionaries),
    converted once per run."""
    import pyarrow as pa

    return memo(frames, f"arrow:{table}:{name}", lambda: pa.array(frames[table][name]))


def decoded(arr: Any) -> Any:
    """A dictionary array as its plain values (other arrays unchanged)."""
    import pyarrow as pa

    return arr.cast(arr.type.value_type) if pa.types.is_dictionary(arr.type) else arr


@rule("REQUIRED-<table>", "no null in a required or primary-key column")
def check_required(frames: Frames, schemas: Schemas) -> list[Failure]:
    """No null in a required or primary-key column."""
    import pyarrow.compute as pc

    out: list[Failure] = []
    for name, df, schema, f in _present(frames, schemas):
        col = f["name"]
        if not schema.required(col):
            continue
        arr = column(frames, name, col)
        if arr.null_count:
            pos = np.flatnonzero(pc.is_null(arr).to_numpy(zero_copy_only=False))
            out += failures_at(
                f"REQUIRED-{name}", df, schema, pos, col, [None] * len(pos), "a value (the column is required)"
            )
    return out


def _duplicates(frames: Frames, table: str, columns: list[str]) -> np.ndarray:
    """Positions of rows repeating an earlier row's (non-null) values in `columns`: a stable sort
    in Arrow (cheap: tables are written in key order) and a comparison of neighbours."""
    import pyarrow as pa
    import pyarrow.compute as pc

    part = pa.table({c: decoded(column(frames, table, c)) for c in columns})
    rows = np.arange(part.num_rows)
    if any(part.column(c).null_count for c in columns):
        keep = np.logical_and.reduce([pc.is_valid(part.column(c)).to_numpy(zero_copy_only=False) for c in columns])
        part, rows = part.filter(pa.array(keep)), rows[keep]
    if part.num_rows < 2:
        return np.zeros(0, dtype=np.int64)
    order = pc.sort_indices(part, sort_keys=[(c, "ascending") for c in columns]).to_numpy()
    ordered = part.take(order)
    n = part.num_rows
    same = np.logical_and.reduce(
        [
            pc.equal(ordered.column(c).slice(0, n - 1), ordered.column(c).slice(1)).to_numpy(zero_copy_only=False)
            for c in columns
        ]
    )
    return np.sort(rows[order[np.flatnonzero(same) + 1]])


@rule("PK-<table>", "the primary key (one or several columns) has no duplicates; the repeat is reported")
def check_primary_key(frames: Frames, schemas: Schemas) -> list[Failure]:
    """The primary key (one or several columns) has no duplicates; the repeat is reported, not the first."""
    out: list[Failure] = []
    for name, schema in schemas.items():
        pk = schema.primary_key
        if not pk or not has(frames, name, *pk):
            continue
        df = frames[name]
        pos = _duplicates(frames, name, pk)
        keys = ["/".join(map(str, r)) for r in df.iloc[pos][pk].itertuples(index=False)]
        out += failures_at(
            f"PK-{name}", df, schema, pos, "/".join(pk), [f"duplicate {k}" for k in keys], "unique values", render=False
        )
    return out


@rule("UNIQUE-<table>", "columns marked `unique` have no duplicates")
def check_unique(frames: Frames, schemas: Schemas) -> list[Failure]:
    """Columns marked `unique` (other than a one-column primary key) have no duplicates."""
    out: list[Failure] = []
    for name, df, schema, f in _present(frames, schemas):
        col = f["name"]
        if f.get("constraints", {}).get("unique") and schema.primary_key != [col]:
            pos = _duplicates(frames, name, [col])
            vals = [f"duplicate {_v(v)}" for v in df[col].iloc[pos].tolist()]
            out += failures_at(f"UNIQUE-{name}", df, schema, pos, col, vals, "unique values", render=False)
    return out


def _as_text(s: Any) -> Any:
    import pandas as pd

    return s.astype("string") if isinstance(s.dtype, pd.CategoricalDtype) else s


def _isin(arr: Any, values: Any) -> np.ndarray:
    """Per row, whether the value is among `values` (an Arrow array; a hash lookup; null is False)."""
    import pyarrow.compute as pc

    arr = decoded(arr)
    return pc.is_in(arr, value_set=pc.unique(decoded(values)).cast(arr.type)).to_numpy(zero_copy_only=False)


def _distinct(arr: Any) -> Any:
    """The distinct non-null values of an array (a dictionary's own values: no pass over the rows)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return arr.dictionary if pa.types.is_dictionary(arr.type) else pc.unique(arr.drop_null())


@rule("ENUM-<table>", "closed vocabularies: each value is one of the field's `enum` (the nearest code is suggested)")
def check_enum(frames: Frames, schemas: Schemas) -> list[Failure]:
    """Closed vocabularies: every value is one of the schema's `enum`; the nearest code is suggested."""
    import pyarrow as pa

    out: list[Failure] = []
    for name, df, schema, f in _present(frames, schemas):
        enum = f.get("constraints", {}).get("enum")
        if not enum:
            continue
        arr = column(frames, name, f["name"])
        if set(_distinct(arr).to_pylist()) <= set(enum):
            continue  # every value the column can hold is valid: nothing to look up per row
        pos = np.flatnonzero(~_isin(arr, pa.array(enum)) & ~np.asarray(decoded(arr).is_null()))
        near = suggest(enum)
        out += failures_at(
            f"ENUM-{name}",
            df,
            schema,
            pos,
            f["name"],
            df[f["name"]].iloc[pos].tolist(),
            lambda v, e=enum, n=near: "one of " + ", ".join(map(str, e)) + n(v),
        )
    return out


@rule("PATTERN-<table>", "identifiers, codes and hashes match the field's `pattern`")
def check_pattern(frames: Frames, schemas: Schemas) -> list[Failure]:
    """Identifiers, codes and hashes match the schema's `pattern` (the whole value). Values repeat
    (ids are referenced from many rows), so the regex runs once per distinct value."""
    import pyarrow.compute as pc

    out: list[Failure] = []
    for name, df, schema, f in _present(frames, schemas):
        pattern = f.get("constraints", {}).get("pattern")
        if not pattern:
            continue
        arr = column(frames, name, f["name"])
        distinct = decoded(_distinct(arr))
        bad = distinct.filter(pc.invert(pc.match_substring_regex(distinct, f"^(?:{pattern})$")))
        if not len(bad):
            continue
        pos = np.flatnonzero(_isin(arr, bad))
        out += failures_at(
            f"PATTERN-{name}",
            df,
            schema,
            pos,
            f["name"],
            df[f["name"]].iloc[pos].tolist(),
            f"a value matching {pattern}",
        )
    return out


@rule("RANGE-<table>", "`minimum`, `maximum` and `minLength` constraints")
def check_range(frames: Frames, schemas: Schemas) -> list[Failure]:
    """`minimum`, `maximum` and `minLength` constraints (one min/max pass proves most columns in range)."""
    import pyarrow.compute as pc

    out: list[Failure] = []
    for name, df, schema, f in _present(frames, schemas):
        c, col = f.get("constraints", {}), f["name"]
        if not {"minimum", "maximum", "minLength"} & set(c):
            continue
        arr = decoded(column(frames, name, col))
        tests = []
        if "minimum" in c or "maximum" in c:
            lo, hi = pc.min_max(arr).values()
            if "minimum" in c and lo.is_valid and lo.as_py() < c["minimum"]:
                tests.append((pc.less(arr, c["minimum"]), f">= {c['minimum']}"))
            if "maximum" in c and hi.is_valid and hi.as_py() > c["maximum"]:
                tests.append((pc.greater(arr, c["maximum"]), f"<= {c['maximum']}"))
        if "minLength" in c:
            lengths = pc.utf8_length(arr)
            shortest = pc.min(lengths)
            if shortest.is_valid and shortest.as_py() < c["minLength"]:
                tests.append((pc.less(lengths, c["minLength"]), f"length >= {c['minLength']}"))
        for mask, expected in tests:
            pos = np.flatnonzero(mask.fill_null(False).to_numpy(zero_copy_only=False))
            out += failures_at(f"RANGE-{name}", df, schema, pos, col, df[col].iloc[pos].tolist(), expected)
    return out


@rule("FK-<table>-<column>", "every foreign key of every schema resolves (one or several columns)", section=CROSS)
def check_foreign_keys(frames: Frames, schemas: Schemas) -> list[Failure]:
    """Every foreign key of every schema resolves: a hash lookup (one column) or a join (several)."""
    import pyarrow.compute as pc

    out: list[Failure] = []
    for name, schema in schemas.items():
        for fk in schema.foreign_keys:
            if not has(frames, name, *fk.columns) or not has(frames, fk.resource, *fk.ref_columns):
                continue
            df, parent = frames[name], frames[fk.resource]
            cols, refs = list(fk.columns), list(fk.ref_columns)
            if len(cols) == 1:
                arr = column(frames, name, cols[0])
                found = _isin(arr, column(frames, fk.resource, refs[0]))
                pos = np.flatnonzero(pc.is_valid(arr).to_numpy(zero_copy_only=False) & ~found)
            else:
                keys = parent[refs].dropna().drop_duplicates().set_axis(cols, axis=1).astype("string")
                found = df[cols].astype("string").merge(keys, how="left", on=cols, indicator=True)["_merge"].eq("both")
                pos = positions(df[cols].notna().all(axis=1).to_numpy(dtype=bool) & ~found.to_numpy(dtype=bool))
            if len(cols) == 1:
                values = df[cols[0]].iloc[pos].tolist()
                near = suggest(parent[refs[0]])
            else:
                values = ["/".join(map(str, r)) for r in df.iloc[pos][cols].itertuples(index=False)]
                near = suggest([])
            target = f"an existing {fk.resource}.{'/'.join(refs)}"
            out += failures_at(
                f"FK-{name}-{'-'.join(cols)}",
                df,
                schema,
                pos,
                "/".join(cols),
                values,
                lambda v, t=target, n=near: t + n(v),
            )
    return out


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
