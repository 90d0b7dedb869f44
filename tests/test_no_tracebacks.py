"""Faults a maintainer meets (a full disk, a truncated file, a wrong argument) end in one message
and a non-zero exit, never a traceback; and nothing is written before an argument is checked."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from iraq_presence.cli import app

from .conftest import snapshot

runner = CliRunner(env={"COLUMNS": "2000"})  # messages on one line, whatever the tmp path


def _message(result: Any, code: int, *texts: str) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    for text in texts:
        assert text in result.output


def _enospc(*_args: Any, **_kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_during_build_is_a_message_and_data_is_unchanged(
    repo: Path, monkeypatch: pytest.MonkeyPatch, unchanged_build: None
) -> None:
    (repo / "data" / "actors.csv").unlink()  # so the build has a file to write
    before = snapshot(repo / "data")
    monkeypatch.chdir(repo)
    monkeypatch.setattr(os, "fsync", _enospc)
    result = runner.invoke(app, ["build", "--quiet"])
    _message(result, 1, "No space left on device", "unchanged")
    monkeypatch.undo()
    assert snapshot(repo / "data") == before


def test_a_full_disk_during_release_is_a_message(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    monkeypatch.setattr("iraq_presence.publish.release.make_release", _enospc)
    _message(runner.invoke(app, ["release"]), 1, "No space left on device")


def test_release_checks_previous_before_writing(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    monkeypatch.chdir(repo)
    monkeypatch.setattr("iraq_presence.publish.release.make_release", lambda *a, **k: calls.append(a))
    _message(runner.invoke(app, ["release", "--previous", str(repo / "missing.zip")]), 2, "missing.zip")
    assert calls == [] and not (repo / "dist").exists()


@pytest.mark.parametrize("date", ["2025-13-01", "yesterday", "2025-02-30", ""])
def test_extract_with_a_bad_date(repo: Path, monkeypatch: pytest.MonkeyPatch, date: str) -> None:
    text = repo / "a.txt"
    text.write_text("The minister said on Monday that talks would resume.\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    _message(runner.invoke(app, ["extract", str(text), "--published-date", date]), 2, "YYYY-MM-DD")


def test_extract_refuses_what_is_not_a_regular_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fifo = repo / "pipe.txt"
    os.mkfifo(fifo)
    monkeypatch.chdir(repo)
    _message(runner.invoke(app, ["extract", str(fifo)]), 1, "not a regular file")


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def test_info_on_a_truncated_parquet(repo: Path) -> None:
    _truncate(repo / "data" / "actors.parquet")
    result = runner.invoke(app, ["info", str(repo)])
    _message(result, 0, "actors.parquet: not a readable Parquet file")


@pytest.mark.parametrize("content", ["", "{", "[]", '{"name": "x"}', '{"name": "x", "resources": [1]}'])
def test_info_on_a_broken_descriptor(tmp_path: Path, content: str) -> None:
    (tmp_path / "datapackage.json").write_text(content, encoding="utf-8")
    _message(runner.invoke(app, ["info", str(tmp_path)]), 1, "not a readable descriptor")


def test_evaluate_on_a_truncated_parquet(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _truncate(repo / "data" / "statements.parquet")
    monkeypatch.chdir(repo)
    _message(runner.invoke(app, ["evaluate", "--output", str(repo / "e.json")]), 1, "statements.parquet")
    assert not (repo / "e.json").exists()


def test_diff_on_a_missing_path_or_a_non_zip(tmp_path: Path) -> None:
    not_zip = tmp_path / "release.zip"
    not_zip.write_bytes(b"PK\x03\x04 not really a zip")
    folder = tmp_path / "folder"
    folder.mkdir()
    _message(runner.invoke(app, ["diff", str(tmp_path / "nope.zip"), str(not_zip)]), 2, "no such file")
    _message(runner.invoke(app, ["diff", str(not_zip), str(not_zip)]), 2, "not a zip file")
    _message(runner.invoke(app, ["diff", str(folder), str(folder)]), 2, "without datapackage.json")


def test_validate_refuses_an_unknown_format(repo: Path) -> None:
    _message(runner.invoke(app, ["validate", str(repo), "--format", "xml"]), 2, "'xml'", "'text'", "'json'")


@pytest.mark.parametrize("content", ["[" * 100_000 + "]" * 100_000, "[1, 2]", '"text"'])
def test_a_hostile_descriptor_is_a_message_in_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    """JSON nested too deep for Python's parser, or not an object, in a bundle's descriptors."""
    import zipfile

    pkg = tmp_path / "pkg"
    pkg.mkdir()
    for name in ("datapackage.json", "datapackage.parquet.json", ".zenodo.json"):
        (pkg / name).write_text(content, encoding="utf-8")
    archive = tmp_path / "pkg.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("pkg/datapackage.json", content)
    monkeypatch.setenv("ZENODO_TOKEN", "x")
    _message(runner.invoke(app, ["validate", str(pkg)]), 1, "PKG-descriptor")
    _message(runner.invoke(app, ["info", str(pkg)]), 1, "not a readable descriptor")
    _message(runner.invoke(app, ["diff", str(pkg), str(archive)]), 1, "cannot compare")
    _message(runner.invoke(app, ["publish", str(pkg), "--dry-run"]), 2, "cannot read the bundle")


def test_evaluate_on_the_repository_writes_its_scores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command runs end to end on the committed tables (a null date span once crashed it)."""
    import json

    from .conftest import ROOT

    monkeypatch.chdir(ROOT)
    out = tmp_path / "scores.json"
    _message(runner.invoke(app, ["evaluate", "--output", str(out)]), 0)
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert scores["n_gold_spans"] > 0 and 0 <= scores["date_accuracy"] <= 1
