"""Drafts the curator confirms: page metadata, every field proposed, a skipped review refused, the review page."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from iraq_presence.annotate import affiliate
from iraq_presence.annotate.byline import read_metadata
from iraq_presence.annotate.draft import split_remarks
from iraq_presence.annotate.suggest import channel
from iraq_presence.checks.package import validate_path
from iraq_presence.cli import app
from iraq_presence.errors import CurationError
from iraq_presence.make import BuildError, build

from .conftest import snapshot

runner = CliRunner()

HEAD = (
    "Publish Date: 2025-03-12\n"
    "News ID: 48213\n\n"
    "Harbour workers reject port plan\n\n"
    "By Laila Haddad and Omar Farouk | Staff writers - Tigris Press Agency | March 12, 2025\n\n"
    "BASRA (Delta Wire) – Dockers said on Tuesday that the plan would cost jobs.\n"
)


def test_page_head_metadata() -> None:
    """Furniture is an issue, not the headline; byline authors; a dateline credit; the printed date."""
    meta = read_metadata(HEAD, None, {}, {})
    assert meta.title is not None and meta.title.text == "Harbour workers reject port plan"
    assert [a.text for a in meta.authors] == ["Laila Haddad", "Omar Farouk"]
    assert meta.outlet is not None and meta.outlet.text == "Delta Wire"  # the dateline outranks the byline's org
    assert HEAD[meta.outlet.start : meta.outlet.end] == "Delta Wire"
    assert (meta.date_value, meta.date_precision) == (dt.date(2025, 3, 12), "day")
    assert [(i["issue_type"], i["quote"]) for i in meta.issues] == [
        ("page_furniture", "Publish Date: 2025-03-12"),
        ("page_furniture", "News ID: 48213"),
        ("byline", "By Laila Haddad and Omar Farouk | Staff writers - Tigris Press Agency | March 12, 2025"),
    ]


def test_agency_credit_and_slash_credit() -> None:
    agency = read_metadata("Port reopens\nBy ZPA\nThe port reopened on Monday.\n", None, {}, {})
    assert agency.outlet is not None and agency.outlet.text == "ZPA" and not agency.authors
    known = {"Harbour Times": "harbour-times"}
    slash = read_metadata(
        "Port reopens\nHarbour Times/ The port reopened.\n", None, known, {"harbour-times": "media_outlet"}
    )
    assert slash.outlet is not None and slash.outlet.actor_id == "harbour-times"


def test_title_only_when_the_first_line_reads_as_a_headline() -> None:
    assert read_metadata("Port reopens after strike\nThe port reopened.", None, {}, {}).title is not None
    assert read_metadata("The port reopened on Monday.\nWorkers cheered.", None, {}, {}).title is None


@pytest.mark.parametrize(
    ("sentence", "code", "medium"),
    [
        ("The group said in a statement that the port was closed.", "written_statement", None),
        ("He said in an interview with Harbour Times that talks failed.", "interview", "harbour-times"),
        ("She told reporters that the port was closed.", "press_conference", None),  # the codebook, Channel
        ("The minister said at a press conference that it was over.", "press_conference", None),
        ("A statement from the board said the port was closed.", "written_statement", None),
        ("Addressing the minister's remarks, Ann Roe said the port was closed.", "unknown", None),
        ("Ann Roe, addressing the dockers, said the port was closed.", "speech", None),
        ("The port is closed, Ann Roe said to Harbour Times.", "interview", "harbour-times"),
        ("Ann Roe told Harbour Times via email that the port was closed.", "email", None),
        ("The port is closed, Ann Roe said to Вести Дока.", "interview", None),  # an outlet in another script
        ("Ann Roe is said to be ill.", "unknown", None),
        ("Ann Roe told Harbour Times that the port was closed.", "interview", "harbour-times"),
        ("Ann Roe told the Vale prime minister that the port was closed.", "unknown", None),
        ("Ann Roe told the Valeian PM that the port was closed.", "unknown", None),
        ("Ann Roe said, in a statement with Harbour Times, that the port was closed.", "interview", "harbour-times"),
        (
            "Ann Roe said in a statement to the Valeian Al-Dock newspaper that it closed.",
            "interview",
            "TODO-new-actor (Al-Dock)",
        ),
        ("The board said in a statement to the Vale Assembly that the port was closed.", "written_statement", None),
        ("Speaking to Harbour Times, Ann Roe said the port was closed.", "interview", "harbour-times"),
    ],
)
def test_channel_and_medium_from_cues(sentence: str, code: str, medium: str | None) -> None:
    ch, med = channel(sentence, {"Harbour Times": "harbour-times"})
    assert (ch.value, med.value) == (code, medium)


@pytest.mark.parametrize(
    ("sentence", "medium"),
    [
        ("In an interview with the Dovran al-Vale TV last week, Ann Roe said the port was closed.", "al-vale-tv"),
        ("Al-Vale TV also published an interview about the port with Ann Roe, who said it was closed.", "al-vale-tv"),
        ("Ann Roe said in an interview with Harbour Times that the port was closed.", "harbour-times"),
    ],
)
def test_a_known_outlet_the_interview_names_however_introduced_is_the_medium(sentence: str, medium: str) -> None:
    """A demonym before the outlet's name, or the outlet that published the interview as its subject."""
    known = {"Harbour Times": "harbour-times", "al-Vale TV": "al-vale-tv", "Al-Vale TV": "al-vale-tv", "Dovra": "dovra"}
    types = {"harbour-times": "media_outlet", "al-vale-tv": "media_outlet", "dovra": "state"}
    ch, med = channel(sentence, known, types)
    assert (ch.value, med.value) == ("interview", medium)


def test_a_scene_sentence_gives_its_outlet_as_the_medium() -> None:
    """Words placed at an interview the sentence before reports take its outlet too, not only its channel."""
    text = (
        "Vale TV published an interview with Ann Roe on the port.\n\n"
        "Roe did not name the buyer, but stressed that the port would stay open."
    )
    aliases, types = {"Ann Roe": "ann-roe", "Roe": "ann-roe", "Vale TV": "vale-tv"}, {"ann-roe": "person"}
    types["vale-tv"] = "media_outlet"
    from iraq_presence.annotate.actors import Context
    from iraq_presence.annotate.draft import statements
    from iraq_presence.annotate.extract import Extractor, Gazetteer
    from iraq_presence.annotate.suggest import Corpus

    proposals = Extractor(Gazetteer(aliases, types)).run(text, dt.date(2030, 5, 10))
    ctx = Context("009_x", text, dt.date(2030, 5, 10), aliases, types, Corpus())
    [drafted] = [s for s in statements(ctx, proposals, {})[0] if s["quote"].startswith("the port would")]
    assert (drafted["channel"], drafted["medium"]) == ("interview", "vale-tv")


def test_two_remarks_in_one_clause_are_split() -> None:
    text = "The union said that the port must reopen and that the workers would strike otherwise."
    quote = "the port must reopen and that the workers would strike otherwise"
    start = text.index(quote)
    p = {"quote": quote, "start": start, "end": start + len(quote), "statement_type": "indirect"}
    parts = split_remarks(text, [p])
    assert [x["quote"] for x in parts] == ["the port must reopen", "the workers would strike otherwise"]
    assert all(text[x["start"] : x["end"]] == x["quote"] for x in parts)
    but = "The union said the port was shut, but that the workers would strike otherwise."
    quote = but[but.index("the port") : -1]
    p = {"quote": quote, "start": but.index(quote), "end": but.index(quote) + len(quote), "statement_type": "indirect"}
    assert [x["quote"] for x in split_remarks(but, [p])] == [
        "the port was shut",
        "the workers would strike otherwise",
    ]


