"""A small typed client for Zenodo's REST deposition API, as a chain of states.

    Draft --sync_files()--> FilesSynced --set_metadata()--> MetadataSet --publish()--> Published

Each step is a method of the state before it, so the steps cannot run out of order. Without an
explicit publish the chain stops at MetadataSet: a draft for a person to review. The token is
sent in a header, only to the configured origin over https (plain http only to a loopback test
server), and never printed, logged or written; transient errors (429, 5xx, dropped connections, a
corrupted upload) are retried with backoff, re-reading the file from its start, a capped
Retry-After obeyed. A step that is not idempotent (create, new version, publish) reads the
server's state after an uncertain failure instead of repeating itself, and every failure says what
it left on Zenodo and the command that resumes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import DatasetError

PRODUCTION = "https://zenodo.org"
SANDBOX = "https://sandbox.zenodo.org"
TRANSIENT = {429, 500, 502, 503, 504}
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
MAX_RETRY_AFTER = 120.0
"""The longest wait a server's Retry-After can impose before a retry, in seconds."""
DRAFTS = "/api/deposit/depositions?status=draft&sort=mostrecent&size=50"
"""The account's newest drafts (Zenodo REST API: list depositions, `status`, `sort`, `size`)."""


class ZenodoError(DatasetError):
    """A failure the maintainer can act on (the token is never part of the message)."""


class AlreadyPublished(ZenodoError):
    """A deposition to resume is published already (its files can no longer change)."""

    def __init__(self, dep: Deposition, message: str) -> None:
        super().__init__(message)
        self.dep = dep


def origin_of(base: str) -> tuple[str, str, int | None]:
    """The (scheme, host, port) the token may be sent to: https, or plain http to a loopback test
    server; anything else is refused before a request is made."""
    try:
        parts = urlsplit(base)
        port = parts.port
    except ValueError:
        raise ZenodoError(f"{base!r}: not an API base URL; expected https://HOST (e.g. {PRODUCTION})") from None
    host = parts.hostname or ""
    if not host or parts.username or parts.password:
        raise ZenodoError(f"{base!r}: not an API base URL; expected https://HOST (e.g. {PRODUCTION})")
    if parts.scheme == "https" or (parts.scheme == "http" and host in LOOPBACK):
        return parts.scheme, host, port
    raise ZenodoError(
        f"{base!r}: the token is sent only over https (plain http only to a test server on 127.0.0.1); "
        f"expected https://HOST (e.g. {PRODUCTION})"
    )


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


