"""A real HTTP server on 127.0.0.1 for tests: feeds, conditional GET and network faults.

The server runs in a background thread (``ThreadingHTTPServer``, one thread per
connection), so both sync and async tests can use it, and the code under test talks to
it through a real socket. Routes are looked up by path (query string ignored unless a
route with the full ``path?query`` exists) and can be changed while the server runs.

Use the ``feed_server`` fixture from ``tests/conftest.py`` (function-scoped)::

    async def test_something(feed_server):
        feed_server.set("/feed.xml", body=RSS_BYTES, etag='"v1"',
                        last_modified="Wed, 01 May 2024 10:00:00 GMT")
        url = feed_server.url("/feed.xml")       # http://127.0.0.1:<port>/feed.xml
        ...                                      # a GET with If-None-Match: "v1" -> 304
        assert feed_server.hits("/feed.xml") == 2
        assert feed_server.requests("/feed.xml")[-1].headers["if-none-match"] == '"v1"'

        feed_server.fault("/down", "status", status=503, headers={"Retry-After": "120"})
        feed_server.fault("/old", "redirect", to="/feed.xml", status=301)
        feed_server.fault("/a", "redirect", to="/b"); feed_server.fault("/b", "redirect", to="/a")
        feed_server.fault("/slow", "hang")              # accepts, reads, never answers
        feed_server.fault("/drip", "trickle", interval=0.2)  # 1 byte per interval
        feed_server.fault("/big", "huge")               # 50 MB, streamed, never in memory
        feed_server.fault("/bomb", "gzip_bomb")         # ~20 KB gzip -> 20 MB
        feed_server.set("/slowfeed", body=RSS_BYTES, delay=0.3)   # for concurrency tests
        assert feed_server.max_concurrent("/slowfeed") <= 2

Fault kinds (``fault(path, kind, **opts)``):

* ``status``: ``status=500`` (any code), optional ``headers``, ``body``.
* ``redirect``: ``to=`` path or absolute URL, ``status=302`` (301/302/303/307/308).
* ``hang``: read the request, never answer (released on shutdown).
* ``trickle``: ``body`` (default 200-byte feed head), ``interval=1.0`` s per byte.
* ``huge``: ``size=50 MB`` of XML-ish bytes streamed with Content-Length.
* ``gzip_bomb``: ``size=20 MB`` of zeros gzip-compressed, ``Content-Encoding: gzip``.
* ``wrong_encoding``: ``text`` encoded as ``actual`` (windows-1251), declared ``declared`` (utf-8).
* ``html``: an HTML page served as ``text/html``.
* ``empty``: 200 with an empty body.
* ``close``: read the request and close the socket without answering.

Inspection: ``hits(path)``, ``requests(path)`` (method, path, lower-case headers),
``max_concurrent(path)``, ``in_flight(path)``. ``reset()`` clears routes and counters.
"""

from __future__ import annotations

import contextlib
import email.utils
import gzip
import socket
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

MB = 1024 * 1024
FAULT_KINDS = frozenset(
    {
        "status",
        "redirect",
        "hang",
        "trickle",
        "huge",
        "gzip_bomb",
        "wrong_encoding",
        "html",
        "empty",
        "close",
    }
)

