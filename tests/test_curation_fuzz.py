"""Fuzzing the curation: whatever a slip of the keyboard does to a file, the build answers with one
curation message naming the file (and the line, where the file has one) — never a traceback."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iraq_presence.errors import CurationError, SchemaMismatch
from iraq_presence.paths import Layout
from iraq_presence.schema.tables import load_schemas
from iraq_presence.tables.assemble import assemble
from iraq_presence.tables.curation import load_curation
from iraq_presence.tables.frames import to_frames
from iraq_presence.tables.sources import load_sources

from .conftest import ROOT

FILES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "data" / "curation").rglob("*.yaml"))
JUNK = [
    ":",
    ": ",
    "-",
    "- ",
    '"',
    "'",
    "&a ",
    "*a",
    "[",
    "]",
    "{",
    "}",
    "#",
    "\t",
    "  ",
    "!!python/none ",
    "|",
    ">",
    "%",
]
VALUES = ["2020-13-01", "2020-02-30", "[]", "{}", "null", "-1", "0", "yes", "~", "'x'", "9999-99-99", "1e9", "''"]


@cache
def _sources() -> dict:
    lay = Layout(ROOT)
    return load_sources(lay.raw, lay.sums)


@cache
def _schemas() -> dict:
    return load_schemas(ROOT / "schemas")


def _mutate(text: str, kind: str, at: int, pick: int) -> str:
    lines = text.splitlines(keepends=True)
    if not lines:
        return text  # a file already truncated to nothing has no line to mutate
    i = at % len(lines)
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap" and i + 1 < len(lines):
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
    elif kind == "indent":
        lines[i] = " " * (1 + pick % 3) + lines[i]
    elif kind == "dedent":
        lines[i] = lines[i][min(len(lines[i]) - len(lines[i].lstrip(" ")), 1 + pick % 2) :]
    elif kind == "junk":
        pos = pick % max(len(lines[i]), 1)
        lines[i] = lines[i][:pos] + JUNK[pick % len(JUNK)] + lines[i][pos:]
    elif kind == "value" and ": " in lines[i]:
        key = lines[i].split(": ", 1)[0]
        lines[i] = f"{key}: {VALUES[pick % len(VALUES)]}\n"
    elif kind == "truncate":
        return "".join(lines)[: pick % (len(text) + 1)]
    return "".join(lines)


MUTATION = st.tuples(
    st.sampled_from(FILES),
    st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "junk", "value", "truncate"]),
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=0, max_value=10_000),
)


def _only_curation_messages(tmp: Path, mutations: list[tuple[str, str, int, int]]) -> None:
    root = tmp / "repo"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(ROOT / "data" / "curation", root / "data" / "curation")
    for rel, kind, at, pick in mutations:
        path = root / rel
        path.write_text(_mutate(path.read_text(encoding="utf-8"), kind, at, pick), encoding="utf-8")
    try:
        cur = load_curation(root / "data" / "curation", root)
        to_frames(assemble(cur, _sources()), _schemas())
    except CurationError as exc:
        text = str(exc)
        assert text.startswith("data/curation/"), text
        assert "\n" not in text, text
        assert exc.line is not None or any(
            s in text for s in ("file is empty", "file is missing", "expected a ", "line ")
        ), text
    except SchemaMismatch as exc:  # pragma: no cover - a code bug, not a curation slip
        pytest.fail(f"code built a row that does not fit its schema: {exc}")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=st.lists(MUTATION, min_size=1, max_size=3))
def test_mutated_curation_gives_only_curation_messages(tmp_path: Path, mutations: list) -> None:
    _only_curation_messages(tmp_path, mutations)
