"""The build cache: a rebuild after one edit parses and assembles only what changed, and gives the
same bytes as `dataset build --no-cache`; an entry is never used when any input differs, and a
corrupt, truncated or planted cache file is ignored and rebuilt."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from iraq_presence.cli import app
from iraq_presence.make import build, produce, stale
from iraq_presence.paths import Layout
from iraq_presence.tables import cache as cache_module

from .conftest import article_count, snapshot

runner = CliRunner()


def summary(root: Path) -> dict[str, int]:
    """What a cached build reused and computed, from its progress message."""
    lines: list[str] = []
    build(root, progress=lines.append)
    [line] = [x for x in lines if x.startswith("build cache:")]
    numbers = [int(n) for n in re.findall(r"\d+", line)]
    return dict(zip(("files_reused", "articles_reused", "files_computed", "articles_computed"), numbers))


def edit_one_article(root: Path) -> str:
    """Prefix the first article's url_note: a real edit that reaches the articles table."""
    path = next(
        p for p in sorted((root / "data" / "curation" / "articles").glob("*.yaml")) if "\nurl_note: " in p.read_text()
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace("\nurl_note: ", "\nurl_note: Edited. ", 1), encoding="utf-8"
    )
    return path.stem


def test_rebuild_after_one_edit_reads_and_assembles_only_that_article(repo: Path) -> None:
    n = article_count(repo)
    first = summary(repo)
    files = first["files_computed"]  # every curation file the loader reads
    assert first["files_reused"] == 0 and files > n and first["articles_computed"] == n
    assert summary(repo) == {"files_reused": files, "articles_reused": n, "files_computed": 0, "articles_computed": 0}
    article_id = edit_one_article(repo)
    assert summary(repo) == {
        "files_reused": files - 1,
        "articles_reused": n - 1,
        "files_computed": 1,
        "articles_computed": 1,
    }
    articles = pd.read_parquet(repo / "data" / "articles.parquet").set_index("article_id")
    assert articles.loc[article_id, "url_note"].startswith("Edited. ")


