"""The READMEs' loading examples run as written: pandas and DuckDB always, R (readr) where it is
installed; and readr with the README's options reads every CSV value exactly."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT


def blocks(markdown: str, lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", markdown, re.MULTILINE | re.DOTALL)


def run_python(code: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(folder)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README", "exec"), {"__name__": "__readme__"})
    return out.getvalue()


def test_repository_readme_python_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    code = blocks((ROOT / "README.md").read_text(encoding="utf-8"), "python")
    assert len(code) >= 3
    # later blocks use names from the earlier ones, as in a reader's session
    printed = run_python("\n".join(code), ROOT, monkeypatch)
    assert "not_addressed" in printed  # the crosstab shows every code, including the null row's


def test_bundle_readme_python_examples_run(built: tuple[Path, Path, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    _, folder, _ = built
    readme = (folder / "README.md").read_text(encoding="utf-8")
    code = blocks(readme, "python")
    assert len(code) >= 3
    printed = "".join(run_python(block, folder, monkeypatch) for block in code)
    stances = pd.read_parquet(folder / "data" / "statements.parquet")["stance_us_presence"].cat.categories
    crosstab = printed.split("\n\n")[0]
    assert all(code in printed for code in stances), crosstab  # dropna=False: every code, even unused
    assert "dtype: int64" in printed and "datetime64" in printed


def test_bundle_readme_duckdb_example_runs(built: tuple[Path, Path, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb
    import pandas as pd

    _, folder, _ = built
    (sql,) = blocks((folder / "README.md").read_text(encoding="utf-8"), "sql")
    monkeypatch.chdir(folder)
    rows = duckdb.sql(sql).fetchall()
    assert len(rows) == len(pd.read_parquet(folder / "data" / "statements.parquet"))


@cache
def _has_readr() -> bool:
    if not shutil.which("Rscript"):
        return False
    probe = subprocess.run(["Rscript", "-e", "library(readr)"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.fixture
def needs_readr() -> None:
    """Skips a test where R with readr is not installed. Probed when such a test runs, once per
    process: not at collection, where every xdist worker would start R for it."""
    if not _has_readr():
        pytest.skip("R with readr is not installed (Debian: r-cran-readr)")


@pytest.mark.usefixtures("needs_readr")
def test_bundle_readme_r_example_runs(built: tuple[Path, Path, Any]) -> None:
    _, folder, _ = built
    (code,) = blocks((folder / "README.md").read_text(encoding="utf-8"), "r")
    result = subprocess.run(["Rscript", "-e", code], cwd=folder, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "not_addressed" in result.stdout


READ_ALL = """
library(readr)
for (path in commandArgs(trailingOnly = TRUE)) {
  df <- read_csv(path, na = "", trim_ws = FALSE, col_types = cols(.default = col_character()),
                 progress = FALSE)
  cells <- unlist(lapply(df, function(col) vapply(col, function(v)
    if (is.na(v)) "NA" else paste(as.character(charToRaw(enc2utf8(v))), collapse = ""), "")))
  writeLines(c(path, length(cells), cells))
}
"""


@pytest.mark.usefixtures("needs_readr")
def test_readr_with_the_readme_options_reads_every_value_exactly(built: tuple[Path, Path, Any]) -> None:
    """Each CSV cell as readr reads it (hex of its UTF-8) equals the value pandas reads."""
    import pandas as pd

    _, folder, _ = built
    paths = sorted(str(p.relative_to(folder)) for p in (folder / "data").glob("*.csv"))
    result = subprocess.run(
        ["Rscript", "-e", READ_ALL, *paths], cwd=folder, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = iter(result.stdout.splitlines())
    for path in lines:
        n = int(next(lines))
        cells = [next(lines) for _ in range(n)]
        df = pd.read_csv(folder / path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig")
        expected = ["NA" if pd.isna(v) else v.encode().hex() for col in df.columns for v in df[col]]
        differ = [i for i, (a, b) in enumerate(zip(cells, expected, strict=True)) if a != b]
        assert not differ, f"{path}: {len(differ)} value(s) differ, first {bytes.fromhex(cells[differ[0]])!r}"
