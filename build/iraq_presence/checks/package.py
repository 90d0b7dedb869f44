"""The package on disk: journal, descriptor, files and their hashes, the two formats, then the table rules.

Each file is read once (its bytes hash and parse from the same buffer). The table rules run once,
on the Parquet copy (typed, fast to read); the CSV copy is checked for its columns, its types and
equality with the Parquet copy, column by column, a table at a time (each CSV copy is let go
before the next is read). A folder without a Parquet descriptor is checked from its CSV files.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from concurrent.futures import BrokenExecutor, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import numpy as np

from ..failure import Failure, _v
from ..schema.io import arrow_to_frame, read_csv, read_csv_table, read_parquet_table, schemas_from_descriptor
from ..schema.tables import TableSchema
from ..schema.types import field_type
from . import early, offload
from .bundle import check_release
from .descriptor import (
    check_descriptor,
    check_every_table,
    check_journal,
    find_drafts,
    load_descriptor,
    load_parquet_descriptor,
    stale_and_drafts,
)
from .frames import Frames, dedupe, row_keys
from .registry import FILES, rule
from .rescan import worker

WORKER_MIN_ARTICLES = 200
"""From this many articles (about 1M characters) the rescans, spans and raw-file hashes run in a
second process."""
FORMAT_LIMIT = 5
"""FORMAT failures reported per column (one differing cell is enough to act on; more is noise)."""


def inside(folder: Path, rel: Any) -> Path | None:
    """The file a descriptor names, only when it lies inside the package: an absolute path, a `..`
    or a symbolic link out of it is never read (a hostile bundle must not print a line of
    /etc/passwd)."""
    if not isinstance(rel, str) or not rel or rel.startswith(("/", "\\")) or ".." in Path(rel).parts:
        return None
    path = folder / rel
    try:
        return path if path.resolve().is_relative_to(folder.resolve()) else None
    except (OSError, RuntimeError):
        return None


def _read_one(folder: Path, res: dict[str, Any], schema: TableSchema, fmt: str) -> tuple[Any, list[Failure]]:
    """One table file: hashed against the descriptor, then parsed from the same bytes."""
    name, path = res["name"], inside(folder, res["path"])
    if path is None:
        return None, [
            Failure(f"FILE-{name}", name, "-", "-", f"{res['path']!r} (outside the package; not read)", "a file in it")
        ]
    if not path.is_file():
        return None, [Failure(f"FILE-{name}", name, "-", "-", f"{res['path']} missing", "the table file")]
    import pyarrow as pa

    # mapped, not read: hashing and parsing read the page cache in place (a read copies every byte
    # into fresh memory first: at N = 1,000, 60,000 page faults and 0.15 CPU s more)
    with pa.memory_map(str(path)) as file:
        data = file.read_buffer()
    digest = "sha256:" + hashlib.sha256(memoryview(data)).hexdigest()
    recorded = res.get("hash") or (f"sha256:{res['sha256']}" if res.get("sha256") else None)
    fails = []
    if recorded and recorded != digest:
        fails.append(
            Failure(
                f"FILE-{name}",
                name,
                "-",
                "-",
                f"{res['path']} {digest}, {data.size} bytes",
                f"{recorded} (as the descriptor records it)",
            )
        )
    try:
        # one Arrow thread: the other core is the worker process's (`validate_path`)
        table, more = (read_csv_table if fmt == "csv" else read_parquet_table)(data, schema, threads=False)
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
) -> tuple[dict[str, Any], list[Failure]]:
    """Every table the descriptors (by format) list, as a typed frame, one table at a time: its
    Parquet copy typed, its CSV copy read, compared with it (FORMAT, TYPE) and let go before the
    next table, so one CSV copy at most is ever held. Without a Parquet descriptor the frames are
    the CSV copies, typed.

    In one thread: the worker process has the other core. Measured at N = 1,000 (load about 1),
    three tables at once in threads took 0.15-0.3 CPU s more here and slowed the worker, which
    finished 0.3-0.5 s later."""
    names = [n for n in dict.fromkeys(r["name"] for d in descriptors.values() for r in d["resources"]) if n in schemas]
    found = {n: {fmt: r for fmt, d in descriptors.items() for r in d["resources"] if r["name"] == n} for n in names}
    typed_from = "parquet" if "parquet" in descriptors else "csv"
    frames, fails = {}, []
    for name in names:
        frame, more = _read_table(folder, found[name], schemas[name], typed_from)
        fails += more
        if frame is not None:
            frames[name] = frame
    return frames, fails


def _read_table(
    folder: Path, resources: dict[str, dict[str, Any]], schema: TableSchema, typed_from: str
) -> tuple[Any, list[Failure]]:
    """One table's typed frame and the failures of its files (the CSV copy compared, then dropped)."""
    tables, fails = {}, []
    for fmt in ("csv", "parquet"):
        if fmt in resources:
            table, more = _read_one(folder, resources[fmt], schema, fmt)
            fails += more
            if table is not None:
                tables[fmt] = table
    if typed_from == "csv":
        if "csv" not in tables:
            return None, fails
        frame, more = read_csv(folder / resources["csv"]["path"], schema)
        return frame, fails + [f for f in more if f.rule.startswith("TYPE-")]
    if "parquet" not in tables:
        return None, fails
    name = schema.name
    frame = arrow_to_frame(tables["parquet"], schema, threads=False)
    if "csv" in tables:
        fails += compare_formats({name: tables["csv"]}, {name: tables["parquet"]}, {name: frame}, {name: schema})
    return frame, fails


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


