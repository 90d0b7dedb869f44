"""Rows are checked against their Table Schema when built: a renamed, missing or extra key stops
the build with the table and the key, instead of becoming a silent column of nulls."""

from __future__ import annotations

import pytest

from iraq_presence.errors import SchemaMismatch
from iraq_presence.schema.tables import load_schemas
from iraq_presence.tables.assemble import Built, row
from iraq_presence.tables.curation.models import MeetingParticipant
from iraq_presence.tables.frames import check_rows

from .conftest import ROOT

SCHEMAS = load_schemas(ROOT / "schemas")


def _row(table: str) -> dict:
    return dict.fromkeys(SCHEMAS[table].columns)


def test_a_row_with_every_column_passes() -> None:
    built = Built()
    built.add("statement_topics", _row("statement_topics"), "here")
    check_rows(built, SCHEMAS)


def test_renamed_key_is_refused_with_the_nearest_column() -> None:
    row = _row("statements")
    row["reporting_verbs"] = row.pop("reporting_verb")
    built = Built()
    built.add("statements", row, "articles/x.yaml: statements #1")
    with pytest.raises(
        SchemaMismatch,
        match=r"table statements: row from articles/x.yaml: statements #1 has key "
        r"'reporting_verbs'.*did you mean 'reporting_verb'",
    ):
        check_rows(built, SCHEMAS)


def test_missing_key_is_refused() -> None:
    row = _row("statements")
    del row["note"]
    built = Built()
    built.add("statements", row, "origin")
    with pytest.raises(SchemaMismatch, match="lacks column 'note'"):
        check_rows(built, SCHEMAS)


def test_rows_for_a_table_without_schema_are_refused() -> None:
    built = Built()
    built.add("statement", {}, "origin")
    with pytest.raises(SchemaMismatch, match=r"no schema.*did you mean 'statements'"):
        check_rows(built, SCHEMAS)


def test_a_row_is_filled_from_the_entry_fields_of_the_columns_names() -> None:
    participant = MeetingParticipant.model_validate({"actor": "ann-berg", "role": "host"})
    assert row("meeting_participants", participant, meeting_id="m-1") == {
        "meeting_id": "m-1",
        "actor_id": "ann-berg",
        "role": "host",
    }


def test_a_row_names_the_column_neither_passed_nor_a_field() -> None:
    participant = MeetingParticipant.model_validate({"actor": "ann-berg", "role": "host"})
    with pytest.raises(SchemaMismatch, match="meeting_participants: column 'meeting_id' is neither passed nor a field"):
        row("meeting_participants", participant)


def test_a_row_refuses_a_passed_name_that_is_not_a_column() -> None:
    participant = MeetingParticipant.model_validate({"actor": "ann-berg", "role": "host"})
    with pytest.raises(SchemaMismatch, match=r"'meeting' is not a column.*'meeting_id'"):
        row("meeting_participants", participant, meeting="m-1")


def test_a_row_of_computed_values_with_a_wrong_name_stops_at_check_rows() -> None:
    built = Built()
    built.add("statement_topics", row("statement_topics", statement_id="s-1", topics="elections"), "here")
    with pytest.raises(SchemaMismatch, match=r"'topics'.*did you mean 'topic'"):
        check_rows(built, SCHEMAS)


def _pandas_table(rows: list[dict], table: str):
    """What the build wrote before the Arrow path: a pandas frame cast per schema, sorted, then Arrow."""
    import pandas as pd

    from iraq_presence.schema.io import coerce, to_arrow

    schema = SCHEMAS[table]
    df = coerce(pd.DataFrame(rows, columns=schema.columns), schema)
    return to_arrow(df.sort_values(schema.primary_key, kind="stable").reset_index(drop=True), schema)


def _evidence_rows() -> list[dict]:
    """Rows in no order, keyed partly by a vocabulary column (sorted by its codes' order, not
    alphabetically), with a code outside the vocabulary and a null."""
    claims = SCHEMAS["militia_group_evidence"].pandas_dtypes()["claim"].categories.tolist()
    picks = [claims[-1], "zz-not-a-code", claims[0], None, claims[len(claims) // 2]]
    return [
        {"actor_id": actor, "claim": claim, "article_id": "a", "char_start": i, "char_end": i + 3, "text": "abc"}
        for i, (actor, claim) in enumerate((a, c) for a in ("group-b", "group-a") for c in picks)
    ]


def test_the_arrow_path_types_and_sorts_as_pandas_did() -> None:
    from iraq_presence.tables.frames import to_tables

    rows = _evidence_rows()
    built = Built()
    for r in rows:
        built.add("militia_group_evidence", dict(r), f"origin {r['char_start']}")
    typed = to_tables(built, {"militia_group_evidence": SCHEMAS["militia_group_evidence"]})
    table = typed.arrow["militia_group_evidence"]
    assert table is not None  # the plain values took the Arrow path
    assert table.equals(_pandas_table(rows, "militia_group_evidence"))
    starts = table.column("char_start").to_pylist()
    assert typed.origins["militia_group_evidence"] == [f"origin {s}" for s in starts]


def test_a_value_of_another_type_takes_the_pandas_path() -> None:
    from iraq_presence.tables.frames import to_tables

    rows = _evidence_rows()
    rows[0]["text"] = 12  # not a string: pandas casts it, as the build always did
    built = Built()
    for r in rows:
        built.add("militia_group_evidence", dict(r), "here")
    typed = to_tables(built, {"militia_group_evidence": SCHEMAS["militia_group_evidence"]})
    assert typed.arrow["militia_group_evidence"] is None
    texts = typed.frames["militia_group_evidence"]["text"].tolist()
    assert sorted(texts) == sorted(["12"] + ["abc"] * (len(rows) - 1))
