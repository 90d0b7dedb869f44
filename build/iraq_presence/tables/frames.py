"""Assembled rows to typed frames: every row checked against its Table Schema, then typed and sorted.

A row built with a key its schema does not have, or without one it has, stops the build here:
pandas would otherwise drop the unknown key and fill the missing column with nulls, silently.
"""

from __future__ import annotations

from typing import Any

from ..errors import SchemaMismatch, nearest
from ..schema.io import coerce
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
            keys = set(row)
            if keys == want:
                continue
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


def to_frames(built: Built, schemas: dict[str, Any]) -> dict[str, Any]:
    """Typed DataFrames in schema column order, rows sorted by primary key."""
    import pandas as pd

    check_rows(built, schemas)
    frames = {}
    for name, schema in schemas.items():
        rows = built.rows.get(name, [])
        df = pd.DataFrame(rows, columns=schema.columns) if rows else pd.DataFrame(columns=schema.columns)
        frames[name] = coerce(df, schema).sort_values(schema.primary_key, kind="stable").reset_index(drop=True)
    return frames
