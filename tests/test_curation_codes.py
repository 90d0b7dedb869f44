"""The curation models type every code from the schema's vocabularies: a model field named as a
coded column admits exactly that column's codes, in schema order, and nothing else is coded."""

from __future__ import annotations

import datetime as dt
import typing

import pytest

from iraq_presence.errors import CurationError
from iraq_presence.schema.tables import load_schemas
from iraq_presence.tables.curation import models as m
from iraq_presence.tables.curation.loader import parse

from .conftest import ROOT

SCHEMAS = load_schemas(ROOT / "schemas")

TABLE_OF = {
    m.Actor: "actors",
    m.Alias: "actor_aliases",
    m.Issue: "article_issues",
    m.CuratedMention: "mentions",
    m.Author: "article_authors",
    m.Statement: "statements",
    m.Article: "articles",
    m.Utterance: "utterances",
    m.MeetingParticipant: "meeting_participants",
    m.EventParticipant: "event_participants",
    m.Report: "meeting_reports",
    m.Meeting: "meetings",
    m.Event: "events",
    m.MilitiaGroup: "militia_groups",
    m.Affiliation: "affiliations",
    m.Reference: "external_references",
}
"""Each model whose entries become rows of a table (the assembler builds them with `row`)."""

ELSEWHERE = [
    (m.Plover, "category", "statements", "plover_category"),
    (m.Plover, "mode", "statements", "plover_mode"),
    (m.Statement, "topics", "statement_topics", "topic"),
    (m.Dismissal, "reason", "quote_spans", "dismissal_reason"),
]
"""Coded fields whose column has another name (or lives in another table)."""


def _literal(annotation: typing.Any) -> list[str] | None:
    if typing.get_origin(annotation) is typing.Literal:
        return list(typing.get_args(annotation))
    for arg in typing.get_args(annotation):
        found = _literal(arg)
        if found is not None:
            return found
    return None


CASES = [
    (model, name, table, name)
    for model, table in TABLE_OF.items()
    for name in model.model_fields
    if name in SCHEMAS[table].columns
] + ELSEWHERE


PYTHON = {"string": str, "date": dt.date, "integer": int, "boolean": bool}
NULL_IN_DRAFTS = {(m.Statement, "utterance_id")}
"""A draft may leave it out; the assembler refuses an accepted statement without it."""


@pytest.mark.parametrize(("model", "name", "table", "column"), CASES, ids=lambda x: getattr(x, "__name__", str(x)))
def test_a_coded_column_is_typed_by_its_codes(model: type, name: str, table: str, column: str) -> None:
    enum = SCHEMAS[table].constraint(column, "enum")
    assert _literal(model.model_fields[name].annotation) == (list(enum) if enum else None)


@pytest.mark.parametrize(("model", "name", "table", "column"), CASES, ids=lambda x: getattr(x, "__name__", str(x)))
def test_an_uncoded_column_has_its_schema_type(model: type, name: str, table: str, column: str) -> None:
    """The curation types a plain column as the schema does (str, date, int, bool; None only when
    the column may be null)."""
    field = SCHEMAS[table].field(column)
    annotation = model.model_fields[name].annotation
    args = set(typing.get_args(annotation)) or {annotation}
    if field.get("constraints", {}).get("enum") or any(isinstance(a, type) and issubclass(a, m.Model) for a in args):
        return  # codes are checked above; a span reference is located into computed columns
    assert args - {type(None)} == {PYTHON[field["type"]]}
    if type(None) in args and (model, name) not in NULL_IN_DRAFTS:
        assert not SCHEMAS[table].required(column), f"{table}.{column} is required but the curation allows null"


def test_a_bad_code_names_line_field_and_nearest_code() -> None:
    raw = {"actor": "ann-berg", "role": "hots", "__line__": 7, "__keylines__": {"actor": 7, "role": 8}}
    with pytest.raises(CurationError) as err:
        parse(m.MeetingParticipant, raw, "data/curation/meetings.yaml", "entry #1")
    assert err.value.line == 8 and err.value.field == "role"
    assert "unknown code 'hots'" in str(err.value) and err.value.suggestions[0] == "host"


def test_an_unknown_key_suggests_the_curators_key_not_the_column() -> None:
    raw = {"actr": "ann-berg", "role": "host", "__line__": 7, "__keylines__": {"actr": 7, "role": 8}}
    with pytest.raises(CurationError) as err:
        parse(m.MeetingParticipant, raw, "data/curation/meetings.yaml", "entry #1")
    assert err.value.suggestions == ["actor"]


def test_a_bad_code_in_a_list_names_the_item_and_the_nearest_code() -> None:
    raw = {"category": "REQUEST", "context": ["military", "politcal"], "__line__": 3, "__keylines__": {"context": 4}}
    with pytest.raises(CurationError) as err:
        parse(m.Plover, raw, "data/curation/articles/x.yaml", "statements #1")
    assert err.value.field == "context #2" and err.value.suggestions[0] == "political"
