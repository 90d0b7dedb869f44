"""Shared fixtures: a throwaway copy of the repository to break and rebuild."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

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
    """One release per session (publish-grade, with the texts): the repository copy, the bundle
    folder, and the build's output
    (the tables are built once; `dataset build --check` and test_build prove the build itself
    reproducible)."""
    from iraq_presence import make

    root = release_repo(tmp_path_factory.mktemp("rel") / "repo")
    output = make.produce(root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(make, "produce", lambda *_a, **_k: output)
        from iraq_presence.publish.release import make_release

        folder, _ = make_release(root, root / "dist", with_text=True, url=URL)
    return root, folder, output
