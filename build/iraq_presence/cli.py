"""The `dataset` command line. Heavy libraries are imported inside commands so --help is instant."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .errors import DatasetError, UsageError


class _Commands(TyperGroup):
    """Every command's user-facing errors, handled here once: the message, the exit code, no traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except DatasetError as exc:
            typer.secho(exc.report(), fg="red", err=True)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:  # the reader left (`dataset info | head`): nothing more to say
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(SIGPIPE_STATUS) from None
        except OSError as exc:  # a file the command was given cannot be read or written
            typer.secho(f"error: {exc}", fg="red", err=True)
            raise typer.Exit(1) from None


SIGPIPE_STATUS = 128 + 13
"""The status a command killed by SIGPIPE has, as `git log | head` leaves it: silent, and non-zero
for a shell with `pipefail`."""


app = typer.Typer(
    cls=_Commands,
    help="Build, validate and describe the iraq-presence Data Package.\n\n"
    "Examples:\n\n  dataset build && dataset validate\n\n  dataset build --check\n\n  dataset info",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # a crash prints a plain traceback: never local variables (the token)
    pretty_exceptions_show_locals=False,
)


def _root() -> Path:
    from .paths import find_root

    try:
        return find_root()
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None


def _warn(message: str) -> None:
    typer.secho(f"warning: {message}", fg="yellow", err=True)


def _progress(quiet: bool):
    def report(step: str) -> None:
        if not quiet:
            typer.echo(f"· {step}", err=True)

    return report


def _date(value: str | None) -> str | None:
    """A --published-date that is a real YYYY-MM-DD date (checked before anything runs)."""
    import datetime as dt

    if value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r}: expected a real date YYYY-MM-DD, e.g. 2025-02-01") from None
    return value


def _release_arg(value: Path | None) -> Path | None:
    """A release to read: a folder holding datapackage.json, or a zip (checked before anything is written)."""
    import zipfile

    if value is None:
        return None
    if value.is_dir():
        if not (value / "datapackage.json").is_file():
            raise typer.BadParameter(f"{value}: a folder without datapackage.json, not a release")
    elif not value.exists():
        raise typer.BadParameter(f"{value}: no such file or folder; expected a release folder or its .zip")
    elif not value.is_file() or not zipfile.is_zipfile(value):
        raise typer.BadParameter(f"{value}: not a zip file; expected a release folder or its .zip")
    return value


UNREADABLE = (OSError, ValueError, KeyError, TypeError, RecursionError)
"""What reading a broken or hostile release can raise (and zipfile.BadZipFile, where zips are read)."""


class Format(StrEnum):
    """What `validate` prints."""

    text = "text"
    json = "json"


@app.command()
def build(
    check: Annotated[
        bool, typer.Option("--check", help="Do not write; exit 1 listing the files a rebuild would change.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse and assemble every article again, ignoring .cache/build/.")
    ] = False,
) -> None:
    """Rebuild every table, Parquet and CSV, and the descriptors, from data/raw and data/curation.

    The build is atomic: bad input stops it with a message naming the file, entry and field, and
    the previous tables stay untouched. Curation files and articles whose inputs are unchanged
    since the last build come from .cache/build/ (same bytes as --no-cache).

    Examples:

      dataset build

      dataset build --check   # in CI: are the committed tables up to date?

      dataset build --no-cache
    """
    from .make import build as run_build
    from .make import stale

    root = _root()
    if check:
        changed = stale(root, _progress(quiet), cache=not no_cache)
        if changed:
            typer.secho("stale files (run `dataset build`):", fg="red", err=True)
            for rel in changed:
                typer.echo(f"  {rel}", err=True)
            raise typer.Exit(1)
        typer.echo("up to date")
        return
    try:
        changed = run_build(root, _progress(quiet), warn=_warn, cache=not no_cache)
    except OSError as exc:  # a full disk: the build commits only complete sets of files
        raise DatasetError(
            f"{exc.strerror or exc} ({exc.filename or 'writing'}); the tables in data/ are unchanged"
        ) from None
    typer.echo(f"built: {len(changed)} file(s) changed" + ("".join(f"\n  {c}" for c in changed)))


