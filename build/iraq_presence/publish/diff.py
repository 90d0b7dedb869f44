"""`dataset diff OLD NEW`: what changed between two releases (folders or zips), per table."""

from __future__ import annotations

import json
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class TableDiff:
    table: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    schema: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.schema)


def _open(path: Path, tmp: Path) -> Path:
    """A release folder (unzipping a .zip into `tmp` first)."""
    if path.is_file() and path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            zf.extractall(tmp)
        found = [p.parent for p in tmp.rglob("datapackage.json")]
        if not found:
            raise FileNotFoundError(f"{path}: no datapackage.json inside")
        return found[0]
    return path


def _tables(folder: Path) -> dict[str, tuple[dict[str, Any], Any]]:
    import pandas as pd

    from ..checks.package import inside

    desc = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    out = {}
    for res in desc["resources"]:
        path = inside(folder, res["path"])
        if path is None:
            raise ValueError(f"{folder.name}: table path {res['path']!r} lies outside the release (not read)")
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        out[res["name"]] = (res["schema"], df)
    return out


def diff(old: Path, new: Path) -> list[TableDiff]:
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        before, after = _tables(_open(old, Path(a))), _tables(_open(new, Path(b)))
        result = []
        for name in sorted(set(before) | set(after)):
            d = TableDiff(name)
            if name not in before:
                d.schema.append("table added")
                d.added = _keys(*after[name])
            elif name not in after:
                d.schema.append("table removed")
                d.removed = _keys(*before[name])
            else:
                d.schema = _schema_changes(before[name][0], after[name][0])
                _rows(d, before[name], after[name])
            result.append(d)
        return result


def _keys(schema: dict[str, Any], df: Any) -> list[str]:
    pk = schema["primaryKey"]
    return sorted(df[pk].astype(str).agg("/".join, axis=1)) if len(df) else []


def _rows(d: TableDiff, old: tuple[dict[str, Any], Any], new: tuple[dict[str, Any], Any]) -> None:
    pk = new[0]["primaryKey"]
    a, b = old[1], new[1]
    a = a.set_index(a[pk].astype(str).agg("/".join, axis=1)) if len(a) else a
    b = b.set_index(b[pk].astype(str).agg("/".join, axis=1)) if len(b) else b
    d.added = sorted(set(b.index) - set(a.index))
    d.removed = sorted(set(a.index) - set(b.index))
    common = sorted(set(a.index) & set(b.index))
    cols = [c for c in b.columns if c in a.columns]
    if common and cols:
        differ = (a.loc[common, cols] != b.loc[common, cols]).any(axis=1)
        d.changed = sorted(differ.index[differ])


def _schema_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    fo = {f["name"]: f for f in old["fields"]}
    fn = {f["name"]: f for f in new["fields"]}
    out = [f"field added: {n}" for n in fn if n not in fo]
    out += [f"field removed: {n}" for n in fo if n not in fn]
    for n in fn:
        if n in fo and fo[n].get("type") != fn[n].get("type"):
            out.append(f"field {n}: type {fo[n].get('type')} -> {fn[n].get('type')}")
        if n in fo and fo[n].get("constraints") != fn[n].get("constraints"):
            out.append(f"field {n}: constraints changed")
    if old.get("primaryKey") != new.get("primaryKey"):
        out.append(f"primary key {old.get('primaryKey')} -> {new.get('primaryKey')}")
    return out


def report(diffs: list[TableDiff], limit: int = 10) -> str:
    lines = []
    for d in diffs:
        if d.empty:
            continue
        lines.append(f"{d.table}: +{len(d.added)} -{len(d.removed)} ~{len(d.changed)}")
        for label, keys in (("added", d.added), ("removed", d.removed), ("changed", d.changed)):
            for k in keys[:limit]:
                lines.append(f"  {label}: {k}")
            if len(keys) > limit:
                lines.append(f"  ... {len(keys) - limit} more {label}")
        lines += [f"  schema: {s}" for s in d.schema]
    return "\n".join(lines) if lines else "no changes"


def changelog_entry(diffs: list[TableDiff], version: str) -> str:
    """A Keep-a-Changelog entry drafted from the diff, for a person to edit."""
    added = [f"- `{d.table}`: {len(d.added)} row(s) added" for d in diffs if d.added]
    changed = [f"- `{d.table}`: {len(d.changed)} row(s) changed" for d in diffs if d.changed]
    changed += [f"- `{d.table}` schema: {s}" for d in diffs for s in d.schema]
    removed = [f"- `{d.table}`: {len(d.removed)} row(s) removed" for d in diffs if d.removed]
    parts = [f"## [{version}] - YYYY-MM-DD"]
    for title, items in (("Added", added), ("Changed", changed), ("Removed", removed)):
        if items:
            parts += ["", f"### {title}", *items]
    return "\n".join(parts) + "\n"
