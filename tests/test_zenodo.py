"""`dataset publish` under a hostile or unlucky Zenodo: every odd answer is a message, never a
traceback; the token goes only to the configured origin and appears in no output and no file;
create, new version and publish are not repeated when their answer was lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from typer.testing import CliRunner

from iraq_presence.cli import app
from iraq_presence.publish import zenodo
from iraq_presence.publish.zenodo import MAX_RETRY_AFTER, Transport, ZenodoError, origin_of

from .zenodo_server import TOKEN, FakeZenodo

runner = CliRunner(env={"COLUMNS": "2000"})  # messages on one line, whatever the tmp path
META = {
    "upload_type": "dataset",
    "title": "t",
    "creators": [{"name": "x"}],
    "description": "d",
    "version": "0.1.0",
    "license": "cc-by-4.0",
}


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A small stand-in for a release folder and its zip (the transport does not read tables)."""
    folder = tmp_path / "dist" / "pkg-0.1.0"
    folder.mkdir(parents=True)
    (folder / "datapackage.json").write_text(json.dumps({"name": "pkg", "version": "0.1.0", "resources": []}))
    (folder / ".zenodo.json").write_text(json.dumps(META))
    (folder / "README.md").write_text("readme\n")
    with zipfile.ZipFile(folder.with_name(folder.name + ".zip"), "w") as zf:
        zf.writestr("pkg-0.1.0/README.md", "readme\n")
    return folder


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every wait the client asks for, recorded instead of slept; and bundle validation passed
    (its own test below runs it for real)."""
    waited: list[float] = []
    monkeypatch.setattr(zenodo, "time", SimpleNamespace(sleep=waited.append))
    monkeypatch.setattr("iraq_presence.checks.package.validate_path", lambda _folder: [])
    monkeypatch.setenv("ZENODO_TOKEN", TOKEN)
    return waited


def _publish(fake: FakeZenodo, folder: Path, *extra: str) -> Any:
    return runner.invoke(app, ["publish", str(folder), "--zenodo-url", fake.url, *extra])


def _no_leak(result: Any, *folders: Path) -> None:
    """No traceback, no token in the output or in any file the run could have written."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert TOKEN not in result.output
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                assert TOKEN.encode() not in path.read_bytes(), path


HTML = b"<!doctype html><html><body>Maintenance</body></html>"

# (name, injected fault: method, path prefix, status, body, raw, headers, times; expected exit, text)
FAULTS = [
    ("200 with an HTML body", ("POST", "/api/deposit/depositions", 200, None, HTML, None, 1), 1, "not JSON"),
    ("HTML error page", ("PUT", "/api/files/", 502, None, HTML, None, 9), 1, "server error"),
    ("JSON list as error body", ("PUT", "/api/deposit/depositions/", 400, [1, 2], None, None, 1), 1, "HTTP 400"),
    ("JSON list as 500 body", ("POST", "/api/deposit/depositions", 500, ["x"], None, None, 9), 1, "server error"),
    ("JSON list as a deposition", ("POST", "/api/deposit/depositions", 201, [{}], None, None, 1), 1, "not a deposit"),
    ("deposition without id", ("POST", "/api/deposit/depositions", 201, {"links": {}}, None, None, 1), 1, "id"),
    ("files not a list", ("GET", "/api/deposit/depositions/", 200, {"id": 7, "files": 3}, None, None, 1), 1, "file"),
    ("upload answered with a list", ("PUT", "/api/files/", 201, [1], None, None, 1), 1, "not an uploaded file"),
    ("errors not a list", ("PUT", "/api/deposit/depositions/", 400, {"errors": "x"}, None, None, 1), 1, "HTTP 400"),
    ("error echoing the token", ("POST", "/api/deposit/depositions", 418, {"message": TOKEN}, None, None, 1), 1, "***"),
    ("Retry-After: -1", ("POST", "/api/deposit/depositions", 429, None, None, {"Retry-After": "-1"}, 1), 0, "invalid"),
    ("Retry-After: soon", ("POST", "/api/deposit/depositions", 503, None, None, {"Retry-After": "soon"}, 1), 0, "inv"),
    ("Retry-After: 1e9", ("POST", "/api/deposit/depositions", 429, None, None, {"Retry-After": "1e9"}, 1), 0, "inv"),
    ("Retry-After: huge", ("POST", "/api/deposit/depositions", 429, None, None, {"Retry-After": "86400"}, 2), 0, "cap"),
    (
        "Retry-After: a date",
        ("PUT", "/api/files/", 503, None, None, {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}, 1),
        0,
        "capped",
    ),
    (
        "persistent 429",
        ("POST", "/api/deposit/depositions", 429, None, None, {"Retry-After": "x" * 5000}, 99),
        1,
        "rate",
    ),
]


