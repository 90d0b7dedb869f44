"""The package folder before its tables: the build journal, the inputs, the descriptors, a table for every schema.

Kept apart from the table reading and the rules (`package.py`) so that checking the descriptor in
a worker process imports only this and frictionless, not pandera and the rules.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..failure import Failure
from .registry import FILES, rule


@rule(
    "BUILD-interrupted",
    "no build journal is left behind (a killed build is completed by the next `dataset build`)",
    reads=(),
    stage="files",
    section=FILES,
)
def check_journal(folder: Path) -> list[Failure]:
    """A build journal left behind means an interrupted commit (or a broken journal, said so)."""
    from ..store import JOURNAL, read_journal

    if not (folder / JOURNAL).exists() and not (folder / JOURNAL).is_symlink():
        return []
    _, problem = read_journal(folder)
    found = f"a build journal is present, but {problem}" if problem else "a build journal is present"
    then = "discard it and rewrite the tables" if problem else "complete the interrupted build"
    return [Failure("BUILD-interrupted", "-", "-", "-", found, f"no journal: run `dataset build` to {then}")]


@rule(
    "BUILD-stale",
    "in a repository, every curation file and schema is the one the tables were built from "
    "(`data/build-inputs.sha256`); an edit not yet built is reported, naming the file",
    reads=(),
    stage="files",
    section=FILES,
)
def check_inputs(folder: Path) -> list[Failure]:
    """In a repository, the curation and schemas the tables were built from are the ones on disk."""
    return stale_and_drafts(folder)[0]


def stale_and_drafts(folder: Path) -> tuple[list[Failure], list[str] | None]:
    """`check_inputs`' failures and the article curation files still marked draft, from one read of
    every curation file (the drafts are None when the inputs are not hashed: no manifest)."""
    from ..tables.inputs import MANIFEST, changed

    if not (folder / "data" / "curation").is_dir() or not (folder / MANIFEST).is_file():
        return [], None
    found: dict[Path, bool] = {}
    fails = [
        Failure("BUILD-stale", "-", "-", rel, how, "tables built from the files on disk: run `dataset build`")
        for rel, how in changed(folder, found)
    ]
    articles = folder / "data" / "curation" / "articles"
    return fails, sorted(p.stem for p, draft in found.items() if draft and p.parent == articles)


def find_drafts(folder: Path) -> list[str]:
    """Article curation files still marked draft (read as bytes: nothing to decode)."""
    from ..tables.inputs import is_draft

    return sorted(
        p.stem
        for p in (folder / "data" / "curation" / "articles").glob("*.yaml")
        if p.is_file() and not p.is_symlink() and is_draft(p.read_bytes())
    )


@rule(
    "PKG-tables",
    "the package holds a table for every schema (its `schemas/` folder, else the code's), in both "
    "descriptors; a missing table is a failure, never skipped",
    reads=(),
    stage="files",
    section=FILES,
)
def check_every_table(folder: Path, descriptors: Mapping[str, dict[str, Any]]) -> list[Failure]:
    """Each schema has a resource in each descriptor (`descriptors`: by format)."""
    own = folder / "schemas"
    wanted = _schema_names(own if own.is_dir() else CODE_SCHEMAS) | _names(descriptors["csv"])
    out = []
    for fmt, desc in descriptors.items():
        file = "datapackage.json" if fmt == "csv" else "datapackage.parquet.json"
        for table in sorted(wanted - _names(desc)):
            out.append(Failure("PKG-tables", table, "-", "-", f"no resource in {file}", f"the table {table}"))
    return out


CODE_SCHEMAS = Path(__file__).resolve().parents[3] / "schemas"
"""The schemas beside the code (a checkout or an editable install): what a folder without its own
`schemas/` must hold."""


def _names(desc: dict[str, Any]) -> set[str]:
    return {r["name"] for r in desc["resources"]}


def _schema_names(folder: Path) -> set[str]:
    return {p.stem for p in folder.glob("*.json")} if folder.is_dir() else set()


def load_descriptor(folder: Path) -> tuple[dict[str, Any] | None, list[Failure]]:
    """The parsed datapackage.json, or None and the failure that makes it unusable."""
    path = folder / "datapackage.json"
    if not path.is_file():
        return None, [Failure("PKG-descriptor", "-", "-", "-", f"{path} missing", "a datapackage.json")]
    try:
        desc = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: nested too deep
        return None, [Failure("PKG-descriptor", "-", "-", "-", f"invalid JSON: {exc}", "a JSON descriptor")]
    if (
        not isinstance(desc, dict)
        or not isinstance(desc.get("resources"), list)
        or not all(isinstance(r, dict) and {"name", "path", "schema"} <= set(r) for r in desc["resources"])
    ):
        return None, [
            Failure("PKG-descriptor", "-", "-", "-", "resources without name, path or schema", "a resource per table")
        ]
    return desc, []


@rule(
    "PKG-descriptor",
    "`datapackage.json` is valid JSON and a valid Data Package (frictionless's metadata check)",
    reads=(),
    stage="files",
    section=FILES,
)
def check_descriptor(desc: dict[str, Any]) -> list[Failure]:
    """The descriptor against the Data Package standard (frictionless's metadata check, as the
    build's `tables.descriptor.metadata_errors` makes it: called here directly, since importing that
    module imports the curation models too, 0.05 CPU s of the validator's critical path)."""
    from frictionless import FrictionlessException, Package

    try:
        messages = [e.message for e in Package.metadata_validate(desc)]
    except FrictionlessException as exc:
        messages = [str(exc)]
    return [Failure("PKG-descriptor", "-", "-", "-", m, "a valid Data Package descriptor") for m in messages]


def load_parquet_descriptor(folder: Path) -> tuple[dict[str, Any] | None, list[Failure]]:
    """datapackage.parquet.json when the folder has one (None and a failure when it is unusable)."""
    path = folder / "datapackage.parquet.json"
    if not path.is_file():
        return None, []
    try:
        desc = json.loads(path.read_text(encoding="utf-8"))
        if all(isinstance(r, dict) and {"name", "path"} <= set(r) for r in desc["resources"]):
            return desc, []
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError, RecursionError) as exc:
        return None, [Failure("PKG-descriptor", "-", "-", "-", f"{path.name}: {exc}", "a JSON descriptor")]
    return None, [
        Failure("PKG-descriptor", "-", "-", "-", f"{path.name}: resources without name or path", "a resource per table")
    ]
