"""The agreement script scores a made-up second coding against made-up tables."""

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

_spec = importlib.util.spec_from_file_location("agreement", Path(__file__).parents[1] / "benchmarks" / "agreement.py")
agreement = importlib.util.module_from_spec(_spec)
sys.modules["agreement"] = agreement
_spec.loader.exec_module(agreement)

HEADER = (
    "statement_id,speaker_id,statement_type,channel,said_date_precision,"
    "plover_category,plover_mode,plover_target_id,stance_us_presence,utterance_id\n"
)
STATEMENTS = (
    HEADER
    + """x-s1,a,direct,meeting,day,REQUEST,yield,b,demands_withdrawal,u1
x-s2,a,partial,meeting,day,ACCUSE,,b,demands_withdrawal,u1
x-s3,a,indirect,unknown,,,,,not_addressed,u2
x-s4,c,direct,email,,,,,neutral,u3
"""
)


def _tables(tmp: Path) -> Path:
    (tmp / "statements.csv").write_text(STATEMENTS, encoding="utf-8")
    (tmp / "statement_topics.csv").write_text("statement_id,topic\nx-s1,t1\nx-s2,t1\nx-s2,t2\n", encoding="utf-8")
    (tmp / "meetings.csv").write_text(
        "meeting_id,meeting_type,meeting_date_precision\nm1,visit,day\n", encoding="utf-8"
    )
    (tmp / "meeting_participants.csv").write_text(
        "meeting_id,actor_id,role\nm1,a,host\nm1,b,visitor\n", encoding="utf-8"
    )
    (tmp / "affiliations.csv").write_text("affiliation_id,role\naf1,member\n", encoding="utf-8")
    return tmp


def _second(tmp: Path, changes: dict | None = None) -> Path:
    rows = [
        {
            "statement_id": "x-s1",
            "statement_type": "direct",
            "channel": "meeting",
            "said_date_precision": "day",
            "plover_category": "REQUEST",
            "plover_mode": "yield",
            "plover_target": "b",
            "stance_us_presence": "demands_withdrawal",
            "topics": ["t1"],
            "utterance_group": "g1",
        },
        {
            "statement_id": "x-s2",
            "statement_type": "partial",
            "channel": "meeting",
            "said_date_precision": "day",
            "plover_category": "ACCUSE",
            "plover_mode": None,
            "plover_target": "b",
            "stance_us_presence": "demands_withdrawal",
            "topics": ["t1", "t2"],
            "utterance_group": "g1",
        },
        {
            "statement_id": "x-s3",
            "statement_type": "indirect",
            "channel": "unknown",
            "said_date_precision": None,
            "plover_category": None,
            "plover_mode": None,
            "plover_target": None,
            "stance_us_presence": "not_addressed",
            "topics": [],
            "utterance_group": "g2",
        },
        {
            "statement_id": "x-s4",
            "statement_type": "direct",
            "channel": "email",
            "said_date_precision": None,
            "plover_category": None,
            "plover_mode": None,
            "plover_target": None,
            "stance_us_presence": "neutral",
            "topics": [],
            "utterance_group": "g9",
        },
    ]
    for (sid, key), value in (changes or {}).items():
        next(r for r in rows if r["statement_id"] == sid)[key] = value
    doc = {
        "statements": rows,
        "meetings": [
            {
                "meeting_id": "m1",
                "meeting_type": "visit",
                "meeting_date_precision": "day",
                "participants": [{"actor_id": "a", "role": "host"}, {"actor_id": "b", "role": "visitor"}],
            }
        ],
        "affiliations": [{"affiliation_id": "af1", "role": "member"}],
    }
    path = tmp / "second.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return path


def _by_field(scores: list) -> dict:
    return {s.field: s for s in scores}


def test_identical_codings_agree_fully(tmp_path: Path) -> None:
    scores = _by_field(agreement.all_scores(_tables(tmp_path), _second(tmp_path)))
    assert scores["channel"].alpha == pytest.approx(1.0)
    assert scores["plover_target"].agreement == 1.0
    assert scores["utterance grouping (same-speaker pairs)"].units == 3  # pairs of speaker a only
    assert all(not s.disagreements for s in scores.values())


def test_a_disagreement_lowers_alpha_and_is_listed(tmp_path: Path) -> None:
    second = _second(tmp_path, {("x-s3", "channel"): "meeting", ("x-s3", "utterance_group"): "g1"})
    scores = _by_field(agreement.all_scores(_tables(tmp_path), second))
    assert scores["channel"].alpha < 1.0
    assert scores["channel"].disagreements == [("x-s3", "unknown", "meeting")]
    assert len(scores["utterance grouping (same-speaker pairs)"].disagreements) == 2


def test_a_null_is_a_code_of_its_own(tmp_path: Path) -> None:
    second = _second(tmp_path, {("x-s1", "plover_target"): None})
    scores = _by_field(agreement.all_scores(_tables(tmp_path), second))
    assert scores["plover_target"].disagreements == [("x-s1", "b", agreement.NULL)]


def test_cli_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert agreement.main([str(tmp_path / "none.yaml"), "--tables", str(_tables(tmp_path))]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_before_and_after_side_by_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tables = _tables(tmp_path)
    second = _second(tmp_path, {("x-s3", "channel"): "meeting"})
    assert agreement.main([str(second), "--tables", str(tables), "--before", str(tables)]) == 0
    out = capsys.readouterr().out
    assert "alpha, independent" in out
    assert "| statements | channel | 4 |" in out


def test_a_field_scored_only_before_keeps_its_independent_row(tmp_path: Path) -> None:
    before = [agreement.score("statements", "topic: gone", [("x-s1", True, False), ("x-s2", False, False)])]
    out = agreement.compared(before, [])
    assert "| statements | topic: gone | 2 |" in out
    assert "not scored now" in out


def test_statements_a_guide_names_can_be_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    guide = tmp_path / "guide.md"
    guide.write_text("A precedent: x-s1 is not an id of the pattern; 000-s01 and 001-s22 are.\n", encoding="utf-8")
    assert agreement.named_ids(guide) == frozenset({"000-s01", "001-s22"})
    tables = _tables(tmp_path)
    second = _second(tmp_path, {("x-s3", "channel"): "meeting"})
    scores = _by_field(agreement.all_scores(tables, second, frozenset({"x-s3"})))
    assert scores["channel"].units == 3
    assert not scores["channel"].disagreements
    assert agreement.main([str(second), "--tables", str(tables), "--exclude-named", str(tmp_path / "none.md")]) == 2
    assert "does not exist" in capsys.readouterr().err
