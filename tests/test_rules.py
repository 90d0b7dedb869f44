"""The rule catalogue: one declaration per rule, its docs generated from it, every check function listed."""

import ast
import graphlib
import inspect
import subprocess
import sys
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


def test_docs_do_not_depend_on_import_order() -> None:
    """The registry fills as modules are imported; the document lists the rules the same way whichever comes first."""
    code = "import iraq_presence.checks.evidence, iraq_presence.checks.generic\n"
    code += "from iraq_presence.checks.catalogue import markdown\nprint(markdown(), end='')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == markdown()


def _imports(path: Path, package: str) -> set[str]:
    """The iraq_presence modules a file imports, at module level or inside functions."""
    parts = package.split(".")
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = parts[: len(parts) - node.level + 1] if node.level else []
            mod = ".".join([*base, *(node.module.split(".") if node.module else [])])
            names = [f"{mod}.{a.name}" for a in node.names] if not node.module else [mod]
            out.update(n for n in names if n.startswith("iraq_presence"))
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("iraq_presence"))
    return out


def test_no_import_cycle_in_the_checks() -> None:
    """The checks' modules (and what they import from the package) form no cycle, even through
    imports written inside functions: registry <- rule modules <- runner <- package <- catalogue."""
    src = ROOT / "build"
    graph: dict[str, set[str]] = {}
    todo = ["iraq_presence.checks.catalogue"]
    while todo:
        mod = todo.pop()
        if mod in graph:
            continue
        path = src / (mod.replace(".", "/") + ".py")
        if not path.is_file():
            path = src / mod.replace(".", "/") / "__init__.py"
        if not path.is_file():  # `from . import name` of a function, not a module
            graph[mod] = set()
            continue
        package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
        graph[mod] = {m for m in _imports(path, package) if m != mod}
        todo += sorted(graph[mod])
    graph = {
        m: {d for d in deps if d in graph and (src / (d.replace(".", "/") + ".py")).is_file()}
        for m, deps in graph.items()
    }
    try:
        list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        raise AssertionError(f"import cycle: {exc.args[1]}") from None
    assert "iraq_presence.checks.registry" in graph["iraq_presence.checks.generic"]


def test_each_registered_function_declares_its_rules_next_to_it() -> None:
    """A rule's function lives in a checks module; the catalogue only collects them."""
    assert all(r.func.__module__.startswith("iraq_presence.checks.") for r in RULES)
    assert all(r.func.__module__ != catalogue.__name__ for r in RULES)


def test_templates_resolve_to_one_rule() -> None:
    assert rule_of("DATE-after-article-statements").id == "DATE-after-article-<table>"
    assert rule_of("DATE-statements-said_date").id == "DATE-<table>-<column>"
    assert rule_of("SPAN-articles-title").id == "SPAN-<table>[-<column>]"
    assert rule_of("COUNT-utterances").id == "COUNT-utterances"
    assert rule_of("NOT-a-rule") is None
