"""Assembled rows to typed tables: every row checked against its Table Schema, then typed and sorted.

A row built with a key its schema does not have, or without one it has, stops the build here:
pandas would otherwise drop the unknown key and fill the missing column with nulls, silently.

Each table is built once, as Arrow, straight from the rows' values (no pandas frame in between), and
the frame the rules read is a view of that Arrow table (the same conversion `dataset validate`
applies to the Parquet it reads). A column holding a value of another type than its schema's (a
fault, or a curation slip caught later by the rules) takes the slower pandas path, which converts
what it can, as the build always did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from ..errors import SchemaMismatch, nearest
from ..schema.io import arrow_to_frame, coded_array, coerce, with_pandas_metadata
from ..schema.types import codes

if TYPE_CHECKING:
    from .assemble import Built


def check_rows(built: Built, schemas: dict[str, Any]) -> None:
    """Every assembled row has exactly its table's columns; raises SchemaMismatch on the first that does not."""
    for table, rows in built.rows.items():
        if table not in schemas:
            raise SchemaMismatch(
                f"rows built for table {table!r}, which has no schema in schemas/",
                suggestions=nearest(table, schemas),
            )
        expected = schemas[table].columns
        want = set(expected)
        for row, origin in zip(rows, built.origins[table]):
            if row.keys() == want:
                continue
            keys = set(row)
            unknown = sorted(keys - want)
            if unknown:
                raise SchemaMismatch(
                    f"table {table}: row from {origin} has key {unknown[0]!r}, "
                    f"which is not a column of schemas/{table}.json",
                    suggestions=nearest(unknown[0], expected),
                )
            missing = sorted(want - keys)
            raise SchemaMismatch(
                f"table {table}: row from {origin} lacks column {missing[0]!r} of schemas/{table}.json"
            )


@dataclass
class Typed:
    """The typed tables: Arrow (None when a column's values needed the pandas path), the frames the
    rules read, and each sorted row's curation origin."""

    arrow: dict[str, Any]
    frames: dict[str, Any]
    origins: dict[str, list[str]]


def to_tables(built: Built, schemas: dict[str, Any]) -> Typed:
    """Every table typed and sorted by primary key; each table's rows are released once typed. A
    table assembled as per-article fragments (`Fragment`) is their concatenation, typed already."""
    check_rows(built, schemas)
    out = Typed({}, {}, {})
    for name, schema in schemas.items():
        parts = built.fragments.pop(name, [])
        rows = built.rows.pop(name, [])
        origins: Any = built.origins.pop(name, [])
        table = joined = None
        if parts and not rows and all(p.table is not None for p in parts):
            table, joined = concatenated(parts, schema)
        elif parts:  # a fragment's values needed the pandas path: the whole table takes it, as rows
            rows, origins = [*fragment_rows(parts), *rows], [o for p in parts for o in p.origin_list()] + origins
        del parts
        if table is None:
            table = _arrow_table(rows, schema)
        if table is None:
            frame, order = _pandas_frame(rows, schema)
        else:
            order = _sort_order(table, schema.primary_key)
            table = table.combine_chunks() if _in_order(order) else table.take(order)
            frame = arrow_to_frame(table, schema)
            order = order.to_numpy()
        del rows
        out.arrow[name], out.frames[name] = table, frame
        out.origins[name] = Sorted(joined, order) if joined is not None else [origins[i] for i in order]
    return out


@dataclass
class Sorted:
    """Row origins in sorted order, made only when read (when a rule fails)."""

    origins: Any
    order: Any

    def __iter__(self) -> Iterator[str]:
        return iter(self.origins.take(self.order).to_pylist())


@dataclass
class Fragment:
    """One article's rows of one table: typed as Arrow with the rows' origins, or (`table` None) the
    rows themselves when a value is not of its column's plain type (the table then takes pandas' path)."""

    table: Any
    origins: Any
    rows: list[dict[str, Any]] | None = None

    def origin_list(self) -> list[str]:
        return self.origins if self.table is None else self.origins.to_pylist()

    def slice(self, start: int, n: int) -> Fragment:
        if self.table is None:
            return Fragment(None, self.origins[start : start + n], (self.rows or [])[start : start + n])
        return Fragment(self.table.slice(start, n), self.origins.slice(start, n))


ORIGIN = "__origin__"
"""The column a fragment's origins travel in, in its Arrow IPC bytes."""


def fragment(rows: list[dict[str, Any]], origins: list[str], schema: Any) -> Fragment:
    """The rows of one table of one article, checked against the schema's columns, typed."""
    import pyarrow as pa

    table = _arrow_table(rows, schema)
    if table is None:
        return Fragment(None, origins, rows)
    return Fragment(table, pa.array(origins, type=pa.string()))


def fragment_bytes(part: Fragment) -> Any:
    """A fragment as the build cache stores it: Arrow IPC with the origins as a last column, or the rows."""
    import pyarrow as pa

    if part.table is None:
        return (part.rows, part.origins)
    table = part.table.append_column(ORIGIN, part.origins)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def fragment_from(stored: Any, schema: Any) -> Fragment | None:
    """The fragment `fragment_bytes` stored, or None when it is not one of `schema`'s table."""
    import pyarrow as pa

    if isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], list):
        return Fragment(None, stored[1], stored[0])
    if not isinstance(stored, bytes):
        return None
    try:
        table = pa.ipc.open_stream(stored).read_all()
    except pa.ArrowException:
        return None
    if not table.schema.equals(_stored_schema(schema)):
        return None
    n = table.num_columns - 1
    return Fragment(table.select(range(n)), table.column(n).combine_chunks())


