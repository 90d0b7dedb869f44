"""The per-table and foreign-key rules, enforced by pandera: the schema derived from each Table Schema
(`TableSchema.pandera_schema`) and a dataframe-level `foreign_key` check registered with pandera's
extension API.

pandera finds the failing rows (lazily: every failure of a table in one pass); this module only
turns its failure cases into the package's failures, with rule id, row key, column, value and the
nearest valid value, as a curator reads them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera import extensions
from pandera.errors import SchemaErrors

from ..failure import Failure, _v
from ..schema.io import column_failures
from ..schema.tables import ForeignKey, TableSchema
from .frames import failures_at, suggest
from .registry import CROSS, rule

Frames = Mapping[str, Any]
Schemas = Mapping[str, TableSchema]
PANDERA = "pandera, from the Table Schema"
ARROW_CHECK = "pandera, from the Table Schema (a check registered in schema/pandera_checks.py, run on the Arrow data)"


@extensions.register_check_method(statistics=["columns", "keys"], supported_types=pd.DataFrame, check_type="vectorized")
def foreign_key(df: pd.DataFrame, *, columns: tuple[str, ...], keys: Any) -> pd.Series:
    """Per row: its `columns` (all set) are among the referenced table's `keys` (an Arrow array of
    the distinct values, or a MultiIndex for a key of several columns: a hash lookup either way);
    a row with a null in the key refers to nothing."""
    import pyarrow.compute as pc
    import pyarrow.types as pa_types

    if len(columns) == 1:
        column = df[columns[0]]
        values = _decoded(column)  # the few distinct keys are cast to its text type, not the many rows to theirs
        if not pa_types.is_string(values.type) and not pa_types.is_large_string(values.type):
            values = values.cast("string")
        found = pc.is_in(values, value_set=keys.cast(values.type)).to_numpy(zero_copy_only=False)
        return pd.Series(found | column.isna().to_numpy(), index=df.index)
    part = df[list(columns)]
    found = pd.MultiIndex.from_frame(part.astype("string")).isin(keys)
    return pd.Series(found | part.isna().any(axis=1).to_numpy(), index=df.index)


def _decoded(column: pd.Series) -> Any:
    """A column as an Arrow array of its values (a categorical's codes decoded)."""
    import pyarrow as pa

    arr = pa.array(column)
    return arr.cast(arr.type.value_type) if pa.types.is_dictionary(arr.type) else arr


def _plain(column: pd.Series) -> Any:
    """A column as an Arrow string array (a categorical's codes decoded)."""
    import pyarrow as pa

    return _decoded(column).cast(pa.string())


def _positions(df: pd.DataFrame, labels: Any) -> np.ndarray:
    """Row positions of pandera's failure-case index labels."""
    return np.asarray(df.index.get_indexer(pd.Index(labels)), dtype=np.int64)


def _errors(schema: Any, df: pd.DataFrame) -> pd.DataFrame | None:
    """pandera's failure cases of `df` under `schema` (None when it passes)."""
    try:
        schema.validate(df, lazy=True, inplace=True)
    except SchemaErrors as exc:
        return exc.failure_cases
    return None


def _expected_range(schema: TableSchema, column: str, check: str) -> str:
    c = schema.field(column).get("constraints", {})
    if check.startswith("str_length"):
        return f"length >= {c['minLength']}"
    if check.startswith("greater_than"):
        return f">= {c['minimum']}"
    return f"<= {c['maximum']}"


def _column_failures(name: str, df: pd.DataFrame, schema: TableSchema, column: str, check: str, rows: Any) -> list:
    """The failures of one column check, at its failing rows."""
    pos = _positions(df, rows["index"].dropna())
    values = df[column].iloc[pos].tolist() if column in df.columns else [None] * len(pos)
    if check == "not_nullable":
        return failures_at(f"REQUIRED-{name}", df, schema, pos, column, values, "a value (the column is required)")
    if check.startswith("unique_values"):
        rule_id = f"PK-{name}" if schema.primary_key == [column] else f"UNIQUE-{name}"
        dup = [f"duplicate {_v(v)}" for v in values]
        return failures_at(rule_id, df, schema, pos, column, dup, "unique values", render=False)
    if check.startswith("isin"):
        enum = schema.field(column)["constraints"]["enum"]
        near = suggest(enum)
        return failures_at(
            f"ENUM-{name}", df, schema, pos, column, values, lambda v: "one of " + ", ".join(enum) + near(v)
        )
    if check.startswith("matches_pattern"):
        pattern = schema.constraint(column, "pattern")
        return failures_at(f"PATTERN-{name}", df, schema, pos, column, values, f"a value matching {pattern}")
    return failures_at(f"RANGE-{name}", df, schema, pos, column, values, _expected_range(schema, column, check))


def _table_failures(name: str, df: pd.DataFrame, schema: TableSchema, cases: pd.DataFrame) -> list[Failure]:
    out: list[Failure] = []
    checks = cases["check"].astype(str)
    if checks.isin(["column_in_schema", "column_in_dataframe", "column_ordered"]).any():
        out += column_failures(list(df.columns), schema, "the table")
    for (column, check), rows in cases.groupby([cases["column"].astype(str), checks], sort=False):
        if check in ("column_in_schema", "column_in_dataframe", "column_ordered"):
            continue
        if check.startswith("dtype("):
            expected = str(schema.pandas_dtypes().get(column))
            out.append(Failure(f"DTYPE-{name}", name, "-", column, f"dtype {df[column].dtype}", f"dtype {expected}"))
        elif check == "multiple_fields_uniqueness":
            pk = schema.primary_key
            if not set(pk) <= set(df.columns):
                continue  # a key column is missing: COLUMNS says so
            pos = np.unique(_positions(df, rows["index"].dropna()))
            keys = ["/".join(map(str, r)) for r in df.iloc[pos][pk].itertuples(index=False)]
            dup = [f"duplicate {k}" for k in keys]
            out += failures_at(f"PK-{name}", df, schema, pos, "/".join(pk), dup, "unique values", render=False)
        else:
            out += _column_failures(name, df, schema, column, check, rows)
    return out


@rule("COLUMNS-<table>", "exactly the schema's columns, in the schema's order", by=PANDERA)
@rule("DTYPE-<table>", "each column of a typed table has its field's dtype (nullable integer, date, ...)", by=PANDERA)
@rule("REQUIRED-<table>", "no null in a required or primary-key column", by=PANDERA)
@rule(
    "PK-<table>",
    "the primary key (one or several columns) has no duplicates; the repeat is reported",
    by=f"{ARROW_CHECK}; a key of several columns by pandera's own `unique`",
)
@rule("UNIQUE-<table>", "columns marked `unique` have no duplicates", by=ARROW_CHECK)
@rule(
    "ENUM-<table>",
    "closed vocabularies: each value is one of the field's `enum` (the nearest code is suggested)",
    by=PANDERA,
)
@rule("PATTERN-<table>", "identifiers, codes and hashes match the field's `pattern` (as a whole)", by=ARROW_CHECK)
@rule("RANGE-<table>", "`minimum`, `maximum` and `minLength` constraints", by=PANDERA)
def check_tables(frames: Frames, schemas: Schemas) -> list[Failure]:
    """Each table against the pandera schema derived from its Table Schema."""
    out: list[Failure] = []
    for name, schema in schemas.items():
        df = frames.get(name)
        if df is None:
            continue
        cases = _errors(schema.pandera_schema(), df)
        if cases is not None:
            out += _table_failures(name, df, schema, cases)
    return out


def _keys(parent: pd.DataFrame, fk: ForeignKey) -> Any:
    """The referenced key values, as pandera's `foreign_key` check looks rows up in them."""
    import pyarrow.compute as pc

    refs = list(fk.ref_columns)
    if len(refs) == 1:
        return pc.unique(_plain(parent[refs[0]]).drop_null())
    return pd.MultiIndex.from_frame(parent[refs].dropna().drop_duplicates().astype("string"))


@rule(
    "FK-<table>-<column>",
    "every foreign key of every schema resolves (one or several columns); a key into a table the "
    "package does not hold is a failure",
    section=CROSS,
    by="pandera (a registered dataframe check)",
)
def check_foreign_keys(frames: Frames, schemas: Schemas) -> list[Failure]:
    """Every foreign key resolves: one pandera schema per table holding a `foreign_key` check per key."""
    out: list[Failure] = []
    for name, schema in schemas.items():
        df = frames.get(name)
        if df is None or not schema.foreign_keys:
            continue
        fks, checks = [], []
        for fk in schema.foreign_keys:
            rule_id, target = f"FK-{name}-{'-'.join(fk.columns)}", f"{fk.resource}.{'/'.join(fk.ref_columns)}"
            parent = frames.get(fk.resource)
            if parent is None:
                out.append(Failure(rule_id, name, "-", "/".join(fk.columns), f"no table {fk.resource}", target))
            elif set(fk.columns) <= set(df.columns) and set(fk.ref_columns) <= set(parent.columns):
                fks.append(fk)
                checks.append(pa.Check.foreign_key(columns=fk.columns, keys=_keys(parent, fk)))
        cases = _errors(pa.DataFrameSchema(checks=checks, name=name), df) if checks else None
        if cases is None:
            continue
        for number, rows in cases.groupby("check_number", sort=True):
            out += _fk_failures(name, df, schema, fks[int(number)], frames[fks[int(number)].resource], rows)
    return out


def _fk_failures(
    name: str, df: pd.DataFrame, schema: TableSchema, fk: ForeignKey, parent: pd.DataFrame, rows: pd.DataFrame
) -> list[Failure]:
    cols, refs = list(fk.columns), list(fk.ref_columns)
    pos = np.unique(_positions(df, rows["index"].dropna()))
    if len(cols) == 1:
        values: list[Any] = df[cols[0]].iloc[pos].tolist()
        near = suggest(parent[refs[0]])
    else:
        values = ["/".join(map(str, r)) for r in df.iloc[pos][cols].itertuples(index=False)]
        near = suggest([])
    target = f"an existing {fk.resource}.{'/'.join(refs)}"
    return failures_at(
        f"FK-{name}-{'-'.join(cols)}", df, schema, pos, "/".join(cols), values, lambda v: target + near(v)
    )
