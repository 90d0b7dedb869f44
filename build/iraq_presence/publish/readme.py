"""The bundle's README.md: how to browse, load (pandas, R, DuckDB, Datasette), check and cite a
release that holds no code. Prose from docs/bundle_readme.md; names and dates from the package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .. import __version__
from .markdown import literal
from .metadata import report_to

WITH_TEXTS = (
    "This bundle holds the full article texts (`articles.text`, and the reading view shows them). "
    "They belong to their outlets and are **not** covered by this bundle's licence: they are here so "
    "that you can check every span on your own machine. Do not redistribute them; the published "
    "bundle (the same name without `-with-texts`) leaves them out."
)
WITHOUT_TEXTS = (
    "This bundle leaves the article texts out (`articles.text` is empty): they belong to their "
    "outlets, which have not licensed them for redistribution under this bundle's licence. Every "
    "table keeps each article's SHA-256 (`articles.sha256`), length (`n_chars`) and every offset: "
    "find an article from its title, outlet and date (and `url` where known), check its SHA-256, "
    "and `text[char_start:char_end]` equals each stored string. The quotations and other short "
    "spans are in the tables themselves."
)


def render_readme(
    template: Path, meta: Any, schemas: dict[str, Any], released: dt.date, citation: str, with_text: bool
) -> str:
    return template.read_text(encoding="utf-8").format(
        title=literal(meta.title),
        version=__version__,
        date=released.isoformat(),
        description=literal(meta.description),
        tables=", ".join(f"`{name}`" for name in schemas),
        citation=literal(citation)
        + " The DOI is on the Zenodo record; `CITATION.cff` has the same in machine-readable form.",
        report=report_to(meta) + " Every code is defined in `CODEBOOK.md`.",
        texts=WITH_TEXTS if with_text else WITHOUT_TEXTS,
        licenses="; ".join(f"{lic.title} ({lic.name})" for lic in meta.licenses),
    )