@app.command()
def validate(
    path: Annotated[Path | None, typer.Argument(help="Folder with datapackage.json (default: the repository).")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="Output: text or json.")] = Format.text,
) -> None:
    """Check the Data Package: descriptor, tables against their schemas, cross-table rules.

    Every table against its schema (types, constraints, keys), then the cross-table rules (foreign
    keys, spans, hashes, dates, quotation accounting, Parquet = CSV). Exit 1 on any failure.

    Examples:

      dataset validate

      dataset validate dist/iraq-presence-0.1.0 --format json
    """
    from .checks.package import validate_path
    from .failure import render

    folder = path.resolve() if path else _root()
    if not (folder / "datapackage.json").is_file():
        raise UsageError(f"{folder}: no datapackage.json")
    drafts: list[str] = []  # found as the curation inputs are hashed: each file read once
    failures = validate_path(folder, drafts)
    if drafts:
        typer.echo(f"pending drafts (not published until accepted): {', '.join(drafts)}", err=True)
    typer.echo(render(failures, fmt), nl=False)
    if fmt != "json":
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
    try:
        desc = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        resources = [(str(r["name"]), str(r["path"])) for r in desc["resources"]]
        title = f"{desc['name']} {desc.get('version', '?')}"
    except UNREADABLE as exc:
        raise DatasetError(f"{folder / 'datapackage.json'}: not a readable descriptor ({exc})") from None
    typer.echo(title)
    for name, rel in resources:
        parquet = folder / rel.replace(".csv", ".parquet")
        try:
            rows = pq.ParquetFile(parquet).metadata.num_rows if parquet.is_file() else "?"
        except (OSError, ValueError) as exc:  # a truncated or corrupt file
            rows = "?"
            typer.secho(f"error: {parquet}: not a readable Parquet file ({exc}); run `dataset validate`", err=True)
        typer.echo(f"  {name:<24} {rows:>6} rows")


@app.command()
def release(
    dist: Annotated[Path, typer.Option(help="Folder for the bundle and its zip.")] = Path("dist"),
    with_text: Annotated[
        bool,
        typer.Option(
            "--with-text/--no-text",
            help="Include the article texts (the outlets' work, not under the bundle's licence): for "
            "local research use, named -with-texts. By default they are left out (hashes, lengths and "
            "offsets kept).",
        ),
    ] = False,
    draft: Annotated[
        bool,
        typer.Option(
            "--draft", help="A local draft (named -draft): maintainers and contact may be missing; rewritten freely."
        ),
    ] = False,
    previous: Annotated[
        Path | None,
        typer.Option(
            help="The release before this one (folder or zip); default: the latest older one in DIST.",
            callback=_release_arg,
        ),
    ] = None,
    url: Annotated[
        str | None, typer.Option(help="The dataset's landing page for croissant.json (default: homepage).")
    ] = None,
) -> None:
    """Write dist/iraq-presence-<version>/ and its .zip (byte-reproducible), then validate the bundle.

    The version's entry in CHANGELOG.md (`## [X.Y.Z] - YYYY-MM-DD`) gives the release date. The
    bundle's CHANGELOG gets an entry generated by `dataset diff` against the previous release, and
    the version must be as much higher as the diff requires (major, minor, patch); a version
    already released is never rewritten with other data. A publish-grade release needs the
    maintainers, contact and homepage in data/curation/package.yaml.

    Examples:

      dataset release --draft

      dataset release --previous dist/iraq-presence-0.1.0.zip
    """
    from .checks.package import validate_path
    from .failure import render
    from .lock import one_writer
    from .publish.release import make_release

    root = _root()
    target = (root / dist) if not dist.is_absolute() else dist
    with one_writer(root, "release", _warn):
        try:
            folder, archive = make_release(root, target, with_text=with_text, url=url, previous=previous, draft=draft)
        except ValueError as exc:  # publish/release.py reports a bad package as ValueError
            raise DatasetError(str(exc)) from None
        except OSError as exc:  # a full disk
            raise DatasetError(
                f"the release could not be written: {exc.strerror or exc}; nothing was published"
            ) from None
        failures = validate_path(folder)
    typer.echo(render(failures), nl=False, err=True)
    if failures:
        raise typer.Exit(1)
    if not json.loads((folder / "croissant.json").read_text(encoding="utf-8")).get("url"):
        typer.secho("warning: croissant.json has no url: set homepage in package.yaml or pass --url", err=True)
    typer.echo(f"{folder}\n{archive}")


