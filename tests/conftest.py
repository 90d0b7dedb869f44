"""Shared fixtures: a throwaway copy of the repository to break and rebuild."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    """Put a run's temporary folders in memory (/dev/shm) when nobody chose where they go: the
    tests copy the repository and rewrite small files tens of thousands of times, and on an ext4
    disk each rewrite of a truncated file waits for its blocks (auto_da_alloc); in memory it does
    not (2026-12-07, the shared 2-core machine at load 4-5: the suite 110 -> 79-89 s wall; at load 2,
    56 -> 53 s). Set in the main process, so the xdist workers and the tests' subprocesses inherit
    it; pyproject deletes a passing test's folder (a run's peak in memory: about 60 MB)."""
    if config.option.basetemp or "TMPDIR" in os.environ or "PYTEST_DEBUG_TEMPROOT" in os.environ:
        return
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) and shutil.disk_usage(shm).free > 2**31:
        os.environ["TMPDIR"] = str(shm)
        tempfile.tempdir = None  # gettempdir() reads TMPDIR again


def copy_repo(dest: Path) -> Path:
    """Copy what a build reads and writes (not the code, which is installed)."""
    for name in ("data", "schemas"):
        shutil.copytree(ROOT / name, dest / name)
    for name in ("datapackage.json", "datapackage.parquet.json"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    return dest


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_repo(tmp_path / "repo")


def once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder `make` fills, made once per test run however many xdist workers there are: the
    first worker to ask makes it (the others wait for it), and each gets its own copy to read."""
    own = tmp_path_factory.mktemp(name) / "copy"
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        own.mkdir()
        make(own)
        return own
    shared = tmp_path_factory.getbasetemp().parent / f"once-{name}"  # this run's, shared by its workers
    with open(f"{shared}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released by the kernel if the worker dies
        if not shared.is_dir():
            work = Path(f"{shared}.partial")
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir()
            make(work)
            work.rename(shared)  # whole or not at all
    shutil.copytree(shared, own, symlinks=True)
    return own


@pytest.fixture(scope="session")
def _built_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """One real `build` of a fresh copy per run, and the files it wrote."""
    from iraq_presence import make

    def fill(folder: Path) -> None:
        root = copy_repo(folder / "repo")
        outputs: list[Any] = []
        real = make.produce
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(make, "produce", lambda *a, **k: outputs.append(real(*a, **k)) or outputs[-1])
            make.build(root)
        (folder / "files.json").write_text(json.dumps(sorted(outputs[0].files)), encoding="utf-8")

    folder = once(tmp_path_factory, "built", fill)
    root = folder / "repo"
    names = json.loads((folder / "files.json").read_text(encoding="utf-8"))
    return root, {rel: (root / rel).read_bytes() for rel in names}


@pytest.fixture(scope="session")
def built_repo(_built_once: tuple[Path, dict[str, bytes]]) -> Path:
    """A copy built once per run (each xdist worker reads its own copy of it), for read-only checks."""
    return _built_once[0]


@pytest.fixture(scope="session")
def built_files(_built_once: tuple[Path, dict[str, bytes]]) -> dict[str, bytes]:
    """The files that build wrote (path: bytes): what a build of the unchanged repository writes."""
    return _built_once[1]


@pytest.fixture
def unchanged_build(built_repo: Path, built_files: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> Any:
    """For tests of how a build writes (lock, journal, staging, a full disk), not of what it
    computes: each `build` or `--check` of a copy whose inputs are the repository's unchanged
    reuses the session's output instead of recomputing the same bytes (test_build proves them
    reproducible). Only the files: not for a release, which needs the frames. A build of inputs
    that differ fails the test."""
    from iraq_presence import make
    from iraq_presence.tables.inputs import MANIFEST, manifest

    sums = "data/raw/SHA256SUMS"
    output = make.Output(built_files, {}, {})

    def reuse(root: Path, *_a: Any, **_k: Any) -> Any:
        assert manifest(root) == built_files[MANIFEST], "unchanged_build: the curation or schemas differ"
        assert (root / sums).read_bytes() == (built_repo / sums).read_bytes(), "unchanged_build: the raw texts differ"
        return output

    monkeypatch.setattr(make, "produce", reuse)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, for byte-identity assertions; not the checkout's own state in
    .cache/ (the write lock, the build cache), which is no part of the package."""
    files = (p for p in sorted(folder.rglob("*")) if p.is_file())
    return {str(p.relative_to(folder)): p.read_bytes() for p in files if p.relative_to(folder).parts[0] != ".cache"}


def article_count(root: Path) -> int:
    """How many articles the repository holds: the lines of data/raw/SHA256SUMS, never a constant."""
    from iraq_presence.tables.sources import read_sums

    return len(read_sums(root / "data" / "raw" / "SHA256SUMS"))


def added_id(output: str) -> str:
    """The article id `dataset add` reports ("added <id>: ..."): tests never guess the next id."""
    import re

    match = re.search(r"^added (\S+):", output, re.MULTILINE)
    assert match, f"`dataset add` reported no id: {output!r}"
    return match.group(1)


URL = "https://example.org/iraq-presence"


MAINTAINER = {
    "title": "Test Maintainer",
    "given_names": "Test",
    "family_names": "Maintainer",
    "role": "maintainer",
    "email": "maintainer@example.org",
}
"""Made up for the tests: the repository's package.yaml leaves these for a real maintainer to fill."""


def release_repo(dest: Path) -> Path:
    """A copy of what a release reads: the build's inputs, the copied files and the doc templates,
    with a (made-up) maintainer, contact and homepage, and no unreleased CHANGELOG entries, so
    that a publish-grade release can be made."""
    root = copy_repo(dest)
    for name in ("README.md", "CHANGELOG.md", "LICENSE", "LICENSE-DATA"):
        (root / name).write_bytes((ROOT / name).read_bytes())
    shutil.copytree(ROOT / "docs", root / "docs")  # the templates and the guides they include
    ready(root)
    return root


def ready(root: Path) -> None:
    package = root / "data" / "curation" / "package.yaml"
    meta = yaml.safe_load(package.read_text(encoding="utf-8"))
    meta.update(homepage=URL, issues=URL + "/issues", contact="maintainer@example.org")
    meta["contributors"] = [*meta["contributors"], MAINTAINER]
    package.write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True), encoding="utf-8")
    log = root / "CHANGELOG.md"
    text = log.read_text(encoding="utf-8")
    start = text.index("## [Unreleased]")
    log.write_text(text[:start] + "## [Unreleased]\n\n" + text[text.index("## [", start + 5) :], encoding="utf-8")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    """One release per run (publish-grade, with the texts; each xdist worker gets its own copy):
    the repository copy, the bundle folder, and the build's output
    (the tables are built once; `dataset build --check` and test_build prove the build itself
    reproducible)."""
    from iraq_presence import make
    from iraq_presence.publish.release import make_release

    made: list[Any] = []

    def fill(folder: Path) -> None:
        root = release_repo(folder / "repo")
        made.append(make.produce(root))
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(make, "produce", lambda *_a, **_k: made[0])
            bundle, _ = make_release(root, root / "dist", with_text=True, url=URL)
        (folder / "bundle.txt").write_text(bundle.relative_to(folder).as_posix(), encoding="utf-8")

    folder = once(tmp_path_factory, "release", fill)
    root = folder / "repo"
    output = made[0] if made else make.produce(root)  # the worker that did not make it builds its frames
    return root, folder / (folder / "bundle.txt").read_text(encoding="utf-8"), output
