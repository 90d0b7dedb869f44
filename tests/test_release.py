"""Releases: a reproducible, self-validating bundle; citation metadata; diff; Zenodo publishing."""

import hashlib
import json
import re
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
from iraq_presence.publish.release import bundle_files, make_release, zip_bytes
from iraq_presence.publish.zenodo import Transport, ZenodoError, run
from iraq_presence.tables.curation import load_curation
from iraq_presence.tables.descriptor import metadata_errors

from .conftest import MAINTAINER, ROOT, URL
from .zenodo_server import TOKEN, FakeZenodo

runner = CliRunner()


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
    again = bundle_files(rebuild, with_text=True, url=URL)
    on_disk = {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert set(again) == set(on_disk)
    assert [k for k in again if again[k] != on_disk[k]] == []
    assert folder.name == f"iraq-presence-{__version__}-with-texts"
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

    folder, _ = make_release(rebuild, tmp_path, url=URL)
    assert folder.name == f"iraq-presence-{__version__}"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "leaves the article texts out" in readme and "-with-texts" not in folder.name
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
    (gone,) = diffs["actors"].removed
    entry = changelog_entry(list(diffs.values()), "0.2.0", "2026-12-01", "0.1.0")
    assert "### Removed" in entry and f"`{gone}`" in entry and "(patch change)" in entry


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

    import pandas as pd
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
    assert status == 200 and "Every quotation attributed to a speaker" in html
    assert "column-descriptions" not in html, "column descriptions push the first row off the screen"
    assert 'href="data:text/css,td.col-quote' in html  # readable quote column
    status, body = asyncio.run(fetch("/iraq-presence/articles.json?_search=occup*&_shape=objects"))
    assert status == 200 and json.loads(body)["rows"], "full-text search covers the article texts"
    speaker = pd.read_parquet(folder / "data" / "statements.parquet")["speaker_id"].iloc[0]
    for query, params in (("stance_by_month", ""), ("who_met_whom", ""), ("said_by", f"?actor_id={speaker}")):
        status, body = asyncio.run(fetch(f"/iraq-presence/{query}.json{params}{'&' if params else '?'}_shape=objects"))
        assert status == 200 and json.loads(body)["rows"], query
    status, body = asyncio.run(fetch("/iraq-presence/stance_by_month.json?_shape=objects"))
    rows = json.loads(body)["rows"]
    assert sum(r["acts_of_speech"] for r in rows) >= len({r["month"] for r in rows})


def test_datasette_leads_with_articles_and_statements_and_labels_every_article(release: tuple[Path, Path]) -> None:
    import asyncio

    import pandas as pd
    from datasette.app import Datasette

    _, folder = release
    metadata = json.loads((folder / "datasette-metadata.json").read_text())
    ds = Datasette([str(folder / "iraq-presence.db")], metadata=metadata)

    async def fetch(path: str) -> str:
        response = await ds.client.get(path)
        assert response.status_code == 200, path
        return response.text

    for page in ("/", "/iraq-presence"):
        html = asyncio.run(fetch(page))
        links = re.findall(r'href="iraq-presence/(\w+)"', html)
        assert links[:2] == ["articles", "statements"], (page, links[:3])
        for table in links:  # each link the description gives opens its table
            asyncio.run(fetch(f"/iraq-presence/{table}"))
    arts = pd.read_parquet(folder / "data" / "articles.parquet")
    untitled = arts[arts["title"].isna()]
    if untitled.empty:  # the corpus may lose its untitled articles; a made-up one is in test_labels
        pytest.skip("no untitled article in the corpus")
    html = asyncio.run(fetch("/iraq-presence/statements?_size=max"))
    assert ">None<" not in html
    for aid in untitled["article_id"]:
        assert f"Untitled article {aid}" in html or aid not in html


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
        # reported speech is never shown inside quotation marks; codes show as labels
        driver.get((folder / "view" / "index.html").as_uri())
        driver.find_element(By.CSS_SELECTOR, "a[href^='articles/']").click()
        for item in driver.find_elements(By.CSS_SELECTOR, "ol.statements .paraphrase"):
            assert not item.text.startswith("“") and "reported speech" in item.find_element(By.XPATH, "../..").text
        assert "not_addressed" not in driver.find_element(By.CSS_SELECTOR, "ol.statements").text
        # a meeting page lists its participants, each linked to their page
        driver.get((folder / "view" / "index.html").as_uri())
        driver.find_element(By.CSS_SELECTOR, "ul.meetings a[href^='meetings/']").click()
        assert driver.find_element(By.CSS_SELECTOR, "h1.meeting-title").text
        people = driver.find_elements(By.CSS_SELECTOR, "ul.participants a[href^='../actors/']")
        assert people and all(p.text for p in people)
        # the pictures load
        driver.get((folder / "view" / "index.html").as_uri())
        driver.find_element(By.CSS_SELECTOR, "a[href='pictures.html']").click()
        for figure in ("timeline", "who-met-whom"):
            image = driver.find_element(By.CSS_SELECTOR, f"figure#{figure} img")
            assert driver.execute_script("return arguments[0].naturalWidth", image) > 0, figure
        # usable at 400 px: nothing wider than the window
        driver.set_window_size(400, 900)
        driver.get((folder / "view" / "index.html").as_uri())
        width = driver.execute_script("return document.documentElement.clientWidth")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= width
    finally:
        driver.quit()


@pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="Debian's chromium and chromium-driver are not installed (.ci/run installs them)",
)
def test_hostile_article_runs_no_script_in_chromium(built: tuple[Path, Path, Any], tmp_path: Path) -> None:
    """A title that is markup and a `javascript:` URL, rendered and opened: no script runs, no such link."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    from iraq_presence.publish.pages import pages

    root, _, output = built
    frames = dict(output.frames)
    arts = frames["articles"].copy()
    arts["title"] = '<img src=x onerror="window.ran=1"><script>window.ran=1</script>'
    arts["url"] = "javascript:window.ran=1"
    frames["articles"] = arts
    meta = load_curation(root / "data" / "curation", root).package
    for name, data in pages(meta, frames, "cite", output.schemas).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        page = tmp_path / "view" / "articles" / f"{arts['article_id'].iloc[0]}.html"
        driver.get(page.as_uri())
        assert driver.execute_script("return window.ran === undefined")
        assert "<script>" in driver.find_element(By.TAG_NAME, "h1").text  # shown as typed
        assert driver.find_elements(By.CSS_SELECTOR, "a[href^='javascript']") == []
    finally:
        driver.quit()


class Killed(BaseException):
    """A kill: no `except Exception` or `except OSError` runs, nothing is cleaned up."""


def _resum(files: dict[str, bytes]) -> dict[str, bytes]:
    body = {k: v for k, v in files.items() if k != "SHA256SUMS"}
    sums = "".join(f"{hashlib.sha256(v).hexdigest()}  {k}\n" for k, v in sorted(body.items()))
    return {**body, "SHA256SUMS": sums.encode()}


def test_a_kill_at_every_file_write_leaves_the_old_bundle(
    release: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kill the release at each file it writes, then at each rename: what is in place is the old
    bundle byte for byte, or something `validate` refuses; the next release completes."""
    from iraq_presence.checks.bundle import check_release
    from iraq_presence.publish import release as rel

    from .conftest import snapshot

    _, folder = release
    names = sorted(snapshot(folder))  # the release's own paths; small contents keep 2 x N writes cheap
    old = _resum({name: f"old {name}\n".encode() for name in names})
    new = _resum({name: f"new {name}\n".encode() for name in names})
    dist, top = tmp_path / "dist", folder.name
    rel.write_bundle(dist, top, old)
    old_zip = (dist / f"{top}.zip").read_bytes()
    new_zip = zip_bytes(new, top)  # once: the zip is the last file written, and the slowest to make
    monkeypatch.setattr(rel.os, "fsync", lambda _fd: None)  # the kill, not the disk, is under test
    real_write, writes = rel._write, len(new) + 1
    for n in range(writes):
        calls = iter(range(writes))

        def dying(path: Path, data: bytes, n: int = n, calls=calls) -> None:
            if next(calls) == n:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data[: len(data) // 2])  # half a file, then the kill
                raise Killed
            real_write(path, data)

        monkeypatch.setattr(rel, "_write", dying)
        with pytest.raises(Killed):
            rel.write_bundle(dist, top, new, new_zip)
        assert snapshot(dist / top) == old, f"kill at write {n}"
        assert (dist / f"{top}.zip").read_bytes() == old_zip
    monkeypatch.setattr(rel, "_write", real_write)
    assert check_release(dist / top) == []
    for step in range(3):  # the renames: old folder aside, new folder in, zip in
        rel.write_bundle(dist, top, old)
        real = {"rename": rel.os.rename, "replace": rel.os.replace}
        calls = iter(range(3))

        def die_at(step: int = step, calls=calls, real=real):
            def fn(kind: str):
                def move(a: Path, b: Path) -> None:
                    if next(calls) == step:
                        raise Killed
                    real[kind](a, b)

                return move

            return fn

        monkeypatch.setattr(rel.os, "rename", die_at()("rename"))
        monkeypatch.setattr(rel.os, "replace", die_at()("replace"))
        with pytest.raises(Killed):
            rel.write_bundle(dist, top, new)
        monkeypatch.setattr(rel.os, "rename", real["rename"])
        monkeypatch.setattr(rel.os, "replace", real["replace"])
        in_place = snapshot(dist / top) if (dist / top).is_dir() else {}
        assert in_place == old or check_release(dist / top) != [] or not in_place, f"kill at rename {step}"
        rel.write_bundle(dist, top, new)
        assert snapshot(dist / top) == new and check_release(dist / top) == []


@pytest.mark.parametrize("fault", ["missing", "extra", "changed", "unlisted-sums", "other-zip"])
def test_validate_refuses_an_incomplete_or_edited_bundle(release: tuple[Path, Path], tmp_path: Path, fault: str):
    _, folder = release
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    shutil.copy(folder.with_name(folder.name + ".zip"), tmp_path)
    if fault == "missing":
        (copy / "view" / "style.css").unlink()
    elif fault == "extra":
        (copy / "view" / "extra.html").write_text("<p>not part of the release</p>")
    elif fault == "changed":
        with (copy / "CODEBOOK.md").open("a") as fh:
            fh.write("\nEdited.\n")
    elif fault == "unlisted-sums":
        sums = (copy / "SHA256SUMS").read_text().splitlines()
        (copy / "SHA256SUMS").write_text("\n".join(s for s in sums if not s.endswith("  croissant.json")) + "\n")
    else:
        (tmp_path / f"{folder.name}.zip").write_bytes(zip_bytes({"SHA256SUMS": b""}, folder.name))
    failures = validate_path(copy)
    assert "RELEASE-files" in {f.rule for f in failures}, failures
    result = runner.invoke(app, ["validate", str(copy)])
    assert result.exit_code == 1 and "RELEASE-files" in result.output


def test_release_on_a_full_disk_keeps_the_old_bundle(
    release: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from iraq_presence.publish import release as rel

    from .conftest import snapshot

    _, folder = release
    old = snapshot(folder)
    dist = tmp_path / "dist"
    rel.write_bundle(dist, folder.name, old)
    real_write = rel._write

    def full(path: Path, data: bytes) -> None:
        if path.name == "CODEBOOK.md":
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(path, data)

    monkeypatch.setattr(rel, "_write", full)
    with pytest.raises(rel.ReleaseError, match=r"No space left on device.*nothing was replaced"):
        rel.write_bundle(dist, folder.name, _resum({**old, "README.md": b"new"}))
    assert snapshot(dist / folder.name) == old
    assert sorted(p.name for p in dist.iterdir()) == [folder.name, folder.name + ".zip"]


HOSTILE = "<script>alert(1)</script> [click](javascript:alert(1)) | `x` *y* <img src=x onerror=alert(1)>"


def test_curated_text_is_escaped_and_only_http_urls_are_links(built: tuple[Path, Path, Any]) -> None:
    """A hostile title, note and URL show as typed: no tag, link or cell break in the Markdown, no
    `javascript:` link in the reading view."""
    from iraq_presence.publish import codebook, datasheet
    from iraq_presence.publish.pages import pages

    root, _, output = built
    frames = dict(output.frames)
    arts = frames["articles"].copy()
    arts["title"] = arts["title"].astype("object")
    arts.loc[arts.index[0], "title"] = HOSTILE
    arts["url"] = "javascript:alert(document.cookie)"
    issues = frames["article_issues"].copy()
    issues["note"] = HOSTILE
    frames.update(articles=arts, article_issues=issues)
    meta = load_curation(root / "data" / "curation", root).package
    docs = root / "docs"
    for text in (
        codebook.render(docs / "codebook_template.md", meta, output.schemas, frames, "cite"),
        datasheet.render(docs / "datasheet_template.md", meta, output.schemas, frames),
    ):
        assert "<script" not in text and "<img" not in text and "](javascript:" not in text.replace("\\]", "")
        assert "&lt;script&gt;alert(1)&lt;/script&gt; \\[click\\](javascript:alert(1)) \\| \\`x\\` \\*y\\*" in text
    view = pages(meta, frames, "cite", output.schemas)
    page = view[f"view/articles/{arts['article_id'].iloc[0]}.html"].decode()
    assert "<script>alert" not in page and "<img" not in page and "&lt;script&gt;alert(1)" in page
    assert all(b'href="javascript:' not in data and b"document.cookie" not in data for data in view.values())


def _edit(bundle: dict[str, bytes], table: str, change: Any) -> dict[str, bytes]:
    """The bundle with one table's CSV rewritten by `change(frame) -> frame` (all values as text)."""
    import io

    import pandas as pd

    path = f"data/{table}.csv"
    df = change(pd.read_csv(io.BytesIO(bundle[path]), dtype=str, keep_default_na=False, encoding="utf-8-sig"))
    return _resum({**bundle, path: df.to_csv(index=False).encode()})


def _schema_edit(bundle: dict[str, bytes], table: str, change: Any) -> dict[str, bytes]:
    desc = json.loads(bundle["datapackage.json"])
    (res,) = [r for r in desc["resources"] if r["name"] == table]
    change(res["schema"])
    return {**bundle, "datapackage.json": json.dumps(desc).encode()}


def test_diff_names_each_changed_value_and_the_bump(release: tuple[Path, Path], tmp_path: Path) -> None:
    from iraq_presence.publish.diff import bump, read_bundle, report

    _, folder = release
    old = read_bundle(folder)
    first = lambda d: d.iloc[[0]]  # noqa: E731
    key = first(pd_frame(old, "statements"))["statement_id"].iloc[0]
    quote = pd_frame(old, "statements").set_index("statement_id").at[key, "quote"]

    def corrected(d: Any) -> Any:
        d.loc[d["statement_id"] == key, "quote"] = "a corrected quote"
        return d

    one_cell = _edit(old, "statements", corrected)
    diffs = diff(old, one_cell)
    (changed,) = [d for d in diffs if not d.empty]
    assert [(c.key, c.column, c.old, c.new) for c in changed.values] == [(key, "quote", quote, "a corrected quote")]
    assert bump(diffs) == "patch"
    assert f"changed: {key} quote: {quote!r} -> 'a corrected quote'" in report(diffs)
    assert bump(diff(old, _edit(old, "actors", lambda d: d.iloc[1:]))) == "patch"  # a removed row: a correction
    assert bump(diff(old, _edit(old, "actors", lambda d: d.iloc[:-1]))) == "patch"
    added = diff(_edit(old, "actors", lambda d: d.iloc[:-1]), old)
    assert bump(added) == "minor" and "### Added" in changelog_entry(added, "0.2.0", "2026-12-01", "0.1.0")

    def drop_column(schema: dict[str, Any]) -> None:
        schema["fields"] = [f for f in schema["fields"] if f["name"] != "description"]

    no_column = _schema_edit(_edit(old, "actors", lambda d: d.drop(columns=["description"])), "actors", drop_column)
    assert bump(diff(old, no_column)) == "major"
    assert bump(diff(no_column, old)) == "minor"  # a new column

    def new_code(schema: dict[str, Any]) -> None:
        field = next(f for f in schema["fields"] if f["name"] == "stance_us_presence")
        field["constraints"]["enum"] = [*field["constraints"]["enum"], "a_new_code"]

    recoded = diff(old, _schema_edit(old, "statements", new_code))
    assert bump(recoded) == "major" and "code list changed" in report(recoded)
    # the CLI shows the same, from a folder and a zip
    edited = tmp_path / folder.name
    shutil.copytree(folder, edited)
    (edited / "data" / "statements.csv").write_bytes(one_cell["data/statements.csv"])
    result = runner.invoke(app, ["diff", str(folder.with_name(folder.name + ".zip")), str(edited)])
    assert result.exit_code == 0 and f"{key} quote: {quote!r} -> 'a corrected quote'" in result.output
    assert "version bump required: patch" in result.output
    missing = runner.invoke(app, ["diff", str(tmp_path / "nowhere"), str(edited)])
    assert (
        missing.exit_code == 2
        and "no such file or folder" in " ".join(missing.output.replace("│", " ").split())
        and "Traceback" not in missing.output
    )


def pd_frame(bundle: dict[str, bytes], table: str) -> Any:
    import io

    import pandas as pd

    return pd.read_csv(io.BytesIO(bundle[f"data/{table}.csv"]), dtype=str, keep_default_na=False, encoding="utf-8-sig")


def test_a_released_version_is_never_rewritten_with_other_data(
    release: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iraq_presence.publish import release as rel

    from .conftest import snapshot

    root, folder = release
    dist = tmp_path / "dist"
    shutil.copytree(folder, dist / folder.name)
    shutil.copy(folder.with_name(folder.name + ".zip"), dist)
    files = snapshot(folder)
    monkeypatch.setattr(rel, "bundle_files", lambda *_a, **_k: files)
    rel.make_release(root, dist, with_text=True)  # the same data: allowed, the same bytes
    assert snapshot(dist / folder.name) == files
    changed = _edit(files, "statements", lambda d: d.assign(quote=d["quote"].str.upper()))
    monkeypatch.setattr(rel, "bundle_files", lambda *_a, **_k: changed)
    with pytest.raises(
        rel.ReleaseError, match=rf"version {re.escape(__version__)} is already released with other data"
    ):
        rel.make_release(root, dist, with_text=True)
    assert snapshot(dist / folder.name) == files
    (dist / folder.name).rename(dist / "elsewhere")  # the zip alone is a release too
    with pytest.raises(rel.ReleaseError, match="already released"):
        rel.make_release(root, dist, with_text=True)
    draft, _ = rel.make_release(root, dist, with_text=True, draft=True)  # a draft has its own name
    assert draft.name.endswith("-with-texts-draft")


def test_the_version_must_rise_as_the_diff_requires(
    release: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iraq_presence.publish import release as rel

    from .conftest import snapshot

    root, folder = release
    dist = tmp_path / "dist"
    shutil.copytree(folder, dist / folder.name)
    files = snapshot(folder)
    added = _edit(files, "actors", lambda d: d.iloc[:-1])  # the older release lacked an actor
    (dist / folder.name / "data" / "actors.csv").write_bytes(added["data/actors.csv"])
    monkeypatch.setattr(rel, "bundle_files", lambda *_a, **_k: files)
    major, minor, patch = (int(p) for p in __version__.split("."))
    monkeypatch.setattr(rel, "__version__", f"{major}.{minor}.{patch + 1}")
    assert rel.find_previous(dist, with_text=True) == dist / folder.name
    with pytest.raises(
        rel.ReleaseError, match=rf"minor change, so the version must be at least {major}\.{minor + 1}\.0"
    ):
        rel.make_release(root, dist, with_text=True)
    monkeypatch.setattr(rel, "__version__", f"{major}.{minor + 1}.0")
    new, _ = rel.make_release(root, dist, with_text=True)
    assert new.name == f"iraq-presence-{major}.{minor + 1}.0-with-texts"


def test_publish_grade_release_needs_maintainers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's own package.yaml leaves maintainers, contact and homepage to a maintainer:
    a publish-grade release says which fields to fill; a draft is allowed."""
    from iraq_presence.publish import readiness

    meta = load_curation(ROOT / "data" / "curation", ROOT).package
    text = "## [Unreleased]\n\n- a change\n\n## [0.1.0] - 2026-11-22\n"
    found = readiness.problems(meta.model_copy(update={"homepage": None, "contact": None}), text)
    assert any("`homepage`" in p for p in found) and any("`contact`" in p for p in found)
    assert any("role: maintainer" in p for p in found) and any("[Unreleased]" in p for p in found)
    person = load_curation(ROOT / "data" / "curation", ROOT).package.contributors[0].model_copy(update=MAINTAINER)
    complete = meta.model_copy(
        update={"homepage": URL, "contact": "maintainer@example.org", "contributors": [*meta.contributors, person]}
    )
    assert readiness.problems(complete, "## [Unreleased]\n\n## [0.1.0] - 2026-11-22\n") == []
    if readiness.problems(meta, (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")):  # until a maintainer fills them
        monkeypatch.chdir(ROOT)
        result = runner.invoke(app, ["release", "--dist", str(tmp_path)])
        assert result.exit_code == 1 and "not ready for a publish-grade release" in result.output
        assert "--draft" in result.output and "Traceback" not in result.output
        assert list(tmp_path.iterdir()) == []


def test_maintainers_reach_every_metadata_file(release: tuple[Path, Path]) -> None:
    _, folder = release
    cff = yaml.safe_load((folder / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["contact"] == [{"given-names": "Test", "family-names": "Maintainer", "email": "maintainer@example.org"}]
    zen = json.loads((folder / ".zenodo.json").read_text())
    assert {"name": "Maintainer, Test", "type": "ContactPerson"} in zen["contributors"]
    croissant = json.loads((folder / "croissant.json").read_text())
    assert "maintainer@example.org" in json.dumps(croissant["publisher"])
    for name in ("README.md", "CODEBOOK.md"):
        text = (folder / name).read_text(encoding="utf-8")
        assert f"open an issue at <{URL}/issues> or write to <maintainer@example.org>" in text, name
        assert "Test Maintainer" in text
    log = (folder / "CHANGELOG.md").read_text(encoding="utf-8")
    assert log.startswith("# Changelog of the data") and "refactor" not in log.lower()
    assert f"## [{__version__}] - " in log


def test_the_codebook_defines_every_column_of_the_retired_ids(release: tuple[Path, Path]) -> None:
    _, folder = release
    header = (folder / "data" / "retired_ids.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    section = (folder / "CODEBOOK.md").read_text(encoding="utf-8").split("## Retired ids", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE) == header
    assert "not a resource of `datapackage.json`" in section


INTERNAL = re.compile(r"`search` tool|search tool|corpus `pages`|\bread_file\b|\bfind_string\b|\.library\b|/work/")
"""Names of the curators' own look-up tools and paths, which a reader of the bundle cannot use."""


def test_no_internal_tool_names_and_every_reference_dated_or_explained(release: tuple[Path, Path]) -> None:
    import pandas as pd

    _, folder = release
    for path in folder.rglob("*"):
        if path.suffix in {".md", ".csv", ".json", ".html", ".cff", ".svg"}:
            found = INTERNAL.search(path.read_text(encoding="utf-8"))
            assert found is None, (path.relative_to(folder), found)
    refs = pd.read_parquet(folder / "data" / "external_references.parquet")
    assert (refs["accessed"].notna() | refs["note"].notna()).all(), "an access date, or a note saying why none"


def test_every_relative_link_in_the_bundles_markdown_resolves_inside_it(release: tuple[Path, Path]) -> None:
    from iraq_presence.publish.include import LINK

    _, folder = release
    for doc in folder.rglob("*.md"):
        for m in LINK.finditer(doc.read_text(encoding="utf-8")):
            target = m.group("target").split("#")[0]
            if not target or re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
                continue
            assert (doc.parent / target).resolve().is_relative_to(folder.resolve()), (doc.name, target)
            assert (doc.parent / target).exists(), (doc.name, target)


def test_a_removed_id_must_be_retired_and_is_published(
    release: tuple[Path, Path], rebuild: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An id the previous release had and this one lacks is listed in retired_ids.yaml (with its
    successor when merged), or the publish-grade release is refused; the bundle publishes the list."""
    import io

    import pandas as pd

    from iraq_presence.publish import release as rel

    _, folder = release
    dist = tmp_path / "dist"
    old = dist / folder.name
    shutil.copytree(folder, old)
    actors = pd.read_csv(old / "data" / "actors.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    kept = actors["actor_id"].iloc[0]
    extra = actors.iloc[[0]].assign(actor_id="zz-merged-actor")
    pd.concat([actors, extra]).to_csv(old / "data" / "actors.csv", index=False)
    major, minor, patch = (int(p) for p in __version__.split("."))
    monkeypatch.setattr(rel, "__version__", f"{major}.{minor}.{patch + 1}")
    with pytest.raises(
        rel.ReleaseError, match=r"`actors` id 'zz-merged-actor' is removed by this release but not listed"
    ):
        rel.make_release(rebuild, dist, with_text=True)
    listing = rebuild / "data" / "curation" / "retired_ids.yaml"
    original = listing.read_text(encoding="utf-8")
    try:
        listing.write_text(
            "retired_ids:\n"
            f"  - {{table: actors, id: zz-merged-actor, successor: {kept}, reason: 'merged, the same actor'}}\n",
            encoding="utf-8",
        )
        new, _ = rel.make_release(rebuild, dist, with_text=True)
        table = pd.read_csv(io.BytesIO((new / "data" / "retired_ids.csv").read_bytes()), dtype=str)
        assert table.to_dict("records") == [
            {
                "table": "actors",
                "id": "zz-merged-actor",
                "successor": kept,
                "retired_in": __version__,
                "reason": "merged, the same actor",
            }
        ]
        listing.write_text(f"retired_ids:\n  - {{table: actors, id: {kept}, successor: null, reason: x}}\n")
        with pytest.raises(rel.ReleaseError, match="is retired but in use: ids are never reused"):
            rel.make_release(rebuild, tmp_path / "other", with_text=True)
    finally:
        listing.write_text(original, encoding="utf-8")


def test_timeline_counts_agree_with_the_canned_query(built: tuple[Path, Path, Any]) -> None:
    """The picture's counts (pandas) and Datasette's stance_by_month query (SQL) agree."""
    import sqlite3

    from iraq_presence.publish.datasette import QUERIES
    from iraq_presence.publish.pictures import stance_by_month

    _, folder, output = built
    table, _ = stance_by_month(output.frames)
    drawn = {(str(m), str(s)): int(n) for (m, s), n in table.stack().items() if n}
    con = sqlite3.connect(folder / "iraq-presence.db")
    queried = {(m, s): n for m, s, n in con.execute(QUERIES["stance_by_month"]["sql"])}
    assert drawn == queried and drawn
    svg = (folder / "view" / "pictures" / "timeline.svg").read_bytes()
    assert b"<dc:date>" not in svg and b"Demands withdrawal" in svg


def test_release_errors_are_messages(rebuild: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing previous release and a bad retired-ids file: a message naming the file, exit 1."""
    monkeypatch.chdir(rebuild)
    result = runner.invoke(app, ["release", "--dist", str(tmp_path), "--previous", str(tmp_path / "gone.zip")])
    assert result.exit_code == 2 and "no such file or folder" in " ".join(result.output.replace("│", " ").split())
    listing = rebuild / "data" / "curation" / "retired_ids.yaml"
    original = listing.read_text(encoding="utf-8")
    try:
        listing.write_text("retired_ids:\n  - {table: actors, idd: x, reason: y}\n", encoding="utf-8")
        result = runner.invoke(app, ["release", "--dist", str(tmp_path)])
        assert (
            result.exit_code == 1
            and "retired_ids.yaml, line 2" in result.output
            and "did you mean 'id'" in result.output
        )
    finally:
        listing.write_text(original, encoding="utf-8")
    assert "Traceback" not in result.output and list(tmp_path.iterdir()) == []


def test_publish_refuses_a_bundle_that_does_not_validate(release: tuple[Path, Path], tmp_path: Path) -> None:
    _, folder = release
    bad = tmp_path / folder.name
    shutil.copytree(folder, bad)
    (bad / "view" / "style.css").unlink()  # what a killed release used to leave
    result = runner.invoke(app, ["publish", str(bad), "--dry-run"])
    assert result.exit_code == 2 and "RELEASE-files" in result.output and "nothing was sent" in result.output
    assert "POST" not in result.output
