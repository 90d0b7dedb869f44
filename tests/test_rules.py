"""The rule catalogue: one declaration per rule, its docs generated from it, every check function listed."""

import inspect
import re
from pathlib import Path

from iraq_presence.checks import catalogue, domain, evidence, generic
from iraq_presence.checks.catalogue import RULES, markdown, rule_of

ROOT = Path(__file__).resolve().parents[1]


def test_each_rule_is_declared_once() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.checks and r.func and r.stage in ("files", "tables", "raw", "runner") for r in RULES)


def test_docs_are_generated_from_the_catalogue() -> None:
    doc = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    part = doc.split(catalogue.BEGIN, 1)[1].split(catalogue.END, 1)[0]
    assert part.strip() == markdown().strip(), "run: python -m iraq_presence.checks.catalogue docs/validation.md"


def test_every_check_function_is_in_the_catalogue() -> None:
    listed = {r.func for r in RULES}
    for module in (generic, domain, evidence):
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("check_") and func.__module__ == module.__name__:
                assert func in listed, f"{module.__name__}.{name} is not declared in the catalogue"


def test_every_rule_id_the_code_writes_is_in_the_catalogue() -> None:
    """Rule ids written as literals (or f-string heads) in the checks and readers match a template."""
    sources = [*(ROOT / "build" / "iraq_presence" / "checks").glob("*.py"), ROOT / "build/iraq_presence/schema/io.py"]
    heads = set()
    for path in sources:
        for m in re.finditer(r'Failure\(\s*f?"([A-Z]+-[A-Za-z_-]*)', path.read_text(encoding="utf-8")):
            heads.add(m.group(1))
    assert heads
    for head in heads:
        assert any(r.id.startswith(head) or r.pattern.match(head) for r in RULES), head


def test_templates_resolve_to_one_rule() -> None:
    assert rule_of("DATE-after-article-statements").id == "DATE-after-article-<table>"
    assert rule_of("DATE-statements-said_date").id == "DATE-<table>-<column>"
    assert rule_of("SPAN-articles-title").id == "SPAN-<table>[-<column>]"
    assert rule_of("COUNT-utterances").id == "COUNT-utterances"
    assert rule_of("NOT-a-rule") is None