@pytest.mark.parametrize(
    ("quote", "parts"),
    [
        ("the guilds should be strengthened and the Vale Front must be disbanded", 2),
        ("the port and the dam will close", 1),  # one clause, two subjects
        ("the talks failed and the army will stay", 1),  # no finite verb of its own in the first: left whole
        ("raids on the depots are “unacceptable” and the safety of the granaries is a red line", 2),
        ("the port is closed and the dam open", 1),  # no verb of its own in the second
        ("the plan has two phases and will end the levy", 1),  # no subject of its own in the second
    ],
)
def test_two_clauses_each_with_a_finite_verb_are_two_remarks(quote: str, parts: int) -> None:
    p = {"quote": quote, "start": 0, "end": len(quote), "statement_type": "indirect"}
    got = split_remarks(quote, [p])
    assert len(got) == parts and all(quote[x["start"] : x["end"]] == x["quote"] for x in got)


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("Union says port tax 'unfair', urges council to act", ["port tax 'unfair'", "council to act"]),
        ("Union says the plan, drafted in May, calls for a strike", ["the plan, drafted in May, calls for a strike"]),
        ("Union says port tax unfair, denies any deal with the city", ["port tax unfair", "any deal with the city"]),
    ],
)
def test_a_second_cue_verb_of_the_same_subject_is_a_second_remark(line: str, parts: list[str]) -> None:
    quote = line[line.index(" says ") + 6 :]
    p = {"quote": quote, "start": line.index(quote), "end": len(line), "statement_type": "indirect"}
    got = split_remarks(line, [p | {"reporting_verb": "says", "cue_start": line.index("says")}])
    assert [x["quote"] for x in got] == parts and all(line[x["start"] : x["end"]] == x["quote"] for x in got)
    if len(got) == 2:
        verb = got[1]["reporting_verb"]
        assert verb in {"urges", "denies"} and line[got[1]["cue_start"] :].startswith(verb)


def test_affiliations_from_appositive_and_title() -> None:
    orgs = {"Harbour Union": "harbour-union", "Dock League": "dock-league"}
    text = (
        "Jane Roe, the spokeswoman for the Harbour Union, said talks failed. "
        "Secretary-General of Dock League Ali Hassan Karim said nothing."
    )
    found = [(a.person, a.organization, affiliate.role_code(a.role)) for a in affiliate.find(text, orgs)]
    assert found == [
        ("Jane Roe", "harbour-union", "spokesperson"),
        ("Ali Hassan Karim", "dock-league", "secretary_general"),
    ]


def _curated_remark(repo: Path) -> tuple[str, dict[str, str]]:
    """A sentence repeating a curated indirect remark of a person, dated by day, and that statement's row."""
    data = repo / "data"
    with (data / "actors.csv").open(encoding="utf-8-sig", newline="") as fh:
        people = {r["actor_id"] for r in csv.DictReader(fh) if r["actor_type"] == "person"}
    with (data / "actor_aliases.csv").open(encoding="utf-8-sig", newline="") as fh:
        alias = {}
        for r in csv.DictReader(fh):
            if r["actor_id"] in people and len(r["alias"].split()) == 1 and r["alias"].isalpha():
                alias.setdefault(r["actor_id"], r["alias"])
    with (data / "statements.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = [
            r
            for r in csv.DictReader(fh)
            if r["statement_type"] == "indirect"
            and r["said_date_precision"] == "day"
            and r["speaker_id"] in alias
            and len(r["quote"].split()) >= 8
            and not any(m in r["quote"] for m in '“”"\n')
        ]
    row = rows[0]
    weekday = dt.date.fromisoformat(row["said_date"]).strftime("%A")
    return f"{alias[row['speaker_id']]} said on {weekday} that {row['quote']}.", row


def _article(repo: Path) -> tuple[str, dict[str, str]]:
    remark, row = _curated_remark(repo)
    published = dt.date.fromisoformat(row["said_date"]) + dt.timedelta(days=1)
    text = (
        f"Publish Date: {published.isoformat()}\n"
        "News ID: 48213\n\n"
        "Harbour workers reject port plan\n\n"
        f"By Laila Haddad | Staff writers | {published:%B} {published.day}, {published.year}\n\n"
        "BASRA (Delta Wire) – The Harbour Union said in a statement that the port must reopen and that "
        "the workers would strike otherwise.\n"
        'Jane Roe, the spokeswoman for the Harbour Union, told reporters that the union would "not wait forever" '
        "for the port authority.\n"
        "The spokeswoman said the talks with the port authority would resume soon.\n"
        'The scheme, known as the "Harbour Plan", was drawn up in March.\n'
        f"{remark}\n"
    )
    return text, row


def _add(repo: Path, tmp_path: Path, text: str, *args: str) -> tuple[Path, dict[str, Any]]:
    src = tmp_path / "new.txt"
    src.write_text(text, encoding="utf-8")
    before = {p.name for p in (repo / "data" / "curation" / "articles").glob("*.yaml")}
    result = runner.invoke(app, ["add", str(src), *args])
    assert result.exit_code == 0, result.output
    [path] = [p for p in (repo / "data" / "curation" / "articles").glob("*.yaml") if p.name not in before]
    return path, yaml.safe_load(path.read_text(encoding="utf-8"))


