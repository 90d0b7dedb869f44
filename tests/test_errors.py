"""One user-facing error base class, handled once by the command line: message, exit code, no traceback."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

import iraq_presence.make as make
from iraq_presence.cli import app
from iraq_presence.errors import CurationError, DatasetError, SchemaMismatch, SourceError, UsageError
from iraq_presence.make import BuildError
from iraq_presence.publish.zenodo import ZenodoError

runner = CliRunner()


@pytest.mark.parametrize("cls", [CurationError, SourceError, SchemaMismatch, BuildError, ZenodoError, UsageError])
def test_every_user_error_derives_from_the_base(cls: type) -> None:
    assert issubclass(cls, DatasetError)


@pytest.mark.parametrize(
    ("error", "code", "shown"),
    [
        (CurationError("data/curation/actors.yaml", "unknown key", line=3, field="nmae"), 1, "actors.yaml, line 3"),
        (BuildError(["PK-actors: table actors, row x: got duplicate x, expected unique values"]), 1, "PK-actors"),
        (UsageError("no repository here"), 2, "no repository here"),
    ],
)
def test_the_cli_prints_the_message_and_exits_with_its_code(
    error: DatasetError, code: int, shown: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def fail(*args: object, **kwargs: object) -> list[str]:
        raise error

    monkeypatch.setattr(make, "build", fail)
    monkeypatch.setattr("iraq_presence.paths.find_root", lambda *a, **k: tmp_path)
    result = runner.invoke(app, ["build", "--quiet"])
    assert result.exit_code == code
    assert shown in result.output and "Traceback" not in result.output
    assert not isinstance(result.exception, DatasetError)  # handled, not propagated


def test_an_unreadable_input_file_is_a_message(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "absent.txt")])
    assert result.exit_code == 1 and "absent.txt" in result.output and "Traceback" not in result.output
