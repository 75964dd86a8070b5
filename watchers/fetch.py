"""The only network code of releasewatch: conditional, bounded, polite HTTP GETs.

Usage::

    async with Fetcher() as fetcher:
        result = await fetcher.fetch(url, etag=stored_etag, last_modified=stored_lm)
        if result.not_modified: ...
        elif result.gone: ...
        else: parse_feed(result.body, result.headers, fetched_at=now)

Every failure a feed can cause (network, HTTP status, size, SSRF refusal) is raised as
:class:`~releasewatch.errors.FetchError`; 304 and 410 are *results*, not errors.
"""

from __future__ import annotations

import asyncio
import email.utils
import errno
import functools
import re
import socket
import ssl
import time
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC
from types import TracebackType
from typing import Any, Self

import aiohttp
from yarl import URL

from releasewatch import __version__
from releasewatch.errors import FetchError
from watchers.netguard import GuardedResolver, validate_feed_url

DEFAULT_USER_AGENT = f"releasewatch/{__version__} (+https://github.com/releasewatch/releasewatch)"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, "
    "*/*;q=0.5"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_CHUNK = 64 * 1024
# Idle keep-alive connections: at most this many per pool, closed after this many seconds
# (httpx's limits, which this fetcher had before): without a cap, a pass over thousands of
# hosts would leave one idle socket per host and could run out of file descriptors.
_MAX_IDLE = 20
_KEEPALIVE_S = 5.0
# aiohttp's default 8190-byte limit per header line would turn feeds with one big header
# (a long Content-Security-Policy or Link) into errors; the httpx fetcher took ~100 KB.
_MAX_HEADER_LINE = 100 * 1024


@dataclass(frozen=True, slots=True)
class FetchResult:
    status: int
    url: str  # final URL after redirects
    body: bytes | None  # decompressed; None for 304 / 410
    headers: dict[str, str]  # lower-case keys; content-encoding/-length removed (body is decoded)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False  # 304
    permanent_redirect: str | None = None  # new URL when every hop was 301/308
    gone: bool = False  # 410
    retry_after: float | None = None  # seconds
    max_age: float | None = None  # Cache-Control max-age, seconds
    elapsed: float = 0.0


def _size_text(n: int) -> str:
    mib = 1024 * 1024
    return f"{n // mib} MB" if n % mib == 0 else f"{n} bytes"


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP-date; None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    base = time.time() if now is None else now
    return max(0.0, when.timestamp() - base)


_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.IGNORECASE)


def parse_max_age(cache_control: str | None) -> float | None:
    if not cache_control:
        return None
    m = _MAX_AGE.search(cache_control)
    return float(m.group(1)) if m else None


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle costs ~50 ms; one context is safely shared by all connections.
    try:
        import certifi
    except ImportError:
        return ssl.create_default_context()
    return ssl.create_default_context(cafile=certifi.where())


