"""A local HTTP server that answers like Zenodo's deposition API, for tests without the internet.

It keeps depositions and bucket files in memory, checks the bearer token, returns md5 checksums
for uploads, and can be told to fail: a status code (with any body, raw bytes or headers) for the
next N requests matching a method and path prefix, a corrupted upload, or an answer lost after
the request took effect (the connection closed with no response, as a timeout after the server
committed looks to the client).
"""

from __future__ import annotations

import hashlib
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "test-token-secret"


class _Server(ThreadingHTTPServer):
    """Quiet about clients that hang up (a client that timed out, then a late answer): the default
    prints a traceback to stderr, which would land in whatever command output a test captures."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        self.errors = [*getattr(self, "errors", []), sys.exc_info()[1]]


class FakeZenodo:
    def __init__(self) -> None:
        self.depositions: dict[int, dict[str, Any]] = {}
        self.buckets: dict[str, dict[str, bytes]] = {}
        self.requests: list[tuple[str, str]] = []
        self.failures: list[dict[str, Any]] = []  # {method, prefix, status, times, body, raw, headers}
        self.lost: list[dict[str, Any]] = []  # {method, prefix, times}: commit, then no answer
        self.slow: list[dict[str, Any]] = []  # {method, prefix, times, seconds}: commit, then answer late
        self.links: dict[str, str] = {}  # overrides of a deposition's links (e.g. a bucket elsewhere)
        self.corrupt_uploads = 0
        self.next_id = 100
        self.server = _Server(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeZenodo:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fail(
        self,
        method: str,
        prefix: str,
        status: int,
        times: int = 1,
        body: Any = None,
        *,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """The next `times` matching requests answer `status` with `body` (JSON) or `raw` bytes."""
        self.failures.append(
            {
                "method": method,
                "prefix": prefix,
                "status": status,
                "times": times,
                "body": body,
                "raw": raw,
                "headers": headers or {},
            }
        )

    def lose_answer(self, method: str, prefix: str, times: int = 1) -> None:
        """The next `times` matching requests take effect, then the connection closes unanswered."""
        self.lost.append({"method": method, "prefix": prefix, "times": times})

    def answer_late(self, method: str, prefix: str, seconds: float, times: int = 1) -> None:
        """The next `times` matching requests take effect, then answer after `seconds` (a client
        with a shorter timeout gives up first)."""
        self.slow.append({"method": method, "prefix": prefix, "times": times, "seconds": seconds})

    def _take(self, rules: list[dict[str, Any]], method: str, path: str) -> dict[str, Any] | None:
        for rule in rules:
            if rule["method"] == method and path.startswith(rule["prefix"]) and rule["times"] > 0:
                rule["times"] -= 1
                return rule
        return None

    def published(self, files: dict[str, bytes]) -> int:
        """A published record holding `files`, to make new versions of."""
        dep = self._new()
        for name, data in files.items():
            self.buckets[dep["_bucket"]][name] = data
        dep["state"], dep["submitted"] = "done", True
        return dep["id"]

    # --- the API --------------------------------------------------------------------------------------

    def _new(self) -> dict[str, Any]:
        dep_id = self.next_id
        self.next_id += 1
        bucket = f"bucket-{dep_id}"
        self.buckets[bucket] = {}
        dep = {"id": dep_id, "state": "unsubmitted", "submitted": False, "metadata": {}, "_bucket": bucket}
        self.depositions[dep_id] = dep
        return dep

    def view(self, dep: dict[str, Any]) -> dict[str, Any]:
        base = f"{self.url}/api/deposit/depositions/{dep['id']}"
        files = [
            {
                "id": f"{dep['_bucket']}-{name}",
                "filename": name,
                "filesize": len(data),
                "checksum": hashlib.md5(data).hexdigest(),
            }
            for name, data in sorted(self.buckets[dep["_bucket"]].items())
        ]
        out = {k: v for k, v in dep.items() if not k.startswith("_")}
        out["files"] = files
        out["links"] = {
            "self": base,
            "bucket": f"{self.url}/api/files/{dep['_bucket']}",
            "publish": f"{base}/actions/publish",
            "newversion": f"{base}/actions/newversion",
        }
        if dep.get("_latest_draft"):
            out["links"]["latest_draft"] = f"{self.url}/api/deposit/depositions/{dep['_latest_draft']}"
        out["links"].update(self.links)
        if dep["submitted"]:
            out["doi"] = f"10.5072/zenodo.{dep['id']}"
        return out

    def handle(self, method: str, target: str, headers: Any, body: bytes) -> tuple[int, Any]:
        self.requests.append((method, target))
        injected = self._take(self.failures, method, target)
        if injected:
            return injected["status"], injected
        if headers.get("Authorization") != f"Bearer {TOKEN}":
            return 401, {"status": 401, "message": "The server could not verify that you are authorized."}
        split = urlsplit(target)
        parts = split.path.strip("/").split("/")
        if parts[:3] == ["api", "deposit", "depositions"]:
            answer = self._collection(method, parse_qs(split.query)) if len(parts) == 3 else None
            if answer:
                return answer
            dep = self.depositions.get(int(parts[3])) if len(parts) > 3 else None
            if dep is None:
                return 404, {"status": 404, "message": "PID does not exist."}
            answer = self._deposition(dep, method, parts[4:], body)
            if answer:
                return answer
        if parts[:2] == ["api", "files"] and method == "PUT" and len(parts) == 4:
            return self._upload(parts[2], parts[3], body)
        return 404, {"status": 404, "message": "not found"}

    def _collection(self, method: str, query: dict[str, list[str]]) -> tuple[int, Any] | None:
        """/api/deposit/depositions: create one, or list them (newest first)."""
        if method == "POST":
            return 201, self.view(self._new())
        if method == "GET":
            wanted = {"draft": False, "published": True}.get(query.get("status", [""])[0])
            deps = [d for d in self.depositions.values() if wanted is None or d["submitted"] == wanted]
            deps.sort(key=lambda d: -d["id"])
            return 200, [self.view(d) for d in deps[: int(query.get("size", ["10"])[0])]]
        return None

    def _deposition(self, dep: dict[str, Any], method: str, rest: list[str], body: bytes) -> tuple[int, Any] | None:
        """/api/deposit/depositions/<id>[/...]: read, update metadata, publish, new version, delete a file."""
        if not rest and method == "GET":
            return 200, self.view(dep)
        if not rest and method == "PUT":
            return self._put_metadata(dep, json.loads(body)["metadata"])
        if rest == ["actions", "publish"] and method == "POST":
            if not self.buckets[dep["_bucket"]]:
                return 400, {
                    "status": 400,
                    "message": "Validation error.",
                    "errors": [{"field": "files", "messages": ["Minimum one file must be provided."]}],
                }
            dep["state"], dep["submitted"] = "done", True
            return 202, self.view(dep)
        if rest == ["actions", "newversion"] and method == "POST":
            draft = self._new()
            self.buckets[draft["_bucket"]] = dict(self.buckets[dep["_bucket"]])
            dep["_latest_draft"] = draft["id"]
            return 201, self.view(dep)
        if len(rest) == 2 and rest[0] == "files" and method == "DELETE":
            self.buckets[dep["_bucket"]].pop(rest[1].removeprefix(f"{dep['_bucket']}-"), None)
            return 204, None
        return None

    def _put_metadata(self, dep: dict[str, Any], meta: dict[str, Any]) -> tuple[int, Any]:
        missing = [k for k in ("upload_type", "title", "creators", "description") if not meta.get(k)]
        if missing:
            return 400, {
                "status": 400,
                "message": "Validation error.",
                "errors": [{"field": f"metadata.{k}", "messages": ["Field is required."]} for k in missing],
            }
        dep["metadata"] = meta
        return 200, self.view(dep)

    def _upload(self, bucket: str, name: str, body: bytes) -> tuple[int, Any]:
        data = body
        if self.corrupt_uploads:
            self.corrupt_uploads -= 1
            data = body[:-1] + b"?"
        self.buckets[bucket][name] = data
        return 201, {"key": name, "size": len(data), "checksum": "md5:" + hashlib.md5(data).hexdigest()}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, payload = fake.handle(self.command, self.path, self.headers, body)
                late = fake._take(fake.slow, self.command, self.path)
                if late:
                    time.sleep(late["seconds"])
                if fake._take(fake.lost, self.command, self.path):
                    self.close_connection = True  # the request took effect; its answer is lost
                    return
                extra: dict[str, str] = {}
                kind = "application/json"
                if isinstance(payload, dict) and "times" in payload:  # an injected failure
                    extra = dict(payload["headers"])
                    if payload["raw"] is not None:
                        data, kind = payload["raw"], extra.pop("Content-Type", "text/html")
                    else:
                        body = payload["body"]
                        data = json.dumps({"status": status, "message": "injected"} if body is None else body).encode()
                else:
                    data = b"" if payload is None else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                if status == 429 and "Retry-After" not in extra:
                    extra["Retry-After"] = "0"
                for name, value in extra.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _any

            def log_message(self, *args: object) -> None:
                pass

        return Handler