@app.command("diff")
def diff_cmd(
    old: Annotated[Path, typer.Argument(help="Older release: folder or zip.", callback=_release_arg)],
    new: Annotated[Path, typer.Argument(help="Newer release: folder or zip.", callback=_release_arg)],
) -> None:
    """Compare two releases: rows added, removed and changed, and the version bump they require.

    Rows added and removed per table (by primary key), each changed value (column, old, new),
    schema changes, and the version bump they require.

    Example:

      dataset diff dist/iraq-presence-0.1.0.zip dist/iraq-presence-0.2.0.zip
    """
    import zipfile

    from .publish.diff import diff, report

    try:
        typer.echo(report(diff(old, new)))
    except (*UNREADABLE, zipfile.BadZipFile) as exc:
        raise DatasetError(f"cannot compare {old} and {new}: {exc}") from None


@app.command()
def publish(
    bundle: Annotated[Path, typer.Argument(help="Release folder made by `dataset release`.")],
    sandbox: Annotated[bool, typer.Option("--sandbox", help="Use sandbox.zenodo.org.")] = False,
    zenodo_url: Annotated[
        str | None, typer.Option("--zenodo-url", envvar="ZENODO_URL", help="API base URL (overrides --sandbox).")
    ] = None,
    deposition: Annotated[int | None, typer.Option(help="Resume this unpublished deposition.")] = None,
    new_version_of: Annotated[int | None, typer.Option(help="Make a new version of this published record.")] = None,
    do_publish: Annotated[
        bool, typer.Option("--publish", help="Publish; without it a draft is left for review.")
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show every request; send nothing.")] = False,
) -> None:
    """Upload a release to Zenodo (token from ZENODO_TOKEN; never printed).

    The deposition's metadata is the bundle's own .zenodo.json, so an older bundle is published as
    it was made.

    Examples:

      ZENODO_TOKEN=... dataset publish dist/iraq-presence-0.1.0 --sandbox

      dataset publish dist/iraq-presence-0.1.0 --new-version-of 123456 --dry-run
    """
    import os

    from .checks.package import validate_path
    from .failure import render
    from .publish.zenodo import PRODUCTION, SANDBOX, DryRun, Published, Transport, ZenodoError, bundle_metadata, run

    base = zenodo_url or (SANDBOX if sandbox else PRODUCTION)
    token = os.environ.get("ZENODO_TOKEN", "")
    if not token and not dry_run:
        raise UsageError("ZENODO_TOKEN is not set")
    if not (bundle / "datapackage.json").is_file():
        raise UsageError(f"{bundle}: not a release folder (no datapackage.json)")
    try:
        metadata = bundle_metadata(bundle)
        http = (DryRun if dry_run else Transport)(base=base, token=token or "dry-run", log=lambda m: typer.echo(m))
    except ZenodoError as exc:  # the bundle or the URL is unusable: a usage error, not a failed upload
        raise UsageError(str(exc)) from None
    if http.insecure:
        typer.secho(f"warning: plain http to {base}: allowed only for a test server on this machine", err=True)
    failures = validate_path(bundle)
    if failures:
        typer.echo(render(failures[:20]), nl=False, err=True)
        raise UsageError(
            f"{bundle}: not a valid release, does not validate ({len(failures)} failure(s)); nothing was sent"
        )
    command = f"dataset publish {bundle}" + (f" --zenodo-url {base}" if zenodo_url else " --sandbox" if sandbox else "")
    state = run(
        http,
        bundle,
        metadata,
        deposition=deposition,
        new_version_of=new_version_of,
        publish=do_publish,
        command=command,
    )
    if isinstance(state, Published):
        typer.echo(f"published deposition {state.dep.id}" + (f", DOI {state.doi}" if state.doi else ""))
    else:
        typer.echo(f"draft {state.dep.id} ready for review (not published; rerun with --publish)")


@app.command()
def add(
    path: Annotated[Path, typer.Argument(help="A UTF-8 text file holding one article.")],
    url: Annotated[str | None, typer.Option(help="Address of the article online.")] = None,
    outlet: Annotated[str | None, typer.Option(help="actor_id of the publishing outlet.")] = None,
    published_date: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    title: Annotated[str | None, typer.Option(help="Headline, as it stands in the text.")] = None,
) -> None:
    """Add an article: copy it into data/raw/, record its hash, write a draft curation file.

    The draft (status: draft) proposes every field, each listed in `unreviewed` with its confidence
    and evidence; `dataset review ID` shows them on the text. It is not data: the build skips it,
    and refuses it once accepted while a proposal is left unreviewed. Run `dataset build` first if
    curation changed since the last build (add refuses otherwise).

    Example:

      dataset add ~/new-article.txt --published-date 2025-02-01 --outlet shafaq-news
    """
    import datetime as dt

    from .annotate.intake import add_article
    from .lock import one_writer

    root = _root()
    try:
        date = dt.date.fromisoformat(published_date) if published_date else None
    except ValueError:
        raise DatasetError(f"--published-date {published_date!r}: expected YYYY-MM-DD") from None
    with one_writer(root, "add", _warn):
        article_id = add_article(root, path, url=url, outlet=outlet, published_date=date, title=title)
    typer.echo(
        f"added {article_id}: `dataset review {article_id}` shows its proposals; confirm each in "
        f"data/curation/articles/{article_id}.yaml (delete its `unreviewed` line), then set status: accepted"
    )


@app.command()
def review(
    article_id: Annotated[str, typer.Argument(help="The article's id (its curation file's name).")],
    output: Annotated[Path | None, typer.Option(help="Where to write the page.")] = None,
) -> None:
    """Write a draft's review page: the text with every proposal highlighted, its confidence and precedents.

    Example:

      dataset review 005_1a2b3c4d5e6f7a8b --output /tmp/review.html
    """
    from .annotate.review import write
    from .errors import nearest

    root = _root()
    if not (root / "data" / "curation" / "articles" / f"{article_id}.yaml").is_file():
        known = [p.stem for p in (root / "data" / "curation" / "articles").glob("*.yaml")]
        hint = nearest(article_id, known)
        raise DatasetError(
            f"no curation file data/curation/articles/{article_id}.yaml"
            + (f"; did you mean {' or '.join(hint)}?" if hint else "")
        )
    typer.echo(f"wrote {write(root, article_id, output)}")


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="Any text file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the proposals as JSON.")] = False,
    published_date: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) to resolve dates against.", callback=_date)
    ] = None,
) -> None:
    """Run the extractor on a text without touching the repository.

    Example:

      dataset extract article.txt --json
    """
    import datetime as dt

    from .annotate.extract import Extractor
    from .annotate.intake import _gazetteer
    from .paths import Layout
    from .tables.sources import decode_text

    if not path.is_file():
        raise DatasetError(f"{path}: not a regular file; expected a text file")
    text = decode_text(path.name, path.read_bytes())
    result = Extractor(_gazetteer(Layout(_root()))).run(
        text, dt.date.fromisoformat(published_date) if published_date else None
    )
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    for p in result["statements"]:
        who = p.get("speaker_id") or p.get("speaker_name")
        typer.echo(f"{p['start']}-{p['end']} {p['statement_type']:<8} {who} ({p['confidence']}): {p['quote'][:70]}")


