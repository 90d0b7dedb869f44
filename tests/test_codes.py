"""Every code of every closed vocabulary is defined in its schema (Table Schema v2 categories), and
the written tables give researchers the types the schemas promise, in pandas, DuckDB and as CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iraq_presence.schema.tables import load_schemas

from .conftest import ROOT

SCHEMAS = load_schemas(ROOT / "schemas")
CODED = [(name, f) for name, s in SCHEMAS.items() for f in s.fields if f.get("constraints", {}).get("enum")]


@pytest.mark.parametrize(("table", "field"), CODED, ids=[f"{t}.{f['name']}" for t, f in CODED])
def test_every_code_has_a_label_and_a_definition(table: str, field: dict) -> None:
    """A code added to `constraints.enum` without a definition fails here, by name."""
    cats = field.get("categories")
    assert cats, f"{table}.{field['name']}: no categories"
    by_value = {c["value"]: c for c in cats}
    undefined = [v for v in field["constraints"]["enum"] if not by_value.get(v, {}).get("definition", "").strip()]
    assert undefined == [], f"{table}.{field['name']}: no definition for {undefined}"
    assert [c["value"] for c in cats] == field["constraints"]["enum"], "categories and enum disagree"
    assert all(c.get("label", "").strip() for c in cats)
    if field["name"].endswith("_precision"):
        assert field.get("categoriesOrdered") is True


def test_shared_vocabularies_are_defined_once_the_same_way() -> None:
    """Every *_precision and every *_basis field defines a code the same way wherever the code occurs
    (a field may allow fewer codes, e.g. `given` exists only where `dataset add` can supply a value)."""
    for suffix in ("_precision", "_basis"):
        seen: dict[str, set[str]] = {}
        for _, f in CODED:
            if f["name"].endswith(suffix):
                for c in f["categories"]:
                    seen.setdefault(c["value"], set()).add(json.dumps(c, sort_keys=True))
        assert seen and all(len(v) == 1 for v in seen.values()), suffix


@pytest.fixture(scope="module")
def tables() -> Path:
    return ROOT / "data"


def test_pandas_gets_dates_and_every_code_in_order(tables: Path) -> None:
    import pandas as pd

    statements = pd.read_parquet(tables / "statements.parquet")
    assert statements["said_date"].dt.year.dropna().between(2000, 2100).all()
    precision = statements["said_date_precision"]
    assert list(precision.cat.categories) == ["day", "month", "year"] and precision.cat.ordered
    stance = SCHEMAS["statements"].field("stance_us_presence")["constraints"]["enum"]
    crosstab = pd.crosstab(statements["speaker_id"], statements["stance_us_presence"], dropna=False)
    assert list(crosstab.columns) == stance  # codes that never occur keep their column
    assert str(statements["char_start"].dtype) == "Int64"


def test_duckdb_selects_and_joins_without_quoting(tables: Path) -> None:
    import duckdb

    con = duckdb.connect()
    for name in SCHEMAS:
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{tables / name}.parquet')")
        con.execute(f"SELECT * FROM {name}").fetchall()
    rows = con.execute(
        "SELECT s.statement_id, a.name, s.char_start, s.char_end, s.quote, "
        "substring(r.text, s.char_start + 1, s.char_end - s.char_start) AS sliced "
        "FROM statements s JOIN actors a ON a.actor_id = s.speaker_id JOIN articles r USING (article_id)"
    ).fetchall()
    assert rows and all(quote == sliced for *_, quote, sliced in rows)


def test_csv_reads_back_exactly_in_pandas_and_duckdb(tables: Path) -> None:
    """Every text value, leading and trailing spaces included, and nulls as nulls; a value that
    begins or ends with whitespace is quoted, so readr (which trims unquoted fields) keeps it."""
    import duckdb
    import pandas as pd

    for name, schema in SCHEMAS.items():
        typed = pd.read_parquet(tables / f"{name}.parquet")
        text = [f["name"] for f in schema.fields if f["type"] == "string"]
        csv = pd.read_csv(tables / f"{name}.csv", dtype=str, keep_default_na=False, na_values=[""])
        duck = duckdb.sql(f"SELECT * FROM read_csv('{tables / name}.csv', all_varchar=true)").df()
        for col in text:
            want = typed[col].astype("object").where(typed[col].notna(), None).tolist()
            assert csv[col].astype("object").where(csv[col].notna(), None).tolist() == want, f"{name}.{col}"
            assert duck[col].astype("object").where(duck[col].notna(), None).tolist() == want, f"{name}.{col}"
    raw = (tables / "statements.csv").read_text(encoding="utf-8-sig")
    spaced = pd.read_parquet(tables / "statements.parquet")["quote"]
    for quote in spaced[spaced.str.match(r"\s") | spaced.str.contains(r"\s$")]:
        assert '"' + quote.replace('"', '""') + '"' in raw


def test_readme_python_examples_run_as_written(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    """Every ```python block of README.md, in order, in one namespace, from the repository root."""
    import re

    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    assert any(".dt.year" in b for b in blocks)
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
    assert "said_date" in capsys.readouterr().out
