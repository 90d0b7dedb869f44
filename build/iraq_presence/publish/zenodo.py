"""A small typed client for Zenodo's REST deposition API, as a chain of states.

    Draft --sync_files()--> FilesSynced --set_metadata()--> MetadataSet --publish()--> Published

Each step is a method of the state before it, so the steps cannot run out of order. Without an
explicit publish the chain stops at MetadataSet: a draft for a person to review. The token is
sent in a header and never printed, logged or written; transient errors (429, 5xx, dropped
connections, a corrupted upload) are retried with backoff, re-reading the file from its start.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatasetError

PRODUCTION = "https://zenodo.org"
SANDBOX = "https://sandbox.zenodo.org"
TRANSIENT = {429, 500, 502, 503, 504}


class ZenodoError(DatasetError):
    """A failure the maintainer can act on (the token is never part of the message)."""


@dataclass
class Transport:
    """HTTP with retries. `sleep` is injectable so tests need not wait."""

    base: str
    token: str
    retries: int = 4
    backoff: float = 1.0
    sleep: Callable[[float], None] = time.sleep
    log: Callable[[str], None] = lambda _: None
    calls: list[tuple[str, str]] = field(default_factory=list)

    def url(self, path_or_url: str) -> str:
        return path_or_url if path_or_url.startswith("http") else f"{self.base.rstrip('/')}{path_or_url}"

    def request(
        self,
        method: str,
        path_or_url: str,
        *,
        json_body: Any = None,
        data: Callable[[], bytes] | None = None,
        expect: tuple[int, ...] = (200, 201, 202, 204),
    ) -> Any:
        import requests

        url = self.url(path_or_url)
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        for attempt in range(self.retries + 1):
            self.calls.append((method, url))
            self.log(f"{method} {url}" + (f" (attempt {attempt + 1})" if attempt else ""))
            try:
                if data is not None:
                    body = data()  # re-read from the start on every attempt
                    resp = requests.request(
                        method,
                        url,
                        data=body,
                        timeout=120,
                        headers={**headers, "Content-Type": "application/octet-stream"},
                    )
                else:
                    resp = requests.request(method, url, json=json_body, timeout=60, headers=headers)
            except (requests.ConnectionError, requests.Timeout) as exc:
                if attempt == self.retries:
                    raise ZenodoError(
                        f"{method} {url}: connection failed after {attempt + 1} attempts: {type(exc).__name__}"
                    ) from None
                self.sleep(self.backoff * 2**attempt)
                continue
            if resp.status_code in TRANSIENT and attempt < self.retries:
                wait = _retry_after(resp) or self.backoff * 2**attempt
                self.log(f"  {resp.status_code}: retrying in {wait:g}s")
                self.sleep(wait)
                continue
            if resp.status_code not in expect:
                raise ZenodoError(_explain(method, url, resp))
            return resp.json() if resp.content else None
        raise ZenodoError(f"{method} {url}: gave up")  # pragma: no cover - loop always returns or raises


def _retry_after(resp: Any) -> float | None:
    try:
        return float(resp.headers.get("Retry-After", ""))
    except ValueError:
        return None


def _explain(method: str, url: str, resp: Any) -> str:
    try:
        body = resp.json()
    except ValueError:
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
    if status == 400:
        errors = body.get("errors") or []
        detail = "; ".join(
            f"{e.get('field', '?')}: {' '.join(e['messages']) if 'messages' in e else e.get('message')}" for e in errors
        )
        return f"{head}: {body.get('message', 'bad request')}" + (f" ({detail})" if detail else "")
    if status == 429:
        return f"{head}: rate limited, still after retries; wait and resume with --deposition"
    if status >= 500:
        return f"{head}: Zenodo server error, still after retries; resume later with --deposition"
    return f"{head}: {body.get('message', resp.text[:200])}"


def md5_of(path: Path) -> str:
    h = hashlib.md5()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class Deposition:
    """What the API says about one deposition."""

    raw: dict[str, Any]

    @property
    def id(self) -> int:
        return int(self.raw["id"])

    @property
    def bucket(self) -> str:
        return self.raw["links"]["bucket"]

    @property
    def files(self) -> dict[str, dict[str, Any]]:
        return {f["filename"]: f for f in self.raw.get("files", [])}


@dataclass
class Draft:
    """An unpublished deposition: its files may be synced."""

    http: Transport
    dep: Deposition

    @classmethod
    def create(cls, http: Transport) -> Draft:
        return cls(http, Deposition(http.request("POST", "/api/deposit/depositions", json_body={})))

    @classmethod
    def new_version(cls, http: Transport, record_id: int) -> Draft:
        """A new version of a published record; its inherited files are synced like any others."""
        out = http.request("POST", f"/api/deposit/depositions/{record_id}/actions/newversion")
        return cls(http, Deposition(http.request("GET", out["links"]["latest_draft"])))

    @classmethod
    def resume(cls, http: Transport, deposition_id: int) -> Draft:
        dep = Deposition(http.request("GET", f"/api/deposit/depositions/{deposition_id}"))
        if dep.raw.get("submitted") and dep.raw.get("state") == "done":
            raise ZenodoError(f"deposition {deposition_id} is already published; use --new-version-of")
        return cls(http, dep)

    def sync_files(self, folder: Path) -> FilesSynced:
        """Upload the bundle's zip (Zenodo holds no folders) and its top-level files, for preview,
        where their checksum differs; delete files the bundle lacks."""
        archive = folder.with_name(folder.name + ".zip")
        if not archive.is_file():
            raise ZenodoError(f"{archive}: the bundle's zip is missing; make it with `dataset release`")
        local = {p.name: p for p in sorted(folder.iterdir()) if p.is_file()}
        local[archive.name] = archive
        remote = self.dep.files
        for name, info in sorted(remote.items()):
            if name not in local:
                self.http.request("DELETE", f"/api/deposit/depositions/{self.dep.id}/files/{info['id']}")
        for name, path in local.items():
            md5 = md5_of(path)
            if name in remote and remote[name].get("checksum", "").removeprefix("md5:") == md5:
                continue
            self._upload(name, path, md5)
        return FilesSynced(self.http, self.dep)

    def _upload(self, name: str, path: Path, md5: str) -> None:
        for attempt in range(self.http.retries + 1):
            out = self.http.request("PUT", f"{self.dep.bucket}/{name}", data=path.read_bytes)
            if (out or {}).get("checksum", "").removeprefix("md5:") == md5:
                return
            self.http.log(f"  upload of {name} arrived corrupted (checksum mismatch); retrying")
            self.http.sleep(self.http.backoff * 2**attempt)
        raise ZenodoError(
            f"upload of {name} kept arriving with a wrong checksum; resume with --deposition {self.dep.id}"
        )


@dataclass
class FilesSynced:
    http: Transport
    dep: Deposition

    def set_metadata(self, metadata: dict[str, Any]) -> MetadataSet:
        out = self.http.request("PUT", f"/api/deposit/depositions/{self.dep.id}", json_body={"metadata": metadata})
        return MetadataSet(self.http, Deposition(out or self.dep.raw))


@dataclass
class MetadataSet:
    """A complete draft, ready for a person to review on Zenodo, or to publish."""

    http: Transport
    dep: Deposition

    def publish(self) -> Published:
        out = self.http.request("POST", f"/api/deposit/depositions/{self.dep.id}/actions/publish")
        return Published(self.http, Deposition(out))


@dataclass
class Published:
    http: Transport
    dep: Deposition

    @property
    def doi(self) -> str | None:
        return self.dep.raw.get("doi")


def bundle_metadata(folder: Path) -> dict[str, Any]:
    """The deposition metadata a bundle carries (.zenodo.json), checked against its descriptor's
    version: what is published is what `dataset release` made, whatever the repository says now."""
    try:
        metadata = json.loads((folder / ".zenodo.json").read_text(encoding="utf-8"))
        version = json.loads((folder / "datapackage.json").read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError) as exc:
        raise ZenodoError(f"{folder}: cannot read the bundle's .zenodo.json and datapackage.json: {exc}") from None
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
) -> MetadataSet | Published:
    """The whole sequence; stops at a reviewed-by-a-person draft unless `publish`."""
    if deposition is not None:
        draft = Draft.resume(http, deposition)
    elif new_version_of is not None:
        draft = Draft.new_version(http, new_version_of)
    else:
        draft = Draft.create(http)
    ready = draft.sync_files(folder).set_metadata(metadata)
    return ready.publish() if publish else ready


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
    ) -> Any:
        url = self.url(path_or_url)
        self.calls.append((method, url))
        extra = f" ({len(data())} bytes)" if data else (f" {json.dumps(json_body)[:200]}" if json_body else "")
        self.log(f"{method} {url}{extra}")
        if method == "PUT" and data is not None:
            return {"checksum": "md5:" + hashlib.md5(data()).hexdigest()}
        links = {
            "bucket": self.url("/api/files/DRY-RUN-BUCKET"),
            "latest_draft": self.url("/api/deposit/depositions/0"),
        }
        return {"id": 0, "links": links, "files": [], "state": "unsubmitted", "submitted": False}