def test_cached_build_gives_the_bytes_of_no_cache(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(repo)
    edit_one_article(repo)
    build(repo)  # from the cache, but for the edited article
    cached = snapshot(repo)
    assert (Layout(repo).cache).is_dir()
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["build", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "built: 0 file(s) changed" in result.output and "build cache" not in result.output
    assert snapshot(repo) == cached
    assert produce(repo, cache=False).files == produce(repo).files
    assert stale(repo, cache=False) == [] and stale(repo) == []


def test_shared_curation_or_code_change_invalidates_every_article(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from iraq_presence.tables.assemble import Assembler

    n = article_count(repo)
    build(repo)
    actors = repo / "data" / "curation" / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    got = summary(repo)
    assert (got["files_computed"], got["articles_reused"]) == (1, n)  # re-parsed; the aliases read are the same
    real = Assembler._gazetteer_key
    monkeypatch.setattr(Assembler, "_gazetteer_key", lambda self: real(self) + "-another-alias")
    got = summary(repo)
    assert (got["files_computed"], got["articles_computed"]) == (0, n)  # the rows read the aliases
    monkeypatch.setattr(cache_module, "code_version", lambda: "another version of the code")
    got = summary(repo)
    assert (got["files_reused"], got["articles_reused"]) == (0, 0)


def test_corrupt_truncated_or_planted_cache_files_are_ignored(repo: Path, tmp_path: Path) -> None:
    build(repo)
    expected = snapshot(repo)
    entries = sorted(Layout(repo).cache.glob("*.pickle"))
    assert len(entries) >= article_count(repo)
    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self):
            return (Path.touch, (marker,))

    payload = pickle.dumps(Planted())
    entries[0].write_bytes(b"".join(cache_module.sealed(payload)))  # a valid entry: only the loader refuses it
    entries[1].write_bytes(entries[1].read_bytes()[:40])  # truncated
    entries[2].write_bytes(b"")  # empty
    entries[3].write_bytes(b"\0" * 4096)  # zeros, as a power loss may leave
    for entry in entries[4:]:
        data = bytearray(entry.read_bytes())
        data[-2] ^= 0xFF  # one flipped byte
        entry.write_bytes(bytes(data))
    for rel in [p for p in expected if p.startswith("data/") and p.endswith((".csv", ".parquet"))]:
        (repo / rel).unlink()
    got = summary(repo)
    assert not marker.exists(), "a planted cache entry ran code"
    assert got["articles_reused"] == 0 and got["files_reused"] == 0
    assert snapshot(repo) == expected
    assert summary(repo)["articles_computed"] == 0, "the rebuilt entries are used next time"


def test_cache_folder_planted_as_a_link_is_not_written_through(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / ".cache").mkdir()
    Layout(repo).cache.symlink_to(outside, target_is_directory=True)
    assert produce(repo).files == produce(repo, cache=False).files
    assert list(outside.iterdir()) == []


def test_an_article_failing_its_coding_check_is_never_cached(repo: Path) -> None:
    """The loader checks only articles not from the cache for an uncoded statement, so one that
    fails the check must never be stored: the next build meets the same error again."""
    from iraq_presence.errors import CurationError
    from iraq_presence.tables.curation import load_curation

    path = next(
        p
        for p in sorted((repo / "data" / "curation" / "articles").glob("*.yaml"))
        if "\nstatus: draft" not in p.read_text() and re.search(r"\n +channel: ", p.read_text())
    )
    path.write_text(re.sub(r"\n +channel: [^\n]*", "", path.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    messages = []
    for _ in range(2):
        memo = cache_module.BuildCache(repo)
        with pytest.raises(CurationError, match="does not code channel") as exc:
            load_curation(repo / "data" / "curation", repo, memo)
        messages.append(str(exc.value))
    assert messages[0] == messages[1]
    assert cache_module.BuildCache(repo).parsed(path) is cache_module.MISSING


def test_an_unchanged_table_keeps_its_files_only_while_they_hold_the_recorded_bytes(repo: Path) -> None:
    """A table whose content is the one its committed files were written from keeps their bytes;
    a committed file edited by hand is reported by `build --check` and rewritten by the build."""
    build(repo)
    expected = snapshot(repo)
    csv = repo / "data" / "articles.csv"
    csv.write_bytes(csv.read_bytes() + b"planted,row\n")
    assert stale(repo) == ["data/articles.csv"]
    build(repo)
    assert snapshot(repo) == expected


def test_a_list_files_cached_rows_that_do_not_read_are_made_again_from_its_entries(repo: Path) -> None:
    """The loader leaves a list file unloaded when its rows are cached; an entry that then proves
    unreadable (a valid checksum, not rows) has the assembler load the file's entries after all."""
    from collections import Counter

    from iraq_presence.tables.sources import load_sources

    build(repo)
    lay = Layout(repo)
    memo = cache_module.BuildCache(repo)
    memo.set_texts(load_sources(lay.raw, lay.sums))
    path = lay.curation / "meetings.yaml"
    key = memo._list_key(path, cache_module._digest(path) or "")
    planted = ({"meetings": b"not Arrow"}, Counter())
    memo._put(key, planted)
    again = cache_module.BuildCache(repo)
    again.set_texts(load_sources(lay.raw, lay.sums))
    assert again.list_rows(path) == planted  # the entry the loader will find
    assert produce(repo).files == produce(repo, cache=False).files


def test_a_new_utterance_repeating_an_id_of_cached_utterances_is_reported_as_without_the_cache(repo: Path) -> None:
    """utterances.yaml is not loaded when its rows are cached; an article's new utterance that
    repeats one of its ids still gets the message a build without the cache gives."""
    from iraq_presence.errors import CurationError

    build(repo)
    first = (repo / "data" / "curation" / "utterances.yaml").read_text(encoding="utf-8").split("\n- ")[1]
    article = sorted((repo / "data" / "curation" / "articles").glob("*.yaml"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "new_utterances:\n- " + first.rstrip() + "\n")
    with pytest.raises(CurationError) as cached:
        produce(repo)
    with pytest.raises(CurationError) as fresh:
        produce(repo, cache=False)
    assert "duplicate utterance_id" in str(cached.value) and str(cached.value) == str(fresh.value)


def test_pooled_cold_build_matches_serial_and_warms_the_cache(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader's pool (its workers parse, check and store each article, handing back stubs)
    writes the bytes the serial loader writes, and leaves a cache the next build reuses whole."""
    from iraq_presence.tables.curation import loader

    build(repo, cache=False)
    before = snapshot(repo)
    monkeypatch.setattr(loader, "POOL_MIN_BYTES", 1)
    first = summary(repo)
    assert snapshot(repo) == before
    assert first["files_reused"] == 0 and first["articles_computed"] == article_count(repo)
    again = summary(repo)
    assert again["files_computed"] == 0 and again["articles_computed"] == 0


def test_pooled_load_reports_what_the_serial_load_reports(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file a worker cannot read, or an article that fails `check_coded`, is reported with the
    message (file, line, entry, field) the serial loader gives, first error in file order first."""
    from iraq_presence.errors import CurationError
    from iraq_presence.tables.curation import loader

    folder = repo / "data" / "curation"
    paths = sorted((folder / "articles").glob("*.yaml"))
    text = paths[-1].read_text(encoding="utf-8")
    uncoded = text.replace("\nlanguage: ", "\nunreviewed: ['stance: TODO']\nlanguage: ", 1)
    broken = {
        paths[-1]: uncoded,  # passes the worker's parse, fails check_coded
        paths[1]: paths[1].read_text(encoding="utf-8").replace("\nlanguage: ", "\nlanguage: [unclosed\n", 1),
        folder / "meetings.yaml": "- meeting_id: x\n  unknown_key: 1\n",
    }
    originals = {path: path.read_text(encoding="utf-8") for path in broken}

    def messages() -> list[str]:
        out = []
        for path, bad in broken.items():  # each fault alone, then the first two together
            path.write_text(bad, encoding="utf-8")
            out.append(_message(repo, CurationError))
            path.write_text(originals[path], encoding="utf-8")
        paths[-1].write_text(uncoded, encoding="utf-8")
        paths[1].write_text(broken[paths[1]], encoding="utf-8")
        out.append(_message(repo, CurationError))
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
        return out

    serial = messages()
    assert "unreviewed" in serial[0] and paths[-1].name in serial[0] and paths[1].name in serial[3]
    monkeypatch.setattr(loader, "POOL_MIN_BYTES", 1)
    assert messages() == serial


def test_pooled_rows_are_made_by_the_workers_and_their_errors_reported_as_serial(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the loader's pool started, its workers make and store the articles' rows and the list
    files' (the main process makes none: it reads the shards they stored), the bytes a build
    without the cache writes; a quote a worker cannot find, in an article or in a list file, is
    reported with the message a build without workers gives."""
    import shutil

    from iraq_presence.errors import CurationError
    from iraq_presence.tables import assemble
    from iraq_presence.tables.curation import loader

    fresh = produce(repo, cache=False).files
    made_here: list[str] = []
    real = assemble.Assembler._per_article

    def spy(self: assemble.Assembler, art: object, *args: object) -> None:
        made_here.append(getattr(art, "article_id", ""))
        real(self, art, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(assemble.Assembler, "_per_article", spy)
    monkeypatch.setattr(assemble.Assembler, "_meetings", lambda self, entries: made_here.append("meetings"))
    monkeypatch.setattr(loader, "POOL_MIN_BYTES", 1)
    assert produce(repo).files == fresh and not made_here
    monkeypatch.undo()
    folder = repo / "data" / "curation"
    for path in (sorted((folder / "articles").glob("*.yaml"))[-1], folder / "meetings.yaml"):
        text = original = path.read_text(encoding="utf-8")
        at = text.rindex("\n    quote: " if path.name == "meetings.yaml" else "\n  quote: ")
        at = text.index("quote: ", at) + len("quote: ")
        at += text[at] in "'\""  # inside a quoted value
        path.write_text(text[:at] + "zqxv " + text[at:], encoding="utf-8")
        monkeypatch.setattr(loader, "POOL_MIN_BYTES", 1)
        shutil.rmtree(Layout(repo).cache, ignore_errors=True)
        pooled = _message(repo, CurationError)
        monkeypatch.setattr(loader, "POOL_MIN_BYTES", 10**15)
        shutil.rmtree(Layout(repo).cache)
        assert "zqxv" in pooled and pooled == _message(repo, CurationError)
        path.write_text(original, encoding="utf-8")


def _message(repo: Path, error: type[Exception]) -> str:
    with pytest.raises(error) as err:
        produce(repo)
    return str(err.value)


def test_the_long_list_files_entries_wait_in_the_cache_until_their_rows_are_made(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold cached build sheds the long list files' own entries once checked (the assembler reads
    them back from the cache, or parses the file again when the entry is gone): the same bytes."""
    import shutil

    from iraq_presence.tables.curation import loader

    fresh = produce(repo, cache=False).files
    shed: dict[str, int] = {}
    real = loader._shed

    def spy(path: Path, cache: cache_module.BuildCache | None, entries: list) -> list:  # type: ignore[type-arg]
        out = real(path, cache, entries)
        shed[path.name] = len(entries) - len(out)
        return out

    monkeypatch.setattr(loader, "_shed", spy)
    assert produce(repo).files == fresh
    assert shed["utterances.yaml"] > 0 and set(shed) == set(loader.SHED)
    shutil.rmtree(Layout(repo).cache)
    monkeypatch.setattr(cache_module.BuildCache, "model", lambda self, path: cache_module.MISSING)
    assert produce(repo).files == fresh
