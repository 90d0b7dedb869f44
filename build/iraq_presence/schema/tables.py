"""The Table Schemas in schemas/ (generated from fields.py, vocabularies.py and resources.py by
generate.py): what every other definition derives from.

From one JSON file per table this module derives the column order, the pyarrow schema the
Parquet files are written with, the pandas dtypes CSV files are read with, and the pandera
schema that checks a table (pandera's own frictionless converter loses dates, nullable
integers and foreign keys, so the small translation lives here).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .types import arrow_type, pandas_dtype, pandera_dtype


@dataclass(frozen=True)
class Span:
    """A (article, start, end, text) column group that must slice the raw text exactly."""

    article: str
    start: str
    end: str
    text: str


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    resource: str
    ref_columns: tuple[str, ...]


@dataclass(frozen=True)
class TableSchema:
    """One table's schema as read from schemas/<name>.json."""

    name: str
    descriptor: dict[str, Any]

    @property
    def fields(self) -> list[dict[str, Any]]:
        return self.descriptor["fields"]

    @property
    def columns(self) -> list[str]:
        return [f["name"] for f in self.fields]

    @property
    def primary_key(self) -> list[str]:
        return list(self.descriptor["primaryKey"])

    @property
    def foreign_keys(self) -> list[ForeignKey]:
        return [
            ForeignKey(tuple(fk["fields"]), fk["reference"]["resource"], tuple(fk["reference"]["fields"]))
            for fk in self.descriptor.get("foreignKeys", [])
        ]

    @property
    def spans(self) -> list[Span]:
        return [Span(**s) for s in self.descriptor.get("spans", [])]

    def field(self, column: str) -> dict[str, Any]:
        for f in self.fields:
            if f["name"] == column:
                return f
        raise KeyError(f"{self.name} has no column {column!r}")

    def constraint(self, column: str, key: str) -> Any:
        return self.field(column).get("constraints", {}).get(key)

    def required(self, column: str) -> bool:
        return bool(self.constraint(column, "required")) or column in self.primary_key

    def frictionless_schema(self) -> dict[str, Any]:
        """The Table Schema proper (without the resource-level name, title, description)."""
        return {k: v for k, v in self.descriptor.items() if k not in ("name", "title", "description")}

    @cached_property
    def arrow_schema(self) -> Any:
        """pyarrow schema: dates as date32, integers as int64, closed vocabularies as dictionaries."""
        import pyarrow as pa

        out = []
        for f in self.fields:
            out.append(pa.field(f["name"], arrow_type(f), nullable=not self.required(f["name"])))
        return pa.schema(out, metadata={"table": self.name})

    def pandas_dtypes(self) -> dict[str, Any]:
        """pandas dtypes for the columns (nullable integers and booleans, categories for enums)."""
        return {f["name"]: pandas_dtype(f) for f in self.fields}

    def pandera_schema(self) -> Any:
        """The pandera schema `checks/pandera_rules.py` validates the table with (derived once)."""
        return self._pandera

    @cached_property
    def _pandera(self) -> Any:
        """pandera DataFrameSchema checking types and constraints of one table, vectorized."""
        import pandera.pandas as pa

        from . import pandera_checks

        columns = {}
        for f in self.fields:
            c = f.get("constraints", {})
            checks = []
            if "enum" in c:
                checks.append(pa.Check.isin(c["enum"]))
            if "pattern" in c:
                checks.append(pandera_checks.pattern(c["pattern"]))
            if "minimum" in c:
                checks.append(pa.Check.ge(c["minimum"]))
            if "maximum" in c:
                checks.append(pa.Check.le(c["maximum"]))
            if "minLength" in c:
                checks.append(pa.Check.str_length(min_value=c["minLength"]))
            if c.get("unique"):
                checks.append(pandera_checks.unique())
            columns[f["name"]] = pa.Column(
                pandera_dtype(f) if "enum" not in c else None,
                checks=checks,
                nullable=not self.required(f["name"]),
                coerce=False,
                required=True,
            )
        return pa.DataFrameSchema(
            columns,
            strict=True,
            ordered=True,
            unique=self.primary_key if len(self.primary_key) > 1 else None,
            report_duplicates="exclude_first",
            name=self.name,
        )


def load_schemas(folder: Path) -> dict[str, TableSchema]:
    """Every schemas/*.json, keyed by table name, in name order."""
    found = {}
    for path in sorted(folder.glob("*.json")):
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        if descriptor.get("name") != path.stem:
            raise ValueError(f"{path}: 'name' must be {path.stem!r}")
        found[path.stem] = TableSchema(path.stem, descriptor)
    return found