def _save(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _confirm_all(doc: dict[str, Any]) -> None:
    """What a curator does once every proposal is checked: clear the review lists and accept."""
    doc["status"] = "accepted"
    doc.pop("unreviewed", None)
    for st in doc["statements"]:
        st.pop("unreviewed", None)


def test_made_up_article_drafts_everything_then_builds(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Byline, outlet credit, title-only speaker, an organisation's statement, an appositive affiliation,
    two remarks in one clause and a remark a curated article reported: all drafted; accepted, it builds."""
    monkeypatch.chdir(repo)
    text, row = _article(repo)
    path, doc = _add(repo, tmp_path, text, "--url", "https://example.org/harbour-plan")
    article_id = path.stem
    assert doc["title"] == {"quote": "Harbour workers reject port plan"}
    assert (doc["url"], doc["url_basis"]) == ("https://example.org/harbour-plan", "given") and doc["url_note"]
    assert (doc["outlet"], doc["outlet_basis"], doc["outlet_evidence"]["quote"]) == (
        "delta-wire",
        "stated",
        "Delta Wire",
    )
    assert doc["published_date_basis"] == "stated" and doc["published_date_evidence"]
    assert [a["actor"] for a in doc["authors"]] == ["laila-haddad"]
    new = {a["actor_id"]: a["actor_type"] for a in doc["new_actors"]}
    assert new == {
        "delta-wire": "media_outlet",
        "laila-haddad": "person",
        "harbour-union": "armed_group",  # an organisation of no telling type: the review line says so
        "jane-roe": "person",
    }
    assert {i["issue_type"] for i in doc["issues"]} == {"page_furniture", "byline"}
    by_quote = {s["quote"]: s for s in doc["statements"]}
    union = [by_quote["the port must reopen"], by_quote["the workers would strike otherwise"]]
    assert {s["channel"] for s in union} == {"written_statement"}
    assert union[0]["utterance"] != union[1]["utterance"]  # two remarks of one clause: two utterances
    assert by_quote["not wait forever"]["statement_type"] == "partial"
    assert by_quote["not wait forever"]["speaker"] == "jane-roe"
    clause = by_quote['the union would "not wait forever" for the port authority']  # drafted beside its fragment
    fragment = by_quote["not wait forever"]
    assert clause["statement_type"] == "indirect" and clause["utterance"] == fragment["utterance"]
    assert (fragment["plover"] or {}).get("category") == (clause["plover"] or {}).get("category")
    assert fragment["stance_us_presence"] == clause["stance_us_presence"]
    assert by_quote["the talks with the port authority would resume soon"]["speaker"] == "jane-roe"  # title only
    repeated = by_quote[row["quote"]]
    assert (repeated["speaker"], repeated["utterance"]) == (row["speaker_id"], row["utterance_id"])
    assert any(line.startswith("plover:") and row["statement_id"] in line for line in repeated["unreviewed"])
    assert [(a["actor"], a["role"]) for a in doc["new_affiliations"]] == [("jane-roe", "spokesperson")]
    assert [(d["quote"], d["reason"]) for d in doc["dismissed_quotes"]] == [("Harbour Plan", "name")]
    from iraq_presence.annotate.review import REVIEW_LINE

    unread = [line for line in doc["unreviewed"] if not REVIEW_LINE.match(line)]
    assert not unread, f"review lines the page cannot show with a confidence and basis: {unread}"
    # review by reading
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["review", article_id, "--output", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert 'class="statement' in html and row["statement_id"] in html and "Check:" in html
    # accepted as drafted: it builds and validates, and the new entries are data
    _confirm_all(doc)
    _save(path, doc)
    build(repo)
    assert validate_path(repo) == []
    actors = pd.read_parquet(repo / "data" / "actors.parquet")
    assert {"delta-wire", "laila-haddad", "jane-roe"} <= set(actors["actor_id"])
    authors = pd.read_parquet(repo / "data" / "article_authors.parquet")
    assert "laila-haddad" in set(authors.loc[authors["article_id"] == article_id, "actor_id"])
    affiliations = pd.read_parquet(repo / "data" / "affiliations.parquet")
    assert "jane-roe" in set(affiliations["actor_id"])
    utterances = pd.read_parquet(repo / "data" / "utterances.parquet").set_index("utterance_id")
    assert utterances.loc[row["utterance_id"], "n_articles"] >= 2


def test_a_skipped_review_fails_the_build(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    text, _ = _article(repo)
    path, doc = _add(repo, tmp_path, text)
    doc["status"] = "accepted"  # accepted without reviewing anything
    _save(path, doc)
    with pytest.raises(CurationError) as exc:
        build(repo)
    message = str(exc.value)
    assert f"data/curation/articles/{path.stem}.yaml, line " in message
    assert "still unreviewed: title, outlet, authors, published_date" in message
    # the article's proposals confirmed, a statement's not
    doc.pop("unreviewed")
    _save(path, doc)
    with pytest.raises(CurationError) as exc:
        build(repo)
    assert "statements #1 (statement_id=" in str(exc.value) and "speaker, statement_type" in str(exc.value)
    # every proposal confirmed, but a coded field deleted: a missing field is not a coded one
    _confirm_all(doc)
    del doc["statements"][0]["stance_us_presence"], doc["statements"][0]["topics"]
    _save(path, doc)
    with pytest.raises(CurationError) as exc:
        build(repo)
    assert exc.value.field == "topics" and "does not code topics, stance_us_presence" in str(exc.value)
    # a placeholder left for the curator is no actor
    doc["statements"][0].update(topics=[], stance_us_presence="not_addressed", speaker="TODO-new-speaker (x)")
    _save(path, doc)
    with pytest.raises(CurationError) as exc:
        build(repo)
    assert exc.value.field == "speaker" and "placeholder" in str(exc.value)
    doc["statements"][0]["speaker"] = doc["new_utterances"][0]["speaker"]
    # a placeholder left in a new entry is named there, not later as an unknown actor
    speaker, doc["new_utterances"][0]["speaker"] = doc["new_utterances"][0]["speaker"], "TODO-new-speaker (y)"
    _save(path, doc)
    with pytest.raises(CurationError) as exc:
        build(repo)
    assert (exc.value.entry, exc.value.field) == ("new_utterances #1", "speaker"), str(exc.value)
    doc["new_utterances"][0]["speaker"] = speaker
    # a PLOVER category needs its target: an actor, or null with a note
    coded_plover = next(st for st in doc["statements"] if st["plover"])
    del coded_plover["plover"]["target"]
    coded_plover["plover"].pop("target_note", None)
    _save(path, doc)
    with pytest.raises(CurationError, match=r"plover\.target is not coded"):
        build(repo)
    coded_plover["plover"].update(target=None, target_note="Test: no actor acted upon.")
    _save(path, doc)
    build(repo)  # every field coded: it builds


def test_curated_statements_code_every_field(built_repo: Path) -> None:
    """The rule holds for the curation as it is: the build of the repository copy passed it."""
    assert (built_repo / "data" / "statements.csv").is_file()


def test_add_refuses_while_the_tables_are_stale(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """New actors are read from the built tables: an unbuilt curation edit stops `dataset add`."""
    monkeypatch.chdir(repo)
    actors = repo / "data" / "curation" / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    before = snapshot(repo / "data")
    src = tmp_path / "new.txt"
    src.write_text(HEAD, encoding="utf-8")
    result = runner.invoke(app, ["add", str(src)])
    assert result.exit_code == 1 and "data/curation/actors.yaml is changed" in result.output
    assert "run `dataset build` first" in result.output
    assert snapshot(repo / "data") == before


def test_review_of_an_unknown_article(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["review", "999_nothing"])
    assert result.exit_code == 1 and "no curation file" in result.output


def test_a_known_actor_spelled_otherwise_is_an_alias_not_a_new_actor() -> None:
    from iraq_presence.annotate.actors import Context, actor_for
    from iraq_presence.annotate.suggest import Corpus

    text = "Harbour Workers Union said the port must reopen. Jane Roe agreed."
    known = {"Harbour Workers’ Union": "harbour-workers-union"}
    ctx = Context("007_x", text, None, known, {"harbour-workers-union": "armed_group"}, Corpus())
    assert actor_for(ctx, "Harbour Workers Union", 0, "armed_group", "Speaker named") == "harbour-workers-union"
    assert [(a["actor"], a["text"]) for a in ctx.new_aliases] == [("harbour-workers-union", "Harbour Workers Union")]
    assert actor_for(ctx, "Jane Roe", text.index("Jane"), "person", "Speaker named") == "jane-roe"
    assert ctx.new_actors["jane-roe"]["evidence"] == {"quote": "Jane Roe"} and not ctx.new_aliases[1:]


def test_accepted_new_aliases_join_their_actor() -> None:
    from iraq_presence.tables.curation.coded import merge_new_entries
    from iraq_presence.tables.curation.models import Actor, Article

    actor = Actor.model_validate(
        {"actor_id": "x", "name": "X", "actor_type": "person", "description": "d", "evidence": {"quote": "X"}}
    )
    art = Article.model_validate(
        {
            "article_id": "007_x",
            "source_file": "007_x.txt",
            "new_aliases": [{"actor": "x", "text": "Ex"}],
            "new_actors": [
                {"actor_id": "y", "name": "Y", "actor_type": "person", "description": "d", "evidence": {"quote": "Y"}}
            ],
        }
    )
    actors, _, _, _ = merge_new_entries([art], [actor], [], [], "data/curation/articles")
    assert [a.alias for a in actors[0].alias_entries()] == ["Ex"]
    assert actors[1].evidence.article == "007_x"  # evidence in the article that first names it
    draft = art.model_copy(update={"status": "draft"})
    assert [a.actor_id for a in merge_new_entries([draft], [actor], [], [], "a")[0]] == ["x"]  # a draft is not data
    bad = art.model_copy(update={"new_aliases": [art.new_aliases[0].model_copy(update={"actor": "z"})]})
    with pytest.raises(CurationError, match="unknown actor 'z'"):
        merge_new_entries([bad], [actor], [], [], "a")


def test_an_error_in_a_new_entry_names_the_article_file(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    text, _ = _article(repo)
    path, doc = _add(repo, tmp_path, text)
    _confirm_all(doc)
    evidence = doc["new_actors"][0]["evidence"]["quote"]
    doc["new_actors"][0]["evidence"]["quote"] = "words the article does not hold"
    _save(path, doc)
    with pytest.raises(CurationError) as exc:
        build(repo)
    assert exc.value.file == f"data/curation/articles/{path.stem}.yaml" and exc.value.field == "evidence"
    # a rule's failure on a row from the article's new entries names the article and its place there
    doc["new_actors"][0]["evidence"]["quote"] = evidence
    doc["new_affiliations"][0].update(start_date=None, start_date_note=None)
    _save(path, doc)
    with pytest.raises(BuildError) as failed:
        build(repo)
    origin = f"[from data/curation/articles/{path.stem}.yaml: new_affiliations #1 (affiliation_id="
    assert origin in "\n".join(failed.value.failures)


def test_titled_and_plain_forms_are_one_new_actor() -> None:
    from iraq_presence.annotate.actors import Context, actor_for, attested_forms
    from iraq_presence.annotate.suggest import Corpus

    text = "Sheikh Jane Haddad spoke first. Later Jane Haddad said more, and Haddad left."
    ctx = Context("007_x", text, None, {}, {}, Corpus())
    assert actor_for(ctx, "Sheikh Jane Haddad", 0, "person", "Speaker named") == "jane-haddad"
    assert actor_for(ctx, "Jane Haddad", text.index("Jane Haddad said"), "person", "Speaker named") == "jane-haddad"
    attested_forms(ctx)
    assert ctx.new_actors["jane-haddad"]["name"] == "Jane Haddad"
    assert sorted(ctx.new_actors["jane-haddad"]["aliases"]) == ["Haddad", "Jane Haddad", "Sheikh Jane Haddad"]


def test_a_scene_sentence_places_the_speakers_words() -> None:
    """'X arrived … to address the guild' places X's next words at a speech; 'Earlier, …' is not placed."""
    from iraq_presence.annotate.actors import Context
    from iraq_presence.annotate.draft import _scene_channel
    from iraq_presence.annotate.suggest import Corpus, Suggestion

    text = "Ann Roe arrived at the hall to address the guild.\n\n“We stay,” she said.\n\nEarlier, she said so."
    ctx = Context("009_x", text, None, {"Ann Roe": "ann-roe"}, {"ann-roe": "person"}, Corpus())
    unknown = Suggestion("channel", "unknown", 0.6, "no cue"), Suggestion("medium", None, 0.7, "none")
    at = text.index("We stay")
    placed, _, scene = _scene_channel(ctx, {"start": at, "end": at + 7}, "ann-roe", *unknown, [])
    assert placed.value == "speech" and scene is not None and text[scene[0] : scene[1]].startswith("Ann Roe arrived")
    at = text.index("she said so")
    assert _scene_channel(ctx, {"start": at, "end": at + 11}, "ann-roe", *unknown, [])[0].value == "unknown"


PEOPLE = {"Ann Roe": "ann-roe", "Roe": "ann-roe", "Ben Tal": "ben-tal", "Tal": "ben-tal"}
PEOPLE_TYPES = {"ann-roe": "person", "ben-tal": "person"}
"""The two known people a made-up text is drafted against unless a test gives others."""


def _drafted(
    text: str,
    published: dt.date,
    aliases: dict[str, str] | None = None,
    types: dict[str, str] | None = None,
    countries: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """A made-up text drafted in memory, as `dataset add` drafts it, against two known people (or the
    known actors given, and their countries)."""
    from iraq_presence.annotate.actors import Context
    from iraq_presence.annotate.byline import read_metadata
    from iraq_presence.annotate.draft import statements
    from iraq_presence.annotate.extract import Extractor, Gazetteer
    from iraq_presence.annotate.suggest import Corpus

    if aliases is None or types is None:
        aliases, types = PEOPLE, PEOPLE_TYPES
    proposals = Extractor(Gazetteer(aliases, types)).run(text, published)
    ctx = Context("009_x", text, published, aliases, types, Corpus(), countries=countries or {})
    title = read_metadata(text, published, aliases, types).title
    ctx.headline = (title.start, title.end) if title is not None else None  # as `dataset add` reads it
    return statements(ctx, proposals, {})[0]


def test_a_headline_below_page_widgets_is_read_as_the_headline() -> None:
    """Widget lines above the title do not make the title body text: its described speaker is the lead's."""
    text = (
        "Sign In / Up\n\nComment as a guest\n\nValeian militia leader wants the dam closed\n\n"
        "HILLTOWN — The leader of one of the river militias said on Monday that the dam must close.\n\n"
        "Ann Roe said it was unsafe.\n"
    )
    got = [(s["speaker"], s["quote"]) for s in _drafted(text, dt.date(2030, 5, 10))]
    assert got[0] == ("ann-roe", "the dam closed")


def test_words_placed_at_an_occasion_take_its_date_and_channel() -> None:
    """A meeting dated in the sentence that reports it dates the words placed there: the next sentence's
    "told the visiting minister" (a hearer, not an outlet), "In response, Y said" (the reply), and the
    words before "X added during the meeting"; a cue inside the reported words places nothing."""
    text = (
        "Ann Roe held talks with Ben Tal in Dovra on Monday.\n\n"
        "“The river must stay open,” Roe told the visiting minister. "
        "In response, Tal said that the port would reopen."
    )
    drafted = {s["quote"][:14]: s for s in _drafted(text, dt.date(2030, 5, 10))}
    told, reply = drafted["The river must"], drafted["the port would"]
    assert (told["channel"], told["said_date"]) == ("meeting", dt.date(2030, 5, 6))
    assert (reply["channel"], reply["said_date"]) == ("meeting", dt.date(2030, 5, 6))
    [content] = _drafted("Ann Roe said the council is in talks with the guild.", dt.date(2030, 5, 10))
    assert content["channel"] == "unknown"
    posted = _drafted("Ann Roe said the river is open.\n\nIn a post on X, she wrote, “We stay.”", dt.date(2030, 5, 10))
    assert [s["channel"] for s in posted] == ["unknown", "social_media_post"]  # a post is its own utterance
    placed_after = "“We stay,” Ann Roe said.\n\n“We build,” she added during a meeting on Monday."
    before = _drafted(placed_after, dt.date(2030, 5, 10))
    assert [(s["channel"], s["said_date"]) for s in before] == [("meeting", dt.date(2030, 5, 6))] * 2


def test_one_utterance_per_remark() -> None:
    """A clause and its fragment share their cue; a quotation running on, or giving the words of the
    report before it, joins that remark; a new cue, or the second of two split remarks, is a new one."""
    from iraq_presence.annotate.draft import remark_groups

    text = "x" * 400

    def st(kind: str, start: int, cue: int | None, how: str = "subject", **more: Any) -> dict[str, Any]:
        return {"statement_type": kind, "start": start, "end": start + 5, "cue_start": cue, "cue_end": cue, **more}

    drafted = [
        st("indirect", 0, 1),  # Ann said the dam was unsafe …
        st("direct", 20, 30),  # "We will close it," she added: the words of that point
        st("partial", 22, 30),  # … a fragment under that cue
        st("direct", 40, None, attribution="continuation"),  # a quotation running on
        st("indirect", 60, 70),  # a new cue: a new remark
        st("indirect", 80, 90, split="second of two remarks in one clause"),
        st("indirect", 100, 90, split="second of two remarks in one clause"),
        st("indirect", 120, 130),  # another speaker's
    ]
    speakers = ["ann"] * 7 + ["ben"]
    assert remark_groups(text, drafted, speakers) == [0, 0, 0, 0, 4, 5, 6, 7]


def test_a_groups_leading_title_is_the_one_holder_the_article_binds() -> None:
    from iraq_presence.annotate.draft import _named_later

    text = (
        "The head of the river guild Harakat Vale says the dam must go.\n"
        "Omar al-Vane, the founder and secretary-general of the movement, spoke on Monday."
    )
    assert _named_later(text, "The head of the river guild Harakat Vale", 0) == ("Omar al-Vane", text.index("Omar"))
    other = text.replace("of the movement", "of the Dock League")
    assert _named_later(other, "The head of the river guild Harakat Vale", 0) is None
    unbound = "The head of Harakat Vale warned the port.\n\nThe guild will strike, Omar al-Vane said."
    assert _named_later(unbound, "The head of Harakat Vale", 0) == ("Omar al-Vane", unbound.index("Omar"))
    two = unbound + " Ann Roe said nothing."
    assert _named_later(two, "The head of Harakat Vale", 0) is None  # two people speak: no telling


def test_an_indefinite_title_is_the_holder_the_article_names_later() -> None:
    from iraq_presence.annotate.draft import _named_later

    text = "A spokesman for a harbor union said it would strike. “Soon,” said Omar al-Vane, a spokesman for the union."
    assert _named_later(text, "A spokesman for a harbor union", 0) == ("Omar al-Vane", text.index("Omar"))
    assert _named_later("A spokesman said so. Nobody else spoke.", "A spokesman", 0) is None
    titled = "A spokesman for Harbor Front said it would strike. “Soon,” Harbor Front spokesman Omar al-Vane said."
    assert _named_later(titled, "A spokesman for Harbor Front", 0) == ("Omar al-Vane", titled.index("Omar"))
    two = titled + " Harbor Front spokesman Ann Berg Lee agreed."
    assert _named_later(two, "A spokesman for Harbor Front", 0) is None  # two holders: no telling


def test_the_reporting_verb_as_written() -> None:
    """With its auxiliaries and adverbs ("has repeatedly called for"), not those of time ("recently"),
    in the text's own case ("According to")."""
    text = (
        "Ann Roe has repeatedly called for the gates to open. Ben Tal recently stressed that the dam held. "
        "According to Ben Tal, the port is closed. Ann Roe continues to push for a full and quick reopening."
    )
    verbs = [s["reporting_verb"] for s in _drafted(text, dt.date(2030, 5, 10))]
    assert verbs == ["has repeatedly called for", "stressed", "According to", "continues to push for"]


def test_a_sentence_about_the_words_places_them_and_one_occasion_dates_the_rest() -> None:
    """ "His comments, made during talks … on Monday" places the words before it; the speaker's later
    words at "his meeting" take the one meeting's date; a speaker also posting is not placed by a scene."""
    text = (
        "At a tense session, Ann Roe called for the gates to open. His comments, made during talks with Ben Tal "
        "on Monday, surprised many.\n\nIn his meeting with Tal, Roe described the dam as “a gift”."
    )
    drafted = {s["quote"][:10]: s for s in _drafted(text, dt.date(2030, 5, 10))}
    assert (drafted["the gates "]["channel"], drafted["the gates "]["said_date"]) == ("meeting", dt.date(2030, 5, 6))
    assert (drafted["the dam as"]["channel"], drafted["the dam as"]["said_date"]) == ("meeting", dt.date(2030, 5, 6))
    two = "Ann Roe met Ben Tal in Dovra.\n\n“We stay,” Roe said.\n\nIn a post on X, Roe wrote, “We build.”"
    assert [s["channel"] for s in _drafted(two, dt.date(2030, 5, 10))] == ["unknown", "social_media_post"]


def test_he_made_the_remarks_at_an_occasion_places_the_words_before_and_after() -> None:
    """ "He made the remarks at a weekly press conference" opens the next paragraph: it places the words
    that end the paragraph before, and the same speaker's words after it."""
    text = (
        "On Monday, Norland Foreign Ministry spokesman Ben Tal said that the dam had its roots in the old feud.\n\n"
        "He made the remarks at a weekly press conference in the capital.\n\n"
        "“The river will be shared,” said Tal."
    )
    got = [(s["quote"][:9], s["channel"]) for s in _drafted(text, dt.date(2030, 5, 10))]
    assert got == [("the dam h", "press_conference"), ("The river", "press_conference")]


def test_a_position_inside_a_quotation_is_not_placed_at_the_quoted_speakers_occasion() -> None:
    """Coverage rule 2: the inner speaker's words were not said in the outer speaker's email."""
    text = "“The talks went well, and Ben Tal strongly opposes any new dam on the river,” Ann Roe told us via email."
    got = {(s["speaker"], s["channel"]) for s in _drafted(text, dt.date(2030, 5, 10))}
    assert got == {("ann-roe", "email"), ("ben-tal", "unknown")}


def test_two_leaders_inside_a_quoted_readout_take_the_readouts_channel() -> None:
    """Coverage rule 5 inside a readout: each leader's act is a statement, placed as the readout is."""
    text = (
        "Ann Roe met Ben Tal at the harbour on Monday.\n\n"
        "“The two leaders discussed the new ferry line and the dredging of the port,” the harbour office said "
        "in a statement."
    )
    got = {
        (s["speaker"], s["channel"]) for s in _drafted(text, dt.date(2030, 5, 10)) if s["statement_type"] == "indirect"
    }
    assert got == {("ann-roe", "written_statement"), ("ben-tal", "written_statement")}


def test_a_proposed_alias_is_a_review_line_with_its_actor_confidence_and_basis() -> None:
    from iraq_presence.annotate.intake import alias_review_line
    from iraq_presence.annotate.review import _parse

    note = "Proposed: 'Harbor Union' in this article matches the known alias 'Harbour Union' (similarity 0.91)."
    r = _parse(alias_review_line({"actor": "harbour-union", "text": "Harbor Union", "note": note}))
    assert (r["field"], r["value"], r["conf"], r["basis"]) == ("new_aliases 'Harbor Union'", "harbour-union", 0.7, note)


def test_a_headline_takes_no_occasion_from_the_body() -> None:
    """docs/curation.md coverage rule 4: a headline's channel is unknown and it is undated, even where the
    body places the same speaker's words in a statement."""
    from iraq_presence.annotate.draft import _in_headline

    text = "Harbour union urges strike over port plan\n\nThe Harbour Union said in a statement on Monday that …\n"
    assert _in_headline(text, {"start": text.index("strike")})
    assert not _in_headline(text, {"start": text.index("that")})
    lead = "Jane Roe said the port “must close.”\nShe added more.\n"
    assert not _in_headline(lead, {"start": lead.index("the port")})


def test_a_states_government_speaking_is_the_known_government_not_the_state() -> None:
    """'Vale's government said' and 'the government of Vale said': the curated vale-government."""
    from iraq_presence.annotate.actors import Context
    from iraq_presence.annotate.draft import statements
    from iraq_presence.annotate.extract import Extractor, Gazetteer
    from iraq_presence.annotate.suggest import Corpus

    aliases, types = {"Vale": "vale"}, {"vale": "state", "vale-government": "state_body"}
    text = "Vale’s government said on Monday that the port would reopen.\n\nThe government of Vale said the dam held."
    proposals = Extractor(Gazetteer(aliases, types)).run(text, dt.date(2030, 5, 10))
    ctx = Context("009_x", text, dt.date(2030, 5, 10), aliases, types, Corpus())
    drafted = statements(ctx, proposals, {})[0]
    assert [s["speaker"] for s in drafted] == ["vale-government", "vale-government"]
    assert not ctx.new_actors


def test_an_outlet_citing_a_source_is_the_medium_of_the_sources_words() -> None:
    from iraq_presence.annotate.actors import Context
    from iraq_presence.annotate.draft import statements
    from iraq_presence.annotate.extract import Extractor, Gazetteer
    from iraq_presence.annotate.suggest import Corpus

    aliases, types = {"Vale News": "vale-news"}, {"vale-news": "media_outlet"}
    text = "On Monday, Vale News quoted a trusted source as saying that the port would reopen."
    proposals = Extractor(Gazetteer(aliases, types)).run(text, dt.date(2030, 5, 10))
    ctx = Context("009_x", text, dt.date(2030, 5, 10), aliases, types, Corpus())
    [drafted] = statements(ctx, proposals, {})[0]
    assert (drafted["speaker"], drafted["channel"], drafted["medium"]) == (
        "unnamed-trusted-source-009",
        "media_report",
        "vale-news",
    )


def test_an_indefinite_title_is_not_its_organisation() -> None:
    """'A Vale representative said' is an unnamed source, not Vale; 'A senior official of Vale' named
    further on ('Omar Vane, an official of Vale') is that person."""
    from iraq_presence.annotate.actors import Context
    from iraq_presence.annotate.draft import statements
    from iraq_presence.annotate.extract import Extractor, Gazetteer
    from iraq_presence.annotate.suggest import Corpus

    aliases, types = {"Vale": "vale", "Vale League": "vale-league"}, {"vale": "state", "vale-league": "armed_group"}
    text = (
        "A Vale representative said the port would reopen.\n\n"
        "A senior official of the Vale League said on Monday that the dam held. "
        "“It held,” Omar Vane, an official of the Vale League, said."
    )
    proposals = Extractor(Gazetteer(aliases, types)).run(text, dt.date(2030, 5, 10))
    ctx = Context("009_x", text, dt.date(2030, 5, 10), aliases, types, Corpus())
    speakers = {s["quote"][:12]: s["speaker"] for s in statements(ctx, proposals, {})[0]}
    assert speakers["the port wou"] == "unnamed-vale-representative-009"
    assert speakers["the dam held"] == "omar-vane"
    allies = "Norland’s allies in Vale said on Monday that the port would close."
    proposals = Extractor(Gazetteer(aliases, types)).run(allies, dt.date(2030, 5, 10))
    ctx = Context("009_x", allies, dt.date(2030, 5, 10), aliases, types, Corpus())
    [drafted] = statements(ctx, proposals, {})[0]
    assert drafted["speaker"] == "unnamed-norlands-allies-in-vale-009"  # a collective described, not Vale


def test_a_full_quotation_opening_in_lower_case_is_direct() -> None:
    """'saying " the gates …."' and the second part of '"This," X added, "is …."': full quotations,
    not fragments; a fragment inside a reported clause stays partial."""
    text = (
        'Ann Roe praised the dockers, saying " the gates must be opened and kept open at all hours."\n\n'
        '"This plan," Ben Tal added, "is the only way to keep the port alive this winter."\n\n'
        "Ann Roe said the plan was “a sound one”.\n\n"
        "Ben Tal warned the guild, saying that if it struck, “the gates will be shut to every ship at once.”"
    )
    types = {s["quote"].strip()[:12]: s["statement_type"] for s in _drafted(text, dt.date(2030, 5, 10))}
    assert types["the gates mu"] == "direct"
    assert types["is the only "] == "direct"
    assert types["a sound one"] == "partial"
    assert types["the gates wi"] == "partial"  # inside the reported clause "saying that if …"


def test_a_bare_title_is_the_holder_named_before() -> None:
    """'According to Vale League official' after 'Omar Vane, an official of the Vale League': that person."""
    from iraq_presence.annotate.draft import _named_before

    text = "Omar Vane, an official of the Vale League, said so. According to Vale League official, it held."
    at = text.index("Vale League official")
    assert _named_before(text, "Vale League official", at) == ("Omar Vane", 0)
    assert _named_before(text, "Dock Guild official", at) is None  # no official of that group named
    two = "Ann Roe, an official of the Vale League, spoke. " + text
    assert _named_before(two, "Vale League official", two.index("Vale League official")) is None


def test_a_named_source_and_other_of_its_kind_are_two_speakers() -> None:
    """Coverage rule 5: "X and other Y" speak on one span, "other Y" an unnamed collective."""
    text = "Ann Roe and other growers have their reasons to want the gates opened."
    got = {s["speaker"] for s in _drafted(text, dt.date(2030, 5, 10))}
    assert got == {"ann-roe", "unnamed-other-growers-009"}


def test_uncued_words_go_on_at_the_occasion_placed_before_them() -> None:
    """A speaker's uncued remark carries the channel of the placed remark before it (whose date it then
    takes), not of a later one at another occasion of the same kind; with none before, the first after."""
    from iraq_presence.annotate.draft import _carried_channel
    from iraq_presence.annotate.suggest import Suggestion

    def at(kind: str) -> tuple[Suggestion, Suggestion]:
        return Suggestion("channel", kind, 0.8, "cue"), Suggestion("medium", None, 0.8, "cue")

    text = "One. Two. Three. Four.\n\nFive."
    drafted = [{"speaker_id": "ben-tal", "start": k, "end": k + 4} for k in (0, 5, 10, 17)]
    assert (
        _carried_channel(text, drafted, [at("meeting"), at("unknown"), at("unknown"), at("meeting")], 2, "009")[2] == 0
    )
    assert (
        _carried_channel(text, drafted, [at("unknown"), at("meeting"), at("unknown"), at("meeting")], 0, "009")[2] == 1
    )


def test_a_later_occasion_places_earlier_words_only_in_one_run_or_by_a_connective() -> None:
    """Words before the speaker's first placed passage take its occasion only where they run on into it
    (no paragraph break, no other speaker between) or where it goes on from them ("added")."""
    from iraq_presence.annotate.draft import _carried_channel
    from iraq_presence.annotate.suggest import Suggestion

    def at(kind: str) -> tuple[Suggestion, Suggestion]:
        return Suggestion("channel", kind, 0.8, "cue"), Suggestion("medium", None, 0.8, "cue")

    text = "One rose.\n\nTwo fell. Three."
    ben = [{"speaker_id": "ben-tal", "start": 0, "end": 8}, {"speaker_id": "ben-tal", "start": 11, "end": 19}]
    assert _carried_channel(text, ben, [at("unknown"), at("interview")], 0, "009")[2] is None
    ben[1]["reporting_verb"] = "added"
    assert _carried_channel(text, ben, [at("unknown"), at("interview")], 0, "009")[2] == 1
    one = "One rose. Two fell."
    ran = [{"speaker_id": "ben-tal", "start": 0, "end": 8}, {"speaker_id": "ben-tal", "start": 10, "end": 18}]
    assert _carried_channel(one, ran, [at("unknown"), at("interview")], 0, "009")[2] == 1


def test_a_reply_is_placed_at_the_occasion_it_answers() -> None:
    """ "In response, Y …" takes the occasion of the words it answers, though Y has placed words later."""
    from iraq_presence.annotate.actors import Context
    from iraq_presence.annotate.draft import _placement
    from iraq_presence.annotate.suggest import Corpus, Suggestion

    text = "Ann Roe said at the meeting that the gate is shut. In response, Tal said it would open. Tal met Cal Fen."
    drafted = [
        {"speaker_id": "ann-roe", "start": text.index("the gate"), "end": text.index(". In")},
        {"speaker_id": "ben-tal", "start": text.index("it would"), "end": text.index(". Tal")},
        {"speaker_id": "ben-tal", "start": text.index("Tal met"), "end": len(text) - 1},
    ]
    placed = [
        (Suggestion("channel", c, 0.8, "cue"), Suggestion("medium", None, 0.8, "cue"))
        for c in ("meeting", "unknown", "meeting")
    ]
    ctx = Context("009_x", text, None, {}, {}, Corpus())
    assert _placement(ctx, drafted, placed, 1, "ben-tal", ([], []))[2] == 0


def test_a_capitalised_research_title_is_not_part_of_the_name() -> None:
    """ "says the X Institute’s Senior Fellow Jane Roe": the new person is Jane Roe."""
    text = "- Growers face ‘a summer without water,’ says the Harbour Institute’s Senior Fellow Jane Roe"
    assert [s["speaker"] for s in _drafted(text, dt.date(2030, 5, 10))] == ["jane-roe"]


def test_told_a_known_state_written_with_its_stop_is_no_interview() -> None:
    """ "told the V.L. envoy": the alias "V.L." keeps its stop; a state's envoy is a hearer, not an outlet."""
    ch, med = channel("Ann Roe told the V.L. envoy that the port was closed.", {"V.L.": "vale"}, {"vale": "state"})
    assert (ch.value, med.value) == ("unknown", None)


def test_the_attribution_sentence_starts_after_a_stop_behind_a_closing_quote() -> None:
    """'told X that "…go." Speaking to Y, Z said': Z's sentence is the second, its cue Y's."""
    from iraq_presence.annotate.draft import _attribution

    text = 'Ann Roe told Dockwire that "the port must go." Speaking to Vale TV, Ida Vane said the port "is ours".'
    p = {"start": text.index("is ours"), "end": text.index("is ours") + 7}
    assert _attribution(text, p, []).startswith("Speaking to Vale TV")


def test_a_fragment_keeps_its_own_stance_only_where_its_own_words_name_nothing() -> None:
    """ "a 'fitting reply'": not_addressed by its own words; "they are a threat" refers to its clause."""
    from iraq_presence.annotate.draft import _as_clause
    from iraq_presence.annotate.suggest import Suggestion

    clause = [Suggestion("stance_us_presence", "neutral", 0.6, "words 'troops'")]
    own = Suggestion("stance_us_presence", "not_addressed", 0.6, "the words name no presence")
    assert _as_clause(own, "009-s01", clause, "fitting reply").value == "not_addressed"
    assert _as_clause(own, "009-s01", clause, "they are a threat to the port").value == "neutral"
    assert _as_clause(own, "009-s01", clause, "illegal").value == "neutral"  # said of what the clause names


def test_the_reporting_verb_keeps_the_particle_of_its_content() -> None:
    from iraq_presence.annotate.draft import _verb_as_written

    text = "The two mayors agreed on the width of the port."
    p = {"reporting_verb": "agreed", "cue_start": text.index("agreed")}
    assert _verb_as_written(text, p) == "agreed on"
    text = "Ann Roe spoke of the port."
    assert _verb_as_written(text, {"reporting_verb": "spoke", "cue_start": text.index("spoke")}) == "spoke of"


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Ann Roe met the envoy on Monday.\n\nA senior Norland official said the two sides had agreed on a plan."
            "\n\nThe first phase will end in May, the official said.",
            "unnamed-senior-norland-official-009",
        ),
        (
            "Ann Roe, a senior Norland official, said the plan was agreed.\n\nIt ends in May, the official said.",
            "ann-roe",
        ),
    ],
)
def test_the_official_is_the_unnamed_source_described_before_not_the_last_name(text: str, second: str) -> None:
    speakers = [s["speaker"] for s in _drafted(text, dt.date(2030, 5, 10))]
    assert speakers[-1] == second and speakers[0] == second