@pytest.mark.parametrize(("name", "fault", "code", "text"), FAULTS, ids=[f[0] for f in FAULTS])
def test_every_odd_answer_is_a_message_without_the_token(
    bundle: Path, sleeps: list[float], name: str, fault: tuple[Any, ...], code: int, text: str
) -> None:
    method, prefix, status, body, raw, headers, times = fault
    with FakeZenodo() as fake:
        if name == "files not a list":
            fake.fail("GET", "/api/deposit/depositions/", 200, body={"id": 7, "files": 3})
            result = _publish(fake, bundle, "--deposition", "7")
        else:
            fake.fail(method, prefix, status, times, body, raw=raw, headers=headers)
            result = _publish(fake, bundle)
    assert result.exit_code == code, result.output
    assert text in result.output
    assert all(0 <= s <= MAX_RETRY_AFTER for s in sleeps), sleeps
    if code:
        assert "left on Zenodo" in result.output and "dataset publish" in result.output
    _no_leak(result, bundle.parent)


def test_a_failure_says_what_was_left_and_the_command_that_resumes(bundle: Path, sleeps: list[float]) -> None:
    with FakeZenodo() as fake:
        fake.fail("PUT", "/api/files/", 500, times=50)
        result = _publish(fake, bundle, "--publish")
        assert result.exit_code == 1
        (dep_id,) = fake.depositions
        assert f"unpublished draft {dep_id}" in result.output
        resume = f"dataset publish {bundle} --zenodo-url {fake.url} --deposition {dep_id} --publish"
        assert resume in result.output
        fake.failures.clear()
        again = runner.invoke(app, resume.split()[1:])
        assert again.exit_code == 0, again.output
        assert fake.depositions[dep_id]["submitted"] and f"DOI 10.5072/zenodo.{dep_id}" in again.output
    _no_leak(result, bundle.parent)


def test_a_create_whose_answer_was_lost_is_not_made_twice(bundle: Path, sleeps: list[float]) -> None:
    with FakeZenodo() as fake:
        fake.lose_answer("POST", "/api/deposit/depositions", times=1)
        result = _publish(fake, bundle)
        assert result.exit_code == 0, result.output
        assert len(fake.depositions) == 1, "an orphan draft was left"
        assert [m for m, p in fake.requests if m == "POST" and p == "/api/deposit/depositions"] == ["POST"]
    _no_leak(result, bundle.parent)


def test_a_create_that_timed_out_after_the_server_committed_is_adopted(bundle: Path) -> None:
    log: list[str] = []
    with FakeZenodo() as fake:
        fake.answer_late("POST", "/api/deposit/depositions", seconds=1.0)
        http = Transport(base=fake.url, token=TOKEN, sleep=lambda _: None, log=log.append, timeout=0.2)
        state = zenodo.run(http, bundle, META, publish=True)
        assert len(fake.depositions) == 1 and fake.depositions[state.dep.id]["submitted"]
    assert any("Timeout" in line for line in log) and any("took effect" in line for line in log)
    assert all(TOKEN not in line for line in log)


