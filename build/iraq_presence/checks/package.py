"""The package on disk: journal, descriptor, files and their hashes, the two formats, then the table rules.

Each file is read once (its bytes hash and parse from the same buffer). The table rules run once,
on the Parquet copy (typed, fast to read); the CSV copy is checked for its columns, its types and
equality with the Parquet copy, column by column. A folder without a Parquet descriptor is
checked from its CSV files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from ..failure import Failure, _v
from ..schema.io import arrow_to_frame, read_csv, read_csv_table, read_parquet_table, schemas_from_descriptor
from ..schema.tables import TableSchema
from ..schema.types import field_type
from .bundle import check_release
from .descriptor import (
    check_descriptor,
    check_every_table,
    check_inputs,
    check_journal,
    load_descriptor,
    load_parquet_descriptor,
)
from .frames import Frames, row_keys
from .registry import FILES, rule
from .rescan import rescan_files_async, worker
from .runner import check_frames, dedupe

WORKER_MIN_ARTICLES = 200
"""From this many articles (about 1M characters) the rescans run in a second process."""
FORMAT_LIMIT = 5
"""FORMAT failures reported per column (one differing cell is enough to act on; more is noise)."""


def _read_one(folder: Path, res: dict[str, Any], schema: TableSchema, fmt: str) -> tuple[Any, list[Failure]]:
    """One table file: hashed against the descriptor, then parsed from the same bytes."""
    name, path = res["name"], folder / res["path"]
    if not path.is_file():
        return None, [Failure(f"FILE-{name}", name, "-", "-", f"{res['path']} missing", "the table file")]
    data = path.read_bytes()
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    recorded = res.get("hash") or (f"sha256:{res['sha256']}" if res.get("sha256") else None)
    fails = []
    if recorded and recorded != digest:
        fails.append(
            Failure(
                f"FILE-{name}",
                name,
                "-",
                "-",
                f"{res['path']} {digest}, {len(data)} bytes",
                f"{recorded} (as the descriptor records it)",
            )
        )
    try:
        table, more = (read_csv_table if fmt == "csv" else read_parquet_table)(data, schema)
    except Exception as exc:  # a truncated or corrupt file
        return None, [
            *fails,
            Failure(f"FILE-{name}", name, "-", "-", f"{res['path']} unreadable: {exc}", f"a readable {fmt} file"),
        ]
    return table, fails + more


@rule(
    "FILE-<table>",
    "the table file exists, is readable, and has the SHA-256 the descriptor records",
    stage="files",
    section=FILES,
)
@rule(
    "TYPE-<table>",
    "each CSV value parses as its field's type; each Parquet column has the derived Arrow type",
    stage="files",
    section=FILES,
)
def read_tables(
    folder: Path, descriptors: dict[str, dict[str, Any]], schemas: Mapping[str, TableSchema]
) -> tuple[dict[str, dict[str, Any]], list[Failure]]:
    """Every table file the descriptors (by format) list, as Arrow tables (CSV: text; Parquet:
    typed), read in threads: hashing and Arrow parsing release the GIL."""
    jobs = [(fmt, r) for fmt, d in descriptors.items() for r in d["resources"] if r["name"] in schemas]
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda job: _read_one(folder, job[1], schemas[job[1]["name"]], job[0]), jobs))
    tables: dict[str, dict[str, Any]] = {fmt: {} for fmt in descriptors}
    fails = []
    for (fmt, res), (table, more) in zip(jobs, results):
        fails += more
        if table is not None:
            tables[fmt][res["name"]] = table
    return tables, fails


def canonical_text(column: Any) -> Any:
    """A typed Arrow column as the text the CSV writer gives it (ISO dates, true/false, empty null)."""
    import pyarrow as pa

    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    return column.cast(pa.string()).fill_null("")


@rule(
    "FORMAT-<table>",
    "the CSV copy holds the same rows and values as the Parquet copy (compared column by column)",
    stage="files",
    section=FILES,
)
def compare_formats(
    csv: Mapping[str, Any], parquet: Mapping[str, Any], frames: Mapping[str, Any], schemas: Mapping[str, TableSchema]
) -> list[Failure]:
    """The CSV copy (text) holds the Parquet copy's rows and values; a CSV value that does not parse
    as its type is TYPE, any other difference FORMAT. Whole columns are compared at once."""
    import pandas as pd
    import pyarrow.compute as pc

    out = []
    for name, schema in schemas.items():
        text, typed = csv.get(name), parquet.get(name)
        if text is None or typed is None:
            continue
        if text.num_rows != typed.num_rows:
            out.append(
                Failure(
                    f"FORMAT-{name}",
                    name,
                    "-",
                    "*",
                    f"{text.num_rows} CSV rows",
                    f"{typed.num_rows} rows as in Parquet",
                )
            )
            continue
        for f in schema.fields:
            col = f["name"]
            if col not in text.column_names or col not in typed.column_names:
                continue
            differ = np.flatnonzero(
                ~pc.equal(text.column(col), canonical_text(typed.column(col))).to_numpy(zero_copy_only=False)
            )
            if not len(differ):
                continue
            raw = pd.Series(text.column(col).take(differ).to_pylist(), dtype="object")
            raw = raw.where(raw != "", None)
            parsed, bad = field_type(f).parse_csv(raw)
            theirs = typed.column(col).take(differ).to_pylist()
            keys = row_keys(frames[name], schema.primary_key, differ)
            shown = 0
            for i, (key, value, is_bad) in enumerate(zip(keys, raw, bad)):
                if is_bad:
                    out.append(
                        Failure(f"TYPE-{name}", name, f"line {differ[i] + 2}", col, _v(value), f"a {f['type']} value")
                    )
                elif _same(parsed.iloc[i], theirs[i]) or shown >= FORMAT_LIMIT:
                    continue
                else:
                    shown += 1
                    out.append(
                        Failure(f"FORMAT-{name}", name, key, col, f"CSV {_v(value)}", f"{_v(theirs[i])} as in Parquet")
                    )
    return out


def _same(a: Any, b: Any) -> bool:
    """Equal values, null equal to null (a number written with another notation is the same number)."""
    import pandas as pd

    if pd.isna(a) or pd.isna(b):
        return bool(pd.isna(a) and pd.isna(b))
    return bool(a == b)


def early_rescan(folder: Path, pq_desc: dict[str, Any], pool: Any) -> Any:
    """Begin the per-article rescans at once in a worker process, from the Parquet copy's texts and
    aliases: they are the longest rule and overlap all the reading and checking here. None for a
    small corpus (a process costs more than it saves) or when the files cannot be read (the main
    read reports why)."""
    import pyarrow.parquet as pq

    paths = {r["name"]: folder / r["path"] for r in pq_desc["resources"]}
    try:
        if pq.read_metadata(paths["articles"]).num_rows < WORKER_MIN_ARTICLES:
            return None
    except Exception:
        return None
    return rescan_files_async(str(paths["articles"]), str(paths["actor_aliases"]), pool)


def check_tables(
    folder: Path, desc: dict[str, Any], pq_desc: dict[str, Any] | None = None, rescan: Any = None
) -> list[Failure]:
    """Read both formats, run the table rules once on the typed copy, compare the other (`rescan`:
    the rescans already begun, see `early_rescan`)."""
    schemas = schemas_from_descriptor(desc)
    descriptors = {"csv": desc} | ({"parquet": pq_desc} if pq_desc is not None else {})
    tables, out = read_tables(folder, descriptors, schemas)
    out = check_every_table(folder, descriptors) + out
    reported = {(f.table, f.column) for f in out if f.rule.startswith(("COLUMNS-", "TYPE-"))}
    csv, parquet = tables["csv"], tables.get("parquet", {})
    if "parquet" in descriptors:
        frames = Frames({name: arrow_to_frame(t, schemas[name]) for name, t in parquet.items()})
    else:
        frames = Frames({})
        for name, res in ((r["name"], r) for r in desc["resources"] if r["name"] in csv):
            frames[name], fails = read_csv(folder / res["path"], schemas[name])
            out += [f for f in fails if f.rule.startswith("TYPE-")]
    if rescan is not None:
        frames.preset("rescan", rescan)
    if parquet:  # compare first, then let the CSV copy go before the rules run
        out += compare_formats(csv, parquet, frames, schemas)
    del csv, parquet, tables
    raw = folder / "data" / "raw"
    for f in check_frames(frames, schemas, raw if raw.is_dir() else None):
        if not (f.rule.startswith("COLUMNS-") and (f.table, f.column) in reported):
            out.append(f)
    return out


def validate_path(folder: Path) -> list[Failure]:
    """Validate a folder holding datapackage.json (a repository or a downloaded release).

    On a large corpus a second process first rescans the texts, then checks the descriptor
    against the standard (both pure Python), while this one reads the files (Arrow, in threads)
    and runs the other rules; on a small one the descriptor is checked in a thread."""
    out = check_journal(folder) + check_inputs(folder) + check_release(folder)
    desc, fails = load_descriptor(folder)
    pq_desc, more = load_parquet_descriptor(folder)
    out += fails + more
    if desc is None:
        return dedupe(out)
    with worker() as pool:
        rescan = early_rescan(folder, pq_desc, pool) if pq_desc is not None else None
        with ThreadPoolExecutor(max_workers=1) as threads:
            standard = (pool if rescan is not None else threads).submit(check_descriptor, desc)
            tables = check_tables(folder, desc, pq_desc, rescan)
            try:
                out += standard.result()
            except Exception:  # the worker process died: check the descriptor here
                out += check_descriptor(desc)
            out += tables
    return dedupe(out)
