"""Retired identifiers: an id, once released, is never reused, and a row that is removed or merged
leaves a trace, as event datasets publish their deletions.

The curators list each retired id in data/curation/retired_ids.yaml (`table`, `id`, the
`successor` it was merged into or null, and the `reason`); the release writes them, with the
version that first left each id out, to the bundle's `data/retired_ids.csv`, and refuses a
publish-grade release whose diff removes an id that is not listed, or that reuses a retired one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import __version__
from ..tables.curation.models import Model

FILE = "retired_ids.yaml"
BUNDLE_PATH = "data/retired_ids.csv"
COLUMNS = {
    "table": "The table the id belonged to (one whose rows have a single id column, e.g. actors).",
    "id": "The retired id; never used again in that table.",
    "successor": "The id (same table) the row was merged into; empty when the row was removed.",
    "retired_in": "The first version of the package without the id.",
    "reason": "Why the row was removed or merged, in the curators' words.",
}
"""The columns of data/retired_ids.csv and their definitions (CODEBOOK.md prints them)."""


class Retired(Model):
    table: str
    id: str
    successor: str | None = None
    reason: str


def load(curation: Path, root: Path) -> list[Retired]:
    """The curators' list (empty when the file does not exist yet)."""
    from ..errors import CurationError
    from ..tables.curation import read_yaml
    from ..tables.curation.loader import parse

    path = curation / FILE
    if not path.is_file():
        return []
    raw = read_yaml(path, root)
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("retired_ids"), list):
        raise CurationError(rel, "expected `retired_ids:` and a list of entries", expected="retired_ids: []")
    return [parse(Retired, e, rel, entry=f"retired_ids[{n}]") for n, e in enumerate(raw["retired_ids"])]


def id_tables(tables: Mapping[str, tuple[dict[str, Any], Any]]) -> dict[str, str]:
    """{table: its id column} for the tables whose rows are entities with one id (not link rows)."""
    keys = {name: schema["primaryKey"] for name, (schema, _) in tables.items()}
    return {name: pk[0] for name, pk in keys.items() if len(pk) == 1 and pk[0].endswith("_id")}


def problems(
    retired: list[Retired], removed: Mapping[str, list[str]], tables: Mapping[str, tuple[dict[str, Any], Any]]
) -> list[str]:
    """Removed ids not listed, listed ids still (or again) in use, successors that do not exist.
    `tables` is the new bundle's, as `diff` reads it: {name: (Table Schema, frame of text)}."""
    ids = id_tables(tables)
    listed = {(r.table, r.id) for r in retired}
    out = []
    for table, keys in sorted(removed.items()):
        if table not in ids:
            continue
        for key in keys:
            if (table, key) not in listed:
                out.append(
                    f"data/curation/{FILE}: `{table}` id {key!r} is removed by this release but not listed; add "
                    f"`- {{table: {table}, id: {key}, successor: null, reason: ...}}` (successor: the id it was "
                    "merged into)"
                )
    for r in retired:
        if r.table not in ids:
            out.append(
                f"data/curation/{FILE}: {r.table!r} is not a table with one id column ({', '.join(sorted(ids))})"
            )
            continue
        present = set(tables[r.table][1][ids[r.table]].astype(str))
        if r.id in present:
            out.append(f"data/curation/{FILE}: `{r.table}` id {r.id!r} is retired but in use: ids are never reused")
        if r.successor is not None and r.successor not in present:
            out.append(f"data/curation/{FILE}: successor {r.successor!r} of {r.id!r} is not a `{r.table}` id")
    return out


def csv_bytes(retired: list[Retired], previous: Mapping[str, bytes] | None) -> bytes:
    """The bundle's table of retired ids, each with the version that first left it out."""
    since = {}
    if previous is not None and BUNDLE_PATH in previous:
        for row in csv.DictReader(io.StringIO(previous[BUNDLE_PATH].decode("utf-8-sig"))):
            since[(row["table"], row["id"])] = row["retired_in"]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(list(COLUMNS))
    for r in sorted(retired, key=lambda r: (r.table, r.id)):
        writer.writerow([r.table, r.id, r.successor or "", since.get((r.table, r.id), __version__), r.reason])
    return buf.getvalue().encode()
