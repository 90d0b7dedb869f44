"""A meeting no curated one agrees with is drafted in the article's own `new_meetings`, and builds once accepted."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from iraq_presence.annotate.intake import meeting_of
from iraq_presence.annotate.meetings import proposed_meeting
from iraq_presence.checks.package import validate_path
from iraq_presence.cli import app
from iraq_presence.errors import CurationError
from iraq_presence.make import build

from .test_draft import _add, _confirm_all, _save, runner


def _report(text: str, sentence: str, people: list[str], date: str | None, date_text: str | None) -> dict:
    start = text.index(sentence)
    return {
        "start": start,
        "end": start + len(sentence),
        "quote": sentence,
        "participants": people,
        "date": date,
        "date_precision": "day" if date else None,
        "date_text": date_text,
        "agreeing": [],
    }


def test_a_new_meeting_reads_type_roles_place_and_date_from_its_sentence() -> None:
    text = "BAGHDAD (Wire) – Ann Lee received Bob Kay in Baghdad on Tuesday, March 4, 2031.\n"
    sentence = text.strip()
    report = _report(text, sentence, ["ann-lee", "bob-kay"], "2031-03-04", "March 4, 2031")
    taken = {"m-2031-03-04-lee-kay"}
    m = proposed_meeting(report, text, "007_abc", taken)
    assert m["meeting_id"] == "m-2031-03-04-lee-kay-2" and m["meeting_id"] in taken  # a taken id gets a number
    assert m["meeting_type"] == "visit"
    assert [(p["actor"], p["role"]) for p in m["participants"]] == [("ann-lee", "host"), ("bob-kay", "visitor")]
    assert (m["location"], m["country"]) == ("Baghdad", "IRQ")
    assert (str(m["meeting_date"]), m["meeting_date_basis"]) == ("2031-03-04", "stated")  # the year is printed
    [r] = m["reports"]
    assert r["quote"].startswith("Ann Lee received")  # the dateline is not the report's words
    assert (r["date_quote"], r["date_basis"]) == ("March 4, 2031", "stated")


def test_a_call_without_a_year_or_a_host() -> None:
    text = "Ann Lee held a phone call with Bob Kay on Monday.\n"
    report = _report(text, text.strip(), ["ann-lee", "bob-kay"], "2031-03-03", "on Monday")
    m = proposed_meeting(report, text, "007_abc", set())
    assert m["meeting_type"] == "phone" and {p["role"] for p in m["participants"]} == {"participant"}
    assert m["meeting_date_basis"] == "inferred" and "on Monday" in m["meeting_date_note"]
    assert (m["location"], m["country"]) == (None, None)


def test_words_placed_at_a_meeting_join_the_speakers_last_reported_meeting() -> None:
    text = "Ann Lee met Bob Kay on Monday. During the meeting, Kay said that ties would grow. Cy Dee said no."
    report = _report(text, "Ann Lee met Bob Kay on Monday.", ["ann-lee", "bob-kay"], None, None)
    report["new_entry"] = {"meeting_id": "m-new"}
    inside = {"start": text.index("Bob"), "end": text.index(" on Monday")}
    after = {"start": text.index("ties"), "end": text.index(". Cy")}
    other = {"start": text.index("no."), "end": len(text) - 1}
    assert meeting_of(inside, [report])["meeting"] == "m-new"
    assert meeting_of(after, [report], "bob-kay", at_meeting=True)["meeting"] == "m-new"
    assert meeting_of(after, [report], "bob-kay", at_meeting=False) == {}  # not placed at a meeting
    assert meeting_of(other, [report], "cy-dee", at_meeting=True) == {}  # not a participant


def _two_people(repo: Path) -> list[tuple[str, str]]:
    """Two curated people with a one-word alias each (id, alias), neither of them the other's alias."""
    data = repo / "data"
    with (data / "actors.csv").open(encoding="utf-8-sig", newline="") as fh:
        people = {r["actor_id"] for r in csv.DictReader(fh) if r["actor_type"] == "person"}
    with (data / "actor_aliases.csv").open(encoding="utf-8-sig", newline="") as fh:
        full: dict[str, str] = {}
        for r in csv.DictReader(fh):
            if r["actor_id"] in people and len(r["alias"].split()) >= 2 and r["alias"].replace(" ", "").isalpha():
                full.setdefault(r["actor_id"], r["alias"])
    return sorted(full.items())[:2]


def test_a_drafted_new_meeting_is_accepted_with_its_article(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    (a, a_name), (b, b_name) = _two_people(repo)
    text = (
        f"{a_name} receives {b_name}\n\n"
        f"{a_name} received {b_name} in Baghdad on Tuesday, March 4, 2031.\n\n"
        f'During the meeting, {b_name} said that "the two sides agreed to meet again."\n'
    )
    path, doc = _add(repo, tmp_path, text)
    [m] = doc["new_meetings"]  # the headline and the lead name one meeting
    assert {p["actor"] for p in m["participants"]} == {a, b} and m["location"] == "Baghdad"
    assert m["meeting_date_basis"] == "stated" and len(m["reports"]) == 1
    said = [s for s in doc["statements"] if s["speaker"] == b and "meet again" in s["quote"]]
    assert said and {s["meeting"] for s in said} == {m["meeting_id"]}  # the clause and its quotation
    st = said[0]
    assert any(line.startswith(f"new_meetings {m['meeting_id']}:") for line in doc["unreviewed"])
    page = tmp_path / "review.html"
    assert runner.invoke(app, ["review", path.stem, "--output", str(page)]).exit_code == 0
    assert f"new meeting {m['meeting_id']}" in page.read_text(encoding="utf-8")  # its report marked in the text
    _confirm_all(doc)
    _save(path, doc)
    with pytest.raises(CurationError) as todo:  # the drafted description is a placeholder to write
        build(repo)
    assert todo.value.field == "description" and "new_meetings #1" in str(todo.value)
    m["description"] = "The two met in Baghdad."
    _save(path, doc)
    build(repo)
    assert validate_path(repo) == []
    reports = pd.read_parquet(repo / "data" / "meeting_reports.parquet")
    mine = reports[reports["meeting_id"] == m["meeting_id"]]
    assert list(mine["article_id"]) == [path.stem]  # the report's article is the one that drafts it
    statements = pd.read_parquet(repo / "data" / "statements.parquet").set_index("statement_id")
    assert statements.loc[st["statement_id"], "meeting_id"] == m["meeting_id"]
    # a new meeting may not take an id meetings.yaml uses: one error naming the article's entry
    curated = pd.read_parquet(repo / "data" / "meetings.parquet")["meeting_id"]
    m["meeting_id"] = next(i for i in curated if i != st["meeting"])
    for s in said:
        s["meeting"] = m["meeting_id"]
    _save(path, doc)
    with pytest.raises(CurationError) as exc:
        build(repo)
    assert exc.value.file == f"data/curation/articles/{path.stem}.yaml" and exc.value.field == "meeting_id"
    assert "new_meetings #1" in str(exc.value)
