"""Curation mistakes a person makes: each gives one message with file, line, entry, field, what was
expected and the nearest valid value, raised by the loader before anything is assembled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from iraq_presence.errors import CurationError
from iraq_presence.tables.curation import load_curation
from iraq_presence.tables.curation.writer import dumps

from .conftest import ROOT

ART = "data/curation/articles/002_cc5981bae35e539d.yaml"
ACTORS = "data/curation/actors.yaml"


@pytest.fixture
def cur(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data" / "curation", tmp_path / "data" / "curation")
    return tmp_path


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def message(root: Path) -> str:
    with pytest.raises(CurationError) as info:
        load_curation(root / "data" / "curation", root)
    text = str(info.value)
    assert "\n" not in text and "Traceback" not in text
    return text


def line_of(root: Path, rel: str, needle: str, nth: int = 1) -> int:
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[nth - 1]


def test_impossible_date_names_line(cur: Path) -> None:
    edit(cur, ART, "published_date: 2020-07-01", "published_date: 2020-13-01")
    out = message(cur)
    assert out.startswith(f"{ART}, line {line_of(cur, ART, 'published_date: 2020-13-01')}:")
    assert "impossible date '2020-13-01'" in out and "YYYY-MM-DD" in out


def test_duplicate_statement_reported_at_the_duplicate(cur: Path) -> None:
    edit(cur, ART, "statement_id: 002-s02", "statement_id: 002-s01")
    out = message(cur)
    second = line_of(cur, ART, "statement_id: 002-s01", 2)
    first = line_of(cur, ART, "statement_id: 002-s01", 1)
    assert f"line {second}" in out and "statements #2" in out and f"first used in {ART} at line {first}" in out


def test_duplicate_actor_reported_at_the_duplicate(cur: Path) -> None:
    edit(cur, ACTORS, "actor_id: iraq\n", "actor_id: iran\n")
    out = message(cur)
    assert "duplicate actor_id 'iran'" in out
    assert f"line {line_of(cur, ACTORS, 'actor_id: iran', 2)}" in out


def test_unknown_nested_key_names_its_own_line_and_one_based_entry(cur: Path) -> None:
    edit(cur, ART, "  statement_type: direct", "  statement_typ: direct")
    out = message(cur)
    assert f"line {line_of(cur, ART, 'statement_typ:')}" in out
    assert "statements #1 (statement_id=002-s01).statement_typ" in out
    assert "did you mean 'statement_type'" in out and "line 1:" not in out


def test_wrong_value_of_closed_key_suggests_nearest(cur: Path) -> None:
    edit(cur, ART, "article_id: 002_cc5981bae35e539d\n", "article_id: 002_cc5981bae35e539d\nstatus: acepted\n")
    out = message(cur)
    assert "field 'status'" in out and "did you mean 'accepted'" in out


def test_syntax_error_points_at_the_line_with_a_hint(cur: Path) -> None:
    edit(cur, ART, "  reporting_verb: told", "  reporting_verb: told: him")
    out = message(cur)
    assert f"YAML syntax error at line {line_of(cur, ART, 'told: him')}" in out and "must be quoted" in out


def test_wrong_indentation(cur: Path) -> None:
    edit(cur, ART, "  speaker: ali-khamenei", "   speaker: ali-khamenei")
    out = message(cur)
    assert "YAML syntax error at line" in out and "indented" in out


def test_anchor_refused_with_reason(cur: Path) -> None:
    edit(cur, ART, "  said_date: 2020-07-21", "  said_date: &d 2020-07-21")
    out = message(cur)
    assert f"line {line_of(cur, ART, '&d 2020')}" in out and "anchor &d is not allowed" in out
    assert "editing one silently edits the others" in out


def test_no_curation_file_holds_an_anchor() -> None:
    import yaml

    for path in sorted((ROOT / "data" / "curation").rglob("*.yaml")):
        tokens = yaml.scan(path.read_text(encoding="utf-8"))
        assert not any(isinstance(t, yaml.AnchorToken | yaml.AliasToken) for t in tokens), path


def test_writer_writes_repeated_values_out() -> None:
    shared = {"category": "REQUEST", "context": ["military"]}
    text = dumps([{"plover": shared}, {"plover": shared}])
    assert "&" not in text and "*" not in text and text.count("category: REQUEST") == 2
