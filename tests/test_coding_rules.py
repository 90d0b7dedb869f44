"""Coding rules of docs/curation.md that the committed tables must keep, whatever articles are added."""

import re
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "data"


def _read(table: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{table}.csv", keep_default_na=False, na_values=[""], dtype=str)


def test_every_plover_coded_statement_has_a_target_or_a_note() -> None:
    st = _read("statements")
    coded = st["plover_category"].notna()
    missing = st[coded & st["plover_target_id"].isna() & st["plover_target_note"].isna()]
    assert missing.empty, f"no target and no note: {list(missing['statement_id'])}"
    stray = st[~coded & (st["plover_target_id"].notna() | st["plover_target_note"].notna())]
    assert stray.empty, f"a target without a PLOVER category: {list(stray['statement_id'])}"


def test_a_stance_on_the_presence_carries_its_topic() -> None:
    """Stance and topics are both coded on the statement's own words, so they cannot disagree."""
    st = _read("statements")
    topics = _read("statement_topics")
    with_topic = set(topics.loc[topics["topic"] == "us_military_presence", "statement_id"])
    addressed = st[st["stance_us_presence"] != "not_addressed"]
    bad = sorted(set(addressed["statement_id"]) - with_topic)
    assert not bad, f"stance on the US presence but no us_military_presence topic: {bad}"


@pytest.mark.parametrize(
    ("table", "key", "date"), [("events", "event_id", "event_date"), ("meetings", "meeting_id", "meeting_date")]
)
def test_a_year_in_an_id_is_the_rows_year(table: str, key: str, date: str) -> None:
    df = _read(table)
    bad = []
    for ident, when in zip(df[key], df[date], strict=True):
        m = re.match(r"^[a-z]-(\d{4})\b", ident)
        if m and (pd.isna(when) or not when.startswith(m.group(1))):
            bad.append(ident)
    assert not bad, f"the id names a year the row does not state: {bad}"


def test_every_actor_has_a_qid_with_its_reference_or_a_note() -> None:
    actors = _read("actors")
    qid = actors["wikidata_id"].notna()
    assert (actors.loc[qid, "wikidata_reference_id"].notna()).all()
    missing = actors[~qid & actors["wikidata_note"].isna()]
    assert missing.empty, f"no QID and no note: {list(missing['actor_id'])}"