def test_a_publish_whose_answer_was_lost_reports_the_doi(bundle: Path, sleeps: list[float]) -> None:
    with FakeZenodo() as fake:
        fake.lose_answer("POST", "/api/deposit/depositions/", times=1)  # the publish action
        result = _publish(fake, bundle, "--publish")
        assert result.exit_code == 0, result.output
        (dep_id,) = fake.depositions
        assert f"DOI 10.5072/zenodo.{dep_id}" in result.output
        assert sum(p.endswith("/actions/publish") for _, p in fake.requests) == 1
    _no_leak(result, bundle.parent)


def test_a_publish_that_cannot_be_checked_says_so_and_its_rerun_prints_the_doi(
    bundle: Path, sleeps: list[float]
) -> None:
    with FakeZenodo() as fake:
        fake.lose_answer("POST", "/api/deposit/depositions/", times=1)  # the publish action
        fake.fail("GET", "/api/deposit/depositions/", 503, times=99)  # and its state cannot be read
        result = _publish(fake, bundle, "--publish")
        assert result.exit_code == 1 and "perhaps published" in result.output
        (dep_id,) = fake.depositions
        resume = f"dataset publish {bundle} --zenodo-url {fake.url} --deposition {dep_id} --publish"
        assert resume in result.output
        fake.failures.clear()
        again = runner.invoke(app, resume.split()[1:])
        assert again.exit_code == 0, again.output
        assert f"DOI 10.5072/zenodo.{dep_id}" in again.output
        assert sum(p.endswith("/actions/publish") for _, p in fake.requests) == 1
    _no_leak(result, bundle.parent)
    _no_leak(again, bundle.parent)


def test_a_new_version_whose_answer_was_lost_is_not_made_twice(bundle: Path, sleeps: list[float]) -> None:
    with FakeZenodo() as fake:
        record = fake.published({"README.md": b"old\n"})
        fake.lose_answer("POST", f"/api/deposit/depositions/{record}/actions/newversion", times=1)
        result = _publish(fake, bundle, "--new-version-of", str(record))
        assert result.exit_code == 0, result.output
        assert len(fake.depositions) == 2
    _no_leak(result, bundle.parent)


def test_resuming_a_published_deposition_gives_its_doi(bundle: Path, sleeps: list[float]) -> None:
    with FakeZenodo() as fake:
        record = fake.published({"README.md": b"x"})
        result = _publish(fake, bundle, "--deposition", str(record))
    assert result.exit_code == 1 and f"DOI 10.5072/zenodo.{record}" in result.output
    assert f"--new-version-of {record}" in result.output
    _no_leak(result, bundle.parent)


def test_a_bucket_on_another_origin_never_receives_the_token(bundle: Path, sleeps: list[float]) -> None:
    with FakeZenodo() as evil, FakeZenodo() as fake:
        fake.links["bucket"] = f"{evil.url}/api/files/stolen"
        result = _publish(fake, bundle)
        assert result.exit_code == 1 and "another origin" in result.output
        assert evil.requests == []
    _no_leak(result, bundle.parent)


@pytest.mark.parametrize(
    "base",
    ["http://zenodo.org", "ftp://127.0.0.1", "http://user:pw@127.0.0.1", "https://", "zenodo.org", "http://[::1"],
)
def test_the_token_goes_over_https_only(bundle: Path, sleeps: list[float], base: str) -> None:
    result = runner.invoke(app, ["publish", str(bundle), "--zenodo-url", base])
    assert result.exit_code == 2 and "expected https://" in result.output
    _no_leak(result, bundle.parent)


def test_plain_http_is_allowed_to_a_loopback_server_and_said_so(bundle: Path, sleeps: list[float]) -> None:
    assert origin_of("https://zenodo.org") == ("https", "zenodo.org", None)
    with FakeZenodo() as fake:
        result = _publish(fake, bundle)
    assert result.exit_code == 0, result.output
    assert "warning: plain http" in result.output


def test_a_dead_server_is_a_message(bundle: Path, sleeps: list[float]) -> None:
    with FakeZenodo() as fake:
        url = fake.url
    result = runner.invoke(app, ["publish", str(bundle), "--zenodo-url", url])
    assert result.exit_code == 1 and "connection failed" in result.output and "no new draft" in result.output
    _no_leak(result, bundle.parent)


