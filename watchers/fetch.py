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
from typing import Self

import httpx

from releasewatch import __version__
from releasewatch.errors import FetchError
from watchers.netguard import GuardedBackend, validate_feed_url

DEFAULT_USER_AGENT = f"releasewatch/{__version__} (+https://github.com/releasewatch/releasewatch)"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, "
    "*/*;q=0.5"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_GUARD_EXT = "releasewatch_guard"  # request extension that routes to the guarded pool
_CHUNK = 64 * 1024


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
    # Loading the CA bundle costs ~50 ms; one context is safely shared by all clients.
    return httpx.create_ssl_context()


class _RoutingTransport(httpx.AsyncBaseTransport):
    """Two connection pools behind one client: guarded (SSRF-vetted sockets) and open.

    Keeping them apart means a connection opened for a trusted feed to an internal host
    can never be reused by a guarded fetch.
    """

    def __init__(self, limits: httpx.Limits, allowed_hosts: frozenset[str]) -> None:
        ctx = _ssl_context()
        self._open = httpx.AsyncHTTPTransport(verify=ctx, limits=limits, trust_env=False)
        self._guarded = httpx.AsyncHTTPTransport(verify=ctx, limits=limits, trust_env=False)
        pool = self._guarded._pool  # httpx has no public hook for the network backend
        self._guarded._pool = type(pool)(
            ssl_context=pool._ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(allowed_hosts),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        guarded = request.extensions.pop(_GUARD_EXT, False)
        transport = self._guarded if guarded else self._open
        return await transport.handle_async_request(request)

    async def aclose(self) -> None:
        await self._open.aclose()
        await self._guarded.aclose()


async def _decoded(raw: AsyncIterator[bytes], content_encoding: str) -> AsyncIterator[bytes]:
    """Decompress incrementally, at most ``_CHUNK`` output bytes per step.

    httpx's own decoders inflate a whole network chunk at once (one 64 KB gzip chunk can
    become gigabytes); ``max_length`` lets the caller's size check stop a bomb before it
    is in memory.
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
    """Turn an httpx/OS error into a one-line FetchError (walks the cause chain)."""
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError(f"connection to {host} timed out after {fetcher.connect_timeout:g} s")
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(f"timed out after {fetcher.timeout:g} s")
    cause: BaseException | None = exc
    while cause is not None:
        text = str(cause).lower()
        if isinstance(cause, socket.gaierror) or any(hint in text for hint in _DNS_HINTS):
            return FetchError(f"DNS lookup failed for {host}")
        refused = isinstance(cause, OSError) and cause.errno == errno.ECONNREFUSED
        if isinstance(cause, ConnectionRefusedError) or refused or "connection refused" in text:
            return FetchError(f"connection refused by {host}")
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.ConnectError):
        return FetchError(f"could not connect to {host}: {exc or type(exc).__name__}")
    return FetchError(f"network error talking to {host}: {exc or type(exc).__name__}")


class Fetcher:
    """Async context manager holding one shared :class:`httpx.AsyncClient`."""

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
        self._total = asyncio.Semaphore(total)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        limits = httpx.Limits(max_connections=total, max_keepalive_connections=min(total, 20))
        self._client = httpx.AsyncClient(
            transport=_RoutingTransport(limits, self.allowed_hosts),
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            headers={
                "User-Agent": user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
            follow_redirects=False,  # followed by hand: hop limit, loop check, SSRF check per hop
            trust_env=False,  # no env proxies: the SSRF guard must see the real destination
        )

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
        await self._client.aclose()

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
                host = httpx.URL(current).host
            except (httpx.InvalidURL, ValueError) as exc:
                raise FetchError(f"invalid URL {current[:200]}: {exc}") from None
            async with self._host_semaphore(host), self._total:
                hop_start = time.monotonic()
                try:
                    async with asyncio.timeout(max(budget, 0.001)):
                        outcome = await self._hop(current, headers, guarded=not allow_private)
                except TimeoutError:
                    raise FetchError(f"timed out after {self.timeout:g} s") from None
                except FetchError:
                    raise
                except httpx.InvalidURL as exc:
                    raise FetchError(f"invalid URL {current}: {exc}") from None
                except (httpx.TransportError, OSError) as exc:
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

    async def _hop(self, url: str, headers: dict[str, str], *, guarded: bool) -> _Redirect | _Raw:
        request = self._client.build_request("GET", url, headers=headers)
        if guarded:
            request.extensions[_GUARD_EXT] = True
        response = await self._client.send(request, stream=True)
        try:
            status = response.status_code
            if status in _REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location header")
                try:
                    target = str(response.url.join(location.strip()))
                    target = validate_feed_url(target)
                except (httpx.InvalidURL, ValueError) as exc:
                    raise FetchError(f"redirect to an invalid URL: {location[:200]}") from exc
                except FetchError as exc:
                    raise FetchError(f"redirect to a refused URL: {exc}") from None
                return _Redirect(status, target)
            hdrs = {k.lower(): v for k, v in response.headers.items()}
            if not 200 <= status < 300:  # 304, 410 and errors: the body is not wanted
                return _Raw(status, hdrs, None, response.reason_phrase)
            length = hdrs.get("content-length", "")
            if length.isdigit() and "content-encoding" not in hdrs and int(length) > self.max_bytes:
                raise FetchError(f"body larger than {_size_text(self.max_bytes)}", status=status)
            chunks: list[bytes] = []
            size = 0
            async for part in _decoded(response.aiter_raw(), hdrs.get("content-encoding", "")):
                size += len(part)
                if size > self.max_bytes:
                    raise FetchError(
                        f"body larger than {_size_text(self.max_bytes)}", status=status
                    )
                chunks.append(part)
            hdrs.pop("content-encoding", None)
            hdrs.pop("content-length", None)
            return _Raw(status, hdrs, b"".join(chunks), response.reason_phrase)
        finally:
            await response.aclose()  # abandons an unread body: the connection is dropped

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
