"""The rule registry: each rule is declared by a decorator on the function that checks it.

`@rule("PK-<table>", "what it checks", ...)` above a function registers it, as pandera's
`register_builtin_check` or frictionless's check classes do: the id, its sentence for
docs/validation.md, the tables it reads and its stage live next to the code. A function may carry
several rules (one pass, several ids). This module imports no rule module, so every rule module
can import it without a cycle; `checks/catalogue.py` imports them all to list every rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

EVERY = ("every table",)
FILES, TABLE, CROSS, DOMAIN = "Package and files", "Per table", "Across tables", "Domain"
EVIDENCE = "Evidence policy"
SECTIONS = (FILES, TABLE, CROSS, DOMAIN, EVIDENCE)
STAGES = ("files", "tables", "raw", "runner")


@dataclass(frozen=True)
class Rule:
    id: str
    """Identifier; `<table>`, `<column>` stand for names, `[...]` for an optional part."""
    checks: str
    """What it checks, in a sentence (shown in docs/validation.md)."""
    reads: tuple[str, ...]
    """The tables it reads (from the schemas, or named for a domain rule)."""
    func: Callable[..., Any]
    """The function that reports it. Several rules may share one function (one pass, several ids)."""
    stage: str
    """`files`: checked while reading a package from disk; `tables`: on typed tables (build and
    validate); `raw`: against the raw text files, when the folder has them; `runner`: by the runner."""
    section: str
    needs: tuple[str, ...] = ()
    """Derivations of the run it reads (`Frames.memo` keys). One begun in a worker process is
    waited for, so the runner runs the rules needing it after the rest."""
    by: str = ""
    """What enforces it, when not only its own code (e.g. the pandera schema derived from the Table Schema)."""

    @property
    def pattern(self) -> re.Pattern[str]:
        """A regex the emitted rule ids match."""
        text = re.escape(self.id).replace(r"\[", "(?:").replace(r"\]", ")?")
        return re.compile("^" + re.sub(r"<[a-z]+>", "[a-z0-9_]+", text) + "$")


RULES: list[Rule] = []
"""Every registered rule, in the order of its module's import and, within a function, as written."""


def rule(
    rule_id: str,
    checks: str,
    *,
    reads: tuple[str, ...] = EVERY,
    stage: str = "tables",
    section: str = TABLE,
    needs: tuple[str, ...] = (),
    by: str = "",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as the checker of `rule_id` (stacked decorators keep
    their written order)."""
    if stage not in STAGES or section not in SECTIONS:
        raise ValueError(f"{rule_id}: unknown stage {stage!r} or section {section!r}")

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        if any(r.id == rule_id for r in RULES):
            raise ValueError(f"rule {rule_id} is registered twice")
        new = Rule(rule_id, checks, reads, func, stage, section, needs, by)
        first = next((i for i, r in enumerate(RULES) if r.func is func), len(RULES))
        RULES.insert(first, new)  # decorators apply bottom-up: the one written first goes first
        return func

    return register


def functions(stage: str) -> list[Callable[..., Any]]:
    """The distinct functions of a stage, each once, in registry order."""
    out: list[Callable[..., Any]] = []
    for r in RULES:
        if r.stage == stage and r.func not in out:
            out.append(r.func)
    return out


def waits(func: Callable[..., Any], pending: frozenset[str]) -> bool:
    """Whether a function reads a derivation begun in another process and not yet collected (it
    is then run after the rest, so it waits while nothing else could run)."""
    return any(r.func is func and set(r.needs) & pending for r in RULES)


def offloaded(func: Callable[..., Any]) -> str:
    """The `Frames` key under which a rule function's failures, computed in another process, are
    handed to the runner (see `checks/offload.py`)."""
    return "rule:" + func.__name__


def rule_of(rule_id: str) -> Rule | None:
    """The rule an emitted id belongs to (the most specific when two templates match)."""
    found = [r for r in RULES if r.pattern.match(rule_id)]
    return min(found, key=lambda r: r.id.count("<")) if found else None
