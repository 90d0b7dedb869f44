"""`dataset diff OLD NEW`: what changed between two releases (folders, zips or a bundle in memory),
per table: rows added and removed by primary key, each changed value (column, old, new), and
schema changes; and the version bump those changes require.

The bump rule (semantic versioning for data): a removed or renamed table or column, a changed
type, key or code list is **major** (code that reads the tables may break); a new table, column or
row is **minor**; changed values and removed rows are **patch** (corrections; a removed id is
listed in the bundle's `retired_ids`).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BUMPS = ("patch", "minor", "major")
READ = ("datapackage.json", "CHANGELOG.md", "SHA256SUMS")
"""The files of a bundle a diff or a version check reads, besides the tables' CSV files."""


class DiffError(ValueError):
    """A path that is not a release; the message names it."""


@dataclass
class Change:
    key: str
    column: str
    old: str
    new: str


@dataclass
class TableDiff:
    table: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    values: list[Change] = field(default_factory=list)
    schema: list[str] = field(default_factory=list)
    breaking: list[str] = field(default_factory=list)
    """The schema changes that are major (the others are additions)."""

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.schema)

    @property
    def bump(self) -> str | None:
        if self.breaking:
            return "major"
        if self.schema or self.added:
            return "minor"
        return "patch" if self.changed or self.removed else None


def read_bundle(path: Path) -> dict[str, bytes]:
    """The files a diff reads from a release folder or zip, by path inside the bundle."""
    try:
        if path.is_file() and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                names = [n for n in zf.namelist() if not n.endswith("/")]
                top = names[0].split("/", 1)[0] + "/" if names else ""
                return {n.removeprefix(top): zf.read(n) for n in names if _wanted(n.removeprefix(top))}
        if path.is_dir():
            return {
                p.relative_to(path).as_posix(): p.read_bytes()
                for p in path.rglob("*")
                if p.is_file() and _wanted(p.relative_to(path).as_posix())
            }
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise DiffError(f"{path}: cannot be read as a release ({exc})") from None
    raise DiffError(f"{path}: no such release (expected a release folder or its .zip)")


def _wanted(name: str) -> bool:
    return name in READ or (name.startswith("data/") and name.endswith(".csv"))


def version_of(bundle: Mapping[str, bytes]) -> str:
    return str(_descriptor(bundle).get("version", ""))


def _descriptor(bundle: Mapping[str, bytes]) -> dict[str, Any]:
    if "datapackage.json" not in bundle:
        raise DiffError("not a release: no datapackage.json inside")
    try:
        return json.loads(bundle["datapackage.json"])
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DiffError(f"datapackage.json: invalid JSON ({exc})") from None


def tables_of(bundle: Mapping[str, bytes]) -> dict[str, tuple[dict[str, Any], Any]]:
    """Every table of a bundle as {name: (Table Schema, frame of text values)}."""
    import pandas as pd

    out = {}
    for res in _descriptor(bundle).get("resources", []):
        data = bundle.get(res["path"])
        if data is None:
            raise DiffError(f"{res['path']}: listed in datapackage.json but missing")
        df = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
        out[res["name"]] = (res["schema"], df)
    return out


def diff(old: Path | Mapping[str, bytes], new: Path | Mapping[str, bytes]) -> list[TableDiff]:
    before = tables_of(read_bundle(old) if isinstance(old, Path) else old)
    after = tables_of(read_bundle(new) if isinstance(new, Path) else new)
    result = []
    for name in sorted(set(before) | set(after)):
        d = TableDiff(name)
        if name not in before:
            d.schema.append("table added")
            d.added = _keys(*after[name])
        elif name not in after:
            d.schema.append("table removed")
            d.breaking.append("table removed")
            d.removed = _keys(*before[name])
        else:
            d.schema, d.breaking = _schema_changes(before[name][0], after[name][0])
            _rows(d, before[name], after[name])
        result.append(d)
    return result


def bump(diffs: list[TableDiff]) -> str | None:
    """The version bump the changes require (None: the data are the same)."""
    levels = [d.bump for d in diffs if d.bump]
    return max(levels, key=BUMPS.index) if levels else None


def _keys(schema: dict[str, Any], df: Any) -> list[str]:
    pk = schema["primaryKey"]
    return sorted(df[pk].astype(str).agg("/".join, axis=1)) if len(df) else []