def test_a_described_leader_in_the_headline_and_lead_is_the_one_person_the_body_has_speak() -> None:
    """ "The leader of one of the … militias said" and the headline's "militia leader": the one person the
    article has speak ("Name, who …, said"), not the state named in the description."""
    text = (
        "Ardanian militia leader wants the gates open\n\nHILLTOWN — The leader of one of the most powerful "
        "Ardanian-backed militias in Norland said Monday that he expects a vote on the gates.\n\n"
        "Tom Hale, who rose to prominence as a rebel, said there is no need for the gates to stay shut."
    )
    got = {s["quote"][:12]: s["speaker"] for s in _drafted(text, dt.date(2030, 5, 10))}
    assert (got["the gates op"], got["he expects a"], got["there is no "]) == ("tom-hale",) * 3


def test_an_indefinite_spokesman_is_the_one_holder_a_caption_names() -> None:
    text = (
        "Tom Hale, Vale Brigades spokesman\n\nA spokesman for the Vale Brigades says the dam must open.\n\n"
        "Tom Hale said on Tuesday that the guild does not trust Norland."
    )
    assert [s["speaker"] for s in _drafted(text, dt.date(2030, 5, 10))] == ["tom-hale", "tom-hale"]


def test_a_joint_statement_of_two_states_is_each_states_written_statement() -> None:
    """The demonym of a joint statement ("a joint Iranian-Iraqi statement") names the known state."""
    aliases = {"Iran": "iran", "Iraq": "iraq"}
    types = {"iran": "state", "iraq": "state"}
    text = "The mission will conclude “no later than May,” a joint Iranian-Iraqi statement said."
    drafted = _drafted(text, dt.date(2030, 5, 10), aliases, types)
    got = {(s["speaker"], s["channel"]) for s in drafted if s["quote"].startswith("The mission")}
    assert got == {("iran", "written_statement"), ("iraq", "written_statement")}


