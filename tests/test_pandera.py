"""pandera enforces the per-table rules and the foreign keys: removing a row's key is caught by the
schema derived from the Table Schema, through the runner and through `dataset validate`."""

import json
import shutil
from pathlib import Path

import pandera.pandas as pa
import pytest
from typer.testing import CliRunner

from iraq_presence.checks.runner import check_frames
from iraq_presence.cli import app
from iraq_presence.schema.tables import TableSchema

from .faults import SCHEMAS, committed, on_file, set_value

TABLE = "statements"
KEY = SCHEMAS[TABLE].primary_key[0]


def _keyless() -> dict:
    frames = committed()
    return {**frames, TABLE: set_value(frames[TABLE], KEY, None, 0)}


def test_a_removed_key_fires_the_pandera_backed_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    schemas = {TABLE: SCHEMAS[TABLE]}
    found = check_frames(_keyless(), schemas, rules=[f"REQUIRED-{TABLE}"])
    assert [(f.rule, f.table, f.column, f.value) for f in found] == [(f"REQUIRED-{TABLE}", TABLE, KEY, "null")]
    assert "required" in found[0].expected
    # pandera is what finds it: with a derived schema that checks nothing, the rule is silent
    monkeypatch.setattr(TableSchema, "pandera_schema", lambda self: pa.DataFrameSchema(name=self.name))
    assert check_frames(_keyless(), schemas, rules=[f"REQUIRED-{TABLE}"]) == []


def test_foreign_keys_are_a_registered_pandera_check() -> None:
    assert "foreign_key" in dir(pa.Check)
    frames = committed()
    child = "actor_aliases"
    frames[child] = set_value(frames[child], "actor_id", "zz-nobody", 0)
    found = check_frames(frames, {child: SCHEMAS[child]}, rules=[f"FK-{child}-actor_id"])
    assert [(f.rule, f.value) for f in found] == [(f"FK-{child}-actor_id", "'zz-nobody'")]
    assert found[0].expected.startswith("an existing actors.actor_id")


def test_validate_reports_a_removed_key(built_repo: Path, tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    shutil.copytree(built_repo, root, ignore=shutil.ignore_patterns("curation"))
    on_file(TABLE, lambda d: set_value(d, KEY, None, 0))(root, "parquet")
    result = CliRunner().invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 1
    assert any(f["rule"] == f"REQUIRED-{TABLE}" and f["column"] == KEY for f in json.loads(result.stdout))


def test_a_pattern_is_matched_row_by_row_when_the_distinct_values_fail() -> None:
    import pandas as pd

    from iraq_presence.schema.pandera_checks import SAMPLE, matches_pattern

    values = ["ab-1", "cd-2"] * SAMPLE  # few distinct values: matched through them first
    assert matches_pattern(pd.Series(values, dtype="string"), pattern="^[a-z]+-[0-9]$") is True
    values[-3] = "AB-1"
    found = matches_pattern(pd.Series(values, dtype="string"), pattern="^[a-z]+-[0-9]$")
    assert list(found[~found].index) == [len(values) - 3]
