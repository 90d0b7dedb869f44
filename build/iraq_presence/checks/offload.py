"""Rules the worker process runs from the package's Parquet files while this one reads and checks
the rest: the spans (every span against its article's text) and the raw files' hashes.

On a large package `dataset validate` has two cores and one main process doing most of the work;
the worker rescans the texts and checks the descriptor, then has time left. Each rule here is the
very function the runner would call, on frames read the way the main process reads them
(`read_parquet_table`, `arrow_to_frame`); its failures are handed to the runner under the rule's
key (`registry.offloaded`) and, should the worker fail, the runner computes them itself. This
module imports neither pandera nor the other rules, so the worker never loads them.
"""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ..failure import Failure
from .registry import offloaded


def begin(paths: dict[str, Path], pq_desc: dict[str, Any], raw_dir: Path | None, pool: ProcessPoolExecutor) -> dict:
    """The offloaded rules, submitted to the worker: {runner key: Future of their failures}."""
    from .domain import check_raw_files
    from .generic import check_spans

    files = {name: str(path) for name, path in paths.items()}
    begun: dict[str, Future] = {offloaded(check_spans): pool.submit(spans, files, pq_desc)}
    if raw_dir is not None:
        begun[offloaded(check_raw_files)] = pool.submit(raw_files, files["articles"], pq_desc, str(raw_dir))
    return begun


def _frames(files: dict[str, str], schemas: dict, columns: dict[str, set[str]]) -> dict[str, Any]:
    """The named tables, only the columns a rule reads, typed as the main process types them (a
    column whose Parquet type is not the derived one is left out, as `read_parquet_table` does)."""
    import pyarrow.parquet as pq

    from ..schema.io import arrow_to_frame

    frames = {}
    for name, wanted in columns.items():
        schema = schemas[name]
        stored = set(pq.read_schema(files[name]).names)
        table = pq.read_table(
            files[name], columns=[c for c in schema.columns if c in wanted & stored], use_threads=False
        )
        expected = {f.name: f.type for f in schema.arrow_schema}
        keep = [c for c in table.column_names if table.schema.field(c).type == expected[c]]
        frames[name] = arrow_to_frame(table.select(keep), schema)
    return frames


def spans(files: dict[str, str], pq_desc: dict[str, Any]) -> list[Failure]:
    """SPAN-*, from the articles' texts and every table holding spans (their keys and span columns)."""
    from ..schema.io import schemas_from_descriptor
    from .generic import check_spans

    schemas = schemas_from_descriptor(pq_desc)
    columns = {"articles": {"article_id", "text"}}
    for name, schema in schemas.items():
        for sp in schema.spans:
            columns.setdefault(name, set()).update(schema.primary_key, (sp.article, sp.start, sp.end, sp.text))
    return check_spans(_frames(files, schemas, {n: c for n, c in columns.items() if n in files}), schemas)


def raw_files(articles: str, pq_desc: dict[str, Any], raw_dir: str) -> list[Failure]:
    """RAW-file, from the articles' hashes and file names."""
    from ..schema.io import schemas_from_descriptor
    from .domain import check_raw_files

    schemas = schemas_from_descriptor(pq_desc)
    frames = _frames({"articles": articles}, schemas, {"articles": {"article_id", "sha256", "source_file"}})
    return check_raw_files(frames, Path(raw_dir))