class _Connector(aiohttp.TCPConnector):
    """TCPConnector that keeps at most ``max_idle`` idle keep-alive connections.

    aiohttp's ``limit`` counts only connections in use; idle ones would otherwise pile up
    (one per host polled in the last few seconds).
    """

    def __init__(self, *, max_idle: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._max_idle = max_idle

    def _release(self, key: Any, protocol: Any, *, should_close: bool = False) -> None:
        # aiohttp has no public hook for this; _release(key, protocol, *, should_close)
        # and _conns (key -> idle connections) are stable across aiohttp 3.x, and
        # tests/test_fetch.py checks the cap against a real server.
        if not should_close and sum(map(len, self._conns.values())) >= self._max_idle:
            should_close = True  # pool full: close this one rather than keep it idle
        super()._release(key, protocol, should_close=should_close)


async def _decoded(raw: AsyncIterator[bytes], content_encoding: str) -> AsyncIterator[bytes]:
    """Decompress incrementally, at most ``_CHUNK`` output bytes per step.

    aiohttp's own decoding (``auto_decompress``, off here) inflates a whole network chunk at
    once (one 64 KB gzip chunk can become gigabytes); ``max_length`` lets the caller's
    size check stop a bomb before it is in memory.
    """
    coding = content_encoding.strip().lower()
    if coding in ("", "identity"):
        async for chunk in raw:
            yield chunk
        return
    if coding in ("gzip", "x-gzip"):
        wbits = 16 + zlib.MAX_WBITS
    elif coding == "deflate":
        wbits = zlib.MAX_WBITS
    else:
        raise FetchError(f"unsupported Content-Encoding: {content_encoding[:40]}")
    d = zlib.decompressobj(wbits)
    started = False
    async for chunk in raw:
        data = chunk
        while data:
            try:
                out = d.decompress(data, _CHUNK)
            except zlib.error as exc:
                if coding == "deflate" and not started:
                    # Some servers send raw deflate without the zlib header.
                    d = zlib.decompressobj(-zlib.MAX_WBITS)
                    started = True
                    continue
                raise FetchError(f"corrupt {coding} body: {exc}") from None
            started = True
            if out:
                yield out
            data = d.unconsumed_tail
            if d.eof:
                data = d.unused_data
                if not data or wbits != 16 + zlib.MAX_WBITS:
                    break  # trailing junk after a deflate stream is ignored
                d = zlib.decompressobj(wbits)  # concatenated gzip members
    tail = d.flush()
    if tail:
        yield tail


_DNS_HINTS = (
    "name or service not known",
    "nodename nor servname",
    "temporary failure in name resolution",
    "no address associated",
    "getaddrinfo failed",
)


def _network_error(exc: BaseException, host: str, fetcher: Fetcher) -> FetchError:
    """Turn an aiohttp/OS error into a one-line FetchError (walks the cause chain)."""
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return FetchError(f"connection to {host} timed out after {fetcher.connect_timeout:g} s")
    if isinstance(exc, TimeoutError):  # includes aiohttp.ServerTimeoutError
        return FetchError(f"timed out after {fetcher.timeout:g} s")
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return FetchError(f"DNS lookup failed for {host}")
    cause: BaseException | None = exc
    while cause is not None:
        text = str(cause).lower()
        if isinstance(cause, socket.gaierror) or any(hint in text for hint in _DNS_HINTS):
            return FetchError(f"DNS lookup failed for {host}")
        refused = isinstance(cause, OSError) and cause.errno == errno.ECONNREFUSED
        if isinstance(cause, ConnectionRefusedError) or refused or "connection refused" in text:
            return FetchError(f"connection refused by {host}")
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, aiohttp.ClientConnectorError):
        # str(exc) repeats host and port; the underlying error is the useful part.
        detail: BaseException = getattr(exc, "certificate_error", None) or exc.os_error
        return FetchError(f"could not connect to {host}: {_one_line(detail)}")
    if isinstance(exc, aiohttp.ClientResponseError):  # malformed response: skip "400, url=..."
        return FetchError(f"network error talking to {host}: {_one_line(exc, exc.message)}")
    return FetchError(f"network error talking to {host}: {_one_line(exc)}")


def _one_line(exc: BaseException, text: str | None = None) -> str:
    # aiohttp's parser errors span several lines (they draw a caret under the bad byte).
    flat = " ".join((str(exc) if text is None else text).split())
    return flat[:300] if flat else type(exc).__name__


def _header_dict(headers: Any) -> dict[str, str]:
    """Lower-case keys; a repeated header is joined with ", " (as the httpx fetcher did)."""
    out: dict[str, str] = {}
    for key, value in headers.items():
        k = key.lower()
        out[k] = f"{out[k]}, {value}" if k in out else value
    return out