def test_publish_refuses_a_bundle_that_does_not_validate(bundle: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZENODO_TOKEN", TOKEN)
    descriptor = json.loads((bundle / "datapackage.json").read_text())
    descriptor["resources"] = [{"name": "actors", "path": "data/actors.csv", "format": "csv"}]  # a missing file
    (bundle / "datapackage.json").write_text(json.dumps(descriptor))
    with FakeZenodo() as fake:
        result = _publish(fake, bundle)
        assert fake.requests == []
    assert result.exit_code == 2 and "does not validate" in result.output and "nothing was sent" in result.output


def test_the_transport_refuses_other_origins_before_any_request() -> None:
    http = Transport(base="https://zenodo.org", token=TOKEN)
    for url in ("https://evil.org/x", "http://zenodo.org/x", "https://zenodo.org:444/x", "//evil.org/x", None):
        with pytest.raises(ZenodoError):
            http.url(url)  # type: ignore[arg-type]
    assert http.url("https://zenodo.org/api/files/b") == "https://zenodo.org/api/files/b"
    assert http.calls == []


def test_a_crash_prints_no_local_variables(bundle: Path, tmp_path: Path) -> None:
    """Whatever the typer version: an unexpected error in `publish` shows a plain traceback,
    without the locals (the token, the Authorization header)."""
    script = (
        "import sys\n"
        "import iraq_presence.checks.package as package\n"
        "import iraq_presence.publish.zenodo as zenodo\n"
        "package.validate_path = lambda folder: []\n"
        "def boom(http, *args, **kwargs):\n"
        "    headers = {'Authorization': 'Bearer ' + http.token}\n"
        "    raise RuntimeError('unexpected')\n"
        "zenodo.run = boom\n"
        "from iraq_presence.cli import main\n"
        "sys.argv = ['dataset', 'publish', sys.argv[1], '--zenodo-url', 'https://zenodo.org']\n"
        "main()\n"
    )
    env = {**os.environ, "ZENODO_TOKEN": TOKEN, "COLUMNS": "200", "FORCE_COLOR": "0"}
    env.pop("_TYPER_STANDARD_TRACEBACK", None)
    out = subprocess.run(
        [sys.executable, "-c", script, str(bundle)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )
    assert out.returncode != 0 and "RuntimeError" in out.stderr
    assert TOKEN not in out.stdout + out.stderr
    assert not any(TOKEN.encode() in p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())


def test_the_cli_never_shows_locals_whatever_the_typer_version() -> None:
    """Set explicitly: typer releases differ in their default (0.20 printed locals)."""
    assert app.pretty_exceptions_enable is False and app.pretty_exceptions_show_locals is False


@pytest.mark.parametrize("token", [TOKEN + "\n", f" {TOKEN}", f"{TOKEN}\r\nX-Evil: 1", f"{TOKEN}é"])
def test_a_malformed_token_is_refused_unshown(
    bundle: Path, sleeps: list[float], monkeypatch: pytest.MonkeyPatch, token: str
) -> None:
    """requests would raise InvalidHeader quoting the header value, token and all."""
    monkeypatch.setenv("ZENODO_TOKEN", token)
    with FakeZenodo() as fake:
        result = _publish(fake, bundle)
        assert fake.requests == []
    assert result.exit_code == 2 and "ZENODO_TOKEN holds" in result.output
    _no_leak(result, bundle.parent)


def test_a_symlink_in_the_bundle_is_never_uploaded(bundle: Path, sleeps: list[float], tmp_path: Path) -> None:
    secret = tmp_path / "netrc"
    secret.write_text(f"password {TOKEN}\n")
    (bundle / "notes.txt").symlink_to(secret)
    with FakeZenodo() as fake:
        result = _publish(fake, bundle)
        assert fake.requests == [] and fake.depositions == {}  # refused before anything is created
    assert result.exit_code == 1 and "notes.txt is a symbolic link" in result.output
    assert TOKEN not in result.output
