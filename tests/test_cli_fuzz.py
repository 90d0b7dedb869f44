"""Fuzzing every `dataset` command's inputs (paths to odd files and folders, odd text, dates,
numbers, URLs, unknown options): each run ends with a message and exit 0, 1 or 2, never a
traceback. Bounded (few examples each, derandomized) so the suite stays fast; the heavy paths
(a whole build, a release, an upload) are left to their own tests."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from iraq_presence.cli import app

from .conftest import copy_repo

runner = CliRunner()
FUZZ = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """A repository copy to run in, and odd things to point the commands at."""
    base = tmp_path_factory.mktemp("fuzz")
    repo = copy_repo(base / "repo")
    odd = base / "odd"
    odd.mkdir()
    (odd / "empty.txt").write_bytes(b"")
    (odd / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (odd / "latin1.txt").write_bytes("caf\xe9 said the minister".encode("latin-1"))
    (odd / "text.txt").write_text('The spokesman said: "We will leave."\n', encoding="utf-8")
    (odd / "folder").mkdir()
    (odd / "garbage-pkg").mkdir()
    (odd / "garbage-pkg" / "datapackage.json").write_text('{"resources": [{"name": 1}]', encoding="utf-8")
    (odd / "list-pkg").mkdir()
    (odd / "list-pkg" / "datapackage.json").write_text("[1, 2]", encoding="utf-8")
    deep = "[" * 100_000 + "]" * 100_000
    (odd / "deep-pkg").mkdir()
    for name in ("datapackage.json", ".zenodo.json", "datapackage.parquet.json"):
        (odd / "deep-pkg" / name).write_text(deep, encoding="utf-8")
        (odd / "list-pkg" / name).write_text("[1, 2]", encoding="utf-8")
    (odd / "not.zip").write_bytes(b"PK\x03\x04 truncated")
    with zipfile.ZipFile(odd / "empty.zip", "w"):
        pass
    with zipfile.ZipFile(odd / "deep.zip", "w") as zf:
        zf.writestr("pkg/datapackage.json", deep)
    with zipfile.ZipFile(odd / "hostile.zip", "w") as zf:
        desc = {"name": "x", "resources": [{"name": "actors", "path": "../../../../etc/passwd", "schema": {}}]}
        zf.writestr("pkg/datapackage.json", json.dumps(desc))
    paths = {
        "missing": odd / "missing.txt",
        **{p.name: p for p in odd.iterdir()},
        "devnull": Path("/dev/null"),
        "repo": repo,
    }
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        yield paths
    finally:
        os.chdir(cwd)


def _paths(place: dict[str, Path]) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(place)).map(lambda k: str(place[k])) | TEXT.filter(lambda s: not s.startswith("-"))


def _check(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output[-500:])
    assert "Traceback" not in result.output, (args, result.output[-2000:])


OPTION = st.sampled_from(["--bogus", "-x", "--format", "--check", "--quiet", "--json", "--publish", "--"])
DATES = st.sampled_from(["2025-02-30", "0000-01-01", "9999-12-31", "2025-1-1", "", "20250101"]) | TEXT
NUMBERS = st.integers(min_value=-(2**70), max_value=2**70).map(str) | TEXT


def test_fuzz_validate(place: dict[str, Path]) -> None:
    @FUZZ
    @given(path=_paths(place), fmt=st.sampled_from(["text", "json", "xml", "", "JSON"]) | TEXT)
    def run(path: str, fmt: str) -> None:
        if Path(path) != place["repo"]:  # the repository itself takes seconds: tested in test_cli
            _check(["validate", path, "--format", fmt])

    run()


def test_fuzz_info_and_diff(place: dict[str, Path]) -> None:
    @FUZZ
    @given(a=_paths(place), b=_paths(place), extra=st.lists(OPTION, max_size=2))
    def run(a: str, b: str, extra: list[str]) -> None:
        _check(["info", a, *extra])
        if Path(a) != place["repo"] and Path(b) != place["repo"]:
            _check(["diff", a, b, *extra])

    run()


def test_fuzz_extract(place: dict[str, Path]) -> None:
    @FUZZ
    @given(path=_paths(place), date=st.none() | DATES, body=st.none() | st.binary(max_size=300))
    def run(path: str, date: str | None, body: bytes | None) -> None:
        if body is not None:
            path = str(place["folder"] / "fuzzed.txt")
            Path(path).write_bytes(body)
        _check(["extract", path, "--json", *(["--published-date", date] if date is not None else [])])

    run()


def test_fuzz_add(place: dict[str, Path]) -> None:
    @FUZZ
    @given(
        path=_paths(place),
        body=st.none() | st.binary(max_size=200) | TEXT,
        date=st.none() | DATES,
        url=st.none() | TEXT | st.sampled_from(["javascript:alert(1)", "https://example.org/a"]),
        outlet=st.none() | TEXT,
        title=st.none() | TEXT,
    )
    def run(path: str, body: Any, date: str | None, url: str | None, outlet: str | None, title: str | None) -> None:
        if body is not None:
            path = str(place["folder"] / "article.txt")
            data = body if isinstance(body, bytes) else body.encode("utf-8")
            Path(path).write_bytes(data)
        options = {"--published-date": date, "--url": url, "--outlet": outlet, "--title": title}
        _check(["add", path, *[x for k, v in options.items() if v is not None for x in (k, v)]])

    run()


def test_fuzz_release_arguments(place: dict[str, Path]) -> None:
    """Only arguments that must be refused before anything is built (a release takes seconds)."""

    @FUZZ
    @given(previous=_paths(place), url=st.none() | TEXT, extra=st.lists(OPTION, max_size=2))
    def run(previous: str, url: str | None, extra: list[str]) -> None:
        given_path = Path(previous)
        refused = not given_path.exists() or (given_path.is_file() and not zipfile.is_zipfile(given_path))
        if refused or (given_path.is_dir() and not (given_path / "datapackage.json").exists()):
            _check(["release", "--previous", previous, *(["--url", url] if url is not None else []), *extra])

    run()


def test_fuzz_publish_dry_run(place: dict[str, Path]) -> None:
    @FUZZ
    @given(
        bundle=_paths(place),
        url=st.none() | TEXT | st.sampled_from(["http://example.org", "https://", "file:///etc", "https://[::1"]),
        deposition=st.none() | NUMBERS,
        new_version_of=st.none() | NUMBERS,
    )
    def run(bundle: str, url: str | None, deposition: str | None, new_version_of: str | None) -> None:
        options = {"--zenodo-url": url, "--deposition": deposition, "--new-version-of": new_version_of}
        argv = ["publish", bundle, "--dry-run", *[x for k, v in options.items() if v is not None for x in (k, v)]]
        _check(argv)

    run()


def test_fuzz_evaluate_and_build_options(place: dict[str, Path]) -> None:
    @settings(FUZZ, max_examples=4)
    @given(output=_paths(place), extra=st.lists(OPTION.filter(lambda o: o not in ("--check", "--quiet")), max_size=2))
    def run(output: str, extra: list[str]) -> None:
        _check(["evaluate", "--output", output, *extra])
        if extra:
            _check(["build", *extra])

    run()
