"""Releases: a reproducible, self-validating bundle; citation metadata; diff; Zenodo publishing."""

import hashlib
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from iraq_presence import __version__
from iraq_presence.checks.package import validate_path
from iraq_presence.cli import app
from iraq_presence.publish.diff import changelog_entry, diff
from iraq_presence.publish.metadata import zenodo_metadata
from iraq_presence.publish.release import make_release
from iraq_presence.publish.zenodo import Transport, ZenodoError, run
from iraq_presence.tables.curation import load_curation

from .conftest import ROOT, copy_repo
from .zenodo_server import TOKEN, FakeZenodo

runner = CliRunner()


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = copy_repo(tmp_path_factory.mktemp("rel") / "repo")
    for name in ("README.md", "CHANGELOG.md", "LICENSE", "LICENSE-DATA"):
        (root / name).write_bytes((ROOT / name).read_bytes())
    (root / "docs").mkdir()
    (root / "docs" / "datasheet_template.md").write_bytes((ROOT / "docs" / "datasheet_template.md").read_bytes())
    return root, root / "dist"


def test_bundle_is_reproducible_and_validates(release: tuple[Path, Path]) -> None:
    root, dist = release
    folder, archive = make_release(root, dist)
    first = hashlib.sha256(archive.read_bytes()).hexdigest()
    folder, archive = make_release(root, dist)
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == first
    assert folder.name == f"iraq-presence-{__version__}"
    for name in (
        "datapackage.json",
        "datapackage.parquet.json",
        "DATASHEET.md",
        "CITATION.cff",
        "LICENSE",
        "LICENSE-DATA",
        "CHANGELOG.md",
        "README.md",
        "SHA256SUMS",
        "croissant.json",
        ".zenodo.json",
        "schemas/statements.json",
        "data/statements.parquet",
        "data/statements.csv",
    ):
        assert (folder / name).is_file(), name
    assert validate_path(folder) == []
    sums = dict(reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines())
    for name, digest in sums.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    with zipfile.ZipFile(archive) as zf:
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())


def test_bundle_validates_with_frictionless(release: tuple[Path, Path]) -> None:
    from frictionless import validate

    root, dist = release
    folder, _ = make_release(root, dist)
    assert validate(str(folder / "datapackage.json")).valid


def test_no_text_release_keeps_hashes_and_offsets(release: tuple[Path, Path], tmp_path: Path) -> None:
    import pandas as pd

    root, _ = release
    folder, _ = make_release(root, tmp_path, include_text=False)
    arts = pd.read_parquet(folder / "data" / "articles.parquet")
    assert arts["text"].isna().all()
    assert arts["sha256"].str.len().eq(64).all() and (arts["n_chars"] > 0).all()
    assert len(pd.read_parquet(folder / "data" / "statements.parquet")) > 0
    assert validate_path(folder) == []


def test_datasheet_reads_schema_and_counts(release: tuple[Path, Path]) -> None:
    root, dist = release
    folder, _ = make_release(root, dist)
    text = (folder / "DATASHEET.md").read_text(encoding="utf-8")
    schema = json.loads((root / "schemas" / "statements.json").read_text())
    for field in schema["fields"]:
        assert f"`{field['name']}`" in text
    import pandas as pd

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
    root, dist = release
    folder, _ = make_release(root, dist)
    cff = yaml.safe_load((folder / "CITATION.cff").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "data" / "cff-1.2.0.schema.json").read_text())
    jsonschema.validate(cff, schema)
    assert cff["version"] == __version__


def test_version_and_metadata_agree(release: tuple[Path, Path]) -> None:
    root, dist = release
    folder, _ = make_release(root, dist)
    meta = load_curation(root / "data" / "curation", root).package
    zen = json.loads((folder / ".zenodo.json").read_text())
    assert zen == zenodo_metadata(meta)
    assert zen["upload_type"] == "dataset" and zen["version"] == __version__
    assert json.loads((folder / "datapackage.json").read_text())["version"] == __version__
    croissant = json.loads((folder / "croissant.json").read_text())
    assert croissant["version"] == __version__ and croissant["@type"] == "sc:Dataset"


