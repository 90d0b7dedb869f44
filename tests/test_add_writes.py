"""`dataset add` writes the raw text, its SHA256SUMS line and the draft as one set, reads only
bounded regular files, and appends to a SHA256SUMS that lacks its final newline without merging
two entries."""

from __future__ import annotations

import errno
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iraq_presence import make, store
from iraq_presence.annotate.intake import add_article
from iraq_presence.cli import app
from iraq_presence.errors import SourceError
from iraq_presence.make import build, produce
from iraq_presence.paths import Layout
from iraq_presence.tables.sources import MAX_ARTICLE_BYTES, load_sources, read_sums

from .conftest import added_id, article_count, snapshot

runner = CliRunner()
MADE_UP = "Made-up report on a committee.\nThe committee met on Monday and set no date for a vote.\n"


def made_up(tmp_path: Path) -> Path:
    src = tmp_path / "made-up.txt"
    src.write_text(MADE_UP, encoding="utf-8")
    return src


def test_fifo_is_refused_without_waiting(repo: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    before = snapshot(repo)
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "dataset"), "add", str(fifo)],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,  # a blocking open would wait for a writer forever
    )
    assert proc.returncode == 1 and "not a regular file" in proc.stderr and "Traceback" not in proc.stderr
    assert snapshot(repo) == before


@pytest.mark.parametrize("special", ["/dev/zero", "folder"])
def test_device_or_folder_is_refused(special: str, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = Path(special) if special.startswith("/") else tmp_path
    if not path.exists():
        pytest.skip(f"{path} is not on this system")
    monkeypatch.chdir(repo)
    before = snapshot(repo)
    result = runner.invoke(app, ["add", str(path)])
    assert result.exit_code == 1 and "not a regular file" in result.output
    assert snapshot(repo) == before


def test_oversized_file_is_refused_with_the_limit(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: no disk used, nothing read
    monkeypatch.chdir(repo)
    before = snapshot(repo)
    result = runner.invoke(app, ["add", str(big)])
    assert result.exit_code == 1 and f"{MAX_ARTICLE_BYTES:,}-byte limit" in result.output
    assert snapshot(repo) == before


def test_missing_final_newline_in_sums_does_not_merge_entries(repo: Path, tmp_path: Path) -> None:
    lay = Layout(repo)
    lay.sums.write_bytes(lay.sums.read_bytes().rstrip(b"\n"))
    n = article_count(repo)
    article_id = add_article(repo, made_up(tmp_path))
    sums = read_sums(lay.sums)
    assert len(sums) == n + 1 and f"{article_id}.txt" in sums
    assert set(load_sources(lay.raw, lay.sums)) == {Path(name).stem for name in sums}


def test_merged_sums_line_is_refused_at_its_line(repo: Path) -> None:
    lay = Layout(repo)
    lines = lay.sums.read_text(encoding="utf-8").splitlines()
    lay.sums.write_text(lines[0] + lines[1] + "\n" + "\n".join(lines[2:]) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"SHA256SUMS:1: expected '<sha256>  <file name>.txt'"):
        read_sums(lay.sums)


def _killed_add(root: Path, src: Path, step: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(store.KILL_AT, step)
    proc = multiprocessing.get_context("fork").Process(target=add_article, args=(root, src))
    proc.start()
    proc.join()
    monkeypatch.delenv(store.KILL_AT)
    assert proc.exitcode == -9, f"the add was not killed at {step!r}"


def test_add_killed_leaves_all_three_files_or_none(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unchanged_build: None
) -> None:
    before = snapshot(repo)
    src = made_up(tmp_path)
    _killed_add(repo, src, "staged", monkeypatch)  # before the journal: nothing happened
    build(repo)  # of the unchanged inputs (unchanged_build)
    assert snapshot(repo) == before
    _killed_add(repo, src, "moved:1", monkeypatch)  # mid-way: the next writer finishes the set
    lay = Layout(repo)
    listed = {p.removeprefix("data/raw/") for p in before if p.startswith("data/raw/") and p.endswith(".txt")}
    assert set(read_sums(lay.sums)) == listed and snapshot(repo) != before  # half of the set on disk
    monkeypatch.setattr(make, "produce", produce)  # a real build of the half-added article
    build(repo)
    new = [name for name in read_sums(lay.sums) if f"data/raw/{name}" not in before]
    assert len(new) == 1
    article_id = Path(new[0]).stem
    assert (lay.raw / new[0]).read_text(encoding="utf-8") == MADE_UP
    assert (lay.curation / "articles" / f"{article_id}.yaml").is_file()


def test_full_disk_during_add_leaves_nothing(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unchanged_build: None
) -> None:
    real = store._write_durably
    calls: list[Path] = []

    def fills_up(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real(path, data)

    monkeypatch.setattr(store, "_write_durably", fills_up)
    monkeypatch.chdir(repo)
    before = snapshot(repo)
    result = runner.invoke(app, ["add", str(made_up(tmp_path))])
    assert result.exit_code == 1 and "No space left" in result.output and "Traceback" not in result.output
    monkeypatch.setattr(store, "_write_durably", real)
    build(repo)  # the next writer (of the unchanged inputs) clears the staging the failed add left
    assert snapshot(repo) == before
    result = runner.invoke(app, ["add", str(made_up(tmp_path))])
    assert result.exit_code == 0 and (Layout(repo).raw / f"{added_id(result.output)}.txt").is_file()