def test_a_lead_described_by_role_is_the_person_the_next_paragraph_names_and_its_words_skip_the_dateline() -> None:
    text = (
        "Norland to open the dam during talks: minister\n\nHILLTOWN, East Region — Norland and Vale will set a "
        "timetable for the dam, Norland’s minister of works told reporters late Wednesday.\n\n"
        "Ann Roe said the talks would discuss the river.\n\n“A timetable will be set,” the minister said."
    )
    got = [(s["speaker"], s["quote"][:14]) for s in _drafted(text, dt.date(2030, 5, 10))]
    assert got[-3:] == [("ann-roe", "Norland and Va"), ("ann-roe", "the talks woul"), ("ann-roe", "A timetable wi")]


def test_a_headline_ending_in_a_lower_case_role_is_the_lead_speakers() -> None:
    """'Words …: foreign minister' (with 'to set' in the words, no addressee) is a headline statement, its
    speaker the lead's, who is the person the next paragraph names."""
    text = (
        "Norland, Vale to set a timeline for the dam during talks: foreign minister\n\nHILLTOWN — Norland and Vale "
        "will set a timetable for the dam, Norland’s minister of foreign affairs told reporters late Wednesday.\n\n"
        "Ann Roe said the talks would discuss the river."
    )
    got = [(s["speaker"], s["quote"][:12]) for s in _drafted(text, dt.date(2030, 5, 10))]
    assert got == [("ann-roe", "Norland, Val"), ("ann-roe", "Norland and "), ("ann-roe", "the talks wo")]


