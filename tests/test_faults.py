"""Fault injection: every rule of the catalogue is set off by a corruption made for it.

Most faults mutate the committed tables in memory and run the catalogue's runner (milliseconds
each); about fifteen corrupt files of a built package, in the CSV or the Parquet copy, and go
through `dataset validate`. A test checks that together they set off every rule in the catalogue.
"""

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iraq_presence.checks.catalogue import RULES, rule_of
from iraq_presence.checks.package import validate_path
from iraq_presence.checks.registry import EVERY
from iraq_presence.checks.runner import check_frames
from iraq_presence.cli import app

from .faults import ROOT, SCHEMAS, committed, faults, file_faults, on_file, set_value

FAULTS = faults()
FILE_FAULTS = file_faults()
FILE_CASES = [(f, fmt) for f in FILE_FAULTS for fmt in f.formats]
CONTENT = {"dangling-fk", "enum", "duplicate-pk", "null-required", "offset-shift"}
"""File faults in table values: in the CSV copy they are a difference from the Parquet copy."""
runner = CliRunner()


def test_committed_tables_pass_every_rule() -> None:
    assert check_frames(committed(), SCHEMAS, ROOT / "data" / "raw") == []


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.id)
def test_fault_is_caught_by_its_rule(fault) -> None:
    base = committed()
    frames = fault.apply(base)
    schemas = SCHEMAS
    if rule_of(fault.rule).reads == EVERY:  # a schema-driven rule checks each table on its own
        schemas = {n: s for n, s in SCHEMAS.items() if frames[n] is not base[n]}
    failures = check_frames(frames, schemas, rules=[fault.rule])
    rules = {f.rule for f in failures}
    assert fault.rule in rules, f"{fault.id}: expected {fault.rule}, got {sorted(rules)}"
    assert all(rule_of(r) is not None for r in rules), f"ids outside the catalogue: {sorted(rules)}"


def test_whole_runner_reports_a_fault_once_with_its_row() -> None:
    fault = next(f for f in FAULTS if f.kind == "enum" and f.target == "actors.actor_type")
    failures = check_frames(fault.apply(committed()), SCHEMAS)
    assert [f.rule for f in failures] == ["ENUM-actors"]
    assert "not_a_code" in failures[0].value and failures[0].key != "-"


