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
