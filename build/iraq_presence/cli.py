"""The `dataset` command line. Heavy libraries are imported inside commands so --help is instant."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="Build, validate and describe the iraq-presence Data Package.\n\n"
    "Examples:\n\n  dataset build && dataset validate\n\n  dataset build --check\n\n  dataset info",
    no_args_is_help=True,
    add_completion=False,
)


def _root() -> Path:
    from .paths import find_root

    try:
        return find_root()
    except FileNotFoundError as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(2) from None


def _progress(quiet: bool):  # noqa: ANN202 - a callback
    def report(step: str) -> None:
        if not quiet:
            typer.echo(f"· {step}", err=True)

    return report


@app.command()
def build(
    check: Annotated[bool, typer.Option("--check", help="Do not write; exit 1 listing the files a rebuild would change.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages.")] = False,
) -> None:
    """Rebuild every table, Parquet and CSV, and the descriptors, from data/raw and data/curation.

    The build is atomic: bad input stops it with a message naming the file, entry and field, and
    the previous tables stay untouched.

    Examples:

      dataset build

      dataset build --check   # in CI: are the committed tables up to date?
    """
    from .errors import CurationError, SourceError
    from .pipeline import BuildError
    from .pipeline import build as run_build
    from .pipeline import stale

    root = _root()
    try:
        if check:
            changed = stale(root, _progress(quiet))
            if changed:
                typer.secho("stale files (run `dataset build`):", fg="red", err=True)
                for rel in changed:
                    typer.echo(f"  {rel}", err=True)
                raise typer.Exit(1)
            typer.echo("up to date")
            return
        changed = run_build(root, _progress(quiet))
    except (CurationError, SourceError) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(1) from None
    except BuildError as exc:
        typer.secho(f"build refused: {len(exc.failures)} failure(s)", fg="red", err=True)
        for line in exc.failures:
            typer.echo(f"  {line}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"built: {len(changed)} file(s) changed" + ("".join(f"\n  {c}" for c in changed)))


@app.command()
def validate(
    path: Annotated[Path | None, typer.Argument(help="Folder with datapackage.json (default: the repository).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """Check the Data Package: descriptor, every table against its schema (types, constraints,
    keys), then the cross-table rules (foreign keys, spans, hashes, dates, quotation accounting,
    Parquet = CSV). Exit 1 on any failure.

    Examples:

      dataset validate

      dataset validate dist/iraq-presence-0.1.0 --format json
    """
    from .validate import validate_path

    folder = path.resolve() if path else _root()
    if not (folder / "datapackage.json").is_file():
        typer.secho(f"{folder}: no datapackage.json", fg="red", err=True)
        raise typer.Exit(2)
    failures = validate_path(folder)
    if fmt == "json":
        json.dump([f.record() for f in failures], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for f in failures:
            typer.echo(f.message())
        typer.echo(f"{'FAILED' if failures else 'valid'}: {len(failures)} failure(s)", err=True)
    if failures:
        raise typer.Exit(1)


@app.command()
def info(
    path: Annotated[Path | None, typer.Argument(help="Folder with datapackage.json (default: the repository).")] = None,
) -> None:
    """Show the package version and each table's row count.

    Example:

      dataset info
    """
    import pyarrow.parquet as pq

    folder = path.resolve() if path else _root()
    desc = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    typer.echo(f"{desc['name']} {desc.get('version', '?')}")
    for res in desc["resources"]:
        parquet = folder / res["path"].replace(".csv", ".parquet")
        rows = pq.ParquetFile(parquet).metadata.num_rows if parquet.is_file() else "?"
        typer.echo(f"  {res['name']:<24} {rows:>6} rows")


def main() -> None:
    app()
