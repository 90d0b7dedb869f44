"""Writes schemas/*.json, one Frictionless Table Schema per table, from the definitions: each field
once (fields.py), each vocabulary once (vocabularies.py), each table as a list of field names with
its overrides and keys (resources.py). The JSON files are committed so readers and tools need no
Python; a test proves they are what this module writes.

    python -m iraq_presence.schema.generate          # rewrite schemas/
    python -m iraq_presence.schema.generate --check  # exit 1, naming the stale files
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .fields import FIELDS
from .resources import RESOURCES
from .vocabularies import VOCABULARIES

FIELD_KEYS = (
    "type",
    "format",
    "description",
    "vocabulary",
    "constraints",
    "codingRules",
    "evidence",
    "nullMeaning",
    "references",
)
"""What a field definition may say: `vocabulary` names an entry of VOCABULARIES, `references` the
table.column a foreign key points to (neither is written as such into the Table Schema)."""

CONSTRAINT_ORDER = ("required", "unique", "minimum", "maximum", "minLength", "pattern", "enum")
TABLE_KEYS = ("title", "description", "fields", "field_overrides", "primary_key", "spans")
CATEGORY_KEYS = ("value", "label", "definition")
"""What a code carries into the Table Schema (`brief`, the short gloss, only builds descriptions)."""


def _merged(name: str, table: str, override: dict[str, Any]) -> dict[str, Any]:
    """The field's definition with the table's override: keys replace, constraints merge key by
    key, and a key or constraint overridden with None is dropped."""
    base = FIELDS[name]
    for key in (*base, *override):
        if key not in FIELD_KEYS:
            raise ValueError(f"{table}.{name}: unknown key {key!r} (expected one of {', '.join(FIELD_KEYS)})")
    if "type" in override:
        raise ValueError(f"{table}.{name}: a field's type is defined once, in fields.py; it cannot be overridden")
    out = {k: v for k, v in {**base, **override}.items() if v is not None}
    constraints = {**base.get("constraints", {}), **override.get("constraints", {})}
    out["constraints"] = {k: v for k, v in constraints.items() if v is not None}
    return out


def field_descriptor(name: str, table: str, override: dict[str, Any], primary_key: list[str]) -> dict[str, Any]:
    """One field of one table as a Table Schema field: enum derived from the vocabulary's
    categories, `unique` from a one-column primary key, coding rules the field's then the vocabulary's."""
    spec = _merged(name, table, override)
    constraints = spec["constraints"]
    if primary_key == [name]:
        constraints["unique"] = True
    vocabulary = VOCABULARIES[spec["vocabulary"]] if "vocabulary" in spec else None
    if vocabulary:
        constraints["enum"] = [c["value"] for c in vocabulary["categories"]]
    out: dict[str, Any] = {"name": name, "type": spec["type"]}
    for key in ("format", "description"):
        if key in spec:
            out[key] = spec[key]
    if constraints:
        out["constraints"] = {k: constraints[k] for k in CONSTRAINT_ORDER if k in constraints}
        if len(out["constraints"]) != len(constraints):
            raise ValueError(f"{table}.{name}: unknown constraint in {sorted(constraints)}")
    rules = list(spec.get("codingRules", []))
    if vocabulary:
        out["categories"] = [{k: c[k] for k in CATEGORY_KEYS} for c in vocabulary["categories"]]
        if vocabulary.get("ordered"):
            out["categoriesOrdered"] = True
        rules += vocabulary.get("codingRules", [])
    if rules:
        out["codingRules"] = rules
    for key in ("evidence", "nullMeaning"):
        if key in spec:
            out[key] = spec[key]
    return out


def table_descriptor(name: str) -> dict[str, Any]:
    """One table's Table Schema, with the package's `spans` extension."""
    spec = RESOURCES[name]
    unknown = set(spec) - set(TABLE_KEYS)
    if unknown:
        raise ValueError(f"table {name}: unknown key {sorted(unknown)} (expected one of {', '.join(TABLE_KEYS)})")
    columns, overrides, primary_key = spec["fields"], spec.get("field_overrides", {}), spec["primary_key"]
    named = [*overrides, *primary_key, *(c for s in spec.get("spans", []) for c in s)]
    missing = [c for c in named if c not in columns] + [c for c in columns if c not in FIELDS]
    if missing:
        raise ValueError(f"table {name}: {missing[0]!r} is not one of its fields, or not defined in fields.py")
    out: dict[str, Any] = {
        "name": name,
        "title": spec["title"],
        "description": spec["description"],
        "fields": [field_descriptor(c, name, overrides.get(c, {}), primary_key) for c in columns],
        "primaryKey": list(primary_key),
    }
    foreign = [(c, _merged(c, name, overrides.get(c, {})).get("references")) for c in columns]
    foreign = [(c, target) for c, target in foreign if target and target != f"{name}.{c}"]
    if foreign:
        out["foreignKeys"] = [_foreign_key(column, target) for column, target in foreign]
    if spec.get("spans"):
        out["spans"] = [dict(zip(("article", "start", "end", "text"), s, strict=True)) for s in spec["spans"]]
    out["missingValues"] = [""]
    return out


def _foreign_key(column: str, target: str) -> dict[str, Any]:
    resource, ref = target.split(".")
    return {"fields": [column], "reference": {"resource": resource, "fields": [ref]}}


def schema_files() -> dict[str, bytes]:
    """Every schemas/<table>.json's bytes, keyed by file name."""
    return {
        f"{name}.json": (json.dumps(table_descriptor(name), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        for name in sorted(RESOURCES)
    }


def stale(folder: Path) -> list[str]:
    """Files of `folder` that differ from what `schema_files` writes, or are missing or extra."""
    files = schema_files()
    on_disk = {p.name for p in folder.glob("*.json")}
    differ = [n for n, data in files.items() if not (folder / n).is_file() or (folder / n).read_bytes() != data]
    return sorted({*differ, *(on_disk - set(files))})


def write(folder: Path) -> list[str]:
    """Rewrite `folder` to hold exactly the generated schemas; the names written or removed."""
    changed = stale(folder)
    files = schema_files()
    for name in changed:
        path = folder / name
        if name in files:
            tmp = path.with_suffix(".json.tmp")
            tmp.write_bytes(files[name])
            tmp.replace(path)
        else:
            path.unlink()
    return changed


def main(argv: list[str]) -> int:
    from ..paths import Layout, find_root

    folder = Layout(find_root()).schemas
    if argv == ["--check"]:
        changed = stale(folder)
        for name in changed:
            print(f"schemas/{name} is not what build/iraq_presence/schema/ defines: run python -m {__spec__.name}")
        return 1 if changed else 0
    if argv:
        print(f"usage: python -m {__spec__.name} [--check]", file=sys.stderr)
        return 2
    for name in write(folder):
        print(f"wrote schemas/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
