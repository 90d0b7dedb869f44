"""The evidence policy rules, each set off by one mutation of in-memory tables (no files, no build)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from iraq_presence.checks.evidence import (
    check_evidence_basis,
    check_evidence_external,
    check_evidence_given,
    check_evidence_inferred,
    check_evidence_references,
    check_evidence_stated,
)
from iraq_presence.schema.io import read_csv
from iraq_presence.schema.tables import load_schemas

from .conftest import ROOT

TABLES = (
    "articles",
    "statements",
    "utterances",
    "meetings",
    "meeting_reports",
    "events",
    "event_reports",
    "actors",
    "affiliations",
    "external_references",
)
CHECKS = (
    check_evidence_stated,
    check_evidence_inferred,
    check_evidence_external,
    check_evidence_given,
    check_evidence_basis,
    check_evidence_references,
)


@pytest.fixture(scope="module")
def tables() -> tuple[dict[str, pd.DataFrame], dict[str, Any]]:
    schemas = load_schemas(ROOT / "schemas")
    frames = {name: read_csv(Path(ROOT / "data" / f"{name}.csv"), schemas[name])[0] for name in TABLES}
    return frames, schemas


def _run(frames: dict[str, pd.DataFrame], schemas: dict[str, Any]) -> list[Any]:
    return [f for check in CHECKS for f in check(frames, schemas)]


def _with(frames: dict[str, pd.DataFrame], name: str, row: Any, **values: Any) -> dict[str, pd.DataFrame]:
    df = frames[name].copy()
    for col, value in values.items():
        df[col] = df[col].astype("object")
        df.loc[row, col] = value
    return {**frames, name: df}


def test_committed_tables_follow_the_policy(tables: Any) -> None:
    assert _run(*tables) == []


def test_stated_needs_its_span(tables: Any) -> None:
    frames, schemas = tables
    arts = frames["articles"]
    row = arts.index[arts["published_date_basis"].astype("object") == "stated"][0]
    bad = _with(frames, "articles", row, published_date_start=pd.NA, published_date_end=pd.NA)
    assert [f.rule for f in _run(bad, schemas)] == ["EVIDENCE-stated"]


def test_stated_meeting_date_needs_a_stated_report(tables: Any) -> None:
    frames, schemas = tables
    meetings = frames["meetings"]
    row = meetings.index[meetings["meeting_date_basis"].astype("object") == "inferred"][0]
    bad = _with(frames, "meetings", row, meeting_date_basis="stated")
    fails = _run(bad, schemas)
    assert [(f.rule, f.table) for f in fails] == [("EVIDENCE-stated", "meetings")]


def test_inferred_needs_a_note_and_no_reference(tables: Any) -> None:
    frames, schemas = tables
    st = frames["statements"]
    row = st.index[st["said_date_basis"].astype("object") == "inferred"][0]
    no_note = _with(frames, "statements", row, said_date_note=pd.NA)
    assert [f.rule for f in _run(no_note, schemas)] == ["EVIDENCE-inferred"]
    ref = frames["external_references"]["reference_id"].iloc[0]
    cited = _with(frames, "statements", row, said_date_reference_id=ref)
    assert [(f.rule, f.column) for f in _run(cited, schemas)] == [("EVIDENCE-inferred", "said_date_reference_id")]


def test_external_needs_a_reference(tables: Any) -> None:
    frames, schemas = tables
    st = frames["statements"]
    row = st.index[st["said_date_basis"].astype("object") == "external"][0]
    bad = _with(frames, "statements", row, said_date_reference_id=pd.NA)
    assert "EVIDENCE-external" in {f.rule for f in _run(bad, schemas)}


def test_a_reference_only_for_an_external_fact(tables: Any) -> None:
    frames, schemas = tables
    arts = frames["articles"]
    row = arts.index[arts["published_date_basis"].astype("object") == "stated"][0]
    ref = frames["external_references"]["reference_id"].iloc[0]
    bad = _with(frames, "articles", row, published_date_reference_id=ref)
    assert [(f.rule, f.column) for f in _run(bad, schemas)] == [("EVIDENCE-external", "published_date_reference_id")]


def test_a_value_needs_a_basis(tables: Any) -> None:
    frames, schemas = tables
    actors = frames["actors"]
    row = actors.index[actors["country"].notna()][0]
    bad = _with(frames, "actors", row, country_basis=pd.NA)
    assert [f.rule for f in _run(bad, schemas)] == ["EVIDENCE-basis"]


def test_a_reference_is_checkable_and_cited(tables: Any) -> None:
    frames, schemas = tables
    refs = frames["external_references"]
    unchecked = _with(frames, "external_references", refs.index[0], url=pd.NA, bibliographic_reference=pd.NA)
    assert [(f.rule, f.column) for f in _run(unchecked, schemas)] == [("EVIDENCE-reference", "url")]
    extra = pd.concat([refs, refs.iloc[[0]].assign(reference_id="ref-nobody-cites-this")], ignore_index=True)
    fails = _run({**frames, "external_references": extra}, schemas)
    assert [(f.rule, f.key) for f in fails] == [("EVIDENCE-reference", "ref-nobody-cites-this")]


def test_given_needs_a_note_saying_who_gave_it(tables: Any) -> None:
    frames, schemas = tables
    arts = frames["articles"]
    row = arts.index[arts["outlet_id"].notna()][0]
    given = _with(
        frames, "articles", row, outlet_basis="given", outlet_reference_id=pd.NA, outlet_note="From --outlet."
    )
    assert [f.rule for f in _run(given, schemas) if f.column == "outlet_basis"] == []
    silent = _with(given, "articles", row, outlet_note=pd.NA)
    assert [(f.rule, f.column) for f in _run(silent, schemas)] == [("EVIDENCE-given", "outlet_basis")]
