"""A maintainer adds an article: the package grows by one and every package check still passes.

The sixth article is made up here (no corpus text); its id is the one `dataset add` reports, and
every count is read from data/raw/SHA256SUMS, so the test holds whatever the corpus's size.
"""

from pathlib import Path

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from iraq_presence.cli import app
from iraq_presence.make import build, stale

from .conftest import added_id, article_count, copy_repo, once

runner = CliRunner()

HEADLINE = "Committee session on foreign forces adjourned"
MADE_UP = (
    f"{HEADLINE}\n"
    "Lawmakers in Baghdad met on Monday to discuss the foreign forces in Iraq.\n"
    "The committee called the session “a first step” and set no date for a vote.\n"
)


def accept(repo: Path, article_id: str) -> None:
    """What a maintainer writes after review: the draft replaced by accepted curation, every null explained."""
    doc = {
        "article_id": article_id,
        "source_file": f"{article_id}.txt",
        "status": "accepted",
        "language": "en",
        "title": {"quote": HEADLINE},
        "outlet": None,
        "outlet_note": "Test article: no publisher named.",
        "published_date": None,
        "published_date_note": "Test article: not dated.",
        "url": None,
        "url_note": "Test article: no URL.",
        "dismissed_quotes": [{"quote": "a first step", "reason": "scare_quotes", "note": "Test article."}],
    }
    path = repo / "data" / "curation" / "articles" / f"{article_id}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    """A copy with one made-up article added (`dataset add`), accepted and built, made once per
    run: the repository copy, the new id, and how many articles there were before. Read-only."""

    def fill(folder: Path) -> None:
        repo = copy_repo(folder / "repo")
        before = article_count(repo)
        src = folder / "made-up.txt"
        src.write_text(MADE_UP, encoding="utf-8")
        with pytest.MonkeyPatch.context() as mp:
            mp.chdir(repo)
            result = runner.invoke(app, ["add", str(src)])
        assert result.exit_code == 0, result.output
        article_id = added_id(result.output)
        accept(repo, article_id)
        build(repo)
        (folder / "added.txt").write_text(f"{article_id} {before}", encoding="utf-8")

    folder = once(tmp_path_factory, "grown", fill)
    article_id, before = (folder / "added.txt").read_text(encoding="utf-8").split()
    return folder / "repo", article_id, int(before)


def test_a_sixth_article_builds_and_passes_every_check(
    grown: tuple[Path, str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, article_id, before = grown
    assert article_count(repo) == before + 1
    assert (repo / "data" / "raw" / f"{article_id}.txt").read_text(encoding="utf-8") == MADE_UP
    assert stale(repo) == [], "the committed tables are what a rebuild writes"
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output  # every package rule passes on the grown package
    assert "valid: 0 failure(s)" in result.output and "pending drafts" not in result.output

    articles = pd.read_parquet(repo / "data" / "articles.parquet")
    assert len(articles) == article_count(repo) == before + 1
    row = articles.set_index("article_id").loc[article_id]
    assert row["title"] == HEADLINE and row["text"] == MADE_UP
    spans = pd.read_parquet(repo / "data" / "quote_spans.parquet")
    assert list(spans.loc[spans["article_id"] == article_id, "status"]) == ["dismissed"]
    mentions = pd.read_parquet(repo / "data" / "mentions.parquet")
    assert (mentions["article_id"] == article_id).any(), "the alias matcher ran on the new text"


def test_frictionless_validates_the_grown_package(grown: tuple[Path, str, int]) -> None:
    from frictionless import validate

    repo = grown[0]
    for name in ("datapackage.json", "datapackage.parquet.json"):
        report = validate(str(repo / name))
        assert report.valid, report.flatten(["type", "note"])[:5]