@pytest.mark.parametrize(
    ("tail", "medium", "channel"),
    [
        ("Ann Roe's media office reported.", None, "meeting"),
        ("Vale Wire reported.", "vale-wire", "meeting"),
    ],
)
def test_a_report_of_someones_words_is_no_statement_of_its_own(tail: str, medium: str | None, channel: str) -> None:
    """ "In a meeting …, X said that A, Y reported": X's words are A (not "A, Y reported"), Y carries them (an
    outlet is the medium; X's own office is how they were issued), and Y says nothing of its own."""
    aliases, types = (
        {"Ann Roe": "ann-roe", "Vale Wire": "vale-wire"},
        {"ann-roe": "person", "vale-wire": "media_outlet"},
    )
    text = f"In a meeting with the envoy, Ann Roe said that one soldier in the valley is “too many,” {tail}"
    drafted = _drafted(text, dt.date(2030, 5, 10), aliases, types)
    assert {(s["speaker"], s["medium"], s["channel"]) for s in drafted} == {("ann-roe", medium, channel)}
    assert drafted[0]["quote"] == "one soldier in the valley is “too many,”"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Two armed drones hit the depot, a security source and a government source told reporters on Tuesday.",
            ["unnamed-security-source-009", "unnamed-government-source-009"],
        ),
        (
            "Armed groups aligned with Norland threatened to target the dam if Vale intervened.",
            ["unnamed-armed-groups-aligned-with-norland-009"],
        ),
    ],
)
def test_two_unnamed_sources_each_speak_and_groups_aligned_with_a_state_are_not_the_state(
    text: str, speakers: list[str]
) -> None:
    assert [s["speaker"] for s in _drafted(text, dt.date(2030, 5, 10))] == speakers


