"""Corruptions a hand edit or a bug can cause, applied one at a time to a built package.

Each fault is (class, target, expected rule, apply). `apply(root, fmt)` corrupts the copy at
`root` in the CSV or Parquet file (fmt) and keeps the descriptor's hash in step, so the check that
must catch it is the content rule, not just the file hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from iraq_presence.checks.generic import span_rule
from iraq_presence.schema.io import csv_bytes, read_csv, to_arrow
from iraq_presence.schema.tables import load_schemas

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = load_schemas(ROOT / "schemas")


@dataclass(frozen=True)
class Fault:
    kind: str
    target: str
    rule: str
    apply: Callable[[Path, str], None]

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.target}"


def load(root: Path, table: str) -> pd.DataFrame:
    df, fails = read_csv(root / "data" / f"{table}.csv", SCHEMAS[table])
    assert not fails
    return df


def rehash(root: Path, rel: str) -> None:
    digest = hashlib.sha256((root / rel).read_bytes()).hexdigest()
    for name in ("datapackage.json", "datapackage.parquet.json"):
        path = root / name
        desc = json.loads(path.read_text(encoding="utf-8"))
        for res in desc["resources"]:
            if res["path"] == rel:
                if "hash" in res:
                    res["hash"] = f"sha256:{digest}"
                    res["bytes"] = (root / rel).stat().st_size
                else:
                    res["sha256"] = digest
        path.write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write(root: Path, table: str, df: pd.DataFrame, fmt: str) -> None:
    schema = SCHEMAS[table]
    rel = f"data/{table}.{fmt}"
    if fmt == "csv":
        (root / rel).write_bytes(csv_bytes(df, schema))
    else:  # a hand edit or a bug need not respect the schema's nullability
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = to_arrow(df, schema)
        relaxed = pa.schema([f.with_nullable(True) for f in table.schema], metadata=table.schema.metadata)
        pq.write_table(table.cast(relaxed), root / rel)
    rehash(root, rel)


def edit(table: str, change: Callable[[pd.DataFrame], pd.DataFrame]) -> Callable[[Path, str], None]:
    def apply(root: Path, fmt: str) -> None:
        write(root, table, change(load(root, table)), fmt)

    return apply


def set_value(df: pd.DataFrame, col: str, value: object, row: int | None = None) -> pd.DataFrame:
    df = df.copy()
    if row is None:
        row = int(df.index[df[col].notna()][0]) if df[col].notna().any() else 0
    if isinstance(df[col].dtype, pd.CategoricalDtype) and value is not None:
        df[col] = df[col].cat.add_categories([value])
    df.loc[row, col] = value
    return df


def _rows(table: str) -> pd.DataFrame:
    return load(ROOT, table)


def faults() -> list[Fault]:
    out: list[Fault] = []
    for name, schema in SCHEMAS.items():
        df = _rows(name)
        if df.empty:
            continue
        for fk in schema.foreign_keys:
            col = fk.columns[0]
            if df[col].notna().any():
                out.append(
                    Fault(
                        "dangling-fk",
                        f"{name}.{col}",
                        f"FK-{name}-{col}",
                        edit(name, lambda d, c=col: set_value(d, c, "zz-dangling")),
                    )
                )
        out.append(
            Fault(
                "duplicate-pk",
                name,
                f"PK-{name}",
                edit(name, lambda d: pd.concat([d, d.iloc[[0]]], ignore_index=True)),
            )
        )
        for f in schema.fields:
            col = f["name"]
            if schema.required(col):
                out.append(
                    Fault(
                        "null-required",
                        f"{name}.{col}",
                        f"REQUIRED-{name}",
                        edit(name, lambda d, c=col: set_value(d, c, None, 0)),
                    )
                )
            if f.get("constraints", {}).get("enum") and df[col].notna().any():
                out.append(
                    Fault(
                        "enum",
                        f"{name}.{col}",
                        f"ENUM-{name}",
                        edit(name, lambda d, c=col: set_value(d, c, "not_a_code")),
                    )
                )
        for sp in schema.spans:
            if not df[sp.start].notna().any():
                continue
            rule = span_rule(name, sp)

            def shift(d: pd.DataFrame, sp=sp) -> pd.DataFrame:
                d = d.copy()
                i = d.index[d[sp.start].notna()][0]
                d.loc[i, sp.start] += 1
                d.loc[i, sp.end] += 1
                return d

            def retype(d: pd.DataFrame, sp=sp) -> pd.DataFrame:
                d = d.copy()
                i = d.index[d[sp.text].notna()][0]
                value = d.loc[i, sp.text]
                d.loc[i, sp.text] = value[:-1] + ("X" if value[-1] != "X" else "Y")
                return d

            out.append(Fault("offset-shift", f"{name}.{sp.start}", rule, edit(name, shift)))
            out.append(Fault("text-one-char", f"{name}.{sp.text}", rule, edit(name, retype)))
    out.extend(_special())
    return out


def _special() -> list[Fault]:
    out = []
    statements = _rows("statements")
    articles = _rows("articles")
    dated = statements.merge(articles[["article_id", "published_date"]], on="article_id")
    dated = dated[dated["published_date"].notna() & dated["said_date"].notna()]
    if not dated.empty:
        sid = dated["statement_id"].iloc[0]

        def after(d: pd.DataFrame) -> pd.DataFrame:
            d = d.copy()
            i = d.index[d["statement_id"] == sid][0]
            d.loc[i, "said_date"] = dt.date(2030, 1, 1)
            d.loc[i, "said_date_precision"] = "day"
            return d

        out.append(
            Fault(
                "date-after-article", "statements.said_date", "DATE-after-article-statements", edit("statements", after)
            )
        )

    def wrong_precision(d: pd.DataFrame) -> pd.DataFrame:
        d = d.copy()
        i = d.index[d["published_date_precision"] == "month"][0]
        d.loc[i, "published_date"] = dt.date(2025, 1, 15)
        return d

    out.append(
        Fault(
            "date-precision",
            "articles.published_date",
            "DATE-articles-published_date",
            edit("articles", wrong_precision),
        )
    )
    groups = _rows("militia_groups")
    child = groups[groups["parent_group_id"].notna()]
    if not child.empty:
        c, p = child["actor_id"].iloc[0], child["parent_group_id"].iloc[0]

        def cycle(d: pd.DataFrame) -> pd.DataFrame:
            d = d.copy()
            d.loc[d.index[d["actor_id"] == p][0], "parent_group_id"] = c
            return d

        out.append(Fault("group-cycle", "militia_groups.parent_group_id", "GROUP-cycle", edit("militia_groups", cycle)))
    return out


def file_faults() -> list[Fault]:
    """Faults on whole files, rather than on values."""

    def disagree(root: Path, fmt: str) -> None:
        other = "parquet" if fmt == "csv" else "csv"
        write(root, "actors", set_value(load(root, "actors"), "name", "Someone Else", 0), other)

    def raw_edit(root: Path, fmt: str) -> None:
        path = next((root / "data" / "raw").glob("000_*.txt"))
        path.write_bytes(path.read_bytes().replace(b"Khamenei", b"Khamenej", 1))

    def missing(root: Path, fmt: str) -> None:
        (root / "data" / f"mentions.{fmt}").unlink()

    def truncated(root: Path, fmt: str) -> None:
        path = root / "data" / f"mentions.{fmt}"
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])

    def extra_column(root: Path, fmt: str) -> None:
        _raw_write(root, "actors", fmt, lambda t: t.append_column("extra", _const(t, "x")))

    def missing_column(root: Path, fmt: str) -> None:
        _raw_write(root, "actors", fmt, lambda t: t.drop_columns(["description"]))

    def wrong_type(root: Path, fmt: str) -> None:
        def change(t):
            import pyarrow as pa

            i = t.schema.get_field_index("evidence_start")
            col = pa.array(["abc"] + [str(v) for v in t.column(i).to_pylist()[1:]])
            return t.set_column(i, "evidence_start", col)

        _raw_write(root, "actors", fmt, change)

    return [
        Fault("format-disagree", "actors", "FORMAT-actors", disagree),
        Fault("raw-edited", "articles", "RAW-file", raw_edit),
        Fault("file-missing", "mentions", "FILE-mentions", missing),
        Fault("file-truncated", "mentions", "FILE-mentions", truncated),
        Fault("extra-column", "actors", "COLUMNS-actors", extra_column),
        Fault("missing-column", "actors", "COLUMNS-actors", missing_column),
        Fault("wrong-type", "actors.evidence_start", "TYPE-actors", wrong_type),
    ]


def _const(t, value):
    import pyarrow as pa

    return pa.array([value] * t.num_rows)


def _raw_write(root: Path, table: str, fmt: str, change) -> None:
    """Rewrite a file outside the schema (pyarrow for Parquet, pyarrow.csv for CSV)."""
    import pyarrow.csv as pc
    import pyarrow.parquet as pq

    rel = f"data/{table}.{fmt}"
    path = root / rel
    if fmt == "parquet":
        pq.write_table(change(pq.read_table(path)), path)
    else:
        opts = pc.ConvertOptions(column_types={c: "string" for c in SCHEMAS[table].columns}, strings_can_be_null=False)
        t = pc.read_csv(path, convert_options=opts)
        pc.write_csv(change(t), path)
    rehash(root, rel)
