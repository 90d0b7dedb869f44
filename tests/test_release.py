"""Releases: a reproducible, self-validating bundle; citation metadata; diff; Zenodo publishing."""

import hashlib
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from iraq_presence import __version__
from iraq_presence.checks.package import validate_path
from iraq_presence.cli import app
from iraq_presence.publish.diff import changelog_entry, diff
from iraq_presence.publish.metadata import release_date, zenodo_metadata
from iraq_presence.publish.release import bundle_files, make_release
from iraq_presence.publish.zenodo import Transport, ZenodoError, run
from iraq_presence.tables.curation import load_curation
from iraq_presence.tables.descriptor import metadata_errors

from .conftest import ROOT, copy_repo
from .zenodo_server import TOKEN, FakeZenodo

runner = CliRunner()
URL = "https://example.org/iraq-presence"
BUNDLE_DOCS = ("datasheet_template.md", "codebook_template.md", "bundle_readme.md")


def release_repo(dest: Path) -> Path:
    """A copy of what a release reads: the build's inputs, the copied files and the doc templates."""
    root = copy_repo(dest)
    for name in ("README.md", "CHANGELOG.md", "LICENSE", "LICENSE-DATA"):
        (root / name).write_bytes((ROOT / name).read_bytes())
    (root / "docs").mkdir()
    for name in BUNDLE_DOCS:
        (root / "docs" / name).write_bytes((ROOT / "docs" / name).read_bytes())
    return root


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    """One release per session: the repository copy, the bundle folder, and the build's output
    (the tables are built once; `dataset build --check` and test_build prove the build itself
    reproducible)."""
    from iraq_presence import make

    root = release_repo(tmp_path_factory.mktemp("rel") / "repo")
    output = make.produce(root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(make, "produce", lambda *_a, **_k: output)
        folder, _ = make_release(root, root / "dist", url=URL)
    return root, folder, output


@pytest.fixture
def release(built: tuple[Path, Path, Any]) -> tuple[Path, Path]:
    return built[0], built[1]


@pytest.fixture
def rebuild(built: tuple[Path, Path, Any], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository copy, with the session's built tables reused by the next release."""
    from iraq_presence import make

    monkeypatch.setattr(make, "produce", lambda *_a, **_k: built[2])
    return built[0]


def test_bundle_is_reproducible_and_validates(release: tuple[Path, Path], rebuild: Path) -> None:
    _, folder = release
    again = bundle_files(rebuild, url=URL)
    on_disk = {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert set(again) == set(on_disk)
    assert [k for k in again if again[k] != on_disk[k]] == []
    assert folder.name == f"iraq-presence-{__version__}"
    for name in (
        "datapackage.json",
        "datapackage.parquet.json",
        "DATASHEET.md",
        "CODEBOOK.md",
        "CITATION.cff",
        "LICENSE",
        "LICENSE-DATA",
        "CHANGELOG.md",
        "README.md",
        "SHA256SUMS",
        "croissant.json",
        ".zenodo.json",
        "iraq-presence.db",
        "datasette-metadata.json",
        "view/index.html",
        "schemas/statements.json",
        "data/statements.parquet",
        "data/statements.csv",
    ):
        assert (folder / name).is_file(), name
    assert validate_path(folder) == []
    sums = dict(reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines())
    assert set(sums) == set(on_disk) - {"SHA256SUMS"}
    for name, digest in sums.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    with zipfile.ZipFile(folder.with_name(folder.name + ".zip")) as zf:
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())
        assert len(zf.infolist()) == len(on_disk)


def test_bundle_validates_with_frictionless(release: tuple[Path, Path]) -> None:
    from frictionless import validate

    _, folder = release
    for name in ("datapackage.json", "datapackage.parquet.json"):
        desc = json.loads((folder / name).read_text())
        assert desc["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json" and "profile" not in desc
        assert all(r["hash"].startswith("sha256:") and r["rows"] >= 0 for r in desc["resources"])
        assert all(c["roles"] for c in desc["contributors"])
        assert metadata_errors(desc) == []
    # the CSV descriptor is validated in full by CI (`frictionless validate datapackage.json`)
    assert validate(str(folder / "datapackage.parquet.json")).valid


def test_frictionless_rejects_a_parquet_file_with_a_deleted_row(release: tuple[Path, Path], tmp_path: Path) -> None:
    import pyarrow.parquet as pq
    from frictionless import validate

    _, folder = release
    copy = tmp_path / "bundle"
    shutil.copytree(folder / "data", copy / "data")
    shutil.copy(folder / "datapackage.parquet.json", copy)
    # a table nothing references: only the row count (or the hash) can notice
    path = copy / "data" / "article_issues.parquet"
    pq.write_table(pq.read_table(path).slice(1), path)
    report = validate(str(copy / "datapackage.parquet.json"), resource_name="article_issues")
    assert not report.valid
    assert [e[0] for e in report.flatten(["type"])] == ["row-count"]


def test_no_text_release_keeps_hashes_and_offsets(rebuild: Path, tmp_path: Path) -> None:
    import pandas as pd

    folder, _ = make_release(rebuild, tmp_path, include_text=False, url=URL)
    arts = pd.read_parquet(folder / "data" / "articles.parquet")
    assert arts["text"].isna().all()
    assert arts["sha256"].str.len().eq(64).all() and (arts["n_chars"] > 0).all()
    assert len(pd.read_parquet(folder / "data" / "statements.parquet")) > 0
    desc = json.loads((folder / "datapackage.parquet.json").read_text())
    (res,) = [r for r in desc["resources"] if r["name"] == "articles"]
    assert res["hash"] == "sha256:" + hashlib.sha256((folder / "data" / "articles.parquet").read_bytes()).hexdigest()
    page = (folder / "view" / "articles" / f"{arts['article_id'][0]}.html").read_text()
    assert "leaves the article texts out" in page and '<mark class="statement" data-key' not in page


def test_datasheet_reads_schema_and_counts(release: tuple[Path, Path]) -> None:
    import pandas as pd

    root, folder = release
    text = (folder / "DATASHEET.md").read_text(encoding="utf-8")
    schema = json.loads((root / "schemas" / "statements.json").read_text())
    for field in schema["fields"]:
        assert f"`{field['name']}`" in text
    n = len(pd.read_parquet(root / "data" / "mentions.parquet"))
    assert f"| `mentions` | {n} |" in text
    for heading in (
        "Motivation",
        "Composition",
        "Collection and curation process",
        "Known gaps and artifacts",
        "Uses to avoid",
        "Distribution",
        "Maintenance",
        "Codebook",
    ):
        assert f"## {heading}" in text


def test_citation_cff_is_valid(release: tuple[Path, Path]) -> None:
    _, folder = release
    cff = yaml.safe_load((folder / "CITATION.cff").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "data" / "cff-1.2.0.schema.json").read_text())
    jsonschema.validate(cff, schema)
    assert cff["version"] == __version__


def test_version_and_metadata_agree(release: tuple[Path, Path]) -> None:
    root, folder = release
    meta = load_curation(root / "data" / "curation", root).package
    released = release_date((root / "CHANGELOG.md").read_text())
    zen = json.loads((folder / ".zenodo.json").read_text())
    assert zen == zenodo_metadata(meta, released)
    assert zen["upload_type"] == "dataset" and zen["version"] == __version__
    assert zen["publication_date"] == released.isoformat()
    assert json.loads((folder / "datapackage.json").read_text())["version"] == __version__
    croissant = json.loads((folder / "croissant.json").read_text())
    assert croissant["version"] == __version__ and croissant["@type"] == "sc:Dataset"
    assert croissant["datePublished"].startswith(released.isoformat()) and croissant["url"] == URL


def test_release_refuses_a_version_without_a_dated_changelog_entry() -> None:
    with pytest.raises(ValueError, match=r"no dated entry for version 9\.9\.9"):
        release_date("## [Unreleased]\n\n## [0.1.0] - 2026-11-22\n", "9.9.9")


def test_croissant_loads_and_validates_without_warnings(release: tuple[Path, Path]) -> None:
    import mlcroissant as mlc

    _, folder = release
    ds = mlc.Dataset(jsonld=str(folder / "croissant.json"))
    assert not ds.metadata.issues.errors and not ds.metadata.issues.warnings, ds.metadata.issues.report()
    sets = {rs.name: rs for rs in ds.metadata.record_sets}
    speaker = next(f for f in sets["statements"].fields if f.name == "speaker_id")
    assert speaker.references.field == "actors/actor_id"


def test_bundle_readme_speaks_to_its_reader(release: tuple[Path, Path]) -> None:
    _, folder = release
    text = (folder / "README.md").read_text(encoding="utf-8")
    for needle in ("pd.read_parquet", "read_parquet(", "duckdb", "datasette iraq-presence.db", "## Cite", "CODEBOOK"):
        assert needle.lower() in text.lower(), needle
    assert "dataset build" not in text and "pip install -e" not in text


def test_diff_reports_rows_and_schema(release: tuple[Path, Path], tmp_path: Path) -> None:
    _, old = release
    new = tmp_path / "new"
    shutil.copytree(old, new)
    csv = new / "data" / "actors.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    csv.write_text("".join(lines[:-1]), encoding="utf-8")  # drop the last actor
    diffs = {d.table: d for d in diff(old.with_name(old.name + ".zip"), new)}
    assert len(diffs["actors"].removed) == 1 and not diffs["actors"].added
    assert diffs["mentions"].empty
    assert "1 row(s) removed" in changelog_entry(list(diffs.values()), "0.2.0")


def _metadata() -> dict:
    return {
        "upload_type": "dataset",
        "title": "t",
        "creators": [{"name": "x"}],
        "description": "d",
        "version": "0.1.0",
        "license": "cc-by-4.0",
    }


def _transport(fake: FakeZenodo, log: list[str] | None = None, token: str = TOKEN) -> Transport:
    return Transport(base=fake.url, token=token, sleep=lambda _: None, log=(log.append if log is not None else print))


def test_publish_full_sequence_uploads_bundle_bytes(release: tuple[Path, Path]) -> None:
    _, folder = release
    with FakeZenodo() as fake:
        state = run(_transport(fake), folder, _metadata(), publish=True)
        dep = fake.depositions[state.dep.id]
        assert dep["submitted"] and state.doi
        uploaded = fake.buckets[dep["_bucket"]]
        assert set(uploaded) == {p.name for p in folder.iterdir() if p.is_file()} | {folder.name + ".zip"}
        sums = dict(reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines())
        for name, data in uploaded.items():
            if name in sums:
                assert hashlib.sha256(data).hexdigest() == sums[name]
        methods = [m for m, _ in fake.requests if m != "GET"]  # GETs read the account's drafts first
        assert methods[0] == "POST" and methods[-1] == "POST"
        assert fake.requests[-1][1].endswith("/actions/publish")
        assert fake.requests[-2][0] == "PUT" and "/api/deposit/depositions/" in fake.requests[-2][1]


def test_without_publish_leaves_a_draft(release: tuple[Path, Path]) -> None:
    _, folder = release
    with FakeZenodo() as fake:
        state = run(_transport(fake), folder, _metadata())
        assert not fake.depositions[state.dep.id]["submitted"]
        assert not any(p.endswith("/actions/publish") for _, p in fake.requests)


def test_new_version_removes_files_the_release_lacks(release: tuple[Path, Path]) -> None:
    _, folder = release
    with FakeZenodo() as fake:
        old = fake.published({"obsolete.csv": b"old", "README.md": (folder / "README.md").read_bytes()})
        state = run(_transport(fake), folder, _metadata(), new_version_of=old)
        files = fake.buckets[fake.depositions[state.dep.id]["_bucket"]]
        assert "obsolete.csv" not in files
        # unchanged file is not uploaded again
        assert not any(m == "PUT" and p.endswith("/README.md") for m, p in fake.requests)


@pytest.mark.parametrize(
    ("status", "message"), [(401, "token was rejected"), (403, "deposit:write"), (400, "metadata.title")]
)
def test_server_errors_are_explained(release: tuple[Path, Path], status: int, message: str) -> None:
    _, folder = release
    with FakeZenodo() as fake:
        if status == 400:
            meta = {**_metadata(), "title": ""}
        else:
            meta = _metadata()
            fake.fail("POST", "/api/deposit/depositions", status)
        with pytest.raises(ZenodoError, match=message) as info:
            run(_transport(fake), folder, meta)
        assert TOKEN not in str(info.value)


def test_transient_errors_are_retried(release: tuple[Path, Path]) -> None:
    _, folder = release
    log: list[str] = []
    with FakeZenodo() as fake:
        fake.fail("POST", "/api/deposit/depositions", 429, times=1)
        fake.fail("PUT", "/api/files/", 503, times=2)
        fake.corrupt_uploads = 1
        state = run(_transport(fake, log), folder, _metadata(), publish=True)
        assert fake.depositions[state.dep.id]["submitted"]
        assert any("429" in line for line in log) and any("503" in line for line in log)
        assert any("corrupted" in line for line in log)
        for name, data in fake.buckets[fake.depositions[state.dep.id]["_bucket"]].items():
            assert data == (folder.parent / name if name.endswith(".zip") else folder / name).read_bytes()
        assert all(TOKEN not in line for line in log)


def test_persistent_server_error_fails_and_resume_finishes(release: tuple[Path, Path]) -> None:
    _, folder = release
    with FakeZenodo() as fake:
        fake.fail("PUT", "/api/files/", 500, times=50)
        with pytest.raises(ZenodoError, match="server error"):
            run(_transport(fake), folder, _metadata())
        dep_id = max(fake.depositions)
        fake.failures.clear()
        state = run(_transport(fake), folder, _metadata(), deposition=dep_id, publish=True)
        assert state.dep.id == dep_id and fake.depositions[dep_id]["submitted"]


def test_publish_cli_dry_run_lists_requests(release: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    _, folder = release
    monkeypatch.setenv("ZENODO_TOKEN", TOKEN)
    result = runner.invoke(app, ["publish", str(folder), "--dry-run", "--zenodo-url", "http://127.0.0.1:9"])
    assert result.exit_code == 0, result.output
    assert "POST http://127.0.0.1:9/api/deposit/depositions" in result.output
    assert "PUT http://127.0.0.1:9/api/files/DRY-RUN-BUCKET/datapackage.json" in result.output
    assert TOKEN not in result.output
    assert "draft" in result.output


def test_publish_sends_the_bundles_own_metadata(
    release: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a version bump and a curation change, publishing the older bundle sends its own
    .zenodo.json, not metadata rebuilt from the repository."""
    root, folder = release
    old = tmp_path / folder.name
    shutil.copytree(folder, old)
    shutil.copy(folder.with_name(folder.name + ".zip"), tmp_path)
    sent = json.loads((old / ".zenodo.json").read_text())
    package = root / "data" / "curation" / "package.yaml"
    original = package.read_text(encoding="utf-8")
    monkeypatch.setattr("iraq_presence.__version__", "9.9.9")
    package.write_text(original.replace("title: ", "title: Renamed ", 1), encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("ZENODO_TOKEN", TOKEN)
    try:
        with FakeZenodo() as fake:
            result = runner.invoke(app, ["publish", str(old), "--zenodo-url", fake.url])
            assert result.exit_code == 0, result.output
            (dep,) = fake.depositions.values()
            assert dep["metadata"] == sent
            assert dep["metadata"]["version"] == __version__ != "9.9.9"
            assert not dep["metadata"]["title"].startswith("Renamed")
    finally:
        package.write_text(original, encoding="utf-8")


def test_publish_refuses_a_bundle_whose_metadata_disagrees(release: tuple[Path, Path], tmp_path: Path) -> None:
    _, folder = release
    bad = tmp_path / folder.name
    shutil.copytree(folder, bad)
    zen = json.loads((bad / ".zenodo.json").read_text())
    (bad / ".zenodo.json").write_text(json.dumps({**zen, "version": "0.0.1"}))
    result = runner.invoke(app, ["publish", str(bad), "--dry-run"])
    assert result.exit_code == 2 and "remake the bundle" in result.output


def test_sqlite_database_has_keys_indexes_and_search(release: tuple[Path, Path]) -> None:
    import sqlite3

    import pandas as pd

    _, folder = release
    con = sqlite3.connect(folder / "iraq-presence.db")
    fks = con.execute("SELECT * FROM pragma_foreign_key_list('statements')").fetchall()
    assert {(r[2], r[3]) for r in fks} >= {("actors", "speaker_id"), ("articles", "article_id")}
    indexes = {r[1] for r in con.execute("PRAGMA index_list('mentions')")}
    assert {"idx_mentions_actor_id", "idx_mentions_article_id"} <= indexes
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    for name in ("statements", "actors", "mentions"):
        n = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        assert n == len(pd.read_parquet(folder / "data" / f"{name}.parquet"))
    hits = con.execute(
        "SELECT s.quote FROM statements_fts JOIN statements s ON s.rowid = statements_fts.rowid "
        "WHERE statements_fts MATCH 'occupation'"
    ).fetchall()
    assert hits and all("occupation" in q.lower() for (q,) in hits)


def test_datasette_opens_a_faceted_searchable_view(release: tuple[Path, Path]) -> None:
    import asyncio

    from datasette.app import Datasette

    _, folder = release
    metadata = json.loads((folder / "datasette-metadata.json").read_text())
    ds = Datasette([str(folder / "iraq-presence.db")], metadata=metadata)

    async def fetch(path: str) -> tuple[int, str]:
        response = await ds.client.get(path)
        return response.status_code, response.text

    status, body = asyncio.run(fetch("/iraq-presence/statements.json?_search=occupation&_shape=objects"))
    data = json.loads(body)
    assert status == 200 and data["rows"] and all("occupation" in r["quote"].lower() for r in data["rows"])
    assert {"stance_us_presence", "plover_category", "channel"} <= set(data["facet_results"])
    status, html = asyncio.run(fetch("/iraq-presence/statements"))
    assert status == 200 and "Stance of the statement toward the US military presence" in html


CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="Debian's chromium and chromium-driver are not installed (.ci/run installs them)",
)
def test_reading_view_in_headless_chromium(release: tuple[Path, Path], tmp_path: Path) -> None:
    """Open an article, see a highlighted quote, follow it to its speaker's page."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    _, folder = release
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.get((folder / "view" / "index.html").as_uri())
        driver.find_element(By.CSS_SELECTOR, "a[href^='articles/']").click()
        quote = driver.find_element(By.CSS_SELECTOR, "mark.statement[id^='s-']")
        assert quote.is_displayed() and quote.text.strip()
        background = quote.value_of_css_property("background-color")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
        statement_id = quote.get_attribute("id").removeprefix("s-")
        speaker = driver.find_element(By.CSS_SELECTOR, f"a.speaker[data-statement='{statement_id}']")
        name = speaker.text
        speaker.click()
        assert driver.find_element(By.CSS_SELECTOR, "h1.actor-name").text == name
        listed = driver.find_elements(By.CSS_SELECTOR, f"ol.statements a[href$='#s-{statement_id}']")
        assert len(listed) == 1
    finally:
        driver.quit()
