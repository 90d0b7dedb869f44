"""Errors a curator can act on: where, what was expected, and the nearest valid value.

Every error a curator or user can act on derives from `DatasetError`; the command line handles
it in one place (`cli.py`): it prints `report()` and exits with `exit_code`, never a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The valid values closest to `value`, best first (empty when nothing is close)."""
    return difflib.get_close_matches(str(value), sorted(set(choices)), n=n, cutoff=0.5)


class DatasetError(Exception):
    """An error the person running `dataset` can act on (bad input, a refused build, a bad bundle)."""

    exit_code = 1
    details: tuple[str, ...] = ()
    """Lines shown under the message (one per failure of a refused build)."""

    def report(self) -> str:
        """The text the command line prints for this error."""
        return "\n".join([f"error: {self}", *(f"  {line}" for line in self.details)])


class UsageError(DatasetError):
    """The command was pointed at the wrong thing (no repository, no datapackage.json, a bad bundle)."""

    exit_code = 2


class CurationError(DatasetError):
    """Bad curated input: names the file, the entry and the field, and says what would be valid."""

    def __init__(
        self,
        file: str,
        message: str,
        *,
        line: int | None = None,
        entry: str | None = None,
        field: str | None = None,
        expected: str | None = None,
        suggestions: list[str] | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.entry = entry
        self.field = field
        self.message = message
        self.expected = expected
        self.suggestions = suggestions or []
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f", line {self.line}"
        if self.entry:
            where += f": {self.entry}"
        if self.field:
            where += f": field '{self.field}'"
        text = f"{where}: {self.message}"
        if self.expected:
            text += f"; expected {self.expected}"
        if self.suggestions:
            text += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        return text


class SourceError(DatasetError):
    """A raw text that cannot be trusted: changed, missing, not UTF-8, empty or a duplicate."""


class Busy(DatasetError):
    """Another process is writing the repository (it holds the lock); nothing was changed."""


class SchemaMismatch(DatasetError):
    """Code built a row that does not fit its Table Schema: a programming error, stopped at build time."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        self.suggestions = suggestions or []
        text = message
        if self.suggestions:
            text += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(text)