def test_croissant_loads_in_mlcroissant(release: tuple[Path, Path]) -> None:
    import mlcroissant as mlc

    root, dist = release
    folder, _ = make_release(root, dist)
    ds = mlc.Dataset(jsonld=str(folder / "croissant.json"))
    assert {rs.name for rs in ds.metadata.record_sets} >= {"statements", "actors"}


def test_diff_reports_rows_and_schema(release: tuple[Path, Path], tmp_path: Path) -> None:
    root, dist = release
    old, old_zip = make_release(root, dist)
    new = tmp_path / "new"
    import shutil

    shutil.copytree(old, new)
    csv = new / "data" / "actors.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    csv.write_text("".join(lines[:-1]), encoding="utf-8")  # drop the last actor
    diffs = {d.table: d for d in diff(old_zip, new)}
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
    root, dist = release
    folder, _ = make_release(root, dist)
    with FakeZenodo() as fake:
        state = run(_transport(fake), folder, _metadata(), publish=True)
        dep = fake.depositions[state.dep.id]
        assert dep["submitted"] and state.doi
        uploaded = fake.buckets[dep["_bucket"]]
        assert set(uploaded) == {p.name for p in folder.iterdir() if p.is_file()}
        sums = dict(reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines())
        for name, data in uploaded.items():
            if name in sums:
                assert hashlib.sha256(data).hexdigest() == sums[name]
        methods = [m for m, _ in fake.requests]
        assert methods[0] == "POST" and methods[-1] == "POST"
        assert fake.requests[-1][1].endswith("/actions/publish")
        assert fake.requests[-2][0] == "PUT" and "/api/deposit/depositions/" in fake.requests[-2][1]


def test_without_publish_leaves_a_draft(release: tuple[Path, Path]) -> None:
    root, dist = release
    folder, _ = make_release(root, dist)
    with FakeZenodo() as fake:
        state = run(_transport(fake), folder, _metadata())
        assert not fake.depositions[state.dep.id]["submitted"]
        assert not any(p.endswith("/actions/publish") for _, p in fake.requests)


def test_new_version_removes_files_the_release_lacks(release: tuple[Path, Path]) -> None:
    root, dist = release
    folder, _ = make_release(root, dist)
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
    root, dist = release
    folder, _ = make_release(root, dist)
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
    root, dist = release
    folder, _ = make_release(root, dist)
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
            assert data == (folder / name).read_bytes()
        assert all(TOKEN not in line for line in log)


def test_persistent_server_error_fails_and_resume_finishes(release: tuple[Path, Path]) -> None:
    root, dist = release
    folder, _ = make_release(root, dist)
    with FakeZenodo() as fake:
        fake.fail("PUT", "/api/files/", 500, times=50)
        with pytest.raises(ZenodoError, match="server error"):
            run(_transport(fake), folder, _metadata())
        dep_id = max(fake.depositions)
        fake.failures.clear()
        state = run(_transport(fake), folder, _metadata(), deposition=dep_id, publish=True)
        assert state.dep.id == dep_id and fake.depositions[dep_id]["submitted"]


def test_publish_cli_dry_run_lists_requests(release: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    root, dist = release
    folder, _ = make_release(root, dist)
    monkeypatch.chdir(root)
    monkeypatch.setenv("ZENODO_TOKEN", TOKEN)
    result = runner.invoke(app, ["publish", str(folder), "--dry-run", "--zenodo-url", "http://127.0.0.1:9"])
    assert result.exit_code == 0, result.output
    assert "POST http://127.0.0.1:9/api/deposit/depositions" in result.output
    assert "PUT http://127.0.0.1:9/api/files/DRY-RUN-BUCKET/datapackage.json" in result.output
    assert TOKEN not in result.output
    assert "draft" in result.output
