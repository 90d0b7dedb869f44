"""Shared fixtures: a throwaway copy of the repository to break and rebuild."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


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


@pytest.fixture(scope="session")
def built_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy built once per session, for read-only checks."""
    from iraq_presence.make import build

    root = copy_repo(tmp_path_factory.mktemp("built") / "repo")
    build(root)
    return root


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