def _rows(d: TableDiff, old: tuple[dict[str, Any], Any], new: tuple[dict[str, Any], Any]) -> None:
    pk = new[0]["primaryKey"]
    a, b = old[1], new[1]
    if any(c not in a.columns for c in pk):  # a renamed key: every row is new
        d.added, d.removed = _keys(*new), _keys(*old)
        return
    a = a.set_index(a[pk].astype(str).agg("/".join, axis=1)) if len(a) else a
    b = b.set_index(b[pk].astype(str).agg("/".join, axis=1)) if len(b) else b
    d.added = sorted(set(b.index) - set(a.index))
    d.removed = sorted(set(a.index) - set(b.index))
    common = sorted(set(a.index) & set(b.index))
    cols = [c for c in b.columns if c in a.columns]
    if not (common and cols):
        return
    left, right = a.loc[common, cols], b.loc[common, cols]
    differ = left != right
    d.changed = sorted(differ.index[differ.any(axis=1)])
    for key in d.changed:
        for col in differ.columns[differ.loc[key]]:
            d.values.append(Change(key, col, left.at[key, col], right.at[key, col]))


def _schema_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(every schema change, the breaking ones)."""
    fo = {f["name"]: f for f in old["fields"]}
    fn = {f["name"]: f for f in new["fields"]}
    added = [f"field added: {n}" for n in fn if n not in fo]
    breaking = [f"field removed: {n}" for n in fo if n not in fn]
    for n in fn:
        if n not in fo:
            continue
        if fo[n].get("type") != fn[n].get("type"):
            breaking.append(f"field {n}: type {fo[n].get('type')} -> {fn[n].get('type')}")
        co, cn = fo[n].get("constraints", {}), fn[n].get("constraints", {})
        if co.get("enum") != cn.get("enum"):
            gone = [c for c in co.get("enum") or [] if c not in (cn.get("enum") or [])]
            new_codes = [c for c in cn.get("enum") or [] if c not in (co.get("enum") or [])]
            breaking.append(f"field {n}: code list changed (removed {gone or 'none'}, added {new_codes or 'none'})")
        elif {k: v for k, v in co.items() if k != "enum"} != {k: v for k, v in cn.items() if k != "enum"}:
            breaking.append(f"field {n}: constraints changed")
    if old.get("primaryKey") != new.get("primaryKey"):
        breaking.append(f"primary key {old.get('primaryKey')} -> {new.get('primaryKey')}")
    return breaking + added, breaking


def report(diffs: list[TableDiff], limit: int = 50) -> str:
    """Every table that changed: counts, added and removed keys, each changed value."""
    lines = []
    for d in diffs:
        if d.empty:
            continue
        lines.append(f"{d.table}: +{len(d.added)} -{len(d.removed)} ~{len(d.changed)} ({d.bump})")
        lines += [f"  schema: {s}" for s in d.schema]
        lines += _capped([f"  added: {k}" for k in d.added], limit, "added")
        lines += [f"  removed: {k}" for k in d.removed]  # every removed id: each needs a retired_ids row
        lines += _capped([f"  changed: {c.key} {c.column}: {c.old!r} -> {c.new!r}" for c in d.values], limit, "changed")
    if not lines:
        return "no changes"
    return "\n".join([*lines, f"version bump required: {bump(diffs)}"])


def _capped(lines: list[str], limit: int, label: str) -> list[str]:
    return lines[:limit] + ([f"  ... {len(lines) - limit} more {label}"] if len(lines) > limit else [])


def changelog_entry(diffs: list[TableDiff], version: str, date: str, since: str, limit: int = 50) -> str:
    """The data section of a version's CHANGELOG entry, generated from the diff with its previous release."""
    breaking = [f"- `{d.table}`: {s}" for d in diffs for s in d.breaking]
    added = [f"- `{d.table}`: {s}" for d in diffs for s in d.schema if s not in d.breaking]
    added += [
        f"- `{d.table}`: {len(d.added)} row(s): " + ", ".join(f"`{k}`" for k in d.added) for d in diffs if d.added
    ]
    changed = [f"- `{d.table}` `{c.key}` `{c.column}`: {_md(c.old)} → {_md(c.new)}" for d in diffs for c in d.values]
    removed = [
        f"- `{d.table}`: " + ", ".join(f"`{k}`" for k in d.removed) for d in diffs if d.removed and not d.breaking
    ]
    level = bump(diffs)
    parts = [
        f"## [{version}] - {date}",
        "",
        f"Data changes since {since} ({level or 'no'} change), generated by `dataset diff`.",
    ]
    for title, items in (("Breaking", breaking), ("Added", added), ("Changed", changed), ("Removed", removed)):
        if items:
            parts += ["", f"### {title}", "", *_capped(items, limit, "changes (see `dataset diff`)")]
    return "\n".join(parts) + "\n"


def _md(value: str) -> str:
    from .markdown import literal

    return literal(value) if value else "(null)"
