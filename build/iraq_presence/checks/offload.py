"""Rules the worker process runs from the package's Parquet files while this one reads and checks
the rest: those that read the article texts (the rescans of quotations and alias matches, the
spans, the texts' hashes), the raw files' hashes, and some more on tables it reads already or
reads a few columns of (the alias counts, the affiliations' evidence, the utterances' speakers, the
counts), which even out the two processes' work.

On a large package `dataset validate` has two cores; the main process reads every file and runs
most rules, then checks the descriptor, the worker these (the curation inputs are hashed in a
third process, `checks/early.py`, forked before either imports pandas). Each rule here is the very
function the runner would call, on frames read the way the main process reads them (the columns
the rules read, typed by `arrow_to_frame`; a column of the wrong Parquet type left out); their
failures are handed to the runner under the rule's key (`registry.offloaded`) and, should the
worker fail, the runner computes them itself. This module imports neither pandera nor the other
rules, so the worker never loads them.
"""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ..failure import Failure
from .registry import offloaded


def _rules() -> list[Any]:
    """The rules run here, on the tables they read (`run` reads their columns): those reading the
    texts, then some of the main process's whose tables it reads already, to even the two out."""
    from .domain import (
        check_affiliations,
        check_alias_counts,
        check_counts,
        check_mentions,
        check_quotes,
        check_raw_files,
        check_text_hashes,
        check_utterance_speakers,
    )
    from .generic import check_spans

    return [
        check_spans,
        check_quotes,
        check_mentions,
        check_text_hashes,
        check_alias_counts,
        check_affiliations,
        check_utterance_speakers,
        check_counts,
        check_raw_files,
    ]


WHOLE = ("actor_aliases", "affiliations")
"""Small tables read with every column (the rules here read most of them)."""


def begin(paths: dict[str, Path], pq_desc: dict[str, Any], raw_dir: Path | None, pool: ProcessPoolExecutor) -> dict:
    """The offloaded rules, submitted to the worker as one task: {runner key: Future of that
    rule's failures}."""
    files = {name: str(path) for name, path in paths.items()}
    task = pool.submit(run, files, pq_desc, None if raw_dir is None else str(raw_dir))
    keys = [offloaded(f) for f in _rules() if raw_dir is not None or f.__name__ != "check_raw_files"]
    parts: dict[str, Future] = {key: Future() for key in keys}

    def hand_over(done: Future) -> None:
        for key, part in parts.items():
            if done.exception() is not None:
                part.set_exception(done.exception())  # type: ignore[arg-type]
            else:
                part.set_result(done.result()[key])

    task.add_done_callback(hand_over)
    return parts


def run(files: dict[str, str], pq_desc: dict[str, Any], raw_dir: str | None) -> dict[str, list[Failure]]:
    """Every offloaded rule's failures, by runner key (in the worker)."""
    from ..schema.io import schemas_from_descriptor
    from .domain import check_raw_files, rescan_inputs
    from .frames import Frames
    from .rescan import scan_all

    schemas = schemas_from_descriptor(pq_desc)
    columns = {
        "articles": {"article_id", "text", "sha256", "n_chars", "source_file"},
        "quote_spans": {"status", "article_id", "char_start", "char_end"},
        "mentions": {"method", "article_id", "actor_id", "surface", "char_start", "char_end"},
        "utterances": {"utterance_id", "speaker_id", "n_statements", "n_articles"},
        "statements": {"utterance_id", "speaker_id", "article_id"},
        "meetings": {"meeting_id", "n_reports"},
        "meeting_reports": {"meeting_id", "article_id"},
    } | {name: set(schemas[name].columns) for name in WHOLE if name in schemas}
    for name, schema in schemas.items():
        for sp in schema.spans:
            columns.setdefault(name, set()).update((sp.article, sp.start, sp.end, sp.text))
    for name, cols in columns.items():
        cols.update(schemas[name].primary_key if name in schemas else ())
    frames = Frames(_frames(files, schemas, {n: c for n, c in columns.items() if n in files and n in schemas}))
    ids, texts, aliases = rescan_inputs(frames)
    frames.preset("rescan", (ids, scan_all(texts, aliases)))
    out = {offloaded(f): f(frames, schemas) for f in _rules() if f is not check_raw_files}
    if raw_dir is not None:
        out[offloaded(check_raw_files)] = check_raw_files(frames, Path(raw_dir))
    return out


def _frames(files: dict[str, str], schemas: dict, columns: dict[str, set[str]]) -> dict[str, Any]:
    """The named tables, only the columns a rule reads, typed as the main process types them (a
    column whose Parquet type is not the derived one is left out, as `read_parquet_table` does)."""
    import pyarrow.parquet as pq

    from ..schema.io import arrow_to_frame

    frames = {}
    for name, wanted in columns.items():
        schema = schemas[name]
        file = pq.ParquetFile(files[name])  # not `pq.read_table`, which imports pyarrow.dataset (0.25 s)
        stored = set(file.schema_arrow.names)
        table = file.read(columns=[c for c in schema.columns if c in wanted & stored], use_threads=False)
        expected = {f.name: f.type for f in schema.arrow_schema}
        keep = [c for c in table.column_names if table.schema.field(c).type == expected[c]]
        frames[name] = arrow_to_frame(table.select(keep), schema, threads=False)
    return frames
