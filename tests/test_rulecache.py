"""The build's rule cache: a rule's clean result is reused only while every input it reads is
byte-identical; a changed input runs the rule again, and a fault in it fires as without the cache."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from iraq_presence.checks import inputs
from iraq_presence.checks.registry import rule_of
from iraq_presence.checks.runner import check_frames
from iraq_presence.make import build, produce
from iraq_presence.schema.io import arrow_to_frame, to_arrow
from iraq_presence.tables.rulecache import RuleReuse

from .faults import ROOT, SCHEMAS, committed, faults
from .test_cache import edit_one_article


class Memo:
    """The two lookups the rule cache makes of a `BuildCache`, in memory."""

    code = "test"

    def __init__(self) -> None:
        self.passed: set[tuple[str, bytes]] = set()

    def validated(self, kind: str, data: bytes) -> bool:
        return (kind, data) in self.passed

    def keep_validated(self, kind: str, data: bytes) -> None:
        self.passed.add((kind, data))


def arrow_of(df: pd.DataFrame, schema: Any) -> Any:
    """The table's Arrow form when its frame is the view of it (as the build types it), else None
    (the build's pandas path: no content digest, so never cached)."""
    try:
        table = to_arrow(df, schema)
        pd.testing.assert_frame_equal(arrow_to_frame(table, schema), df)
    except Exception:
        return None
    return table


BASE = committed()
BASE_ARROW = {name: arrow_of(df, SCHEMAS[name]) for name, df in BASE.items()}


def reuse_for(frames: dict[str, pd.DataFrame], memo: Memo) -> RuleReuse:
    arrow = {n: BASE_ARROW[n] if df is BASE[n] else arrow_of(df, SCHEMAS[n]) for n, df in frames.items()}
    return RuleReuse(memo, arrow, SCHEMAS)


@pytest.fixture(scope="module")
def warm() -> Memo:
    """A cache holding every rule's clean result on the committed tables."""
    memo = Memo()
    reuse = reuse_for(BASE, memo)
    assert check_frames(BASE, SCHEMAS, reuse=reuse) == []
    assert reuse.reused == 0 and reuse.ran == len(memo.passed)  # every declared part ran restricted and passed
    again = reuse_for(BASE, memo)
    assert check_frames(BASE, SCHEMAS, reuse=again) == [] and again.ran == 0
    return memo


def one_per_rule() -> list[Any]:
    """A fault for each rule of the catalogue (the first of its template's)."""
    chosen: dict[str, Any] = {}
    for fault in faults():
        chosen.setdefault(rule_of(fault.rule).id, fault)
    return list(chosen.values())


@pytest.mark.parametrize("fault", one_per_rule(), ids=lambda f: f.id)
def test_a_changed_input_runs_the_rule_again_and_it_fires(fault: Any, warm: Memo) -> None:
    frames = fault.apply(committed())
    memo = Memo()
    memo.passed = set(warm.passed)
    reuse = reuse_for(frames, memo)
    cached = check_frames(frames, SCHEMAS, rules=[fault.rule], reuse=reuse)
    assert fault.rule in {f.rule for f in cached}, f"{fault.id}: the cached run missed it"
    assert cached == check_frames(frames, SCHEMAS, rules=[fault.rule])
    assert reuse.ran > 0 and memo.passed >= warm.passed


def test_an_edit_outside_a_rules_columns_reuses_its_result(warm: Memo) -> None:
    arts = BASE["articles"].copy()
    arts.loc[0, "url_note"] = "Edited."
    reuse = reuse_for({**BASE, "articles": arts}, warm)
    assert check_frames({**BASE, "articles": arts}, SCHEMAS, reuse=reuse) == []
    # only what reads `articles` whole runs: its own per-table parts and the rules on every table
    assert 0 < reuse.ran < reuse.reused


def test_a_rule_reading_an_undeclared_table_runs_uncached(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(inputs.ACROSS, "check_counts", {"utterances": None})  # it reads statements, meetings, ...
    memo = Memo()
    reuse = reuse_for(BASE, memo)
    assert check_frames(BASE, SCHEMAS, reuse=reuse) == []
    stored = len(memo.passed)
    again = reuse_for(BASE, memo)
    assert check_frames(BASE, SCHEMAS, reuse=again) == []
    assert again.ran == 1 and len(memo.passed) == stored  # check_counts: run again, never stored

    broken = {**BASE, "meetings": BASE["meetings"].assign(n_reports=BASE["meetings"]["n_reports"] + 1)}
    assert check_frames(broken, SCHEMAS, reuse=reuse_for(broken, memo)) == check_frames(broken, SCHEMAS) != []


def rules_summary(root: Path) -> tuple[int, int]:
    lines: list[str] = []
    build(root, progress=lines.append)
    [line] = [x for x in lines if x.startswith("rules:")]
    reused, ran = map(int, re.findall(r"\d+", line))
    return reused, ran


def test_a_rebuild_runs_only_the_rules_whose_inputs_changed(repo: Path) -> None:
    reused, ran = rules_summary(repo)
    assert reused == 0 and ran > 0
    assert rules_summary(repo) == (ran, 0)
    edit_one_article(repo)
    again, fresh = rules_summary(repo)
    assert again + fresh == ran and 0 < fresh < again


def test_the_raw_files_rule_runs_again_when_a_files_bytes_or_its_recorded_hash_change() -> None:
    raw_dir = ROOT / "data" / "raw"
    read = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in raw_dir.glob("*.txt")}
    memo = Memo()

    def run(frames: dict[str, pd.DataFrame], files: dict[str, str]) -> tuple[list[Any], RuleReuse]:
        reuse = RuleReuse(memo, {n: arrow_of(df, SCHEMAS[n]) for n, df in frames.items()}, SCHEMAS, files)
        return check_frames(frames, SCHEMAS, raw_dir, rules=["RAW-file"], reuse=reuse), reuse

    assert run(BASE, read)[0] == [] and run(BASE, read)[1].ran == 0
    first = sorted(read)[0]
    assert run(BASE, {**read, first: "0" * 64})[1].ran == 1  # other bytes read: run again
    arts = BASE["articles"].copy()
    arts.loc[arts["source_file"] == first, "sha256"] = "0" * 64
    failures, reuse = run({**BASE, "articles": arts}, read)
    assert reuse.ran == 1 and [f.rule for f in failures] == ["RAW-file"]


def test_the_utterance_counts_are_derived_again_only_when_their_columns_change(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iraq_presence.tables import assemble

    calls: list[int] = []
    real = assemble.utterance_counts
    monkeypatch.setattr(assemble, "utterance_counts", lambda s, u: calls.append(1) or real(s, u))
    build(repo)
    assert calls == [1]
    edit_one_article(repo)  # the url_note: no statement changes
    build(repo)
    assert calls == [1]
    path = repo / "data" / "curation" / "utterances.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("several_acts: false", "several_acts: true", 1))
    assert produce(repo).files == produce(repo, cache=False).files and len(calls) == 3


def test_a_cached_rule_is_handed_a_shared_derivation_only_when_it_declares_its_inputs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(inputs.ACROSS, "check_mentions", {"mentions": None, "actor_aliases": None})
    memo = Memo()
    reuse = reuse_for(BASE, memo)
    assert check_frames(BASE, SCHEMAS, reuse=reuse) == []
    again = reuse_for(BASE, memo)
    check_frames(BASE, SCHEMAS, reuse=again)
    assert again.ran == 1  # check_mentions reads the rescan, made from the texts it did not declare