def test_a_lead_role_is_the_person_named_next_not_the_one_named_in_its_words() -> None:
    """ "Ben Tal did not ask …, Norland's president said" (paragraphs on single lines): not Ben Tal, named in
    the words, but the person the next lines have speak; "in an on-stage interview by X" is an interview."""
    text = (
        "HILLTOWN—Ben Tal did not ask Norland if he could keep the gates shut, Norland’s president said Monday.\n"
        "Tom Hale hit back at Tal in one of the first responses to the claim.\n"
        "“The gates are ours,” Hale said in an on-stage interview by Vale Wire before a gathering."
    )
    got = [(s["speaker"], s["channel"]) for s in _drafted(text, dt.date(2030, 5, 10))]
    assert got[0][0] == "tom-hale" and got[-1] == ("tom-hale", "interview")


def test_a_date_after_quoted_as_saying_dates_the_speaking() -> None:
    text = "“The dam must close,” the board’s website quoted Ann Roe as saying on Saturday evening.\n"
    [drafted] = _drafted(text, dt.date(2030, 5, 11))
    assert (drafted["speaker"], str(drafted["said_date"])) == ("ann-roe", "2030-05-11")


def test_an_iso_date_opening_the_page_is_printed() -> None:
    from iraq_presence.annotate.byline import read_metadata

    meta = read_metadata("2030-05-11 HILLTOWN – Ann Roe said the dam must close.\n", None, {}, {})
    assert meta.date is not None and meta.date.value == dt.date(2030, 5, 11)


