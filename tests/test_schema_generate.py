"""schemas/*.json are generated from the field, vocabulary and table definitions, and each field and
code is defined once: regeneration gives the committed bytes, and the derived parts (enum, unique)
follow from their single source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iraq_presence.schema import generate
from iraq_presence.schema.fields import FIELDS
from iraq_presence.schema.resources import RESOURCES
from iraq_presence.schema.vocabularies import VOCABULARIES

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schemas_are_the_generated_ones() -> None:
    stale = generate.stale(ROOT / "schemas")
    assert not stale, f"{stale} differ from the definitions: run python -m iraq_presence.schema.generate"


def test_write_then_check_round_trips(tmp_path: Path) -> None:
    (tmp_path / "stray.json").write_text("{}")
    (tmp_path / "articles.json").write_text("{}")
    written = generate.write(tmp_path)
    assert "stray.json" in written and "articles.json" in written
    assert generate.stale(tmp_path) == []
    assert sorted(p.name for p in tmp_path.glob("*.json")) == sorted(f"{n}.json" for n in RESOURCES)


def test_enum_is_derived_from_the_vocabulary() -> None:
    for table in RESOURCES:
        for field in generate.table_descriptor(table)["fields"]:
            if "categories" in field:
                assert field["constraints"]["enum"] == [c["value"] for c in field["categories"]]


def test_every_defined_field_and_vocabulary_is_used() -> None:
    used = {c for spec in RESOURCES.values() for c in spec["fields"]}
    assert set(FIELDS) - used == set()
    named = {
        o.get("vocabulary", FIELDS[c].get("vocabulary"))
        for spec in RESOURCES.values()
        for c in spec["fields"]
        for o in [spec.get("field_overrides", {}).get(c, {})]
    }
    assert set(VOCABULARIES) - named == set()


def test_single_column_primary_key_is_unique() -> None:
    for table, spec in RESOURCES.items():
        if len(spec["primary_key"]) == 1:
            (key,) = spec["primary_key"]
            field = next(f for f in generate.table_descriptor(table)["fields"] if f["name"] == key)
            assert field["constraints"]["unique"] is True


def test_url_fields_admit_only_http(tmp_path: Path) -> None:
    import re

    urls = [
        (t, f)
        for t in RESOURCES
        for f in generate.table_descriptor(t)["fields"]
        if f["name"] == "url" or f["name"].endswith("_url")
    ]
    assert urls
    for table, field in urls:
        pattern = re.compile(field["constraints"]["pattern"])
        assert pattern.match("https://example.org/a"), table
        assert not pattern.match("javascript:alert(1)"), table
        assert not pattern.match("file:///etc/passwd"), table


def test_an_override_with_an_unknown_key_names_table_and_field(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = json.loads(json.dumps(RESOURCES["articles"]))
    spec["field_overrides"] = {"article_id": {"descripton": "typo"}}
    monkeypatch.setitem(RESOURCES, "articles", spec)
    with pytest.raises(ValueError, match=r"articles\.article_id: unknown key 'descripton'"):
        generate.table_descriptor("articles")


def test_a_table_naming_an_undefined_field_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = {**RESOURCES["articles"], "fields": [*RESOURCES["articles"]["fields"], "no_such_field"]}
    monkeypatch.setitem(RESOURCES, "articles", spec)
    with pytest.raises(ValueError, match="no_such_field"):
        generate.table_descriptor("articles")


def test_build_refuses_a_schema_that_differs_from_its_definitions(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from iraq_presence.cli import app

    path = repo / "schemas" / "events.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"Kind of event."', '"Kind of events."'), encoding="utf-8")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(app, ["build", "-q"])
    assert result.exit_code == 1
    assert "SCHEMA-generated: schemas/events.json" in result.output
    assert "python -m iraq_presence.schema.generate" in result.output


def test_a_table_cannot_override_a_fields_type(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = {**RESOURCES["articles"], "field_overrides": {"n_chars": {"type": "string"}}}
    monkeypatch.setitem(RESOURCES, "articles", spec)
    with pytest.raises(ValueError, match=r"articles\.n_chars: a field's type is defined once"):
        generate.table_descriptor("articles")
