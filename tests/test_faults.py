"""Fault injection: every class of corruption, in the CSV and in the Parquet files, is caught by
the rule that names it. The parametrization lists each fault, so the report says so per class."""

import shutil
from pathlib import Path

import pytest

from iraq_presence.checks.package import validate_path

from .faults import faults, file_faults

FAULTS = faults() + file_faults()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.id)
def test_fault_is_caught_by_its_rule(fault, fmt: str, built_repo: Path, tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    shutil.copytree(built_repo, root)
    fault.apply(root, fmt)
    rules = {f.rule for f in validate_path(root)}
    assert fault.rule in rules, f"{fault.id} in {fmt}: expected {fault.rule}, got {sorted(rules)}"


def test_uncorrupted_package_is_valid(built_repo: Path) -> None:
    assert validate_path(built_repo) == []


def test_every_fault_class_is_exercised() -> None:
    kinds = {f.kind for f in FAULTS}
    assert kinds >= {
        "dangling-fk",
        "duplicate-pk",
        "null-required",
        "enum",
        "offset-shift",
        "text-one-char",
        "date-after-article",
        "date-precision",
        "group-cycle",
        "format-disagree",
        "raw-edited",
        "file-missing",
        "file-truncated",
        "extra-column",
        "missing-column",
        "wrong-type",
    }
