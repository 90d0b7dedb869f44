"""The rule catalogue: every registered rule, for docs/validation.md and the coverage tests.

Rules are declared where they are written (`@rule` from `registry.py`); importing the modules that
hold them fills the registry. `python -m iraq_presence.checks.catalogue docs/validation.md`
rewrites the generated part of the document.
"""

from __future__ import annotations

from pathlib import Path

from . import bundle, descriptor, domain, evidence, generic, package, pandera_rules, runner
from .registry import RULES, SECTIONS, Rule, rule_of

__all__ = ["BEGIN", "END", "RULES", "Rule", "markdown", "rule_of", "write_docs"]


MODULES = (descriptor, bundle, package, runner, pandera_rules, generic, domain, evidence)
"""The modules holding rules, in the order the document lists them (import order varies)."""


def ordered() -> list[Rule]:
    """Every rule, by module in `MODULES` order, then as written in its module."""
    rank = {m.__name__: i for i, m in enumerate(MODULES)}
    return sorted(RULES, key=lambda r: rank.get(r.func.__module__, len(rank)))


def _checked_by(r: Rule) -> str:
    own = f"`{r.func.__module__.rsplit('.', 1)[-1]}.{r.func.__name__}`"
    return f"{own}: {r.by}" if r.by else own


def markdown() -> str:
    """The rule tables of docs/validation.md, one section per catalogue section."""
    out = []
    for section in SECTIONS:
        rows = [r for r in ordered() if r.section == section]
        if not rows:
            continue
        out += [f"## {section}", "", "| rule | checks | reads | checked by |", "| --- | --- | --- | --- |"]
        out += [
            f"| `{r.id}` | {r.checks} | {', '.join(r.reads) or 'the package folder'} | {_checked_by(r)} |" for r in rows
        ]
        out.append("")
    return "\n".join(out)


BEGIN, END = "<!-- rules: begin (generated from the rule registry, checks/registry.py) -->", "<!-- rules: end -->"


def write_docs(path: str) -> None:
    """Replace the generated part of docs/validation.md with the catalogue's tables."""
    doc = Path(path)
    text = doc.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN.split(" (")[0], 1)
    tail = rest.split(END, 1)[1]
    doc.write_text(f"{head}{BEGIN}\n\n{markdown()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":  # python -m iraq_presence.checks.catalogue docs/validation.md
    import sys

    write_docs(sys.argv[1])
