"""Every figure CODEBOOK.md and DATASHEET.md print is the tables' own: each table, sentence and
count they print is recomputed here from the bundle's Parquet files, and any other number left in
them (outside the curation guide's included sections, dates, versions and ids) fails the test."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from iraq_presence.publish.include import DIRECTIVE, section

from .conftest import ROOT

ARTICLE = r"\d{3,}_[0-9a-f]{16}"
LIST_ROW = re.compile(r"^\| (`[\w-]+`|\(null\)) \|([^|]*)\| (\d+) \|$")
ALLOWED = (
    r"\d{4}-\d{2}-\d{2}",  # dates
    r"\b\d+\.\d+(\.\d+)?\b",  # versions (the release's, PLOVER's, CC BY 4.0)
    r"\b\d{3}-[a-z]\d{2}\b",  # row ids (000-s01)
    r"\(\d{4}[–-]\d{4}\)",  # the corpus's years, in the package description
    r"Gebru et al\., 2021",
    r"\b5e0c24f\b|\(4 February 2024\)",  # the PLOVER manual's commit and its date
    r"ISO 639-1",
    r"^[^\n]*\(\d{4}\)\. ",  # the citation's year
    r"UTF-8|SHA-256|sha256|Table Schema v2|Data Package v2|Croissant 1\.0",
)


def tables(folder: Path) -> dict[str, pd.DataFrame]:
    return {p.stem: pd.read_parquet(p) for p in sorted((folder / "data").glob("*.parquet"))}


def included(text: str, template: str) -> str:
    """`text` without the sections its template includes from the curation guide and the review
    record (curated prose and recorded measurements, not figures of the tables)."""
    directives = list(DIRECTIVE.finditer((ROOT / "docs" / template).read_text(encoding="utf-8")))
    assert directives
    for d in directives:
        source = (ROOT / "docs" / d.group("file")).read_text(encoding="utf-8")
        block = section(source, d.group("heading"), f"docs/{d.group('file')}")
        assert block in text, d.group("heading")
        text = text.replace(block, "")
    return text


def leftover_numbers(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    text = re.sub(r"`[^`\n]*`", "", text)  # column names, codes, patterns
    for pattern in ALLOWED:
        text = re.sub(pattern, "", text, flags=re.MULTILINE)
    return [line for line in text.splitlines() if re.search(r"\d", line)]


def _count(frame: pd.DataFrame, column: str, code: str) -> int:
    return int((frame[column].astype("object") == code).sum())


@pytest.fixture(scope="module")
def docs(built: tuple[Path, Path, Any]) -> tuple[dict[str, pd.DataFrame], str, str]:
    _, folder, _ = built
    return (
        tables(folder),
        (folder / "CODEBOOK.md").read_text(encoding="utf-8"),
        (folder / "DATASHEET.md").read_text(encoding="utf-8"),
    )


def test_every_figure_in_the_datasheet_is_the_tables(docs: tuple[dict[str, pd.DataFrame], str, str]) -> None:
    t, _, sheet = docs
    lines = included(sheet, "datasheet_template.md").splitlines()
    checked: set[int] = set()
    in_fields = False
    for i, line in enumerate(lines):
        if line.startswith("## Codebook"):
            in_fields = True  # the fields of every table: schema text, not figures
        if in_fields and (line.startswith("| `") or line.startswith("Primary key") or line.startswith("Foreign")):
            checked.add(i)
        elif m := re.match(r"^\| `(\w+)` \| (\d+) \|", line):
            assert int(m.group(2)) == len(t[m.group(1)]), line
            checked.add(i)
        elif m := re.match(r"^\| `(\w+)` \| `(\w+_basis)` \| (.*) \|$", line):
            header = next(h for h in reversed(lines[:i]) if h.startswith("| table | column |"))
            codes = [c.strip() for c in header.split("|")[3:-1]]
            cells = [c.strip() for c in m.group(3).split("|")]
            frame = t[m.group(1)]
            for code, cell in zip(codes, cells, strict=True):
                want = int(frame[m.group(2)].isna().sum()) if code == "null" else _count(frame, m.group(2), code)
                assert cell == "–" or int(cell) == want, (line, code)
            checked.add(i)
        elif re.match(rf"^\| `{ARTICLE}` \|", line):  # an artifact row: curated text, not a figure
            checked.add(i)
    arts = t["articles"]
    n = len(arts)
    stated, inferred, external, given = (
        _count(arts, "published_date_basis", b) for b in ("stated", "inferred", "external", "given")
    )
    dates = (
        f"Of {n} articles, {stated} print their publication date, {inferred} have it inferred from the corpus's text, "
        f"{external} have it from a cited outside source"
    )
    mentions = t["mentions"]
    for i, line in enumerate(lines):
        if line.startswith("Of ") and "articles," in line:
            joined = " ".join(lines[i : i + 4])
            assert joined.startswith(dates), joined
            assert (
                f"{given} as given by the maintainer, and {n - stated - inferred - external - given} have none"
                in joined
            )
            checked.update(range(i, i + 4))
        if "is_metonym` true (" in line:
            assert f"({int(mentions['is_metonym'].sum())} of" in line and f"{len(mentions)} mentions)" in lines[i + 1]
            checked.update((i, i + 1))
        if line.startswith("- Counting: "):
            assert line.startswith(f"- Counting: {n} articles")
            checked.add(i)
    left = leftover_numbers([line for i, line in enumerate(lines) if i not in checked])
    assert left == [], "\n".join(left[:12])


def test_every_figure_in_the_codebook_is_the_tables(docs: tuple[dict[str, pd.DataFrame], str, str]) -> None:
    t, book, _ = docs
    lines = included(book, "codebook_template.md").splitlines()
    checked: set[int] = set()
    current = None
    mentions, statements, arts = t["mentions"], t["statements"], t["articles"]
    for i, line in enumerate(lines):
        if m := re.match(r"^### `(\w+)\.(\w+)`$", line):
            current = (m.group(1), m.group(2))
        elif current and (
            m := re.match(r"^\| (`[\w-]+`|\(null\)) \|(.*)\| (\d+) \|(.*)\|$", line) or LIST_ROW.match(line)
        ):
            table, column = current
            values = t[table][column]
            code = m.group(1).strip("`")
            if code == "(null)":
                want = int(values.isna().sum())
            elif values.dtype == "category" or not values.astype("object").dropna().astype(str).str.contains(";").any():
                want = _count(t[table], column, code)
            else:  # a list column: rows carrying the code
                want = int((values.dropna().astype(str).str.split(";").explode() == code).sum())
            assert int(m.group(3)) == want, (current, line)
            checked.add(i)
        elif m := re.match(rf"^\| `({ARTICLE})` \|.*\| (\d+) \| (\d+) \| (\d+) \|$", line):  # coverage
            aid = m.group(1)
            for tname, cell in zip(("statements", "mentions", "meeting_reports"), m.groups()[1:], strict=True):
                assert int(cell) == int((t[tname]["article_id"] == aid).sum()), (aid, tname)
            checked.add(i)
        if "is_metonym` true (" in line:
            assert (
                f"({int(mentions['is_metonym'].sum())} of the" in line and f"{len(mentions)} mentions" in lines[i + 1]
            )
            checked.update((i, i + 1))
        if line.startswith("- ") and re.match(r"^- \d+ articles: \d+ print", line):
            assert line.startswith(f"- {len(arts)} articles: {_count(arts, 'published_date_basis', 'stated')} print")
            checked.add(i)
        if line.startswith("- Dates of the "):
            basis = statements["said_date_basis"]
            counts = ", ".join(f"{_count(statements, 'said_date_basis', c)} {c}" for c in basis.cat.categories)
            assert line.startswith(f"- Dates of the {len(statements)} statements, by basis: {counts}; ")
            assert f"; {int(statements['said_date'].isna().sum())} undated." in line
            checked.add(i)
        if re.match(r"^- \d+ artifacts of the raw texts", line):
            assert line.startswith(f"- {len(t['article_issues'])} artifacts")
            checked.add(i)
    assert len(checked) > 30
    left = leftover_numbers([line for i, line in enumerate(lines) if i not in checked])
    assert left == [], "\n".join(left[:12])


def test_a_hand_typed_number_is_caught() -> None:
    assert leftover_numbers(["Most statements (60 of 75) are dated."]) != []
    assert leftover_numbers(["Version 0.1.0 of 2026-11-22; see `000-s01`."]) == []
