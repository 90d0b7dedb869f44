"""Exit codes and output of the `dataset` commands."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iraq_presence.cli import app

from .conftest import ROOT

runner = CliRunner()


def test_validate_repository_passes() -> None:
    result = runner.invoke(app, ["validate", str(ROOT)])
    assert result.exit_code == 0, result.output


def test_frictionless_validates_both_descriptors() -> None:
    from frictionless import validate

    for name in ("datapackage.json", "datapackage.parquet.json"):
        report = validate(str(ROOT / name))
        assert report.valid, report.flatten(["type", "note"])[:5]


def test_validate_json_output_and_exit_code(built_repo: Path, tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "pkg"
    shutil.copytree(built_repo, broken)
    csv = broken / "data" / "actors.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("ali-khamenei,", "ali-khamenie,", 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(broken), "--format", "json"])
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert {"rule", "table", "key", "column", "value", "expected"} <= set(records[0])
    assert any(r["rule"] == "FILE-actors" for r in records)


def test_validate_without_descriptor_is_usage_error(tmp_path: Path) -> None:
    assert runner.invoke(app, ["validate", str(tmp_path)]).exit_code == 2


def test_info_lists_tables() -> None:
    result = runner.invoke(app, ["info", str(ROOT)])
    assert result.exit_code == 0
    assert "iraq-presence" in result.output and "mentions" in result.output


@pytest.mark.parametrize("command", [[], ["build"], ["validate"], ["info"]])
def test_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output or not command


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; from iraq_presence.cli import app; "
        "heavy = [m for m in ('pandas', 'pyarrow', 'pandera', 'frictionless') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(("args", "status"), [(["--help"], 0), (["nosuch"], 2), (["validate", "/nonexistent"], 2)])
def test_the_entry_point_exits_with_the_commands_status_and_its_output(args: list[str], status: int) -> None:
    """`main` leaves by os._exit (Arrow's threads can abort the interpreter's teardown): the status
    and every line printed must survive that."""
    done = subprocess.run([str(Path(sys.executable).parent / "dataset"), *args], capture_output=True, text=True)
    assert done.returncode == status, done.stderr
    assert (done.stdout + done.stderr).strip() and "Traceback" not in done.stderr


def test_a_reader_that_leaves_early_gets_silence_not_an_error() -> None:
    """`dataset info | head -1`: once the reader has gone, the command stops quietly with the status a
    SIGPIPE gives (141), not an "error: [Errno 32] Broken pipe" line."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has left before the first line
    try:
        done = subprocess.run(
            [str(Path(sys.executable).parent / "dataset"), "info", str(ROOT)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 141, done.stderr
    assert done.stderr == ""


def test_every_commands_summary_is_one_line() -> None:
    """The command list shows each docstring's first paragraph as written: a wrapped one reads broken."""
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        first = (command.help or "").strip().split("\n\n")[0]
        assert first and "\n" not in first, f"`dataset {name}`'s summary spans lines: {first!r}"
