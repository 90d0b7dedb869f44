"""Writing tables as Parquet and CSV: deterministic bytes, and never a half-written file in place.

A build first writes every file into a staging folder, then records the planned moves in a
journal, then moves the files into place and removes the journal. If the process dies during
the moves, the next build (or `validate`) finds the journal and finishes the moves: the tables on
disk are always one complete build or the other.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

JOURNAL = ".build-journal.json"
STAGING = ".build-staging"


def csv_bytes(df: Any, schema: Any) -> bytes:
    """CSV with fixed conventions: UTF-8, LF line ends, empty field for null, ISO dates, true/false."""
    import pandas as pd

    out = pd.DataFrame(index=df.index)
    for f in schema.fields:
        col = df[f["name"]]
        if f["type"] == "boolean":
            out[f["name"]] = col.map({True: "true", False: "false"}).astype("object")
        elif f["type"] == "date":
            out[f["name"]] = col.astype("string")
        else:
            out[f["name"]] = col.astype("object")
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n", na_rep="", quoting=0)
    return buf.getvalue().encode("utf-8")


def parquet_bytes(df: Any, schema: Any) -> bytes:
    """Parquet written with the pyarrow schema derived from the Table Schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = to_arrow(df, schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd", use_dictionary=True, write_statistics=False)
    return sink.getvalue().to_pybytes()


def to_arrow(df: Any, schema: Any) -> Any:
    import pyarrow as pa

    arrays = []
    for f in schema.arrow_schema:
        col = df[f.name]
        if pa.types.is_dictionary(f.type):
            values = pa.array(col.astype("object").where(col.notna(), None).tolist(), type=pa.string())
            arrays.append(values.dictionary_encode().cast(f.type))
        else:
            arrays.append(pa.array(col.astype("object").where(col.notna(), None).tolist(), type=f.type))
    table = pa.Table.from_arrays(arrays, schema=schema.arrow_schema)
    pandas_meta = _pandas_metadata(schema)
    return table.replace_schema_metadata({**(table.schema.metadata or {}), b"pandas": pandas_meta})


def _pandas_metadata(schema: Any) -> bytes:
    """Version-free pandas metadata so pandas restores Int64, boolean and category dtypes."""
    columns = []
    for f in schema.fields:
        enum = f.get("constraints", {}).get("enum")
        if enum:
            pandas_type, numpy_type = "categorical", "int32"
            meta: Any = {"num_categories": len(enum), "ordered": False}
        elif f["type"] == "integer":
            pandas_type, numpy_type, meta = "int64", "Int64", None
        elif f["type"] == "boolean":
            pandas_type, numpy_type, meta = "bool", "boolean", None
        elif f["type"] == "date":
            pandas_type, numpy_type, meta = "date", "object", None
        else:
            pandas_type, numpy_type, meta = "unicode", "object", None
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


def commit(root: Path, files: dict[str, bytes]) -> list[str]:
    """Write `files` (paths relative to root) atomically as a set; returns the paths that changed."""
    recover(root)
    staging = root / STAGING
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    changed = []
    for rel, data in sorted(files.items()):
        target = root / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        staged = staging / rel.replace("/", "__")
        with open(staged, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        changed.append(rel)
    journal = root / JOURNAL
    tmp = journal.with_suffix(".tmp")
    tmp.write_text(json.dumps(changed), encoding="utf-8")
    os.replace(tmp, journal)
    recover(root)
    return changed


def recover(root: Path) -> bool:
    """Finish an interrupted commit if a journal is present. True when there was one."""
    journal = root / JOURNAL
    staging = root / STAGING
    if not journal.is_file():
        if staging.exists():
            shutil.rmtree(staging)  # staging without journal: the build died before committing
        return False
    for rel in json.loads(journal.read_text(encoding="utf-8")):
        staged = staging / rel.replace("/", "__")
        if staged.is_file():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, root / rel)
    journal.unlink()
    shutil.rmtree(staging, ignore_errors=True)
    return True
