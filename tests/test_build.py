"""The build: reproducible bytes, --check, atomic writes, curator-friendly refusals."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iraq_presence.cli import app
from iraq_presence.make import build, stale
from iraq_presence.store import JOURNAL, commit, recover

from .conftest import ROOT, snapshot

runner = CliRunner()


def test_committed_tables_are_up_to_date() -> None:
    assert stale(ROOT) == []


def test_two_builds_are_byte_identical(repo: Path) -> None:
    build(repo)
    first = snapshot(repo)
    for path in (repo / "data").glob("*.parquet"):
        path.unlink()
    (repo / "datapackage.json").unlink()
    build(repo)
    assert snapshot(repo) == first


def test_check_lists_stale_files(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    build(repo)
    assert runner.invoke(app, ["build", "--check", "-q"]).exit_code == 0
    actors = repo / "data" / "curation" / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("Supreme Leader of Iran.", "Leader of Iran."), encoding="utf-8"
    )
    result = runner.invoke(app, ["build", "--check", "-q"])
    assert result.exit_code == 1
    assert "data/actors.csv" in result.output and "data/actors.parquet" in result.output
    assert "data/mentions.csv" not in result.output


def test_check_compares_parquet_by_content(repo: Path) -> None:
    """A Parquet file rewritten by another writer version, same content, is not stale."""
    import pyarrow.parquet as pq

    build(repo)
    path = repo / "data" / "actors.parquet"
    table = pq.read_table(path)
    pq.write_table(table, path, compression="snappy")
    assert stale(repo) == []


def test_failed_build_leaves_tables_untouched(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(repo)
    before = snapshot(repo)
    actors = repo / "data" / "curation" / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("actor_type: person", "actor_type: persn", 1), encoding="utf-8"
    )
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["build", "-q"])
    assert result.exit_code == 1
    assert "ENUM-actors" in result.output and "persn" in result.output and "nearest: person" in result.output
    assert "data/curation/actors.yaml: entry #1 (actor_id=ali-khamenei)" in result.output
    after = snapshot(repo)
    after.pop("data/curation/actors.yaml")
    before.pop("data/curation/actors.yaml")
    assert after == before


def test_interrupted_commit_is_finished_by_recover(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old a")
    (tmp_path / "b.txt").write_text("old b")
    commit(tmp_path, {"a.txt": b"new a", "b.txt": b"new b"})
    assert (tmp_path / "a.txt").read_text() == "new a"
    # simulate a crash after the journal was written but before the moves
    staging = tmp_path / ".build-staging"
    staging.mkdir()
    (staging / "a.txt").write_bytes(b"newer a")
    (staging / "b.txt").write_bytes(b"newer b")
    (tmp_path / JOURNAL).write_text(json.dumps(["a.txt", "b.txt"]))
    assert recover(tmp_path) is True
    assert (tmp_path / "a.txt").read_text() == "newer a"
    assert (tmp_path / "b.txt").read_text() == "newer b"
    assert not (tmp_path / JOURNAL).exists()


def test_killed_build_leaves_valid_tables(repo: Path) -> None:
    """Kill a real build process at several moments; the tables on disk always validate."""
    from iraq_presence.checks.package import validate_path

    build(repo)
    actors = repo / "data" / "curation" / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("Supreme Leader of Iran.", "Leader of Iran."), encoding="utf-8"
    )
    for delay in (0.3, 0.8, 1.5):
        proc = subprocess.Popen([sys.executable, "-m", "iraq_presence", "build", "-q"], cwd=repo, env={**os.environ})
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        recover(repo)
        assert validate_path(repo) == [], f"invalid after kill at {delay}s"
