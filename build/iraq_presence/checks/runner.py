"""Running the registered table rules on typed frames, in memory (the build) or read from disk (validate)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from ..failure import Failure
from ..schema.tables import TableSchema
from . import domain, evidence, generic, pandera_rules  # noqa: F401  (importing a rule module registers its rules)
from .frames import Frames, dedupe
from .registry import FILES, functions, offloaded, rule, rule_of, waits


@rule(
    "CHECK-<function>",
    "a rule could not run on these tables (names the rule's function and the error)",
    stage="runner",
    section=FILES,
)
def check_frames(
    frames: Mapping[str, Any],
    schemas: Mapping[str, TableSchema],
    raw_dir: Path | None = None,
    rules: Collection[str] | None = None,
    reuse: Any = None,
) -> list[Failure]:
    """Every registered `tables` rule (and, with `raw_dir`, the `raw` ones) on these frames;
    with `rules` (ids), only the functions that check those. `reuse` (the build's
    `tables.rulecache.RuleReuse`) skips a rule whose inputs are those it passed on before.

    A rule that raises on corrupted tables is reported as CHECK-<function>, never a crash."""
    tables = frames if isinstance(frames, Frames) else Frames(frames)
    calls = [(f, (tables, raw_dir)) for f in functions("raw")] if raw_dir is not None else []
    calls += [(f, (tables, schemas)) for f in functions("tables")]
    if rules is not None:
        owners = {found.func for found in map(rule_of, rules) if found is not None}
        calls = [c for c in calls if c[0] in owners or _crash_id(c[0]) in rules]
    pending = tables.pending()
    late = [waits(f, pending) or offloaded(f) in pending for f, _ in calls]
    run = reuse.wrap(_run) if reuse is not None else _run
    results: dict[int, list[Failure]] = {}
    for i in sorted(range(len(calls)), key=late.__getitem__):  # what waits for another process last
        results[i] = run(tables, *calls[i])
    return dedupe([f for i in range(len(calls)) for f in results[i]])


def _run(tables: Frames, func: Any, args: tuple[Any, ...]) -> list[Failure]:
    """One rule function's failures (those handed over from another process when it ran there)."""
    try:
        if tables.begun(offloaded(func)):
            return list(tables.memo(offloaded(func), lambda: func(*args)))
        return list(func(*args))
    except Exception as exc:  # a corrupted table must be reported, never crash the validator
        return [
            Failure(
                _crash_id(func),
                "-",
                "-",
                "-",
                f"could not run: {type(exc).__name__}: {exc}",
                "tables clean enough to check",
            )
        ]


def _crash_id(func: Any) -> str:
    """The rule id reported when `func` cannot run: CHECK-<function name without check_>."""
    return "CHECK-" + func.__name__.removeprefix("check_")