@dataclass
class Transport:
    """HTTP with retries, to one origin only. `sleep` is injectable so tests need not wait."""

    base: str
    token: str
    retries: int = 4
    backoff: float = 1.0
    sleep: Callable[[float], None] = _sleep
    log: Callable[[str], None] = lambda _: None
    calls: list[tuple[str, str]] = field(default_factory=list)
    timeout: float = 60.0

    def __post_init__(self) -> None:
        self.origin = origin_of(self.base)
        if not re.fullmatch(r"[\x21-\x7e]+", self.token):
            raise ZenodoError(
                "ZENODO_TOKEN holds a space, line break or other character no token has (not shown); "
                "set it to the personal access token alone"
            )

    @property
    def insecure(self) -> bool:
        """Plain http: allowed only to a loopback test server."""
        return self.origin[0] == "http"

    def url(self, path_or_url: str) -> str:
        """An absolute URL on the configured origin; a link the server names elsewhere is refused,
        so the token goes nowhere but the configured API."""
        if not isinstance(path_or_url, str) or not path_or_url:
            raise ZenodoError(f"the server named no URL where one was expected (got {path_or_url!r})")
        if path_or_url.startswith("/") and not path_or_url.startswith("//"):
            return f"{self.base.rstrip('/')}{path_or_url}"
        parts = urlsplit(path_or_url)
        try:
            same = (parts.scheme, parts.hostname or "", parts.port) == self.origin and not parts.username
        except ValueError:
            same = False
        if not same:
            raise ZenodoError(
                f"the server named a link on another origin ({parts.scheme}://{parts.hostname}); refused to send "
                f"the token anywhere but {self.origin[0]}://{self.origin[1]}"
            )
        return path_or_url

    def _redact(self, text: str) -> str:
        return text.replace(self.token, "***") if self.token else text

    def request(
        self,
        method: str,
        path_or_url: str,
        *,
        json_body: Any = None,
        data: Callable[[], bytes] | None = None,
        expect: tuple[int, ...] = (200, 201, 202, 204),
        settle: Callable[[], Any] | None = None,
    ) -> Any:
        """One API call. A call that is not idempotent passes `settle`: after an uncertain failure
        (no answer, a timeout, a transient status) it reads the server's state and returns what the
        call made, if it took effect, instead of making it twice."""
        try:
            return self._request(method, path_or_url, json_body=json_body, data=data, expect=expect, settle=settle)
        except ZenodoError as exc:
            raise ZenodoError(self._redact(str(exc))) from None

    def _request(
        self,
        method: str,
        path_or_url: str,
        *,
        json_body: Any,
        data: Callable[[], bytes] | None,
        expect: tuple[int, ...],
        settle: Callable[[], Any] | None,
    ) -> Any:
        import requests

        url = self.url(path_or_url)
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        for attempt in range(self.retries + 1):
            if attempt and settle is not None:  # did the uncertain attempt take effect after all?
                done = settle()
                if done is not None:
                    self.log(f"  the earlier {method} took effect on the server; not repeating it")
                    return done
            self.calls.append((method, url))
            self.log(self._redact(f"{method} {url}" + (f" (attempt {attempt + 1})" if attempt else "")))
            try:
                if data is not None:
                    body = data()  # re-read from the start on every attempt
                    resp = requests.request(
                        method,
                        url,
                        data=body,
                        timeout=self.timeout * 2,
                        allow_redirects=False,
                        headers={**headers, "Content-Type": "application/octet-stream"},
                    )
                else:
                    resp = requests.request(
                        method, url, json=json_body, timeout=self.timeout, allow_redirects=False, headers=headers
                    )
            except (requests.ConnectionError, requests.Timeout) as exc:
                if attempt == self.retries:
                    raise ZenodoError(
                        f"{method} {url}: connection failed after {attempt + 1} attempts: {type(exc).__name__}"
                    ) from None
                self.log(f"  no answer ({type(exc).__name__}); retrying")
                self.sleep(self.backoff * 2**attempt)
                continue
            except (requests.RequestException, ValueError) as exc:  # its text may quote a header: not shown
                raise ZenodoError(f"{method} {url}: the request could not be made ({type(exc).__name__})") from None
            if resp.status_code in TRANSIENT and attempt < self.retries:
                wait = self._wait(resp, attempt)
                self.log(f"  {resp.status_code}: retrying in {wait:g}s")
                self.sleep(wait)
                continue
            if resp.status_code not in expect:
                raise ZenodoError(_explain(method, url, resp))
            return _json(method, url, resp)
        raise ZenodoError(f"{method} {url}: gave up")  # pragma: no cover - loop always returns or raises

    def _wait(self, resp: Any, attempt: int) -> float:
        """Retry-After when it is a valid delay, at most MAX_RETRY_AFTER; else exponential backoff."""
        raw = resp.headers.get("Retry-After")
        wait = _retry_after(raw)
        if wait is None:
            if raw is not None:
                self.log(f"  ignoring an invalid Retry-After {raw[:40]!r} (expected seconds or an HTTP date)")
            return self.backoff * 2**attempt
        if wait > MAX_RETRY_AFTER:
            self.log(f"  Retry-After {wait:g}s capped at {MAX_RETRY_AFTER:g}s")
        return min(wait, MAX_RETRY_AFTER)


