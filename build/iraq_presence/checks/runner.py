"""Running the catalogue's table rules on typed frames, in memory (the build) or read from disk (validate)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..failure import Failure
from ..schema.tables import TableSchema
from .frames import Frames


def check_frames(
    frames: Mapping[str, Any], schemas: Mapping[str, TableSchema], raw_dir: Path | None = None
) -> list[Failure]:
    """Every `tables` rule of the catalogue (and, with `raw_dir`, the `raw` ones) on these frames.

    A rule that raises on corrupted tables is reported as CHECK-<function>, never a crash."""
    from .catalogue import functions

    tables = Frames(frames)
    out: list[Failure] = []
    calls = [(f, (tables, schemas)) for f in functions("tables")]
    if raw_dir is not None:
        calls += [(f, (tables, raw_dir)) for f in functions("raw")]
    for func, args in calls:
        try:
            out.extend(func(*args))
        except Exception as exc:  # a corrupted table must be reported, never crash the validator
            name = func.__name__.removeprefix("check_")
            out.append(
                Failure(
                    f"CHECK-{name}",
                    "-",
                    "-",
                    "-",
                    f"could not run: {type(exc).__name__}: {exc}",
                    "tables clean enough to check",
                )
            )
    return dedupe(out)


def dedupe(failures: list[Failure]) -> list[Failure]:
    """The failures in order, each once."""
    return list(dict.fromkeys(failures))