def test_an_office_no_one_fills_is_its_unnamed_holder() -> None:
    text = "On Tuesday, Valeian Prime Minister said that the depots were now closed.\n"
    [drafted] = _drafted(text, dt.date(2030, 5, 11))
    assert drafted["speaker"] == "unnamed-valeian-prime-minister-009"


def test_a_headline_role_is_the_body_speaker_it_describes_in_apposition() -> None:
    aliases, types = {"Vale Front": "vale-front"}, {"vale-front": "armed_group"}
    text = (
        "Norlandi militia claims raids on three depots\n\n"
        "HILLTOWN, May 9 (Valepress) -- The Vale Front, a Norlandi militia, claimed the raids on the depots.\n"
    )
    got = [s["speaker"] for s in _drafted(text, dt.date(2030, 5, 11), aliases, types)]
    assert got[0] == "vale-front"


def test_a_dateline_credit_closed_by_two_hyphens_is_the_outlet() -> None:
    from iraq_presence.annotate.byline import read_metadata

    meta = read_metadata("Raids resume\n\nHILLTOWN, May 9 (Valepress) -- The raids resumed.\n", None, {}, {})
    assert meta.outlet is not None and meta.outlet.text == "Valepress"


def test_an_outlet_named_with_the_is_the_medium_and_a_month_is_none() -> None:
    text = "In an on-stage interview by The Daily Vale on June 25, Ann Roe said the dam would close.\n"
    [drafted] = _drafted(text, dt.date(2030, 6, 26))
    assert drafted["medium"] == "the-daily-vale"


DAY = dt.date(2030, 5, 10)
LEAD = (
    "Harbour talks stall\n\n"
    "The Vale Front has called for the closure of the northern port before the winter, a demand that has "
    "deepened the rift with the traders' guild.\n\n"
    "The guild met on Monday and did not reply.\n\n"
    "{later}\n"
)


def test_the_lead_shares_the_utterance_of_the_like_act_the_body_reports() -> None:
    later = "In its statement, the Vale Front said the northern port must close before the winter comes."
    out = _drafted(LEAD.format(later=later), DAY, {"Vale Front": "vale-front"}, {"vale-front": "coalition"})
    lead = next(s for s in out if s["quote"].startswith("the closure"))
    body = next(s for s in out if s["quote"].startswith("the northern port must"))
    assert lead["utterance"] == body["utterance"]
    assert any("the lead shares the utterance" in line for line in lead["unreviewed"])


def test_the_lead_keeps_its_own_utterance_beside_a_post_or_another_point() -> None:
    posts = "In a post on X, the Vale Front said the northern port must close before the winter comes."
    out = _drafted(LEAD.format(later=posts), DAY, {"Vale Front": "vale-front"}, {"vale-front": "coalition"})
    lead = next(s for s in out if s["quote"].startswith("the closure"))
    body = next(s for s in out if s["quote"].startswith("the northern port must"))
    assert lead["utterance"] != body["utterance"]
    other = "The Vale Front said the harvest had been good this year."
    out = _drafted(LEAD.format(later=other), DAY, {"Vale Front": "vale-front"}, {"vale-front": "coalition"})
    assert len({s["utterance"] for s in out if s["speaker"] == "vale-front"}) == 2


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Many Norwegians say the troops must leave the country soon.", "unnamed-norwegians-009"),
        ("Several members of parliament said the law was needed to protect the state.", None),
    ],
)
def test_a_nations_people_and_members_of_a_body_are_unnamed_collectives(sentence: str, speaker: str | None) -> None:
    out = _drafted(f"Talks stall\n\n{sentence}\n", DAY, {"Valeia": "valeia"}, {"valeia": "state"})
    [s] = out
    assert s["speaker"].startswith("unnamed-") and (speaker is None or s["speaker"] == speaker)


def test_the_outlet_as_a_source_is_the_outlet_named_last_before_it() -> None:
    text = (
        "Talks stall\n\nAda Lund told Vale Weekly that the talks had failed.\n\n"
        "The outlet said the guild would strike again soon.\n"
    )
    known = {"Ada Lund": "ada-lund", "Vale Weekly": "vale-weekly"}
    out = _drafted(text, DAY, known, {"ada-lund": "person", "vale-weekly": "media_outlet"})
    assert [s["speaker"] for s in out] == ["ada-lund", "vale-weekly"]


def test_the_outlet_may_be_one_first_named_in_this_article() -> None:
    text = (
        "Talks stall\n\nAda Lund told Quillpost that the talks had failed.\n\nThe talks will resume, the outlet said.\n"
    )
    out = _drafted(text, DAY, {"Ada Lund": "ada-lund"}, {"ada-lund": "person"})
    assert [s["speaker"] for s in out] == ["ada-lund", "quillpost"]
