"""One writer at a time, and a build journal read as untrusted input.

A second `dataset build`, `add` or `release` while another process holds the repository's lock is
refused with a message and changes nothing; a journal that is empty (a power loss), malformed or
planted to point outside the repository is discarded with a warning, never followed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iraq_presence.checks.descriptor import check_journal
from iraq_presence.cli import app
from iraq_presence.errors import Busy
from iraq_presence.lock import one_writer
from iraq_presence.make import build
from iraq_presence.store import JOURNAL, STAGING, commit, read_journal

from .conftest import snapshot

runner = CliRunner()

HOLDER = """
import sys
from pathlib import Path
from iraq_presence.lock import one_writer
with one_writer(Path(sys.argv[1]), "build"):
    print("held", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def holder(repo: Path):
    """Another process holding the repository's lock until its stdin closes."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(repo)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout and proc.stdout.readline().strip() == "held"
    yield proc
    if proc.poll() is None:
        proc.communicate("", timeout=30)


@pytest.mark.parametrize("command", [["build", "-q"], ["build", "--check"], ["add", "{src}"], ["release"]])
def test_second_writer_is_refused_with_a_message(
    command: list[str], repo: Path, holder: subprocess.Popen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "made-up.txt"
    src.write_text("Made-up text for a lock test.\nIt says nothing.\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    before = snapshot(repo)
    result = runner.invoke(app, [a.format(src=src) for a in command])
    assert result.exit_code == 1
    assert "another `dataset` command" in result.output and "nothing was changed" in result.output
    assert "Traceback" not in result.output
    assert snapshot(repo) == before


def test_lock_is_released_when_its_holder_exits_or_is_killed(
    repo: Path, holder: subprocess.Popen, unchanged_build: None
) -> None:
    with pytest.raises(Busy), one_writer(repo, "build"):
        pass
    os.kill(holder.pid, signal.SIGKILL)  # no cleanup: the kernel releases the lock
    holder.wait(timeout=30)
    with one_writer(repo, "build"):
        pass
    assert build(repo) == []


def _planted(repo: Path, outside: Path) -> dict[str, list[str] | str]:
    link = repo / "data" / "link"
    link.symlink_to(outside, target_is_directory=True)
    return {
        "empty": "",
        "truncated": '["data/actors.csv", "data/act',
        "not a list": '{"data/actors.csv": 1}',
        "not paths": "[1, 2]",
        "parent": ["../escape.txt"],
        "absolute": [str(outside / "escape.txt")],
        "through a link": ["data/link/escape.txt"],
    }


@pytest.mark.parametrize(
    "case", ["empty", "truncated", "not a list", "not paths", "parent", "absolute", "through a link"]
)
def test_broken_or_planted_journal_is_discarded_never_followed(
    case: str, repo: Path, tmp_path: Path, unchanged_build: None, built_files: dict[str, bytes]
) -> None:
    """What validate says of the journal (`check_journal`, the part of `validate_path` that reads it:
    test_empty_journal... runs the whole command), then a build discards it and leaves exactly the
    build's files."""
    outside = tmp_path / "outside"
    outside.mkdir()
    before = snapshot(repo)
    plan = _planted(repo, outside)[case]
    (repo / STAGING).mkdir()
    for rel in plan if isinstance(plan, list) else []:
        (repo / STAGING / rel.replace("/", "__")).write_text("planted", encoding="utf-8")
    (repo / JOURNAL).write_text(plan if isinstance(plan, str) else json.dumps(plan), encoding="utf-8")

    [failure] = check_journal(repo)
    assert failure.rule == "BUILD-interrupted" and "run `dataset build` to discard it" in failure.message()
    warnings: list[str] = []
    build(repo, warn=warnings.append)
    assert len(warnings) == 1 and "discarded it without moving any file" in warnings[0]
    assert list(outside.iterdir()) == [] and not (tmp_path / "escape.txt").exists()
    assert not (repo / JOURNAL).exists() and not (repo / STAGING).exists()
    (repo / "data" / "link").unlink()
    assert snapshot(repo) == {**before, **built_files}


def test_empty_journal_after_a_half_moved_commit_is_repaired(
    repo: Path, built_files: dict[str, bytes], unchanged_build: None
) -> None:
    """Power lost during the moves with the journal's bytes lost too: the next build (of the
    unchanged inputs: unchanged_build) rewrites the set."""
    before = snapshot(repo)
    csv = repo / "data" / "actors.csv"
    good = csv.read_bytes()
    csv.write_bytes(good.replace(b"person", b"persn", 1))  # a file left from another build
    (repo / JOURNAL).write_bytes(b"")
    result = runner.invoke(app, ["validate", str(repo)])
    assert result.exit_code == 1 and "BUILD-interrupted" in result.output and "Traceback" not in result.output
    build(repo)
    assert csv.read_bytes() == good and snapshot(repo) == {**before, **built_files}


def test_staging_planted_as_a_link_is_removed_not_followed(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep", encoding="utf-8")
    (repo / STAGING).symlink_to(outside, target_is_directory=True)
    (repo / JOURNAL).write_text('["data/actors.csv"]', encoding="utf-8")
    assert read_journal(repo)[1] == f"{STAGING} is a symbolic link"
    commit(repo, {"a.txt": b"a"})
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "keep" and not (repo / STAGING).exists()


def test_journal_and_staged_files_are_fsynced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    commit(tmp_path, {"a.txt": b"a", "b.txt": b"b"})
    assert len(synced) >= 2 + 1 + 1 + 1  # two staged files, staging folder, journal, root folder


def test_cache_folder_planted_as_a_link_is_refused(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / ".cache").symlink_to(outside, target_is_directory=True)
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["build", "-q"])
    assert result.exit_code == 1 and "must be a folder inside the repository" in result.output
    assert list(outside.iterdir()) == []
