"""Hostile curation and bundles: valid YAML that would mislead (duplicate keys), bombs (deep
nesting, huge integers) and files from elsewhere (symbolic links, paths out of the package) are
refused with a message naming the file and line, without echoing what lies outside."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iraq_presence.cli import app
from iraq_presence.errors import CurationError, SourceError
from iraq_presence.tables.curation.loader import MAX_DEPTH, load_curation, read_yaml
from iraq_presence.tables.sources import load_sources

from .conftest import ROOT, copy_repo

runner = CliRunner(env={"COLUMNS": "2000"})  # messages on one line, whatever the tmp path
SECRET = "hunter2-do-not-print"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: 2\na: 3\n",
        "- id: x\n  note: |\n    one\n  note: two\n",
        "a: {b: 1, b: 2}\n",
        "t: !!map {k: v}\na: 1\na: 2\n",  # a tag sends it to the full loader
    ],
)
def test_a_duplicate_key_is_refused_at_its_line(tmp_path: Path, text: str) -> None:
    with pytest.raises(CurationError, match="duplicate key") as info:
        read_yaml(_write(tmp_path, text), tmp_path)
    assert info.value.file == "x.yaml" and info.value.line == 1 + text.rstrip().count("\n")
    assert "first given at line" in str(info.value)


def test_nesting_bombs_are_messages_not_crashes(tmp_path: Path) -> None:
    """Run in a child process: before the bound, the full loader's C composer overflowed its stack."""
    bombs = {
        "flow": "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "flow after a tag": "t: !!map {k: v}\na: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "mappings after a custom tag": "t: !custom x\na: " + "{a: " * 50_000 + "}" * 50_000 + "\n",
        "block": "a:\n" + "".join(" " * i + "-\n" for i in range(1, 3000)),
    }
    for name, text in bombs.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from iraq_presence.errors import CurationError\n"
        "from iraq_presence.tables.curation.loader import read_yaml\n"
        "root = Path(sys.argv[1])\n"
        "for p in sorted(root.glob('*.yaml')):\n"
        "    try:\n        read_yaml(p, root)\n        print('accepted', p.name)\n"
        "    except CurationError as exc:\n        print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, (out.returncode, out.stderr[-500:])
    lines = out.stdout.splitlines()
    assert len(lines) == len(bombs) and all(f"nesting deeper than {MAX_DEPTH}" in line for line in lines), lines
    assert all(", line " in line for line in lines)


def test_nesting_within_the_bound_is_read(tmp_path: Path) -> None:
    text = "a: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n"
    value = read_yaml(_write(tmp_path, text), tmp_path)["a"]
    for _ in range(MAX_DEPTH - 2):
        value = value[0]
    assert value == [1]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\nb: " + "9" * 5000 + "\n", 2),  # beyond Python's own conversion limit
        ("founded_year: 99999999999999999999\n", 1),  # beyond int64
        ("founded_year: -9223372036854775809\n", 1),
        ("t: !!map {k: v}\nfounded_year: 0x" + "f" * 40 + "\n", 2),
    ],
)
def test_an_integer_beyond_int64_is_refused(tmp_path: Path, text: str, line: int) -> None:
    with pytest.raises(CurationError, match="out of range") as info:
        read_yaml(_write(tmp_path, text), tmp_path)
    assert info.value.line == line and "9223372036854775807" in str(info.value)
    assert len(str(info.value)) < 400


def test_integers_within_int64_are_read(tmp_path: Path) -> None:
    assert read_yaml(_write(tmp_path, "a: 9223372036854775807\nb: -12\n"), tmp_path)["a"] == 2**63 - 1


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    outside = tmp_path / "home" / "credentials"
    outside.parent.mkdir()
    outside.write_text(f"- actor_id: {SECRET}\n  name: {SECRET}\n: bad\n", encoding="utf-8")
    return outside


@pytest.mark.parametrize("name", ["actors.yaml", "articles/x.yaml", "meetings.yaml"])
def test_a_symlinked_curation_file_is_refused_unread(repo: Path, secret_file: Path, name: str) -> None:
    target = repo / "data" / "curation" / name
    target.unlink(missing_ok=True)
    target.symlink_to(secret_file)
    with pytest.raises(CurationError, match="symbolic link") as info:
        load_curation(repo / "data" / "curation", repo)
    assert SECRET not in str(info.value)


