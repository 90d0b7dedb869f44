"""Assembled rows to typed frames: schema column order, rows sorted by primary key."""

from __future__ import annotations

from typing import Any

from ..schema.io import coerce
from .assemble import Built


def to_frames(built: Built, schemas: dict[str, Any]) -> dict[str, Any]:
    """Typed DataFrames in schema column order, rows sorted by primary key."""
    import pandas as pd

    frames = {}
    for name, schema in schemas.items():
        rows = built.rows.get(name, [])
        df = pd.DataFrame(rows, columns=schema.columns) if rows else pd.DataFrame(columns=schema.columns)
        frames[name] = coerce(df, schema).sort_values(schema.primary_key, kind="stable").reset_index(drop=True)
    return frames
