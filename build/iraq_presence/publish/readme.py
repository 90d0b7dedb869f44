"""The bundle's README.md: how to browse, load (pandas, R, DuckDB, Datasette), check and cite a
release that holds no code. Prose from docs/bundle_readme.md; names and dates from the package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .. import __version__
from .codebook import report_to
from .markdown import literal


def render_readme(template: Path, meta: Any, schemas: dict[str, Any], released: dt.date, citation: str) -> str:
    return template.read_text(encoding="utf-8").format(
        title=literal(meta.title),
        version=__version__,
        date=released.isoformat(),
        description=literal(meta.description),
        tables=", ".join(f"`{name}`" for name in schemas),
        citation=literal(citation)
        + " The DOI is on the Zenodo record; `CITATION.cff` has the same in machine-readable form.",
        report="Found an error? " + report_to(meta) + " Every code is defined in `CODEBOOK.md`.",
        licenses="; ".join(f"{lic.title} ({lic.name})" for lic in meta.licenses),
    )
