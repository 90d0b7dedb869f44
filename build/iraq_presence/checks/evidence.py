"""The evidence policy: every fact's basis (stated, inferred, external, given) carries what that basis needs.

Which columns a basis needs is declared in the Table Schema itself, as an `evidence` property on
each `*_basis` field: `{"stated": ..., "inferred": ..., "external": ...}`, each either
`{"columns": [...]}` (those columns of the same row are set) or `{"table", "key", "columns"?,
"equals"?}` (some row of a child table, joined on `key`, has those columns set and those values).
Rules: EVIDENCE-stated (a span), EVIDENCE-inferred (a note, and no outside reference),
EVIDENCE-external (a reference, and a reference only for an external basis), EVIDENCE-basis (a
value has a basis and a basis has a value), EVIDENCE-reference (a reference is checkable and cited).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd

from ..failure import Failure, _v, row_key
from ..schema.tables import TableSchema
from .registry import EVIDENCE, rule

BASES = ("stated", "inferred", "external", "given")


def _policies(
    frames: dict[str, pd.DataFrame], schemas: dict[str, TableSchema]
) -> Iterator[tuple[str, TableSchema, pd.DataFrame, str, dict[str, Any]]]:
    """(table, schema, frame, basis column, evidence spec) for every basis field present in `frames`."""
    for name, schema in schemas.items():
        df = frames.get(name)
        if df is None:
            continue
        for field in schema.fields:
            spec = field.get("evidence")
            if spec and field["name"] in df.columns:
                yield name, schema, df, field["name"], spec


def _basis_is(df: pd.DataFrame, column: str, basis: str) -> pd.Series:
    s = df[column]
    if isinstance(s.dtype, pd.CategoricalDtype):  # a comparison of codes, not of a text per row
        return s.eq(basis).fillna(False).astype(bool)
    return s.astype("object").eq(basis).fillna(False).astype(bool)


def _satisfied(df: pd.DataFrame, frames: dict[str, pd.DataFrame], need: dict[str, Any]) -> pd.Series:
    """Per row: does the row (or a child row) carry what `need` asks for?"""
    columns = need.get("columns", [])
    if "table" not in need:
        present = [c for c in columns if c in df.columns]
        if len(present) < len(columns):
            return pd.Series(False, index=df.index)
        return df[present].notna().all(axis=1)
    child, key = frames.get(need["table"]), need["key"]
    if child is None or key not in child.columns or key not in df.columns:
        return pd.Series(False, index=df.index)
    ok = pd.Series(True, index=child.index)
    for c in columns:
        ok &= child[c].notna() if c in child.columns else False
    for c, value in need.get("equals", {}).items():
        ok &= child[c].astype("object").eq(value).fillna(False).astype(bool) if c in child.columns else False
    return df[key].isin(set(child.loc[ok, key].dropna()))


def _what(need: dict[str, Any]) -> str:
    cols = ", ".join(need.get("columns", []))
    if "table" not in need:
        return cols
    cond = ", ".join(f"{c} = {v}" for c, v in need.get("equals", {}).items())
    return (
        f"a row of {need['table']} (same {need['key']})"
        + (f" with {cols}" if cols else "")
        + (f" where {cond}" if cond else "")
    )


def _fail(
    rule: str, name: str, schema: TableSchema, df: pd.DataFrame, bad: pd.Series, column: str, expected: str
) -> list[Failure]:
    return [Failure(rule, name, row_key(df, schema, i), column, _v(df.at[i, column]), expected) for i in df.index[bad]]


def _unmet(
    frames: dict[str, pd.DataFrame], schemas: dict[str, TableSchema], basis: str, rule: str, what: str
) -> list[Failure]:
    """Rows whose basis is `basis` and lack what the schema's `evidence` spec asks that basis for."""
    out: list[Failure] = []
    for name, schema, df, col, spec in _policies(frames, schemas):
        need = spec.get(basis)
        if need is not None:
            bad = _basis_is(df, col, basis) & ~_satisfied(df, frames, need)
            out += _fail(rule, name, schema, df, bad, col, f"{what}: {_what(need)}")
    return out


@rule(
    "EVIDENCE-stated",
    "a fact whose `*_basis` is `stated` carries the evidence span its schema's `evidence` property names",
    reads=("every table with a *_basis field",),
    section=EVIDENCE,
)
def check_evidence_stated(frames: dict[str, pd.DataFrame], schemas: dict[str, TableSchema]) -> list[Failure]:
    """A `stated` fact points at the span of the text that states it."""
    return _unmet(frames, schemas, "stated", "EVIDENCE-stated", "the evidence span of a stated fact")