SAMPLE_RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Sample</title><link>http://example.com/</link>
<language>en</language>
<item><title>First item</title><link>http://example.com/1</link><guid>urn:sample:1</guid>
<description>One</description><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate></item>
</channel></rss>
"""

HTML_PAGE = b"""<!DOCTYPE html>
<html><head><title>Not a feed</title></head><body><h1>Welcome</h1><p>This is a web page.</p></body></html>
"""


@lru_cache(maxsize=4)
def gzip_bomb(size: int = 20 * MB) -> bytes:
    """``size`` zero bytes, gzip-compressed (~1000:1), built once per size."""
    return gzip.compress(b"\0" * size, compresslevel=9)


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    fault: str | None = None
    opts: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # including the query string
    headers: dict[str, str]  # lower-case names


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: FeedServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that hang up (timeouts, size limits, shutdown) are expected in tests.
        import sys

        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like real servers
    server: _Server
    timeout = 60  # an idle keep-alive connection never blocks a thread forever

    def log_message(self, format: str, *args: Any) -> None:  # quiet tests
        pass

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without NODELAY, Nagle + delayed
        # ACK adds ~40 ms to every response.
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.owner._track(self.connection, add=True)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        self.server.owner._track(self.connection, add=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    # -- helpers -------------------------------------------------------------------

    def _send(
        self, status: int, headers: dict[str, str], body: bytes = b"", head: bool = False
    ) -> None:
        self.send_response(status)
        names = {k.lower() for k in headers}
        for k, v in headers.items():
            self.send_header(k, v)
        if "content-length" not in names:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and not head:
            self.wfile.write(body)

    def _serve(self, head: bool) -> None:
        owner = self.server.owner
        route, key = owner._begin(self.command, self.path, dict(self.headers.items()))
        ended = False
        try:
            if route is None:
                self._send(404, {"Content-Type": "text/plain"}, b"no route", head)
                return
            if route.delay:
                owner._stop.wait(route.delay)
            # The request stops counting as in flight before the response is written: once the
            # client has the bytes it may send its next request, and on a loaded machine that
            # request can arrive before this thread runs again, which counted a sequential
            # pair as concurrent (seen once in CI: max_concurrent 2 with a total limit of 1).
            owner._end(key)
            ended = True
            if route.fault:
                self._fault(route, head)
            else:
                self._normal(route, head)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            self.close_connection = True
        finally:
            if not ended:
                owner._end(key)

    def _normal(self, route: Route, head: bool) -> None:
        headers = {"Content-Type": "application/rss+xml; charset=utf-8", **route.headers}
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        if route.status == 200 and self._not_modified(route):
            validators = {
                k: v
                for k, v in headers.items()
                if k.lower() in ("etag", "last-modified", "cache-control")
            }
            self._send(304, validators, b"", head=True)
            return
        self._send(route.status, headers, route.body, head)

    def _not_modified(self, route: Route) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None and route.etag:
            tags = [t.strip() for t in inm.split(",")]
            return "*" in tags or route.etag in tags or route.etag.removeprefix("W/") in tags
        ims = self.headers.get("If-Modified-Since")
        if ims and route.last_modified:
            if ims == route.last_modified:
                return True
            try:
                return email.utils.parsedate_to_datetime(ims) >= email.utils.parsedate_to_datetime(
                    route.last_modified
                )
            except (TypeError, ValueError):
                return False
        return False

    def _fault(self, route: Route, head: bool) -> None:
        kind, o, stop = route.fault, route.opts, self.server.owner._stop
        if kind == "status":
            body = o.get("body", b"")
            self._send(
                o.get("status", 500),
                {"Content-Type": "text/plain", **o.get("headers", {})},
                body,
                head,
            )
        elif kind == "redirect":
            target = o["to"]
            self._send(
                o.get("status", 302), {"Location": target, **o.get("headers", {})}, b"", head
            )
        elif kind == "hang":
            stop.wait()  # until the server shuts down
            self.close_connection = True
        elif kind == "close":
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
        elif kind == "trickle":
            body = o.get("body", SAMPLE_RSS[:200])
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.flush()
            for i in range(len(body)):
                if stop.wait(o.get("interval", 1.0)):
                    break
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()
            self.close_connection = True
        elif kind == "huge":
            size = o.get("size", 50 * MB)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            if not o.get("chunked_unknown_length"):
                self.send_header("Content-Length", str(size))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            if head:
                return
            chunk = b"<!-- padding -->" * 4096  # 64 KB, reused: never the whole body in memory
            sent = 0
            while sent < size and not stop.is_set():
                part = chunk[: size - sent]
                self.wfile.write(part)
                sent += len(part)
            self.close_connection = True
        elif kind == "gzip_bomb":
            body = gzip_bomb(o.get("size", 20 * MB))
            headers = {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"}
            self._send(200, headers, body, head)
        elif kind == "wrong_encoding":
            text = o.get("text", "Привет, мир")
            actual, declared = o.get("actual", "windows-1251"), o.get("declared", "utf-8")
            xml = (
                f'<?xml version="1.0" encoding="{declared}"?>\n<rss version="2.0"><channel>'
                f"<title>{text}</title><item><title>{text}</title><guid>urn:enc:1</guid></item>"
                "</channel></rss>"
            ).encode(actual)
            ctype = {"Content-Type": f"application/rss+xml; charset={declared}"}
            self._send(200, ctype, xml, head)
        elif kind == "html":
            self._send(
                200, {"Content-Type": "text/html; charset=utf-8"}, o.get("body", HTML_PAGE), head
            )
        elif kind == "empty":
            self._send(200, {"Content-Type": "application/rss+xml"}, b"", head)
        else:  # pragma: no cover - fault() validates kinds
            self._send(500, {}, b"unknown fault", head)


class FeedServer:
    """Threaded HTTP test server; see the module docstring."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._lock = threading.Lock()
        self._routes: dict[str, Route] = {}
        self._hits: defaultdict[str, int] = defaultdict(int)
        self._requests: defaultdict[str, list[RecordedRequest]] = defaultdict(list)
        self._in_flight: defaultdict[str, int] = defaultdict(int)
        self._max_in_flight: defaultdict[str, int] = defaultdict(int)
        self._conns: set[socket.socket] = set()
        self._stop = threading.Event()
        self._httpd = _Server((host, 0), _Handler)
        self._httpd.owner = self
        self.host = host
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), name="feedserver", daemon=True
        )

    # -- lifecycle -----------------------------------------------------------------

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; release hung/trickling handlers and close every open connection."""
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._thread.join(timeout=5)

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- configuration -------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        """Absolute URL for ``path`` on this server."""
        return f"{self.base_url}/{path.lstrip('/')}"

    def set(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        content_type: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        delay: float = 0.0,
    ) -> None:
        """Serve ``body`` at ``path``; with ``etag``/``last_modified`` conditional GETs get 304."""
        hdrs = dict(headers or {})
        if content_type:
            hdrs["Content-Type"] = content_type
        data = body.encode("utf-8") if isinstance(body, str) else body
        route = Route(
            body=data,
            status=status,
            headers=hdrs,
            etag=etag,
            last_modified=last_modified,
            delay=delay,
        )
        with self._lock:
            self._routes[path] = route

    def fault(self, path: str, kind: str, *, delay: float = 0.0, **opts: Any) -> None:
        """Make ``path`` misbehave; ``kind`` is one of ``FAULT_KINDS`` (see module docstring)."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; expected one of {sorted(FAULT_KINDS)}")
        if kind == "redirect" and "to" not in opts:
            raise ValueError("redirect fault needs to=<path or URL>")
        if kind == "redirect" and str(opts["to"]).startswith("/"):
            opts["to"] = self.url(opts["to"])
        if kind == "gzip_bomb":
            # compress now, not while a client's fetch timeout runs (a loaded CI machine
            # made the first request's compression outlast a 2 s timeout)
            gzip_bomb(opts.get("size", 20 * MB))
        with self._lock:
            self._routes[path] = Route(fault=kind, opts=opts, delay=delay)

    def remove(self, path: str) -> None:
        with self._lock:
            self._routes.pop(path, None)

    def reset(self) -> None:
        with self._lock:
            self._routes.clear()
            self._hits.clear()
            self._requests.clear()
            self._in_flight.clear()
            self._max_in_flight.clear()

    # -- inspection ----------------------------------------------------------------

    def hits(self, path: str) -> int:
        """Requests received for ``path`` (query string ignored)."""
        with self._lock:
            return self._hits[urlsplit(path).path]

    def requests(self, path: str) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests[urlsplit(path).path])

    def max_concurrent(self, path: str) -> int:
        """Highest number of requests for ``path`` that were being handled at once."""
        with self._lock:
            return self._max_in_flight[urlsplit(path).path]

    def in_flight(self, path: str) -> int:
        with self._lock:
            return self._in_flight[urlsplit(path).path]

    # -- handler callbacks ---------------------------------------------------------

    def _track(self, conn: socket.socket, *, add: bool) -> None:
        with self._lock:
            (self._conns.add if add else self._conns.discard)(conn)

    def _begin(
        self, method: str, raw_path: str, headers: dict[str, str]
    ) -> tuple[Route | None, str]:
        key = urlsplit(raw_path).path
        with self._lock:
            self._hits[key] += 1
            self._requests[key].append(
                RecordedRequest(method, raw_path, {k.lower(): v for k, v in headers.items()})
            )
            self._in_flight[key] += 1
            self._max_in_flight[key] = max(self._max_in_flight[key], self._in_flight[key])
            route = self._routes.get(raw_path) or self._routes.get(key)
        return route, key

    def _end(self, key: str) -> None:
        with self._lock:
            self._in_flight[key] -= 1


def wait_until(predicate: Any, timeout: float = 5.0, interval: float = 0.01) -> bool:
    """Poll ``predicate`` until true or ``timeout``; handy for asserting server-side state."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())