def test_a_curation_folder_outside_the_repository_is_refused(repo: Path, secret_file: Path) -> None:
    folder = repo / "data" / "curation"
    moved = secret_file.parent / "curation"
    shutil.move(folder, moved)
    folder.symlink_to(moved)
    (moved / "actors.yaml").write_text(secret_file.read_text(), encoding="utf-8")
    with pytest.raises(CurationError, match="outside the repository") as info:
        load_curation(folder, repo)
    assert SECRET not in str(info.value)


def test_a_fifo_in_the_curation_is_refused_without_blocking(repo: Path) -> None:
    fifo = repo / "data" / "curation" / "events.yaml"
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    with pytest.raises(CurationError, match="not a regular file"):
        load_curation(repo / "data" / "curation", repo)


def test_build_reports_a_symlink_without_its_content(repo: Path, secret_file: Path, monkeypatch) -> None:
    target = repo / "data" / "curation" / "actors.yaml"
    target.unlink()
    target.symlink_to(secret_file)
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["build", "--quiet"])
    assert result.exit_code == 1 and "symbolic link" in result.output
    assert SECRET not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("kind", ["symlink", "dotdot"])
def test_a_raw_text_from_elsewhere_is_refused(repo: Path, secret_file: Path, kind: str) -> None:
    raw = repo / "data" / "raw"
    sums = raw / "SHA256SUMS"
    import hashlib

    digest = hashlib.sha256(secret_file.read_bytes()).hexdigest()
    if kind == "symlink":
        (raw / "zz-new.txt").symlink_to(secret_file)
        name = "zz-new.txt"
    else:
        name = os.path.relpath(secret_file, raw)
    sums.write_text(sums.read_text(encoding="utf-8") + f"{digest}  {name}\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load_sources(raw, sums)
    assert SECRET not in str(info.value)


@pytest.mark.parametrize("kind", ["dotdot", "absolute", "symlink"])
def test_validate_of_a_hostile_bundle_prints_nothing_from_outside(tmp_path: Path, kind: str) -> None:
    bundle = copy_repo(tmp_path / "bundle")
    outside = tmp_path / "outside.csv"
    outside.write_text(f"{SECRET}:x:0:0\n{SECRET}:y:1:1\n", encoding="utf-8")
    desc_path = bundle / "datapackage.json"
    desc = json.loads(desc_path.read_text(encoding="utf-8"))
    (res,) = [r for r in desc["resources"] if r["name"] == "actors"]
    if kind == "symlink":
        (bundle / res["path"]).unlink()
        (bundle / res["path"]).symlink_to(outside)
    else:
        res["path"] = "../outside.csv" if kind == "dotdot" else str(outside)
    res.pop("hash", None)
    desc_path.write_text(json.dumps(desc), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bundle)])
    assert result.exit_code == 1
    assert "outside the package" in result.output
    assert SECRET not in result.output and "Traceback" not in result.output


def test_the_repository_curation_has_no_duplicate_keys() -> None:
    """The bound and the duplicate check accept every committed curation file."""
    load_curation(ROOT / "data" / "curation", ROOT)


def test_validate_hashes_no_raw_text_outside_the_package(tmp_path: Path, secret_file: Path) -> None:
    """A source_file with a path, or a raw file that is a symbolic link, is missing: not read, so
    a matching hash cannot confirm what a file elsewhere holds."""
    import hashlib

    import pandas as pd

    from iraq_presence.checks.domain import check_raw_files
    from iraq_presence.checks.frames import Frames

    raw = tmp_path / "bundle" / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "linked.txt").symlink_to(secret_file)
    digest = hashlib.sha256(secret_file.read_bytes()).hexdigest()
    sources = ["linked.txt", os.path.relpath(secret_file, raw), str(secret_file)]
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "sha256": [digest] * 3, "source_file": sources})
    failures = check_raw_files(Frames({"articles": articles}), raw)
    assert [f.key for f in failures] == ["a", "b", "c"]
    assert all(f.expected == "a file in data/raw/" for f in failures)


def test_build_inputs_never_read_a_link_or_a_fifo(repo: Path) -> None:
    """The stale-build manifest hashes regular files only: a FIFO would hang it, a link to
    /dev/zero would read forever (both are refused, with a message, by the loader)."""
    import os
    import signal

    from iraq_presence.tables import inputs

    curation = repo / "data" / "curation"
    os.mkfifo(curation / "pipe.yaml")
    (curation / "zero.yaml").symlink_to("/dev/zero")
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the manifest read a FIFO or a device"))
    signal.alarm(20)
    try:
        text = inputs.manifest(repo).decode("utf-8")
    finally:
        signal.alarm(0)
    assert "pipe.yaml" not in text and "zero.yaml" not in text and "actors.yaml" in text