@rule(
    "EVIDENCE-inferred",
    "an `inferred` fact has a note saying how it follows from the corpus's spans, and no outside reference",
    reads=("every table with a *_basis field",),
    section=EVIDENCE,
)
def check_evidence_inferred(frames: dict[str, pd.DataFrame], schemas: dict[str, TableSchema]) -> list[Failure]:
    """An `inferred` fact has a note citing the corpus's spans, and no outside reference."""
    out: list[Failure] = []
    for name, schema, df, col, spec in _policies(frames, schemas):
        inferred = _basis_is(df, col, "inferred")
        need = spec.get("inferred")
        if need is not None:
            bad = inferred & ~_satisfied(df, frames, need)
            out += _fail("EVIDENCE-inferred", name, schema, df, bad, col, f"a note saying how: {_what(need)}")
        for ref in spec.get("external", {}).get("columns", []):
            if ref in df.columns:
                bad = inferred & df[ref].notna()
                out += _fail(
                    "EVIDENCE-inferred",
                    name,
                    schema,
                    df,
                    bad,
                    ref,
                    f"null: an inferred fact follows from the texts alone (a cited source makes {col} external)",
                )
    return out


@rule(
    "EVIDENCE-given",
    "a `given` value (supplied to `dataset add`, not read from the text) has a note saying where it came from",
    reads=("articles",),
    section=EVIDENCE,
)
def check_evidence_given(frames: dict[str, pd.DataFrame], schemas: dict[str, TableSchema]) -> list[Failure]:
    """A `given` fact (typed by the maintainer, not read from the text) has a note saying where it came from."""
    return _unmet(frames, schemas, "given", "EVIDENCE-given", "a note saying who gave it")


@rule(
    "EVIDENCE-external",
    "an `external` fact cites a row of `external_references`; a reference is cited only for an external fact",
    reads=("every table with a *_basis field", "external_references"),
    section=EVIDENCE,
)
def check_evidence_external(frames: dict[str, pd.DataFrame], schemas: dict[str, TableSchema]) -> list[Failure]:
    """An `external` fact cites a reference; a reference is cited only for an external fact."""
    out: list[Failure] = []
    for name, schema, df, col, spec in _policies(frames, schemas):
        need = spec.get("external")
        if need is None:
            continue
        external = _basis_is(df, col, "external")
        bad = external & ~_satisfied(df, frames, need)
        out += _fail("EVIDENCE-external", name, schema, df, bad, col, f"a published source: {_what(need)}")
        for ref in need.get("columns", []):
            if ref in df.columns:
                bad = ~external & ~_basis_is(df, col, "inferred") & df[ref].notna()
                out += _fail("EVIDENCE-external", name, schema, df, bad, ref, f"null unless {col} is external")
    return out


@rule(
    "EVIDENCE-basis",
    "a value carries a basis and a basis a value",
    reads=("every table with a *_basis field",),
    section=EVIDENCE,
)
def check_evidence_basis(frames: dict[str, pd.DataFrame], schemas: dict[str, TableSchema]) -> list[Failure]:
    """A value carries a basis and a basis a value (dates are checked by the DATE rules)."""
    out: list[Failure] = []
    for name, schema, df, col, _ in _policies(frames, schemas):
        stem = col.removesuffix("_basis")
        value = next((c for c in (stem, f"{stem}_id") if c in df.columns), None)
        if value is None or schema.field(value)["type"] == "date":
            continue
        has_value, has_basis = df[value].notna(), df[col].notna()
        out += _fail(
            "EVIDENCE-basis",
            name,
            schema,
            df,
            has_value & ~has_basis,
            col,
            f"one of {', '.join(BASES)}, since {value} is set",
        )
        out += _fail("EVIDENCE-basis", name, schema, df, ~has_value & has_basis, col, f"null, since {value} is null")
    return out


@rule(
    "EVIDENCE-reference",
    "every external reference can be checked (a URL or a bibliographic reference) and is cited by some fact",
    reads=("external_references", "every table with a *_reference_id field"),
    section=EVIDENCE,
)
def check_evidence_references(frames: dict[str, pd.DataFrame], schemas: dict[str, TableSchema]) -> list[Failure]:
    """Every reference can be checked (a URL or a bibliographic reference) and is cited by some fact."""
    refs = frames.get("external_references")
    if refs is None or "reference_id" not in refs.columns or "external_references" not in schemas:
        return []
    schema = schemas["external_references"]
    out = _fail(
        "EVIDENCE-reference",
        "external_references",
        schema,
        refs,
        refs["url"].isna() & refs["bibliographic_reference"].isna(),
        "url",
        "a URL or a bibliographic_reference a reader can check",
    )
    cited: set[Any] = set()
    for _, _, df, _, spec in _policies(frames, schemas):
        for ref in spec.get("external", {}).get("columns", []):
            if ref in df.columns:
                cited |= set(df[ref].dropna().unique())  # the few distinct ids, not every row's
    out += _fail(
        "EVIDENCE-reference",
        "external_references",
        schema,
        refs,
        ~refs["reference_id"].isin(cited),
        "reference_id",
        "a reference some external fact cites (or remove it)",
    )
    return out
