"""The build's fast paths give exactly what the plain ones give: the event-built YAML values (with
their lines), the pooled curation read, and CSV written column-wise in Arrow."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml

from iraq_presence.schema import io
from iraq_presence.schema.tables import load_schemas
from iraq_presence.tables.curation import loader

from .conftest import ROOT

TRICKY_YAML = [
    "a: 1\nb: 2020-07-21\nc: yes\nd: ~\ne: '07'\nf: 1.5\ng: .inf\nh: 0x1f\n",
    "- x: [1, 'two', {k: v}]\n  y: |\n    block\n    text\n- null\n- ''\n",
    "k: 1\nk: 2\n1: int key\n? complex\n: value\n",
    "# only a comment\n",
    "x: !!str 2020-01-01\ny: !!int '3'\nz: \"quoted: yes\"\n",
    "a: &anchor 1\nb: *anchor\n",
    "<<: {a: 1}\nb: 2\n",
    "--- 1\n--- 2\n",
]


@pytest.mark.parametrize("text", TRICKY_YAML)
def test_event_reader_matches_full_loader(text: str) -> None:
    try:
        expected = yaml.load(text, Loader=loader._SafeLineLoader)
    except yaml.YAMLError:
        with pytest.raises((yaml.YAMLError, loader._Unusual)):
            loader._load_events(text)
        return
    try:
        got = loader._load_events(text)
    except Exception:
        return  # left to the full loader, which read_yaml then uses
    assert repr(got) == repr(expected)


def test_event_reader_matches_on_the_curation() -> None:
    for path in sorted((ROOT / "data" / "curation").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert repr(loader._load_events(text)) == repr(yaml.load(text, Loader=loader._SafeLineLoader)), path


def test_pooled_read_matches_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = ROOT / "data" / "curation"
    serial = loader.load_curation(folder, ROOT)
    monkeypatch.setattr(loader, "POOL_MIN_BYTES", 1)
    lists = [folder / name for name in loader.LISTS if (folder / name).is_file()]
    articles = sorted((folder / "articles").glob("*.yaml"))
    reads = loader._Reads(lists, articles, ROOT, None)
    try:
        assert set(reads.listed()[0]) == set(lists)  # without a cache: every file parsed and handed back
        assert all(reads.article(p) is not None for p in articles)
    finally:
        reads.close()
    assert loader.load_curation(folder, ROOT) == serial


@pytest.mark.parametrize("slice_rows", [8_192, 5, 1])
def test_arrow_csv_matches_cellwise(slice_rows: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from iraq_presence.schema.io import read_parquet

    monkeypatch.setattr(io, "CSV_SLICE_ROWS", slice_rows)  # one slice, several, one row each

    schema = load_schemas(ROOT / "schemas")["articles"]
    df, _ = read_parquet(ROOT / "data" / "articles.parquet", schema)
    tricky = [" lead", "trail\u00a0", "\u3000x", "", None, 'has "q"', "a,b", "x\r", "x\n", "é\u2028", "\x1cy", "ok"]
    df = pd.concat([df] * (len(tricky) // len(df) + 1), ignore_index=True).iloc[: len(tricky)]
    df["title"] = pd.Series(tricky, dtype=df["title"].dtype)
    table = io.to_arrow(df, schema)  # the Arrow path is taken, not the cell-by-cell fallback
    assert io.csv_bytes(df, schema, table) == io._csv_bytes_cellwise(df, schema)
    assert io.csv_bytes(df.iloc[:0], schema) == io._csv_bytes_cellwise(df.iloc[:0], schema)
