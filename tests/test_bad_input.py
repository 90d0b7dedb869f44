"""Bad curation input: one clear message naming file, entry and field; exit 1; data/ untouched."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from iraq_presence.cli import app

from .conftest import snapshot

runner = CliRunner()
ACTORS = "data/curation/actors.yaml"
ART000 = "data/curation/articles/000_8d60bd290a0bcbc5.yaml"


def replace(root: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def refused(root: Path, monkeypatch: pytest.MonkeyPatch, change) -> str:
    """Apply `change`, build, and return the message; the tables must be byte-identical."""
    monkeypatch.chdir(root)
    before = {k: v for k, v in snapshot(root / "data").items() if not k.startswith("curation/")}
    change(root)
    result = runner.invoke(app, ["build", "-q"])
    assert result.exit_code == 1, result.output
    after = {k: v for k, v in snapshot(root / "data").items() if not k.startswith("curation/")}
    assert after == before
    return result.output


def test_yaml_syntax_error_names_file_and_line(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = refused(repo, monkeypatch, lambda r: replace(r, ACTORS, "  name: Ali Khamenei\n", "  name: [Ali Khamenei\n"))
    assert ACTORS in out and "YAML syntax error at line" in out


def test_unknown_key_suggests_nearest(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = refused(repo, monkeypatch, lambda r: replace(r, ACTORS, "  description: Supreme", "  descripton: Supreme"))
    assert "entry #1 (actor_id=ali-khamenei)" in out and "unknown key" in out and "'description'" in out


def test_unknown_actor_suggests_nearest(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def change(r: Path) -> None:
        replace(r, "data/curation/articles/004_ab73fb8b2e953481.yaml", "actor: ahmad-majidyar", "actor: ahmad-majidiar")

    out = refused(repo, monkeypatch, change)
    assert "FK-article_authors-actor_id" in out and "ahmad-majidiar" in out and "ahmad-majidyar" in out


def test_quote_not_found_shows_closest_passage(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a curly apostrophe pasted where the article has a straight one
    out = refused(
        repo,
        monkeypatch,
        lambda r: replace(
            r, ACTORS, 'quote: "Iran\'s Supreme Leader Ali Khamenei"', 'quote: "Iran’s Supreme Leader Ali Khamenei"'
        ),
    )
    assert "not found; closest passage" in out and "first difference at character 4" in out
    assert "field 'evidence'" in out


def test_ambiguous_quote_needs_occurrence(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = refused(repo, monkeypatch, lambda r: replace(r, ACTORS, "occurrence: 1}", "}"))
    assert "occurs 2 times" in out and "occurrence: N" in out


def test_duplicate_ids(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = refused(repo, monkeypatch, lambda r: replace(r, ACTORS, "actor_id: iraq\n", "actor_id: iran\n"))
    assert "duplicate actor_id 'iran'" in out and "line" in out


def test_empty_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = refused(repo, monkeypatch, lambda r: (r / ACTORS).write_text("", encoding="utf-8"))
    assert ACTORS in out and "file is empty" in out


def test_missing_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = refused(repo, monkeypatch, lambda r: (r / ACTORS).unlink())
    assert ACTORS in out and "file is missing" in out


def test_missing_article_curation(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = refused(repo, monkeypatch, lambda r: (r / ART000).unlink())
    assert ART000 in out and "file is missing" in out


def test_yaml_is_loaded_safely(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def change(r: Path) -> None:
        replace(r, ACTORS, "  name: Ali Khamenei\n", "  name: !!python/object/apply:os.system ['echo pwned']\n")

    out = refused(repo, monkeypatch, change)
    assert "YAML" in out and "pwned" not in out.split("python/object")[0]


def test_an_ambiguous_date_quote_names_its_own_occurrence_key() -> None:
    """A said_date_quote printed twice is disambiguated by said_date_occurrence, and the error says so."""
    from iraq_presence.tables.spans import SpanNotFound, locate

    with pytest.raises(SpanNotFound, match=r"add 'said_date_occurrence: N' \(1-2\)"):
        locate("on Friday he spoke; on Friday he left", "on Friday", None, "said_date_occurrence")
