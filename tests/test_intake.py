"""Adding a sixth article: refused when duplicate or not text; accepted draft builds and validates."""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from iraq_presence.checks.package import validate_path
from iraq_presence.cli import app
from iraq_presence.make import build

from .conftest import added_id, snapshot

runner = CliRunner()

SIXTH = (
    "Iraqi parliament debates foreign troops\n"
    "Lawmakers in Baghdad met on Tuesday to discuss the future of US forces in Iraq.\n"
    "“The government must present a timetable for the withdrawal,” Hadi al-Amiri said after the session.\n"
    "He also said on Wednesday that the vote would take place within weeks.\n"
    "Kareem Nuri, the spokesman for the Badr Organization, told reporters that “no decision” had been taken.\n"
    "The spokesman said the talks with the government would resume soon.\n"
)


def test_add_drafts_speakers_and_dates(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reported speech, a pronoun and a title-only speaker, a relative date, command-line values as given."""
    monkeypatch.chdir(repo)
    src = tmp_path / "sixth.txt"
    src.write_text(SIXTH, encoding="utf-8")
    title = "Iraqi parliament debates foreign troops"
    args = ["add", str(src), "--published-date", "2025-02-06", "--title", title, "--outlet", "badr-organization"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    draft_path = repo / "data" / "curation" / "articles" / f"{added_id(result.output)}.yaml"
    draft = yaml.safe_load(draft_path.read_text(encoding="utf-8"))
    assert draft["status"] == "draft" and draft["title"] == {"quote": title}
    # a date the text does not print rests on a source outside it: external, its reference for the curator to name
    assert draft["published_date_basis"] == "external" and draft["outlet_basis"] == "given"
    assert "command line" in draft["published_date_note"] and draft["published_date_reference"].startswith("TODO")
    got = {s["quote"]: (s["speaker"], s["statement_type"], s.get("said_date")) for s in draft["statements"]}
    assert got == {
        "The government must present a timetable for the withdrawal,": ("hadi-al-amiri", "direct", None),
        "the vote would take place within weeks": ("hadi-al-amiri", "indirect", dt.date(2025, 2, 5)),
        "no decision": ("kareem-nuri", "partial", None),
        "“no decision” had been taken": ("kareem-nuri", "indirect", None),  # the clause with its fragment
        "the talks with the government would resume soon": ("kareem-nuri", "indirect", None),
    }


def test_add_refuses_unknown_outlet(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    before = snapshot(repo / "data")
    src = tmp_path / "sixth.txt"
    src.write_text(SIXTH, encoding="utf-8")
    result = runner.invoke(app, ["add", str(src), "--outlet", "shafaq-newz"])
    assert result.exit_code == 1 and "the text credits no new outlet" in result.output
    assert "nearest outlets: shafaq-news" in result.output
    assert snapshot(repo / "data") == before


def test_add_accept_build_validate(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    src = tmp_path / "sixth.txt"
    src.write_text(SIXTH, encoding="utf-8")
    given = ["--published-date", "2025-02-06", "--outlet", "shafaq-news"]
    result = runner.invoke(app, ["add", str(src), *given, "--title", "Iraqi parliament debates foreign troops"])
    assert result.exit_code == 0, result.output
    draft_path = repo / "data" / "curation" / "articles" / f"{added_id(result.output)}.yaml"
    article_id = draft_path.stem
    draft = yaml.safe_load(draft_path.read_text(encoding="utf-8"))
    assert draft["status"] == "draft"
    speakers = {s["quote"]: s["speaker"] for s in draft["statements"]}
    assert speakers["The government must present a timetable for the withdrawal,"] == "hadi-al-amiri"
    assert speakers["no decision"] == "kareem-nuri"
    # a draft is not data
    build(repo)
    assert article_id not in set(pd.read_parquet(repo / "data" / "articles.parquet")["article_id"])
    assert f"pending drafts (not published until accepted): {article_id}" in runner.invoke(app, ["validate"]).output
    # the drafts found as the inputs are hashed are those a scan of the articles finds
    from iraq_presence.checks.descriptor import find_drafts, stale_and_drafts

    assert stale_and_drafts(repo) == ([], find_drafts(repo)) and find_drafts(repo) == [article_id]
    # a maintainer reviews (each proposal confirmed), puts the remarks in utterances of their own and accepts
    utterances = repo / "data" / "curation" / "utterances.yaml"
    entries = yaml.safe_load(utterances.read_text(encoding="utf-8")) or []
    del draft["unreviewed"], draft["new_utterances"]
    draft["published_date_basis"] = "given"  # no reference at hand: the maintainer's own date, as given
    del draft["published_date_reference"]
    for st in draft["statements"]:
        del st["unreviewed"]
        st["utterance"] = f"u-{st['statement_id']}"
        if not st.get("said_date"):
            st["said_date"], st["said_date_precision"], st["said_date_basis"] = None, None, None
            st["said_date_note"] = "Test article: not dated."
        entries.append(
            {
                "utterance_id": st["utterance"],
                "speaker": st["speaker"],
                "occasion": "Test.",
                "summary": "Test.",
                "said_date_note": "Test article: not dated.",
            }
        )
    utterances.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    draft["status"] = "accepted"
    draft_path.write_text(yaml.safe_dump(draft, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build(repo)
    assert validate_path(repo) == []
    statements = pd.read_parquet(repo / "data" / "statements.parquet")
    assert (statements["article_id"] == article_id).sum() == len(draft["statements"])
    mentions = pd.read_parquet(repo / "data" / "mentions.parquet")
    assert {"hadi-al-amiri", "kareem-nuri", "badr-organization"} <= set(
        mentions.loc[mentions["article_id"] == article_id, "actor_id"]
    )


def test_add_refuses_duplicate_and_binary(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    before = snapshot(repo / "data")
    dup = tmp_path / "dup.txt"
    dup.write_bytes(next((repo / "data" / "raw").glob("003_*.txt")).read_bytes())
    result = runner.invoke(app, ["add", str(dup)])
    assert result.exit_code == 1 and "same content as data/raw/003_" in result.output
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x89PNG\x00\x00")
    result = runner.invoke(app, ["add", str(binary)])
    assert result.exit_code == 1 and "binary" in result.output
    latin = tmp_path / "y.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    assert runner.invoke(app, ["add", str(latin)]).exit_code == 1
    assert snapshot(repo / "data") == before


def test_extract_json_does_not_touch_repo(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.chdir(repo)
    before = snapshot(repo)
    src = tmp_path / "t.txt"
    src.write_text(SIXTH, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--json"])
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    st = out["statements"][0]
    assert {"quote", "start", "end", "statement_type", "reporting_verb", "confidence"} <= set(st)
    assert SIXTH[st["start"] : st["end"]] == st["quote"]
    assert all({"actor_id", "start", "end"} <= set(m) for m in out["mentions"])
    assert snapshot(repo) == before


def test_add_links_a_meeting_report_when_participants_and_date_agree(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A made-up report of a curated meeting: its statement and the header point at that meeting."""
    monkeypatch.chdir(repo)
    src = tmp_path / "meeting.txt"
    src.write_text(
        "Khamenei told al-Sudani during a meeting on Wednesday that “the occupiers must leave”.\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["add", str(src), "--published-date", "2025-01-10"])
    assert result.exit_code == 0, result.output
    draft_path = repo / "data" / "curation" / "articles" / f"{added_id(result.output)}.yaml"
    body = draft_path.read_text(encoding="utf-8")
    [statement] = yaml.safe_load(body)["statements"]
    assert (statement["speaker"], statement["meeting"]) == ("ali-khamenei", "m-2025-01-08-khamenei-sudani")
    assert "links to m-2025-01-08-khamenei-sudani (participants and date agree)" in body


def test_a_date_in_any_remarks_words_does_not_date_the_saying():
    import datetime as dt

    from iraq_presence.annotate.dates import find_dates
    from iraq_presence.annotate.intake import said_date

    text = "Jon Vale stressed that today, the river is higher than ever, saying, “Today the dam is full.”"
    dates = find_dates(text, dt.date(2030, 5, 8))
    first = text.index("the river")
    second = text.index("Today the dam")
    p = {"start": first, "end": text.index(", saying")}
    spoken = [(p["start"], p["end"]), (second, second + len("Today the dam is full."))]
    assert said_date(text, p, dates, spoken) == {}


def test_a_date_naming_an_event_or_a_report_does_not_date_the_saying():
    """'the May 12 vote' names an event; 'On May 9, the Gazette quoted a source as saying' dates the report."""
    import datetime as dt

    from iraq_presence.annotate.dates import find_dates
    from iraq_presence.annotate.intake import said_date

    pub = dt.date(2030, 5, 20)
    text = "“The dam holds,” said Jon Vale, who leads the list for the May 12 vote."
    at = text.index("The dam")
    assert said_date(text, {"start": at, "end": at + 13}, find_dates(text, pub)) == {}
    text = "On May 9, the Gazette quoted a source as saying that the dam holds."
    at = text.index("the dam")
    assert said_date(text, {"start": at, "end": len(text) - 1}, find_dates(text, pub)) == {}
    text = "Jon Vale said on May 9 that the dam holds."
    at = text.index("the dam")
    assert said_date(text, {"start": at, "end": len(text) - 1}, find_dates(text, pub))["said_date"] == dt.date(
        2030, 5, 9
    )


def test_a_date_the_indirect_words_took_along_right_after_the_cue_dates_the_saying():
    """'said on Friday she was …' with the span from 'on Friday': the attribution's date, not the words'."""
    import datetime as dt

    from iraq_presence.annotate.dates import find_dates
    from iraq_presence.annotate.intake import said_date

    text = "Jon Vale said on Friday she was keen to close the dam."
    at, cue = text.index("on Friday"), text.index("said")
    p = {"start": at, "end": len(text) - 1, "statement_type": "indirect", "cue_end": cue + 4}
    dates = find_dates(text, dt.date(2030, 5, 12))
    assert said_date(text, p, dates, [(p["start"], p["end"])])["said_date"] == dt.date(2030, 5, 10)
    quoted = {**p, "statement_type": "direct"}
    assert said_date(text, quoted, dates, [(p["start"], p["end"])]) == {}
