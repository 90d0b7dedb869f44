"""Raw texts: immutable, UTF-8, non-empty, unique; refused otherwise with nothing touched."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from iraq_presence.annotate.intake import next_article_id
from iraq_presence.cli import app
from iraq_presence.errors import SourceError
from iraq_presence.paths import Layout
from iraq_presence.tables.sources import decode_text, load_sources, read_sums

from .conftest import article_count, snapshot

runner = CliRunner()


def run_build(root: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(root)
    return runner.invoke(app, ["build", "-q"])


def test_sources_load_and_match_hashes(repo: Path) -> None:
    lay = Layout(repo)
    sources = load_sources(lay.raw, lay.sums)
    assert len(sources) == article_count(repo) > 0
    assert all(len(s.text) > 1000 for s in sources.values())


def test_changed_raw_file_refused(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = next((repo / "data" / "raw").glob("002_*.txt"))
    target.write_bytes(target.read_bytes().replace(b"Tuesday , 7 May 2024", b"Tuesday, 7 May 2024"))
    before = snapshot(repo / "data")
    result = run_build(repo, monkeypatch)
    assert result.exit_code == 1
    assert "SHA-256" in result.output and "002_" in result.output
    assert snapshot(repo / "data") == before


def test_unlisted_raw_file_refused(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    unlisted = next_article_id(read_sums(Layout(repo).sums), "a" * 64)
    (repo / "data" / "raw" / f"{unlisted}.txt").write_text("A new text.", encoding="utf-8")
    result = run_build(repo, monkeypatch)
    assert result.exit_code == 1
    assert "not in SHA256SUMS" in result.output


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"  \n", "empty"), (b"abc\x00def", "binary"), (b"caf\xe9 au lait", "not UTF-8")],
)
def test_bad_bytes_refused(data: bytes, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        decode_text("x.txt", data)


def test_duplicate_content_refused(repo: Path) -> None:
    lay = Layout(repo)
    src = next(lay.raw.glob("000_*.txt"))
    dup = lay.raw / f"{next_article_id(read_sums(lay.sums), 'b' * 64)}.txt"
    dup.write_bytes(src.read_bytes())
    digest = lay.sums.read_text().splitlines()[0].split()[0]
    with lay.sums.open("a") as fh:
        fh.write(f"{digest}  {dup.name}\n")
    with pytest.raises(SourceError, match="same content"):
        load_sources(lay.raw, lay.sums)
