"""The build: reproducible bytes, --check, atomic writes, a commit killed midway and recovered."""

import multiprocessing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iraq_presence.checks.descriptor import check_journal
from iraq_presence.cli import app
from iraq_presence.make import produce, stale
from iraq_presence.store import JOURNAL, KILL_AT, STAGING, commit, recover

from .conftest import ROOT, snapshot

runner = CliRunner()
SHORTER = ("Supreme Leader of Iran.", "Leader of Iran.")
"""An edit of actors.yaml that changes actors and nothing derived from the texts."""


def edit_actors(root: Path, old: str, new: str) -> None:
    path = root / "data" / "curation" / "actors.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_committed_tables_are_up_to_date_and_the_build_byte_reproducible(
    built_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--check` finds the committed tables current; and the bytes that check computed are, byte for
    byte, the ones the session's build of a copy wrote (another folder, another time)."""
    from iraq_presence import make

    outputs: list[make.Output] = []
    monkeypatch.setattr(make, "produce", lambda *a, **k: outputs.append(produce(*a, **k)) or outputs[-1])
    assert stale(ROOT) == []
    [output] = outputs
    assert {rel: (built_repo / rel).read_bytes() for rel in output.files} == output.files


def test_check_lists_stale_files(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    edit_actors(repo, *SHORTER)
    result = runner.invoke(app, ["build", "--check", "-q"])
    assert result.exit_code == 1
    assert "data/actors.csv" in result.output and "data/actors.parquet" in result.output
    assert "data/mentions.csv" not in result.output


def test_check_compares_parquet_by_content(repo: Path, unchanged_build: None) -> None:
    """A Parquet file rewritten by another writer version, same content, is not stale."""
    import pyarrow.parquet as pq

    path = repo / "data" / "actors.parquet"
    pq.write_table(pq.read_table(path), path, compression="snappy")
    assert stale(repo) == []


def test_failed_build_leaves_tables_untouched(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(repo)
    edit_actors(repo, "country: IRN\n", "country: IRNN\n")
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["build", "-q"])
    assert result.exit_code == 1
    assert "PATTERN-actors" in result.output and "IRNN" in result.output
    assert "data/curation/actors.yaml: entry #1 (actor_id=ali-khamenei)" in result.output
    after = snapshot(repo)
    for snap in (before, after):
        snap.pop("data/curation/actors.yaml")
    assert after == before


def test_a_bad_code_fails_at_its_own_line_with_the_nearest_code(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Codes are typed from the schema's vocabularies, so the loader stops at the line, not a later rule."""
    before = snapshot(repo)
    edit_actors(repo, "actor_type: person", "actor_type: persn")
    line = 1 + (repo / "data/curation/actors.yaml").read_text(encoding="utf-8").split("actor_type: persn")[0].count(
        "\n"
    )
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["build", "-q"])
    assert result.exit_code == 1
    assert f"data/curation/actors.yaml, line {line}: entry #1 (actor_id=ali-khamenei)" in result.output
    assert "field 'actor_type': unknown code 'persn'" in result.output and "did you mean 'person'?" in result.output
    assert "Traceback" not in result.output
    after = snapshot(repo)
    for snap in (before, after):
        snap.pop("data/curation/actors.yaml")
    assert after == before


def _killed_commit(root: Path, files: dict[str, bytes], step: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run `commit` in a forked process that kills itself (SIGKILL, no cleanup) at `step`."""
    monkeypatch.setenv(KILL_AT, step)
    proc = multiprocessing.get_context("fork").Process(target=commit, args=(root, files))
    proc.start()
    proc.join()
    monkeypatch.delenv(KILL_AT)
    assert proc.exitcode == -9, f"the commit was not killed at {step!r}"


def test_commit_killed_inside_is_recovered(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kill a real commit at known steps: before the journal the old tables stand untouched; after
    it, validate reports the interrupted build and recovery completes exactly the new build."""
    before = snapshot(repo)
    edit_actors(repo, *SHORTER)
    edited = snapshot(repo)
    files = produce(repo).files
    changed = [rel for rel, data in files.items() if before.get(rel) != data]
    assert len(changed) > 3  # actors.csv/.parquet and both descriptors at least

    _killed_commit(repo, files, "staged", monkeypatch)
    assert not (repo / JOURNAL).exists()
    assert {rel: (repo / rel).read_bytes() for rel in changed} == {rel: before[rel] for rel in changed}
    assert not recover(repo) and not (repo / STAGING).exists()

    _killed_commit(repo, files, "journaled", monkeypatch)
    assert {rel: (repo / rel).read_bytes() for rel in changed} == {rel: before[rel] for rel in changed}
    assert recover(repo).startswith("finished an interrupted build")
    assert {rel: (repo / rel).read_bytes() for rel in files} == files

    for rel in changed:  # back to the old build, then die halfway through the moves
        (repo / rel).write_bytes(before[rel])
    _killed_commit(repo, files, "moved:3", monkeypatch)
    moved = [rel for rel in changed if (repo / rel).read_bytes() == files[rel]]
    assert 0 < len(moved) < len(changed)  # a half-committed build on disk
    assert [f.rule for f in check_journal(repo)] == ["BUILD-interrupted"]  # what validate reports of it
    assert recover(repo).startswith("finished an interrupted build")
    assert not (repo / JOURNAL).exists() and not (repo / STAGING).exists()
    assert snapshot(repo) == {**edited, **files}  # the new build, whole, and nothing else


def test_interrupted_commit_is_finished_by_the_next_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("old a")
    _killed_commit(tmp_path, {"a.txt": b"new a", "b.txt": b"new b"}, "moved:1", monkeypatch)
    assert (tmp_path / JOURNAL).exists()
    assert commit(tmp_path, {"a.txt": b"new a", "b.txt": b"new b"}) == []  # recovered first: nothing left
    assert (tmp_path / "a.txt").read_text() == "new a" and (tmp_path / "b.txt").read_text() == "new b"
