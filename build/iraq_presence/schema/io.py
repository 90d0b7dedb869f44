"""Typed tables on disk: CSV and Parquet read into frames typed by their Table Schema, and frames
written as deterministic CSV and Parquet bytes. The schema says the types; this module applies them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..failure import Failure, _v
from .tables import TableSchema
from .types import ENUM_ARROW_INDEX, arrow_type, codes, field_type, ordered, pandas_dtype


def schemas_from_descriptor(desc: dict[str, Any]) -> dict[str, TableSchema]:
    return {
        r["name"]: TableSchema(
            r["name"],
            {"name": r["name"], "title": r.get("title", ""), "description": r.get("description", ""), **r["schema"]},
        )
        for r in desc["resources"]
    }


Source = Path | bytes | Any
"""A file path, or the file's bytes already read (bytes or an Arrow buffer: the validator reads each
file once to hash it)."""


def _arrow_source(source: Source) -> Any:
    import pyarrow as pa

    return str(source) if isinstance(source, (str, Path)) else pa.BufferReader(source)


def read_csv_table(source: Source, schema: TableSchema, threads: bool = True) -> tuple[Any, list[Failure]]:
    """A CSV as an Arrow table of strings (empty field = empty string), and its column failures.
    Nothing is typed: the values stay the text the file holds. `threads=False` for a caller that
    reads several files in threads of its own (Arrow's threads then only contend with them)."""
    import pyarrow as pa
    import pyarrow.csv as pc

    table = pc.read_csv(
        _arrow_source(source),
        read_options=pc.ReadOptions(encoding="utf8", use_threads=threads),
        parse_options=pc.ParseOptions(newlines_in_values=True),
        convert_options=pc.ConvertOptions(
            column_types={c: pa.string() for c in schema.columns},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    for i, field in enumerate(table.schema):
        if field.type != pa.string():  # a column the schema does not know: keep its text
            table = table.set_column(i, field.name, table.column(i).cast(pa.string()))
    return table, column_failures(table.column_names, schema, "csv")


def read_csv(source: Source, schema: TableSchema) -> tuple[Any, list[Failure]]:
    """A CSV typed per schema; values that do not parse become TYPE failures (with their line)."""
    import pandas as pd

    table, failures = read_csv_table(source, schema)
    typed = pd.DataFrame(index=pd.RangeIndex(table.num_rows))
    for f in schema.fields:
        name = f["name"]
        if name not in table.column_names:
            continue
        text = table.column(name).to_pandas(types_mapper={}.get).astype("object")
        s = text.where(text != "", None)
        typed[name], bad_mask = field_type(f).parse_csv(s)
        for i in s.index[bad_mask]:
            failures.append(
                Failure(f"TYPE-{schema.name}", schema.name, f"line {i + 2}", name, _v(s[i]), f"a {f['type']} value")
            )
    return _with_dtypes(typed, schema), failures


def _with_dtypes(df: Any, schema: TableSchema) -> Any:
    present = [c for c in schema.columns if c in df.columns]
    return coerce(df[present], _subset(schema, present))


def _subset(schema: TableSchema, columns: list[str]) -> TableSchema:
    fields = [f for f in schema.fields if f["name"] in columns]
    return TableSchema(schema.name, {**schema.descriptor, "fields": fields})


def read_parquet_table(source: Source, schema: TableSchema, threads: bool = True) -> tuple[Any, list[Failure]]:
    """A Parquet file as an Arrow table holding the schema's columns that have the derived Arrow
    type; a column of another type is a TYPE failure and left out, an extra or missing one COLUMNS
    (`threads` as for `read_csv_table`)."""
    import pyarrow.parquet as pq

    table = pq.read_table(_arrow_source(source), use_threads=threads)
    failures = column_failures(table.column_names, schema, "parquet")
    expected = {f.name: f.type for f in schema.arrow_schema}
    keep = []
    for name in table.column_names:
        if name not in expected:
            continue
        got = table.schema.field(name).type
        if got == expected[name]:
            keep.append(name)
        else:
            failures.append(
                Failure(f"TYPE-{schema.name}", schema.name, "-", name, str(got), f"Parquet type {expected[name]}")
            )
    return table.select(keep), failures


def arrow_to_frame(table: Any, schema: TableSchema, threads: bool = True) -> Any:
    """An Arrow table as a frame with the schema's pandas dtypes, converted in Arrow (no Python
    object per value): each field's Arrow type maps to its pandas dtype (types.py), enums become
    categories in schema order (`threads` as for `read_csv_table`: at N = 1,000 the validator's
    conversions took 0.04-0.06 CPU s in Arrow's threads, 0.03 in one)."""
    import pandas as pd

    fields = {f["name"]: f for f in schema.fields}
    mapping = {arrow_type(f): pd.api.types.pandas_dtype(pandas_dtype(f)) for f in schema.fields if not _enum(f)}
    df = table.to_pandas(types_mapper=mapping.get, ignore_metadata=True, use_threads=threads)
    for name in table.column_names:
        enum = _enum(fields[name])
        if enum:
            extra = sorted(set(df[name].cat.categories) - set(enum))
            df[name] = df[name].cat.set_categories([*enum, *extra])
    return df


def _enum(field: dict[str, Any]) -> list[str] | None:
    return field.get("constraints", {}).get("enum")


def read_parquet(source: Source, schema: TableSchema) -> tuple[Any, list[Failure]]:
    """A Parquet file as a typed frame (see `read_parquet_table`, `arrow_to_frame`)."""
    table, failures = read_parquet_table(source, schema)
    return arrow_to_frame(table, schema), failures


def column_failures(columns: list[str], schema: TableSchema, where: str) -> list[Failure]:
    """Extra, missing or reordered columns of a table (a frame, or a file's header)."""
    expected, rule = schema.columns, f"COLUMNS-{schema.name}"
    out = [
        Failure(rule, schema.name, "-", n, f"extra column in {where}", "only the schema's columns")
        for n in columns
        if n not in expected
    ]
    out += [
        Failure(rule, schema.name, "-", n, f"missing from {where}", "every column of the schema")
        for n in expected
        if n not in columns
    ]
    if not out and list(columns) != expected:
        out.append(Failure(rule, schema.name, "-", "*", f"order {list(columns)}", f"order {expected}"))
    return out


def coerce(df: Any, schema: Any) -> Any:
    """Cast columns to the schema's pandas dtypes (values outside an enum become visible, not lost)."""
    import pandas as pd

    out = {}
    for col, dtype in schema.pandas_dtypes().items():
        s = df[col] if col in df.columns else pd.Series([None] * len(df), dtype="object")
        if isinstance(dtype, pd.CategoricalDtype):
            values = s.astype("object").where(s.notna(), None)
            cats = list(dtype.categories) + sorted({v for v in values if v is not None} - set(dtype.categories))
            out[col] = pd.Series(pd.Categorical(values, categories=cats), index=df.index)
        elif dtype == "date32[pyarrow]":
            out[col] = pd.Series(_dates(s), index=df.index, dtype=dtype)
        else:
            out[col] = s.astype(dtype)
    extra = [col for col in df.columns if col not in out]
    frame = pd.DataFrame(out, index=df.index)
    for col in extra:
        frame[col] = df[col]
    return frame


def _dates(s: Any) -> list[dt.date | None]:
    out: list[dt.date | None] = []
    for v in s:
        if v is None or (isinstance(v, float) and v != v) or v is __import__("pandas").NA:
            out.append(None)
        elif isinstance(v, dt.datetime):
            out.append(v.date())
        elif isinstance(v, dt.date):
            out.append(v)
        else:
            out.append(dt.date.fromisoformat(str(v)))
    return out


BOM = "\ufeff"
"""Leads every CSV file: Excel then reads it as UTF-8; pandas, readr, DuckDB and frictionless skip it."""


def csv_bytes(df: Any, schema: Any, table: Any = None) -> bytes:
    """CSV every common reader reads back exactly: UTF-8 with a BOM, LF line ends, empty field for
    null, ISO dates, true/false; a value is quoted when it holds a comma, quote or line break, when
    it begins or ends with whitespace (readr trims unquoted fields) or when it is the empty string.
    Written column-wise in Arrow from `table` (`to_arrow(df, schema)`, made here when not given), a
    slice of rows at a time straight into one buffer, so no line becomes a Python string; a frame
    whose values do not fit the schema's types (a fault being set up) is written cell by cell."""
    import io

    import pyarrow as pa
    import pyarrow.compute as pc

    out = io.BytesIO()
    try:
        table = to_arrow(df, schema) if table is None else table
        out.write((BOM + ",".join(table.column_names) + "\n").encode("utf-8"))
        for start in range(0, max(table.num_rows, 1), CSV_SLICE_ROWS):  # one pass when empty: types checked
            part = table.slice(start, CSV_SLICE_ROWS)
            cells = [_arrow_cells(part.column(i)) for i in range(part.num_columns)]
            if part.num_rows:
                cells[-1] = pc.binary_join_element_wise(cells[-1], "", "\n")  # each line ends in LF
                for chunk in pc.binary_join_element_wise(*cells, ",").chunks:
                    out.write(_utf8(chunk))
    except (pa.ArrowException, TypeError, ValueError, KeyError):
        return _csv_bytes_cellwise(df, schema)
    return out.getvalue()


CSV_SLICE_ROWS = 8_192
"""Rows made into CSV text at once: the text of a slice, not of the table, is held beside the output."""


def _utf8(chunk: Any) -> memoryview:
    """A null-free Arrow string array's values end to end: a view of its data buffer."""
    import numpy as np
    import pyarrow as pa

    _, offsets, data = chunk.buffers()
    width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    at = np.frombuffer(offsets, dtype=width)[chunk.offset : chunk.offset + len(chunk) + 1]
    return memoryview(data)[at[0] : at[-1]]


def _whitespace() -> Any:
    """Every character Python's `\\s` matches (str.isspace), as an Arrow value set."""
    import sys

    import pyarrow as pa

    global _WHITESPACE
    if _WHITESPACE is None:
        _WHITESPACE = pa.array([chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()])
    return _WHITESPACE


_WHITESPACE: Any = None


def _arrow_cells(col: Any) -> Any:
    """One Arrow column as CSV cells, the same text `_csv_cells` makes from the pandas column."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = col.type
    if pa.types.is_boolean(kind):
        text = pc.if_else(col, "true", "false")
    elif pa.types.is_dictionary(kind) or pa.types.is_integer(kind) or pa.types.is_date32(kind):
        text = pc.cast(col, pa.string())
    elif pa.types.is_string(kind):
        text = col
    else:
        raise TypeError(f"no Arrow CSV text for {kind}")
    ws = _whitespace()
    risky = pc.or_(
        pc.or_(pc.match_substring_regex(text, '[",\r\n]'), pc.equal(text, "")),
        pc.or_(
            pc.is_in(pc.utf8_slice_codeunits(text, 0, 1), value_set=ws),
            pc.is_in(pc.utf8_slice_codeunits(text, -1, 2**31 - 1), value_set=ws),
        ),
    )
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(text, '"', '""'), '"', "")
    return pc.fill_null(pc.if_else(risky, quoted, text), "")


def _csv_bytes_cellwise(df: Any, schema: Any) -> bytes:
    columns = [f["name"] for f in schema.fields]
    cells = [_csv_cells(field_type(f).write_csv(df[f["name"]])) for f in schema.fields]
    lines = [",".join(columns)]
    if len(df):
        joined = cells[0]
        for col in cells[1:]:
            joined = joined + "," + col
        lines += joined.tolist()
    return (BOM + "\n".join(lines) + "\n").encode("utf-8")


def _csv_cells(col: Any) -> Any:
    """One column as CSV cells: nulls empty, values quoted where a reader would otherwise change them."""
    null = col.isna()
    text = col.astype("object").where(~null, "").map(str)
    risky = text.str.contains(r'[",\r\n]|^\s|\s$|^$')
    quote = ~null & risky
    return text.where(~quote, '"' + text.str.replace('"', '""', regex=False) + '"').reset_index(drop=True)


def parquet_bytes(df: Any, schema: Any, table: Any = None) -> bytes:
    """Parquet written with the pyarrow schema derived from the Table Schema (`table` when the
    caller already has `to_arrow(df, schema)`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = to_arrow(df, schema) if table is None else table
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd", use_dictionary=True, write_statistics=False)
    return sink.getvalue().to_pybytes()


def to_arrow(df: Any, schema: Any) -> Any:
    """An Arrow table with the schema's types; a closed vocabulary is a dictionary holding every
    code in schema order (used or not), so pandas gets categories a crosstab cannot silently drop."""
    import pyarrow as pa

    arrays = []
    for f, field in zip(schema.arrow_schema, schema.fields):
        col = df[f.name]
        values = col.astype("object").where(col.notna(), None).tolist()
        if pa.types.is_dictionary(f.type):
            arrays.append(coded_array(values, f.type, codes(field)))
        else:
            arrays.append(pa.array(values, type=f.type))
    return with_pandas_metadata(pa.Table.from_arrays(arrays, schema=schema.arrow_schema), schema)


def coded_array(values: list[Any], arrow_type: Any, allowed: list[str]) -> Any:
    """A dictionary array of a closed vocabulary: every code in schema order, used or not, then any
    value outside it (sorted), so the checks can name it rather than the cast failing."""
    import pyarrow as pa

    position = {code: i for i, code in enumerate(allowed)}
    extra = sorted({v for v in values if v is not None and v not in position})
    position.update({code: len(allowed) + i for i, code in enumerate(extra)})
    indices = pa.array([None if v is None else position[v] for v in values], type=arrow_type.index_type)
    dictionary = pa.array(allowed + extra, type=pa.string())
    return pa.DictionaryArray.from_arrays(indices, dictionary, ordered=arrow_type.ordered)


def with_pandas_metadata(table: Any, schema: Any) -> Any:
    """`table` carrying the schema's pandas metadata (see `_pandas_metadata`)."""
    return table.replace_schema_metadata({**(table.schema.metadata or {}), b"pandas": _pandas_metadata(schema)})


def _pandas_metadata(schema: Any) -> bytes:
    """Version-free pandas metadata so `pd.read_parquet` restores Int64, boolean, date32[pyarrow]
    (where `.dt` works) and categories with every code, ordered where the schema says so."""
    columns = []
    for f in schema.fields:
        meta: Any = None
        if codes(f):
            pandas_type, numpy_type = "categorical", ENUM_ARROW_INDEX
            meta = {"num_categories": len(codes(f)), "ordered": ordered(f)}
        else:
            pandas_type, numpy_type = field_type(f).pandas_meta
        columns.append(
            {
                "name": f["name"],
                "field_name": f["name"],
                "pandas_type": pandas_type,
                "numpy_type": numpy_type,
                "metadata": meta,
            }
        )
    return json.dumps(
        {
            "index_columns": [],
            "column_indexes": [],
            "columns": columns,
            "creator": {"library": "iraq-presence"},
            "pandas_version": "2.0.0",
        },
        sort_keys=True,
    ).encode()
