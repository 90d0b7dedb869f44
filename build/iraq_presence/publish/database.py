"""The release's SQLite database: the same tables, with keys, foreign keys, indexes and full-text
search on quotes, built with sqlite-utils so Datasette (or any SQLite client) opens it as it is."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from ..schema.types import codes
from .labels import article_label

DB_NAME = "iraq-presence"
SQLITE_TYPES = {"string": str, "integer": int, "number": float, "boolean": int, "date": str}
FTS = {
    "statements": ["quote"],
    "quote_spans": ["text"],
    "utterances": ["summary"],
    "articles": ["title", "text"],
    "actors": ["name", "description"],
}
"""Tables with full-text search, and the columns searched."""
LABEL = "label"
"""A column of `articles` in the database only: the article's label (labels.article_label), which
Datasette shows for every link to an article; the title alone is empty for untitled articles."""


def database_bytes(schemas: dict[str, Any], frames: dict[str, Any]) -> bytes:
    """The database file's bytes (the same tables in the same order give the same bytes)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{DB_NAME}.db"
        write_database(path, schemas, frames)
        return path.read_bytes()


def write_database(path: Path, schemas: dict[str, Any], frames: dict[str, Any]) -> None:
    import sqlite_utils

    conn = sqlite3.connect(":memory:")  # built in memory, then written in one go
    db = sqlite_utils.Database(conn)
    names = dict(zip(frames["actors"]["actor_id"], frames["actors"]["name"]))
    for name, schema in schemas.items():
        columns = {f["name"]: SQLITE_TYPES[f["type"]] for f in schema.fields}
        not_null = {f["name"] for f in schema.fields if schema.required(f["name"])}
        rows = _rows(schema, frames[name])
        if name == "articles":
            columns[LABEL], not_null = str, not_null | {LABEL}
            rows = [{**r, LABEL: article_label(r, names)} for r in rows]
        db[name].create(
            columns,
            pk=tuple(schema.primary_key) if len(schema.primary_key) > 1 else schema.primary_key[0],
            not_null=not_null,
        )
        db[name].insert_all(rows, batch_size=1000)
    # declared after every table exists: actors and articles reference each other
    db.add_foreign_keys(
        [
            (name, fk.columns[0], fk.resource, fk.ref_columns[0])
            for name, schema in schemas.items()
            for fk in schema.foreign_keys
        ]
    )
    for name, schema in schemas.items():
        for fk in schema.foreign_keys:
            db[name].create_index(list(fk.columns), if_not_exists=True)
        for f in schema.fields:
            if codes(f):
                db[name].create_index([f["name"]], if_not_exists=True)
        if name in FTS:
            db[name].enable_fts(FTS[name], tokenize="porter")
    conn.execute("PRAGMA foreign_keys = ON")
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise ValueError(f"SQLite foreign key check failed: {problems[:5]}")
    conn.execute("VACUUM INTO ?", (str(path),))
    conn.close()


def _rows(schema: Any, frame: Any) -> list[dict[str, Any]]:
    """Rows as SQLite values: ISO dates, 0/1 booleans, NULL for nulls."""
    out = []
    types = {f["name"]: f["type"] for f in schema.fields}
    for record in frame[schema.columns].astype("object").to_dict("records"):
        row = {}
        for col, value in record.items():
            if value is None or (not isinstance(value, str) and _is_null(value)):
                row[col] = None
            elif types[col] == "date":
                row[col] = value.isoformat()
            elif types[col] == "boolean":
                row[col] = int(bool(value))
            else:
                row[col] = value
        out.append(row)
    return out


def _is_null(value: Any) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
