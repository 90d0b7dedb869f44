"""Self-tests of the schemas (as PUDL keeps them): keys, spans, types and the enum values the code uses."""

import ast
from pathlib import Path

import pytest

from iraq_presence.checks.generic import PRECISIONS, date_fields
from iraq_presence.schema.tables import load_schemas
from iraq_presence.schema.types import TYPES

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = load_schemas(ROOT / "schemas")
FKS = [(name, fk) for name, s in SCHEMAS.items() for fk in s.foreign_keys]


def _comparable(field: dict) -> tuple:
    """What two key columns must share: type and pattern (an enum column's codes are its pattern)."""
    c = field.get("constraints", {})
    return field["type"], c.get("pattern"), tuple(c.get("enum") or ())


@pytest.mark.parametrize(("name", "fk"), FKS, ids=[f"{n}.{'-'.join(fk.columns)}" for n, fk in FKS])
def test_foreign_key_points_at_a_key_of_the_same_type_and_pattern(name, fk) -> None:
    assert fk.resource in SCHEMAS, f"{name}: foreign key to unknown table {fk.resource}"
    parent, child = SCHEMAS[fk.resource], SCHEMAS[name]
    assert len(fk.columns) == len(fk.ref_columns) >= 1
    refs = list(fk.ref_columns)
    unique = len(refs) == 1 and parent.constraint(refs[0], "unique")
    assert refs == parent.primary_key or unique, f"{name} -> {fk.resource}{refs}: not its primary key"
    for col, ref in zip(fk.columns, refs):
        assert _comparable(child.field(col)) == _comparable(parent.field(ref)), f"{name}.{col} vs {fk.resource}.{ref}"


def test_composite_keys_are_fully_checked() -> None:
    """Every column of a composite primary key is required (a null would escape the uniqueness
    check); composite foreign keys reference the parent's whole primary key (checked above) and
    are joined on all their columns by FK-<table>-<columns>."""
    for name, s in SCHEMAS.items():
        assert s.primary_key and all(c in s.columns for c in s.primary_key), name
        if len(s.primary_key) > 1:
            assert all(s.required(c) for c in s.primary_key), name


@pytest.mark.parametrize("name", [n for n, s in SCHEMAS.items() if s.spans])
def test_every_span_names_existing_columns(name) -> None:
    s = SCHEMAS[name]
    for sp in s.spans:
        for col in (sp.article, sp.start, sp.end, sp.text):
            assert col in s.columns, f"{name}: span column {col!r} missing"
        assert s.field(sp.start)["type"] == s.field(sp.end)["type"] == "integer"
        assert s.field(sp.text)["type"] == "string"
        assert name == "articles" or any(
            fk.columns == (sp.article,) and fk.resource == "articles" for fk in s.foreign_keys
        )


def test_every_type_is_in_the_type_table_and_dates_carry_precision_and_basis() -> None:
    for name, s in SCHEMAS.items():
        for f in s.fields:
            assert f["type"] in TYPES, f"{name}.{f['name']}: {f['type']}"
        for col in date_fields(s):
            assert tuple(s.constraint(f"{col}_precision", "enum")) == PRECISIONS, f"{name}.{col}_precision"
            assert "inferred" in s.constraint(f"{col}_basis", "enum"), f"{name}.{col}_basis"


def _enum_values() -> dict[str, set[str]]:
    """Enum values by column name, across tables (the code names columns, not tables)."""
    out: dict[str, set[str]] = {}
    for s in SCHEMAS.values():
        for f in s.fields:
            if f.get("constraints", {}).get("enum"):
                out.setdefault(f["name"], set()).update(f["constraints"]["enum"])
    return out


def _uses(tree: ast.AST):
    """(column, literal) pairs the code writes: {"col": "v"}, col="v", x["col"] == "v", x.col == "v"."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values):
                if isinstance(k, ast.Constant) and isinstance(v, ast.Constant) and isinstance(v.value, str):
                    yield k.value, v.value, node.lineno
        elif isinstance(node, ast.keyword) and isinstance(node.value, ast.Constant):
            if isinstance(node.value.value, str):
                yield node.arg, node.value.value, node.value.lineno
        elif isinstance(node, ast.Compare) and len(node.comparators) == 1:
            left, right = node.left, node.comparators[0]
            col = (
                left.slice.value
                if isinstance(left, ast.Subscript) and isinstance(left.slice, ast.Constant)
                else left.attr
                if isinstance(left, ast.Attribute)
                else None
            )
            if col and isinstance(right, ast.Constant) and isinstance(right.value, str):
                yield col, right.value, node.lineno


OTHER_MEANINGS = {
    ("status", "draft"): "an article curation file's status, not quote_spans.status",
    ("status", "accepted"): "an article curation file's status, not quote_spans.status",
    ("role", "author"): "a Data Package contributor's role, not an affiliation or participant role",
    ("role", "maintainer"): "a Data Package contributor's role, not an affiliation or participant role",
}
"""Names shared by a table column and something else in the code, with the other meaning's values."""


def test_every_enum_value_the_code_uses_exists_in_its_schema() -> None:
    enums = _enum_values()
    wrong = []
    for path in sorted((ROOT / "build" / "iraq_presence").rglob("*.py")):
        for col, value, line in _uses(ast.parse(path.read_text(encoding="utf-8"))):
            if col in enums and value not in enums[col] and (col, value) not in OTHER_MEANINGS:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {col}={value!r} (schema: {sorted(enums[col])})")
    assert wrong == []