def _retry_after(value: str | None) -> float | None:
    """RFC 9110 Retry-After: a non-negative number of seconds, or an HTTP date; None when invalid."""
    if value is None:
        return None
    value = value.strip()
    if re.fullmatch(r"[0-9]{1,12}", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _json(method: str, url: str, resp: Any) -> Any:
    """The answer's JSON; a body that is not JSON (an HTML error page with status 200) is an error."""
    if not resp.content:
        return None
    try:
        return resp.json()
    except ValueError:
        kind = resp.headers.get("Content-Type", "no content type")[:60]
        raise ZenodoError(
            f"{method} {url}: HTTP {resp.status_code} but the answer is not JSON ({kind}); "
            "is the URL Zenodo's API (e.g. https://zenodo.org)?"
        ) from None


def _mapping(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ZenodoError(f"the server's answer is not {what} (got a JSON {type(value).__name__})")
    return value


def _explain(method: str, url: str, resp: Any) -> str:
    try:
        body = resp.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    status = resp.status_code
    head = f"{method} {url}: HTTP {status}"
    if status == 401:
        return f"{head}: the token was rejected; set ZENODO_TOKEN to a valid personal access token (not shown)"
    if status == 403:
        return (
            f"{head}: the token may not do this; it needs the deposit:write and deposit:actions scopes, "
            "and the deposition must be yours"
        )
    message = str(body.get("message") or "")[:200]
    if status == 400:
        errors = body.get("errors")
        detail = "; ".join(
            f"{e.get('field', '?')}: {_messages(e)}"
            for e in (errors if isinstance(errors, list) else [])
            if isinstance(e, dict)
        )
        return f"{head}: {message or 'bad request'}" + (f" ({detail[:500]})" if detail else "")
    if status == 429:
        return f"{head}: rate limited, still after retries"
    if status >= 500:
        return f"{head}: Zenodo server error, still after retries"
    return f"{head}: {message or resp.text[:200]}"


def _messages(error: dict[str, Any]) -> str:
    messages = error.get("messages")
    if isinstance(messages, list):
        return " ".join(str(m) for m in messages)
    return str(error.get("message", ""))


def md5_of(path: Path) -> str:
    h = hashlib.md5()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class Deposition:
    """What the API says about one deposition, its shape checked on arrival."""

    raw: dict[str, Any]

    def __post_init__(self) -> None:
        _mapping(self.raw, "a deposition")
        try:
            int(self.raw.get("id"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ZenodoError(f"the server's answer is not a deposition (id {self.raw.get('id')!r})") from None
        files = self.raw.get("files", [])
        if not isinstance(files, list) or not all(
            isinstance(f, dict) and isinstance(f.get("filename"), str) for f in files
        ):
            raise ZenodoError(f"deposition {self.id}: the server's file list is not a list of files")

    @property
    def id(self) -> int:
        return int(self.raw["id"])

    @property
    def bucket(self) -> str:
        links = self.raw.get("links")
        bucket = links.get("bucket") if isinstance(links, dict) else None
        if not isinstance(bucket, str):
            raise ZenodoError(f"deposition {self.id}: the server named no file bucket (links.bucket)")
        return bucket

    @property
    def files(self) -> dict[str, dict[str, Any]]:
        return {f["filename"]: f for f in self.raw.get("files", [])}

    @property
    def published(self) -> bool:
        return bool(self.raw.get("submitted")) and self.raw.get("state") == "done"


def _drafts(http: Transport) -> dict[int, Deposition]:
    out = http.request("GET", DRAFTS)
    if not isinstance(out, list):
        raise ZenodoError("the server's list of drafts is not a list")
    return {d.id: d for d in map(Deposition, out)}


@dataclass
class Draft:
    """An unpublished deposition: its files may be synced."""

    http: Transport
    dep: Deposition

    @classmethod
    def create(cls, http: Transport) -> Draft:
        """A new draft. The account's drafts are read first, so that a create whose answer was lost
        (the server made the draft, then timed out) adopts that draft rather than making a second."""
        before = set(_drafts(http))

        def settle() -> dict[str, Any] | None:
            new = {i: d for i, d in _drafts(http).items() if i not in before}
            if len(new) > 1:
                raise ZenodoError(
                    f"several new drafts appeared while creating one ({', '.join(map(str, sorted(new)))}); "
                    "delete the extra ones on Zenodo and resume with --deposition"
                )
            return next(iter(new.values())).raw if new else None

        return cls(http, Deposition(http.request("POST", "/api/deposit/depositions", json_body={}, settle=settle)))

    @classmethod
    def new_version(cls, http: Transport, record_id: int) -> Draft:
        """A new version of a published record; its inherited files are synced like any others. A
        new version whose answer was lost is found as the record's latest draft."""
        record = f"/api/deposit/depositions/{record_id}"

        def settle() -> dict[str, Any] | None:
            links = _mapping(http.request("GET", record), "a deposition").get("links") or {}
            return {"links": links} if isinstance(links, dict) and links.get("latest_draft") else None

        out = _mapping(http.request("POST", f"{record}/actions/newversion", settle=settle), "a deposition")
        links = out.get("links")
        latest = links.get("latest_draft") if isinstance(links, dict) else None
        draft = cls(http, Deposition(http.request("GET", latest)))
        if draft.dep.published:
            raise ZenodoError(f"record {record_id}: its latest draft {draft.dep.id} is already published")
        return draft

    @classmethod
    def resume(cls, http: Transport, deposition_id: int) -> Draft:
        dep = Deposition(http.request("GET", f"/api/deposit/depositions/{deposition_id}"))
        if dep.published:
            doi = f" (DOI {dep.raw['doi']})" if dep.raw.get("doi") else ""
            raise AlreadyPublished(
                dep,
                f"deposition {deposition_id} is already published{doi}; to change it, make a new version "
                f"with --new-version-of {deposition_id}",
            )
        return cls(http, dep)

    def sync_files(self, folder: Path) -> FilesSynced:
        """Upload the bundle's zip (Zenodo holds no folders) and its top-level files, for preview,
        where their checksum differs; delete files the bundle lacks."""
        local = upload_files(folder)
        remote = self.dep.files
        for name, info in sorted(remote.items()):
            if name not in local:
                self.http.request("DELETE", f"/api/deposit/depositions/{self.dep.id}/files/{info.get('id')}")
        for name, path in local.items():
            md5 = md5_of(path)
            if name in remote and str(remote[name].get("checksum", "")).removeprefix("md5:") == md5:
                continue
            self._upload(name, path, md5)
        return FilesSynced(self.http, self.dep)

    def _upload(self, name: str, path: Path, md5: str) -> None:
        for attempt in range(self.http.retries + 1):
            out = self.http.request("PUT", f"{self.dep.bucket}/{name}", data=path.read_bytes)
            if str(_mapping(out or {}, "an uploaded file").get("checksum", "")).removeprefix("md5:") == md5:
                return
            self.http.log(f"  upload of {name} arrived corrupted (checksum mismatch); retrying")
            self.http.sleep(self.http.backoff * 2**attempt)
        raise ZenodoError(f"upload of {name} kept arriving with a wrong checksum")


@dataclass
class FilesSynced:
    http: Transport
    dep: Deposition

    def set_metadata(self, metadata: dict[str, Any]) -> MetadataSet:
        out = self.http.request("PUT", f"/api/deposit/depositions/{self.dep.id}", json_body={"metadata": metadata})
        return MetadataSet(self.http, Deposition(out) if out is not None else self.dep)


@dataclass
class MetadataSet:
    """A complete draft, ready for a person to review on Zenodo, or to publish."""

    http: Transport
    dep: Deposition

    def publish(self) -> Published:
        """Publish; a publish whose answer was lost is read back from the deposition's state."""
        path = f"/api/deposit/depositions/{self.dep.id}"

        def settle() -> dict[str, Any] | None:
            dep = Deposition(self.http.request("GET", path))
            return dep.raw if dep.published else None

        out = self.http.request("POST", f"{path}/actions/publish", settle=settle)
        return Published(self.http, Deposition(out))


@dataclass
class Published:
    http: Transport
    dep: Deposition

    @property
    def doi(self) -> str | None:
        doi = self.dep.raw.get("doi")
        return doi if isinstance(doi, str) else None


def upload_files(folder: Path) -> dict[str, Path]:
    """What is uploaded: the bundle's zip and its top-level files; a symbolic link is refused (it
    could upload, publicly, a file from anywhere on this machine)."""
    archive = folder.with_name(folder.name + ".zip")
    if not archive.is_file():
        raise ZenodoError(f"{archive}: the bundle's zip is missing; make it with `dataset release`")
    local = {p.name: p for p in sorted(folder.iterdir()) if p.is_file()}
    local[archive.name] = archive
    linked = sorted(name for name, path in local.items() if path.is_symlink())
    if linked:
        raise ZenodoError(
            f"{folder}: {', '.join(linked)} is a symbolic link, not uploaded; remake the bundle with `dataset release`"
        )
    return local


def bundle_metadata(folder: Path) -> dict[str, Any]:
    """The deposition metadata a bundle carries (.zenodo.json), checked against its descriptor's
    version: what is published is what `dataset release` made, whatever the repository says now."""
    try:
        metadata = json.loads((folder / ".zenodo.json").read_text(encoding="utf-8"))
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        if not isinstance(metadata, dict) or not isinstance(descriptor, dict):
            raise ValueError("expected a JSON object in each")
    except (OSError, ValueError, RecursionError) as exc:
        raise ZenodoError(f"{folder}: cannot read the bundle's .zenodo.json and datapackage.json: {exc}") from None
    version = descriptor.get("version")
    if metadata.get("version") != version:
        raise ZenodoError(
            f"{folder}: .zenodo.json says version {metadata.get('version')!r} but datapackage.json says "
            f"{version!r}; remake the bundle with `dataset release`"
        )
    return metadata


def run(
    http: Transport,
    folder: Path,
    metadata: dict[str, Any],
    *,
    deposition: int | None = None,
    new_version_of: int | None = None,
    publish: bool = False,
    command: str | None = None,
) -> MetadataSet | Published:
    """The whole sequence; stops at a reviewed-by-a-person draft unless `publish`. A failure says
    what it left on Zenodo and the command that resumes (`command`: how this run was invoked)."""
    command = command or f"dataset publish {folder}"
    upload_files(folder)  # a bundle that cannot be uploaded is refused before anything is created
    draft: Draft | None = None
    publishing = False
    try:
        if deposition is not None:
            try:
                draft = Draft.resume(http, deposition)
            except AlreadyPublished as done:
                if publish and _same_files(done.dep, folder):
                    http.log(f"deposition {deposition} is already published with this bundle's files")
                    return Published(http, done.dep)
                raise
        elif new_version_of is not None:
            draft = Draft.new_version(http, new_version_of)
        else:
            draft = Draft.create(http)
        ready = draft.sync_files(folder).set_metadata(metadata)
        if not publish:
            return ready
        publishing = True
        return ready.publish()
    except ZenodoError as exc:
        left = _left(draft, deposition, new_version_of, publish, command, publishing)
        raise ZenodoError(f"{exc}\n{left}") from None


def _same_files(dep: Deposition, folder: Path) -> bool:
    """The deposition holds exactly the bundle's files (zip and top-level files), by md5."""
    local = upload_files(folder)
    remote = {name: str(f.get("checksum", "")).removeprefix("md5:") for name, f in dep.files.items()}
    return set(remote) == set(local) and all(md5_of(path) == remote[name] for name, path in local.items())


def _left(
    draft: Draft | None,
    deposition: int | None,
    new_version_of: int | None,
    publish: bool,
    command: str,
    publishing: bool = False,
) -> str:
    """What a failed run left on the server, and the command that takes it from there."""
    flag = " --publish" if publish else ""
    if draft is not None and publishing:
        return (
            f"left on Zenodo: deposition {draft.dep.id}, complete, perhaps published (the publish got no answer "
            f"that could be checked); rerun: {command} --deposition {draft.dep.id} --publish (it prints the DOI "
            "if the deposition is published, else publishes it)"
        )
    if draft is not None:
        return (
            f"left on Zenodo: unpublished draft {draft.dep.id} (its files and metadata may be incomplete; "
            f"nothing is public); resume with: {command} --deposition {draft.dep.id}{flag}"
        )
    if deposition is not None:
        return (
            f"left on Zenodo: deposition {deposition}, unchanged; once fixed, rerun: "
            f"{command} --deposition {deposition}{flag}"
        )
    if new_version_of is not None:
        return (
            f"left on Zenodo: record {new_version_of}, unchanged, perhaps with a new-version draft (see its "
            f"page); once fixed, rerun: {command} --new-version-of {new_version_of}{flag}"
        )
    return f"left on Zenodo: no new draft; once fixed, rerun: {command}{flag}"


class DryRun(Transport):
    """Prints every request the real run would make, answering with plausible JSON."""

    def request(
        self,
        method: str,
        path_or_url: str,
        *,
        json_body: Any = None,
        data: Callable[[], bytes] | None = None,
        expect: tuple[int, ...] = (),
        settle: Callable[[], Any] | None = None,
    ) -> Any:
        url = self.url(path_or_url)
        self.calls.append((method, url))
        extra = f" ({len(data())} bytes)" if data else (f" {json.dumps(json_body)[:200]}" if json_body else "")
        self.log(f"{method} {url}{extra}")
        if method == "GET" and "?" in url:
            return []
        if method == "PUT" and data is not None:
            return {"checksum": "md5:" + hashlib.md5(data()).hexdigest()}
        links = {
            "bucket": self.url("/api/files/DRY-RUN-BUCKET"),
            "latest_draft": self.url("/api/deposit/depositions/0"),
        }
        return {"id": 0, "links": links, "files": [], "state": "unsubmitted", "submitted": False}