class Fetcher:
    """Async context manager holding two :class:`aiohttp.ClientSession`: open and guarded.

    Guarded fetches (``allow_private=False``) go through their own session, connector
    and pool whose resolver is :class:`~watchers.netguard.GuardedResolver`. Keeping the
    pools apart means a connection opened for a trusted feed to an internal host can
    never be reused by a guarded fetch.
    """

    def __init__(
        self,
        *,
        timeout: float = 30.0,
        connect_timeout: float = 10.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        per_host: int = 2,
        total: int = 50,
        max_redirects: int = 5,
        user_agent: str = DEFAULT_USER_AGENT,
        allowed_hosts: frozenset[str] = frozenset(),
    ) -> None:
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.max_bytes = max_bytes
        self.per_host = per_host
        self.max_redirects = max_redirects
        self.user_agent = user_agent
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts)
        self._total_limit = total
        self._total = asyncio.Semaphore(total)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._guard = GuardedResolver(self.allowed_hosts)
        # Created on first use: aiohttp sessions and connectors need a running loop.
        self._open: aiohttp.ClientSession | None = None
        self._guarded: aiohttp.ClientSession | None = None
        self._closed = False

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        self._closed = True
        for session in (self._open, self._guarded):
            if session is not None:
                await session.close()  # closes its connector and every pooled connection

    def _session(self, *, guarded: bool) -> aiohttp.ClientSession:
        if self._closed:
            raise RuntimeError("Fetcher is closed")
        if self._open is None or self._guarded is None:
            # fetch()'s semaphores cap concurrency; the connector limit is only a backstop.
            common: dict[str, Any] = {
                "limit": self._total_limit,
                "ssl": _ssl_context(),
                "keepalive_timeout": _KEEPALIVE_S,
                "max_idle": min(self._total_limit, _MAX_IDLE),
            }
            # One cookie jar for both sessions, like the single httpx client before;
            # unsafe=True only means cookies from IP-address hosts are kept too (as before).
            jar = aiohttp.CookieJar(unsafe=True)
            self._open = self._new_session(_Connector(**common), jar)
            # No DNS cache: the guard must vet every new connection at connect time (DNS
            # can change between polls), never reuse an answer vetted earlier.
            self._guarded = self._new_session(
                _Connector(resolver=self._guard, use_dns_cache=False, **common), jar
            )
        return self._guarded if guarded else self._open

    def _new_session(
        self, connector: aiohttp.TCPConnector, jar: aiohttp.CookieJar
    ) -> aiohttp.ClientSession:
        return aiohttp.ClientSession(
            connector=connector,
            cookie_jar=jar,
            # The overall per-fetch budget is asyncio.timeout in fetch(); aiohttp only
            # bounds connection setup (DNS, TCP, TLS).
            timeout=aiohttp.ClientTimeout(total=None, connect=self.connect_timeout),
            headers={
                "User-Agent": self.user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
            auto_decompress=False,  # _decoded() inflates with a bounded output per step
            trust_env=False,  # no env proxies: the SSRF guard must see the real destination
            max_line_size=_MAX_HEADER_LINE,
            max_field_size=_MAX_HEADER_LINE,
        )

    def _host_semaphore(self, host: str) -> asyncio.Semaphore:
        sem = self._hosts.get(host)
        if sem is None:
            sem = self._hosts[host] = asyncio.Semaphore(self.per_host)
        return sem

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        allow_private: bool = True,
    ) -> FetchResult:
        """GET ``url`` following up to ``max_redirects`` redirects; see module docstring."""
        url = validate_feed_url(url)
        started = time.monotonic()
        budget = self.timeout  # network time left; waiting for a semaphore is not counted
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = {url}
        all_permanent = True
        hops = 0
        current = url
        while True:
            try:
                parsed = URL(current)
                host = parsed.host
                if not host:
                    raise ValueError("no host")
            except (TypeError, ValueError) as exc:
                raise FetchError(f"invalid URL {current[:200]}: {exc}") from None
            async with self._host_semaphore(host), self._total:
                hop_start = time.monotonic()
                try:
                    async with asyncio.timeout(max(budget, 0.001)):
                        outcome = await self._hop(parsed, headers, guarded=not allow_private)
                except FetchError:
                    raise
                except aiohttp.InvalidURL as exc:
                    raise FetchError(f"invalid URL {current}: {exc}") from None
                except (TimeoutError, aiohttp.ClientError, OSError) as exc:
                    # TimeoutError: the budget above ran out (or aiohttp's connect timeout).
                    raise _network_error(exc, host, self) from None
                budget -= time.monotonic() - hop_start
            if isinstance(outcome, _Redirect):
                hops += 1
                if hops > self.max_redirects:
                    raise FetchError(f"too many redirects (more than {self.max_redirects})")
                if outcome.target in seen:
                    raise FetchError(f"redirect loop at {outcome.target}")
                all_permanent = all_permanent and outcome.status in _PERMANENT
                seen.add(outcome.target)
                current = outcome.target
                continue
            return self._result(outcome, current, etag, last_modified, hops, all_permanent, started)

    async def _hop(self, url: URL, headers: dict[str, str], *, guarded: bool) -> _Redirect | _Raw:
        session = self._session(guarded=guarded)
        if guarded:
            await self._guard.check_literal(url.raw_host, url.port)
        # Leaving the block releases the connection: back to the pool when the body was
        # read to the end, closed when it was not (non-2xx, size limit, timeout), so an
        # unread body never leaks or poisons a pooled connection.
        async with session.get(url, headers=headers, allow_redirects=False) as response:
            status = response.status
            reason = response.reason or ""
            if status in _REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location header")
                try:
                    # A raw space becomes %20 as with httpx (yarl would make it "+").
                    relative = URL(location.strip().replace(" ", "%20"))
                    target = str(response.url.join(relative))
                    target = validate_feed_url(target)
                except (TypeError, ValueError) as exc:
                    raise FetchError(f"redirect to an invalid URL: {location[:200]}") from exc
                except FetchError as exc:
                    raise FetchError(f"redirect to a refused URL: {exc}") from None
                return _Redirect(status, target)
            hdrs = _header_dict(response.headers)
            if not 200 <= status < 300:  # 304, 410 and errors: the body is not wanted
                return _Raw(status, hdrs, None, reason)
            length = hdrs.get("content-length", "")
            if length.isdigit() and "content-encoding" not in hdrs and int(length) > self.max_bytes:
                raise FetchError(f"body larger than {_size_text(self.max_bytes)}", status=status)
            chunks: list[bytes] = []
            size = 0
            raw = response.content.iter_any()
            async for part in _decoded(raw, hdrs.get("content-encoding", "")):
                size += len(part)
                if size > self.max_bytes:
                    raise FetchError(
                        f"body larger than {_size_text(self.max_bytes)}", status=status
                    )
                chunks.append(part)
            hdrs.pop("content-encoding", None)
            hdrs.pop("content-length", None)
            return _Raw(status, hdrs, b"".join(chunks), reason)

    def _result(
        self,
        raw: _Raw,
        url: str,
        etag: str | None,
        last_modified: str | None,
        hops: int,
        all_permanent: bool,
        started: float,
    ) -> FetchResult:
        status, hdrs = raw.status, raw.headers
        retry_after = parse_retry_after(hdrs.get("retry-after"))
        if status in (429, 503):
            shown = f" (retry after {retry_after:g} s)" if retry_after is not None else ""
            raise FetchError(f"HTTP {status}{shown}", status=status, retry_after=retry_after)
        if status >= 400 and status != 410:
            reason = f" {raw.reason}" if raw.reason else ""
            raise FetchError(f"HTTP {status}{reason}", status=status)
        if status < 200 or (300 <= status < 400 and status != 304):
            raise FetchError(f"unexpected HTTP {status}", status=status)
        not_modified = status == 304
        return FetchResult(
            status=status,
            url=url,
            body=raw.body,
            headers=hdrs,
            # A 304 may omit validators: the stored ones are still the current ones.
            etag=hdrs.get("etag") or (etag if not_modified else None),
            last_modified=hdrs.get("last-modified") or (last_modified if not_modified else None),
            not_modified=not_modified,
            permanent_redirect=url if hops and all_permanent else None,
            gone=status == 410,
            retry_after=retry_after,
            max_age=parse_max_age(hdrs.get("cache-control")),
            elapsed=time.monotonic() - started,
        )


@dataclass(frozen=True, slots=True)
class _Redirect:
    status: int
    target: str


@dataclass(frozen=True, slots=True)
class _Raw:
    status: int
    headers: dict[str, str]
    body: bytes | None
    reason: str = ""


__all__ = ["DEFAULT_USER_AGENT", "FetchResult", "Fetcher", "parse_max_age", "parse_retry_after"]