@app.command()
def evaluate(
    output: Annotated[Path, typer.Option(help="Where to write the scores as JSON.")] = Path("evaluation.json"),
) -> None:
    """Score the extractor against the curated articles (span precision/recall, speakers, mentions, dates).

    Example:

      dataset evaluate --output evaluation.json
    """
    from .annotate.evaluate import evaluate as run_eval
    from .annotate.evaluate import table
    from .schema.io import read_parquet
    from .schema.tables import load_schemas

    root = _root()
    frames = {}
    for name, schema in load_schemas(root / "schemas").items():
        parquet = root / "data" / f"{name}.parquet"
        try:
            frames[name], _ = read_parquet(parquet, schema)
        except (OSError, ValueError) as exc:  # missing, truncated or corrupt
            raise DatasetError(f"{parquet}: not a readable Parquet file ({exc}); run `dataset build`") from None
    scores = run_eval(frames)
    typer.echo(table(scores))
    output.write_text(json.dumps(scores.record(), indent=2) + "\n", encoding="utf-8")


def main() -> None:
    """Run the command, then leave without the interpreter's final teardown.

    Arrow's native thread pools can abort the process (SIGABRT, "terminate called without an active
    exception", apache/arrow#34314) when they are torn down during interpreter finalization, after
    the command has finished and printed its result. So the exit handlers and the output are run and
    flushed here, and the process ends with the command's own exit status.

    pandera imports hypothesis, when installed, for its data-synthesis strategies, which no command
    uses; it is marked absent here (0.3 s of every build's and validation's start-up)."""
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]
    try:
        app()
    except SystemExit as done:
        status = done.code
    else:
        status = 0
    if not isinstance(status, int):
        if status is not None:
            print(status, file=sys.stderr)
        status = 0 if status is None else 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing left to say
            stream.flush()
    os._exit(status)