@pytest.mark.parametrize(("fault", "fmt"), FILE_CASES, ids=lambda c: getattr(c, "id", c))
def test_file_fault_fails_validate(fault, fmt: str, built_repo: Path, tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    shutil.copytree(built_repo, root, ignore=shutil.ignore_patterns("curation"))
    fault.apply(root, fmt)
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    rules = {r["rule"] for r in json.loads(result.stdout)}
    table = fault.target.split(".")[0]
    expected = f"FORMAT-{table}" if fmt == "csv" and fault.kind in CONTENT else fault.rule
    assert expected in rules, f"{fault.id} in {fmt}: expected {expected}, got {sorted(rules)}"


def test_every_catalogue_rule_is_set_off() -> None:
    """Each rule of the catalogue is the expected rule of some fault above (each of which is asserted)."""
    expected = {f.rule for f in FAULTS + FILE_FAULTS}
    never = [r.id for r in RULES if not any(r.pattern.match(e) for e in expected)]
    assert never == [], f"rules no test sets off: {never}"
    assert all(rule_of(e) is not None for e in expected)


def test_rescans_in_a_worker_process(built_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a large package the rescans, spans and raw-file hashes run in a second process; they
    report what the in-process ones do, in the same order."""
    import iraq_presence.checks.package as package

    root = tmp_path / "pkg"
    shutil.copytree(built_repo, root, ignore=shutil.ignore_patterns("curation"))
    next(f for f in FILE_FAULTS if f.kind == "offset-shift").apply(root, "parquet")
    next(f for f in FILE_FAULTS if f.kind == "raw-edited").apply(root, "parquet")
    # the main process's rules the worker takes over
    on_file("articles", lambda d: set_value(d, "n_chars", int(d["n_chars"].iloc[0]) + 1, 0))(root, "parquet")
    on_file("actor_aliases", lambda d: set_value(d, "n_mentions", int(d["n_mentions"].iloc[0]) + 1, 0))(root, "parquet")
    on_file("affiliations", lambda d: set_value(d, "organization_id", "iran", 0))(root, "parquet")
    on_file("statements", lambda d: set_value(d, "speaker_id", "zz-nobody", 0))(root, "parquet")
    on_file("meetings", lambda d: set_value(d, "n_reports", int(d["n_reports"].iloc[0]) + 1, 0))(root, "parquet")
    on_file("utterances", lambda d: set_value(d, "n_articles", int(d["n_articles"].iloc[0]) + 1, 0))(root, "parquet")
    here = validate_path(root)
    monkeypatch.setattr(package, "WORKER_MIN_ARTICLES", 1)
    assert validate_path(root) == here
    worker_rules = {"MENTIONS-missing", "MENTIONS-extra", "RAW-file", "RAW-articles-text", "AFFIL-evidence"}
    moved = {"COUNT-actor_aliases-n_mentions", "UTTERANCE-speaker", "COUNT-utterances", "COUNT-meetings"}
    assert worker_rules | moved <= {f.rule for f in here}
    assert any(f.rule.startswith("SPAN-") for f in here)


def test_inputs_hashed_in_a_process_apart(built_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a large repository the curation inputs are hashed in a process of their own, forked at
    the start (`checks/early.py`): an edit not yet built is reported as it is in-process, in the
    same place."""
    import iraq_presence.checks.package as package

    root = tmp_path / "repo"
    shutil.copytree(built_repo, root)
    next(f for f in FILE_FAULTS if f.rule == "BUILD-stale").apply(root, "parquet")
    next(f for f in FILE_FAULTS if f.kind == "offset-shift").apply(root, "parquet")
    here = validate_path(root)
    monkeypatch.setattr(package, "WORKER_MIN_ARTICLES", 1)
    assert validate_path(root) == here
    assert "BUILD-stale" in {f.rule for f in here}


def test_a_dead_worker_process_changes_nothing(
    built_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the worker process die (here: at its start), every rule handed to it is computed in
    this process, and should the inputs' process die, their hashes: the same failures, in order."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    import iraq_presence.checks.early as early
    import iraq_presence.checks.package as package

    root = tmp_path / "repo"
    shutil.copytree(built_repo, root)
    next(f for f in FILE_FAULTS if f.rule == "BUILD-stale").apply(root, "parquet")
    next(f for f in FILE_FAULTS if f.kind == "raw-edited").apply(root, "parquet")
    here = validate_path(root)
    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(package, "WORKER_MIN_ARTICLES", 1)
    monkeypatch.setattr(
        package, "worker", lambda: ProcessPoolExecutor(1, mp_context=spawn, initializer=os._exit, initargs=(3,))
    )
    monkeypatch.setattr(early, "_send", lambda conn, folder: os._exit(3))
    assert validate_path(root) == here
    assert {"BUILD-stale", "RAW-file"} <= {f.rule for f in here}


@pytest.mark.parametrize("dropped", [("actors", "statements", "mentions"), None], ids=["three-tables", "no-resources"])
def test_a_package_missing_tables_fails(dropped, built_repo: Path, tmp_path: Path) -> None:
    """Issue 19: a package without whole tables (or with `resources: []`) is not valid; a foreign key
    into a table the package does not hold is a failure, not skipped."""
    root = tmp_path / "pkg"
    shutil.copytree(built_repo, root, ignore=shutil.ignore_patterns("curation"))
    for name in ("datapackage.json", "datapackage.parquet.json"):
        desc = json.loads((root / name).read_text(encoding="utf-8"))
        desc["resources"] = [r for r in desc["resources"] if dropped is not None and r["name"] not in dropped]
        (root / name).write_text(json.dumps(desc), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    found = json.loads(result.stdout)
    missing = {f["table"] for f in found if f["rule"] == "PKG-tables"}
    assert missing == (set(dropped) if dropped else set(SCHEMAS))
    if dropped:
        into_absent = {f["rule"] for f in found if f["rule"].startswith("FK-") and f["value"].startswith("no table")}
        assert "FK-actor_aliases-actor_id" in into_absent and "FK-statement_topics-statement_id" in into_absent
