"""The build: raw texts and curation in, validated tables and descriptors out (one way)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CurationError, DatasetError
from .failure import Failure
from .paths import Layout


class BuildError(DatasetError):
    """The built tables fail validation; each failure is traced back to the curation entry."""

    def __init__(self, failures: list[str]) -> None:
        self.failures = failures
        self.details = tuple(failures)
        super().__init__(f"build refused: {len(failures)} failure(s)")


@dataclass
class Output:
    files: dict[str, bytes]
    frames: dict[str, Any]
    schemas: dict[str, Any]


def produce(root: Path, progress: Callable[[str], None] = lambda _: None, cache: bool = True) -> Output:
    """Everything a build writes, in memory; raises on bad input before anything touches disk.
    With `cache`, unchanged curation files and articles come from the build cache (tables/cache.py).

    The cyclic garbage collector is paused meanwhile: the build makes millions of long-lived
    objects (models, rows) and no cycles worth collecting, and each of the collector's full passes
    walked all of them (a third of a cached build's time at 1,500 articles)."""
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        return _produce(root, progress, cache)
    finally:
        if gc_was_on:
            gc.enable()


def _produce(root: Path, progress: Callable[[str], None], cache: bool) -> Output:
    from .checks.runner import check_frames
    from .schema.generate import stale as schemas_stale
    from .schema.tables import load_schemas
    from .tables.assemble import assemble
    from .tables.cache import BuildCache
    from .tables.curation import load_curation
    from .tables.descriptor import descriptor, dumps, metadata_errors
    from .tables.frames import to_tables
    from .tables.inputs import MANIFEST, manifest
    from .tables.pool import BuildPool
    from .tables.rulecache import RuleReuse
    from .tables.sources import load_sources

    lay = Layout(root)
    progress("reading schemas")
    drift = schemas_stale(lay.schemas)
    if drift:  # a hand edit, or definitions changed without regenerating: the build would use stale types
        raise BuildError(
            [
                f"SCHEMA-generated: schemas/{name} is not what build/iraq_presence/schema/ defines; change the "
                "field, vocabulary or table there, then run python -m iraq_presence.schema.generate"
                for name in drift
            ]
        )
    schemas = load_schemas(lay.schemas)
    progress("verifying raw texts")
    sources = load_sources(lay.raw, lay.sums)
    progress("loading curation")
    memo = BuildCache(root) if cache else None
    if memo:
        memo.set_texts(sources)
    with BuildPool() as pool:  # the loader's workers, kept for the articles' rows
        cur = load_curation(lay.curation, root, memo, pool)
        progress(f"assembling tables from {len(sources)} articles")
        built = assemble(cur, sources, memo, consume=True, schemas=schemas, pool=pool)
    if memo:
        progress(memo.summary())
    package = cur.package
    raw = {src.file: src.sha256 for src in sources.values()}
    del cur, sources  # the rows hold what is needed from here on: free the models for the frames
    typed = to_tables(built, schemas)
    del built
    frames = typed.frames
    progress("checking tables")
    reuse = RuleReuse(memo, typed.arrow, schemas, raw) if memo else None
    failures = check_frames(_with_scan(frames), schemas, lay.raw, reuse=reuse)
    if failures:
        raise BuildError(_trace(failures, typed, schemas))
    if reuse:
        progress(reuse.summary())
    progress("serializing Parquet and CSV")
    files: dict[str, bytes] = {}
    digests: dict[str, str | None] = {}
    for name, schema in schemas.items():
        digests[name] = digest = reuse.digest(name) if reuse and typed.arrow[name] else None
        files.update(_serialized(name, schema, typed, frames[name], memo, root, digest))
        typed.arrow[name] = None  # written: its bytes are all that is kept
    files[MANIFEST] = manifest(root, memo.digests if memo else None, memo.drafts if memo else None)
    described = {name: _described(name, schema, frames[name], memo, digests[name]) for name, schema in schemas.items()}
    for fmt, target in (("csv", lay.descriptor), ("parquet", lay.parquet_descriptor)):
        desc = descriptor(package, schemas, files, frames, fmt, described)
        data = dumps(desc)
        if not (memo and memo.validated("descriptor", data)):
            errors = metadata_errors(desc)
            if errors:
                raise BuildError([f"PKG-descriptor: {e}" for e in errors])
            if memo:
                memo.keep_validated("descriptor", data)
        files[target.name] = data
    if memo:
        memo.prune()  # only once the build is known good: a failed build keeps the last good entries
    return Output(files, frames, schemas)


def _serialized(
    name: str, schema: Any, typed: Any, frame: Any, memo: Any, root: Path, digest: str | None
) -> dict[str, bytes]:
    """A table's CSV and Parquet bytes. With the cache, a table typed on the Arrow path whose content
    (`digest`, its `table_digest`) is the one the committed files were written from, by this code,
    keeps those files' bytes (their hashes checked) instead of serializing the same table again."""
    from .schema.io import csv_bytes, parquet_bytes, to_arrow

    table = typed.arrow[name]
    if digest:
        kept = memo.written(name, digest, root)
        if kept:
            return kept
    if table is None:
        table = to_arrow(frame, schema)
    out = {
        f"data/{name}.csv": csv_bytes(frame, schema, table),
        f"data/{name}.parquet": parquet_bytes(frame, schema, table),
    }
    if digest:
        memo.keep_written(name, digest, out)
    return out


def _described(name: str, schema: Any, frame: Any, memo: Any, digest: str | None) -> dict[str, Any]:
    """A table's schema with its codes' examples (`with_examples`), which read only the table: from
    the cache when the table's content (`digest`) is the one they were made from."""
    from .tables.cache import MISSING
    from .tables.descriptor import with_examples

    kept = memo.examples(name, digest) if memo and digest else MISSING
    if isinstance(kept, dict):
        return kept
    out = with_examples(schema, frame)
    if memo and digest:
        memo.keep_examples(name, digest, out)
    return out


def _with_scan(frames: dict[str, Any]) -> Any:
    """The frames for the rules, handed the quotation and alias scan of every text. The build made
    `quote_spans` and the alias-matched `mentions` by running the scanner on each text (or took them
    from the cache, keyed by that text, the aliases and the code), so those rows are the scan: the
    rules do not run it a second time. `dataset validate` scans the texts it reads itself."""
    import numpy as np

    from .checks.frames import Frames
    from .checks.rescan import Found, Rescan

    ids = frames["articles"]["article_id"].astype("string").tolist()
    at = {a: i for i, a in enumerate(ids)}

    def found(df: Any) -> Found:
        art = df["article_id"].astype("string").map(at)  # a dict lookup per value, in pandas
        if art.isna().any():  # every row of these tables is made from an article of `articles`
            raise KeyError(df["article_id"][art.isna()].iloc[0])
        return Found(
            art.to_numpy(dtype=np.int64),
            df["char_start"].to_numpy(dtype=np.int64),
            df["char_end"].to_numpy(dtype=np.int64),
        )

    mentions = frames["mentions"]
    matched = mentions[(mentions["method"] == "alias_match").to_numpy(dtype=bool, na_value=False)]
    out = Frames(frames)
    out.preset("rescan", (ids, Rescan(found(frames["quote_spans"]), found(matched))))
    return out


def _trace(failures: list[Failure], typed: Any, schemas: dict[str, Any]) -> list[str]:
    """Failure messages with the curation entry each row came from (a row is found by its key as
    the rules write it)."""
    import numpy as np

    from .checks.frames import row_keys

    keys: dict[tuple[str, str], str] = {}
    for table in sorted({f.table for f in failures} & set(typed.frames)):
        df, origins = typed.frames[table], typed.origins[table]
        for key, origin in zip(row_keys(df, schemas[table].primary_key, np.arange(len(df))), origins):
            keys.setdefault((table, key), origin)
    out = []
    for f in failures:
        origin = keys.get((f.table, f.key))
        out.append(f.message() + (f" [from {origin}]" if origin else ""))
    return out


def build(
    root: Path,
    progress: Callable[[str], None] = lambda _: None,
    warn: Callable[[str], None] | None = None,
    cache: bool = True,
) -> list[str]:
    """Write the tables and descriptors atomically, holding the repository's lock; returns the files
    that changed. `warn` (default: `progress`) hears about a broken build journal found and discarded."""
    from .lock import one_writer
    from .store import commit

    with one_writer(root, "build", warn or progress):
        out = produce(root, progress, cache)
        progress("writing files")
        return commit(root, out.files, warn or progress)


def stale(root: Path, progress: Callable[[str], None] = lambda _: None, cache: bool = True) -> list[str]:
    """Files a rebuild would change. Parquet is compared by content (schema and values), since its
    bytes also record the writer's library version; every other file byte for byte."""
    from .lock import one_writer

    with one_writer(root, "build --check", progress):
        out = produce(root, progress, cache)
        return [rel for rel, data in sorted(out.files.items()) if _differs(root / rel, data)]


def _differs(path: Path, data: bytes) -> bool:
    if not path.is_file():
        return True
    if path.suffix == ".parquet":
        return not _same_parquet(path.read_bytes(), data)
    return path.read_bytes() != data


def _same_parquet(a: bytes, b: bytes) -> bool:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        ta = pq.read_table(pa.BufferReader(a))
    except Exception:
        return False
    tb = pq.read_table(pa.BufferReader(b))
    return ta.schema.equals(tb.schema, check_metadata=True) and ta.equals(tb)


__all__ = ["BuildError", "CurationError", "build", "produce", "stale"]