def early_work(folder: Path, pq_desc: dict[str, Any], pool: Any) -> dict[str, Any]:
    """Begin at once, in a worker process, the rules `checks/offload.py` runs from the Parquet
    files (the per-article rescans, the longest rule, among them), so they overlap all the
    reading and checking here: {`Frames` key: Future}. Nothing for a small corpus (a process
    costs more than it saves) or when the files cannot be read (the main read reports why)."""
    import pyarrow.parquet as pq

    found = {r["name"]: inside(folder, r["path"]) for r in pq_desc["resources"]}
    paths = {name: path for name, path in found.items() if path is not None}
    if len(paths) < len(found) or not {"articles", "actor_aliases"} <= set(paths):
        return {}
    try:
        if pq.read_metadata(paths["articles"]).num_rows < WORKER_MIN_ARTICLES:
            return {}
    except Exception:
        return {}
    raw = folder / "data" / "raw"
    return offload.begin(paths, pq_desc, raw if raw.is_dir() else None, pool)


def check_tables(
    folder: Path, desc: dict[str, Any], pq_desc: dict[str, Any] | None = None, begun: Mapping[str, Any] | None = None
) -> list[Failure]:
    """Read both formats (comparing them table by table), then run the table rules once on the
    typed copy (`begun`: the work begun in the worker, see `early_work`)."""
    from .runner import check_frames  # the rules, and pandera: imported once the worker has begun

    schemas = schemas_from_descriptor(desc)
    descriptors = {"csv": desc} | ({"parquet": pq_desc} if pq_desc is not None else {})
    typed, out = read_tables(folder, descriptors, schemas)
    out = check_every_table(folder, descriptors) + out
    reported = {(f.table, f.column) for f in out if f.rule.startswith(("COLUMNS-", "TYPE-"))}
    frames = Frames(typed)
    del typed
    for key, future in (begun or {}).items():
        frames.preset(key, future)
    raw = folder / "data" / "raw"
    for f in check_frames(frames, schemas, raw if raw.is_dir() else None):
        if not (f.rule.startswith("COLUMNS-") and (f.table, f.column) in reported):
            out.append(f)
    return out


@contextmanager
def arrow_pool() -> Iterator[None]:
    """Arrow's jemalloc pool while validating, unless ARROW_DEFAULT_MEMORY_POOL chooses one.

    Validation allocates and frees every table's buffers once, in several threads; measured at
    N = 1,000 copies, jemalloc returns the freed pages where mimalloc (pyarrow's default) keeps
    them: peak 892 -> 735 MiB, and 1.5 s less CPU (fewer page faults). A pyarrow built without
    jemalloc keeps its default."""
    import pyarrow as pa

    previous = pa.default_memory_pool()
    if "ARROW_DEFAULT_MEMORY_POOL" not in os.environ:
        with suppress(NotImplementedError, pa.ArrowException):
            pa.set_memory_pool(pa.jemalloc_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


def validate_path(folder: Path, drafts: list[str] | None = None) -> list[Failure]:
    """Validate a folder holding datapackage.json (a repository or a downloaded release); `drafts`,
    when given, receives the article curation files still marked draft (found as the inputs are
    hashed, each file read once).

    On a large corpus the curation inputs are hashed in a process forked at the start, before
    pandas is imported (`checks/early.py`), and a worker process, forked once it is, rescans the
    texts, checks the spans, the raw files and some more rules (`checks/offload.py`), while this
    one reads the files (one after another), runs the other rules, then checks the descriptor
    against the standard (at N = 1,000 the two then take about the same CPU time; in a thread
    beside the reading it took the worker's core). On a small corpus the inputs are hashed here
    and the descriptor is checked in a thread."""
    desc, fails = load_descriptor(folder)
    hashing = early.begin(folder, desc, WORKER_MIN_ARTICLES)  # before pandas and pyarrow are imported
    pq_desc, more = load_parquet_descriptor(folder)
    with arrow_pool(), worker() as pool:
        begun = early_work(folder, pq_desc, pool) if desc is not None and pq_desc is not None else {}
        inputs = hashing or (_queue(pool, stale_and_drafts, folder) if begun else None)  # after its rules
        journal, release = check_journal(folder), check_release(folder)
        stale, pending = ([], None) if inputs else stale_and_drafts(folder)
        if desc is None:
            _tell(drafts, pending, folder)
            return dedupe(journal + stale + release + fails + more)
        with ThreadPoolExecutor(max_workers=1) as threads:
            standard = None if begun else threads.submit(check_descriptor, desc)
            tables = check_tables(folder, desc, pq_desc, begun)
            described = _collect(standard, check_descriptor, desc) if standard else check_descriptor(desc)
            stale, pending = _collect(inputs, stale_and_drafts, folder) if inputs else (stale, pending)
    _tell(drafts, pending, folder)
    return dedupe(journal + stale + release + fails + more + described + tables)


def _tell(drafts: list[str] | None, pending: list[str] | None, folder: Path) -> None:
    """The drafts found while hashing the inputs (looked for here when they were not hashed)."""
    if drafts is not None:
        drafts.extend(pending if pending is not None else find_drafts(folder))


def _queue(pool: Any, func: Any, arg: Any) -> Any:
    """`func(arg)` queued in the worker process (None when it has died already)."""
    try:
        return pool.submit(func, arg)
    except (BrokenExecutor, RuntimeError):
        return None


def _collect(future: Any, func: Any, arg: Any) -> list[Failure]:
    """What `func(arg)`, begun in the worker process or a thread, found; computed here should
    the worker process have died."""
    try:
        return future.result()
    except Exception:
        return func(arg)