def _stored_schema(schema: Any) -> Any:
    """The Arrow schema of a stored fragment of `schema`'s table: its columns, then the origins
    (made once per schema object, kept beside its cached `arrow_schema`)."""
    import pyarrow as pa

    memo = schema.__dict__
    if "_stored_arrow_schema" not in memo:
        memo["_stored_arrow_schema"] = schema.arrow_schema.append(pa.field(ORIGIN, pa.string()))
    return memo["_stored_arrow_schema"]


def fragment_rows(parts: list[Fragment]) -> Iterator[dict[str, Any]]:
    """The rows of fragments (a typed one's values as Python values: what its rows held)."""
    for p in parts:
        yield from p.table.to_pylist() if p.table is not None else (p.rows or [])


def concatenated(parts: list[Fragment], schema: Any) -> tuple[Any, Any]:
    """Typed fragments as one table and its origins: what typing their rows at once would give. A
    vocabulary column holds every code in schema order; a fragment with a value outside it has
    its own dictionary, so the column is then encoded again over the whole table."""
    import pyarrow as pa

    table = pa.concat_tables([p.table for p in parts]).combine_chunks()  # a `take` over many chunks is slow
    for i, (f, field) in enumerate(zip(schema.arrow_schema, schema.fields)):
        allowed = codes(field)
        if allowed and any(len(chunk.dictionary) != len(allowed) for chunk in table.column(i).chunks):
            table = table.set_column(i, f, coded_array(table.column(i).to_pylist(), f.type, allowed))
    origins = pa.concat_arrays([p.origins for p in parts])
    return with_pandas_metadata(table, schema), origins


def to_frames(built: Built, schemas: dict[str, Any]) -> dict[str, Any]:
    """Typed DataFrames in schema column order, rows sorted by primary key."""
    return to_tables(built, schemas).frames


_PLAIN = {"string": {str}, "integer": {int}, "boolean": {bool}, "date": {dt.date, str}}
"""The value types a column of each type takes on the Arrow path; anything else takes pandas'."""


def _arrow_table(rows: list[dict[str, Any]], schema: Any) -> Any:
    """The Arrow table of `rows` with the schema's types (what `to_arrow(coerce(frame))` gives), or
    None when a value is not of its column's plain type."""
    import pyarrow as pa

    try:
        return _arrow_columns(rows, schema)
    except (pa.ArrowException, OverflowError):  # e.g. an integer beyond 64 bits: pandas' path says what it is
        return None


def _arrow_columns(rows: list[dict[str, Any]], schema: Any) -> Any:
    import pyarrow as pa

    from ..schema.io import _dates

    arrays = []
    columns = _columns(rows, schema.columns)
    for f, field, values in zip(schema.arrow_schema, schema.fields, columns):
        kinds = set(map(type, values)) - {type(None)}
        allowed = codes(field)
        if not kinds <= (_PLAIN["string"] if allowed else _PLAIN.get(field["type"], set())):
            return None
        if allowed:
            arrays.append(coded_array(values, f.type, allowed))
        elif field["type"] == "date":
            arrays.append(pa.array(_dates(values), type=f.type))
        else:
            arrays.append(pa.array(values, type=f.type))
    return with_pandas_metadata(pa.Table.from_arrays(arrays, schema=schema.arrow_schema), schema)


def _columns(rows: list[dict[str, Any]], names: list[str]) -> list[Any]:
    """The rows' values column by column (one C-level pass per row, then a transpose)."""
    if not rows:
        return [() for _ in names]
    if len(names) == 1:
        return [[r[names[0]] for r in rows]]
    return list(zip(*map(itemgetter(*names), rows)))


def _in_order(order: Any) -> bool:
    """Whether sort positions are 0, 1, 2, ... (rows made in key order: no copy to sort them)."""
    import numpy as np

    positions = order.to_numpy()
    return bool((positions == np.arange(len(positions))).all())


def _sort_order(table: Any, primary_key: list[str]) -> Any:
    """Row positions sorting `table` by its key as pandas' stable sort does (a vocabulary column by
    its codes' schema order, nulls last)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    keys = {}
    for col in primary_key:
        values = table.column(col).combine_chunks()
        keys[col] = values.indices if pa.types.is_dictionary(values.type) else values
    if not keys or not table.num_rows:
        return pa.array(range(table.num_rows), type=pa.int64())
    return pc.sort_indices(pa.table(keys), sort_keys=[(c, "ascending", "at_end") for c in keys])


def _pandas_frame(rows: list[dict[str, Any]], schema: Any) -> tuple[Any, Any]:
    """The frame of `rows` cast by pandas, sorted, with the sort's row positions."""
    import pandas as pd

    df = pd.DataFrame(rows, columns=schema.columns) if rows else pd.DataFrame(columns=schema.columns)
    df = coerce(df, schema).sort_values(schema.primary_key, kind="stable")
    return df.reset_index(drop=True), df.index.to_numpy()
