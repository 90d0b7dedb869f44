"""A rule violation: rule id, table, row key, column, the bad value and what was expected.

Shared by the readers (a value that does not parse is a TYPE failure) and by the checks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Failure:
    rule: str
    table: str
    key: str
    column: str
    value: str
    expected: str

    def message(self) -> str:
        return (
            f"{self.rule}: table {self.table}, row {self.key}, column {self.column}: "
            f"got {self.value}, expected {self.expected}"
        )

    def record(self) -> dict[str, str]:
        return asdict(self)


def render(failures: Iterable[Failure], fmt: str = "text") -> str:
    """Failures as the command line shows them: one message a line, or a JSON list of records."""
    if fmt == "json":
        return json.dumps([f.record() for f in failures], indent=2) + "\n"
    return "".join(f"{f.message()}\n" for f in failures)


def _v(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "null"
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return "null"
    except ImportError:  # pragma: no cover
        pass
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 120 else text[:119] + "…"


def row_key(df: Any, schema: Any, index: Any) -> str:
    """The primary-key value(s) of row `index`, as text."""
    if index is None or index not in df.index:
        return "-"
    values = [str(df.at[index, c]) for c in schema.primary_key if c in df.columns]
    return "/".join(values) if values else str(index)
