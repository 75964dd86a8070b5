"""watchers.fetch / watchers.netguard against a real local HTTP server (tests/feedserver.py)."""

from __future__ import annotations

import asyncio
import email.utils
import socket
import time

import pytest

from releasewatch import __version__
from releasewatch.errors import FetchError
from watchers import netguard
from watchers.fetch import Fetcher, parse_max_age, parse_retry_after
from watchers.netguard import is_public_address, validate_feed_url

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>T</title><link>http://example.com/</link>
<item><title>Amnesty frees 20</title><guid>urn:x:1</guid><description>d</description></item>
</channel></rss>"""
LM = "Wed, 01 May 2024 10:00:00 GMT"


def fast_fetcher(**kw: object) -> Fetcher:
    opts: dict[str, object] = {"timeout": 1.0, "connect_timeout": 0.5}
    opts.update(kw)
    return Fetcher(**opts)  # type: ignore[arg-type]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens here once the socket is closed


# --- success, conditional GET, cache headers -----------------------------------------------


async def test_200_then_304_with_stored_validators(feed_server):
    feed_server.set(
        "/feed", RSS, etag='"v1"', last_modified=LM, headers={"Cache-Control": "max-age=600"}
    )
    async with fast_fetcher() as f:
        first = await f.fetch(feed_server.url("/feed"))
        assert first.status == 200 and first.body == RSS and not first.not_modified
        assert (first.etag, first.last_modified) == ('"v1"', LM)
        assert first.max_age == 600.0
        assert first.headers["content-type"].startswith("application/rss+xml")
        assert first.url == feed_server.url("/feed") and first.elapsed > 0

        second = await f.fetch(
            feed_server.url("/feed"), etag=first.etag, last_modified=first.last_modified
        )
    assert second.status == 304 and second.not_modified and second.body is None
    assert (second.etag, second.last_modified) == ('"v1"', LM)
    reqs = feed_server.requests("/feed")
    assert len(reqs) == 2 and "if-none-match" not in reqs[0].headers
    assert reqs[1].headers["if-none-match"] == '"v1"'
    assert reqs[1].headers["if-modified-since"] == LM


async def test_304_via_last_modified_only(feed_server):
    feed_server.set("/lm", RSS, last_modified=LM)
    async with fast_fetcher() as f:
        r = await f.fetch(feed_server.url("/lm"), last_modified=LM)
    assert r.not_modified and r.last_modified == LM and r.etag is None


async def test_user_agent_and_accept_encoding(feed_server):
    feed_server.set("/ua", RSS)
    async with fast_fetcher() as f:
        await f.fetch(feed_server.url("/ua"))
    headers = feed_server.requests("/ua")[0].headers
    assert (
        headers["user-agent"]
        == f"releasewatch/{__version__} (+https://github.com/releasewatch/releasewatch)"
    )
    assert "gzip" in headers["accept-encoding"]


async def test_gzip_body_is_decoded(feed_server):
    import gzip

    feed_server.set("/gz", gzip.compress(RSS), headers={"Content-Encoding": "gzip"})
    async with fast_fetcher() as f:
        r = await f.fetch(feed_server.url("/gz"))
    assert r.body == RSS and "content-encoding" not in r.headers


async def test_fetched_bodies_through_parse_feed(feed_server):
    from datetime import UTC, datetime

    from releasewatch.errors import ParseError
    from watchers.parse import parse_feed

    feed_server.fault("/enc", "wrong_encoding", text="Палітвязні вызваленыя")
    feed_server.fault("/page", "html")
    feed_server.fault("/empty", "empty")
    now = datetime.now(UTC)
    async with fast_fetcher() as f:
        enc = await f.fetch(feed_server.url("/enc"))
        parsed = parse_feed(enc.body, enc.headers, fetched_at=now, base_url=enc.url)
        assert parsed.warnings and len(parsed.items) == 1  # bozo, yet readable
        for path, message in (("/page", "HTML page"), ("/empty", "empty")):
            r = await f.fetch(feed_server.url(path))
            with pytest.raises(ParseError, match=message):
                parse_feed(r.body or b"", r.headers, fetched_at=now)


# --- HTTP status handling ------------------------------------------------------------------


async def test_500_and_404_raise_with_status(feed_server):
    feed_server.fault("/e500", "status", status=500)
    feed_server.fault("/e404", "status", status=404)
    async with fast_fetcher() as f:
        with pytest.raises(FetchError, match=r"HTTP 500") as e500:
            await f.fetch(feed_server.url("/e500"))
        with pytest.raises(FetchError, match=r"HTTP 404") as e404:
            await f.fetch(feed_server.url("/e404"))
    assert (e500.value.status, e404.value.status) == (500, 404)


async def test_410_is_gone_result(feed_server):
    feed_server.fault("/gone", "status", status=410)
    async with fast_fetcher() as f:
        r = await f.fetch(feed_server.url("/gone"))
    assert r.gone and r.status == 410 and r.body is None


async def test_429_retry_after_seconds(feed_server):
    feed_server.fault("/busy", "status", status=429, headers={"Retry-After": "120"})
    async with fast_fetcher() as f:
        with pytest.raises(FetchError) as exc:
            await f.fetch(feed_server.url("/busy"))
    assert exc.value.status == 429 and exc.value.retry_after == 120.0


async def test_503_retry_after_http_date(feed_server):
    when = email.utils.formatdate(time.time() + 300, usegmt=True)
    feed_server.fault("/down", "status", status=503, headers={"Retry-After": when})
    async with fast_fetcher() as f:
        with pytest.raises(FetchError) as exc:
            await f.fetch(feed_server.url("/down"))
    assert exc.value.status == 503
    assert exc.value.retry_after is not None and 290 <= exc.value.retry_after <= 301


def test_header_parsers():
    assert parse_retry_after("30") == 30.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None
    assert parse_max_age("public, max-age=3600, must-revalidate") == 3600.0
    assert parse_max_age("s-maxage=10") is None and parse_max_age("no-cache") is None


# --- redirects -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "permanent"), [(301, True), (308, True), (302, False), (307, False)]
)
async def test_redirect_permanence(feed_server, status, permanent):
    feed_server.set("/new", RSS)
    feed_server.fault("/old", "redirect", to="/new", status=status)
    async with fast_fetcher() as f:
        r = await f.fetch(feed_server.url("/old"))
    assert r.status == 200 and r.body == RSS and r.url == feed_server.url("/new")
    assert r.permanent_redirect == (feed_server.url("/new") if permanent else None)


async def test_mixed_redirect_chain_is_not_permanent(feed_server):
    feed_server.set("/c", RSS)
    feed_server.fault("/a", "redirect", to="/b", status=301)
    feed_server.fault("/b", "redirect", to="/c", status=302)
    async with fast_fetcher() as f:
        r = await f.fetch(feed_server.url("/a"))
    assert r.url == feed_server.url("/c") and r.permanent_redirect is None


async def test_redirect_loop(feed_server):
    feed_server.fault("/a", "redirect", to="/b")
    feed_server.fault("/b", "redirect", to="/a")
    async with fast_fetcher() as f:
        with pytest.raises(FetchError, match="redirect loop"):
            await f.fetch(feed_server.url("/a"))
    assert feed_server.hits("/a") == 1 and feed_server.hits("/b") == 1


async def test_at_most_five_redirects(feed_server):
    feed_server.set("/r5", RSS)
    for i in range(5):
        feed_server.fault(f"/r{i}", "redirect", to=f"/r{i + 1}")
    feed_server.fault("/r-1", "redirect", to="/r0")
    async with fast_fetcher() as f:
        ok = await f.fetch(feed_server.url("/r0"))  # exactly 5 hops
        assert ok.body == RSS
        with pytest.raises(FetchError, match="too many redirects"):
            await f.fetch(feed_server.url("/r-1"))  # 6 hops
    assert feed_server.hits("/r5") == 1  # the 6-hop chain never reached the end


# --- timeouts and size limits --------------------------------------------------------------


async def test_hung_server_times_out(feed_server):
    feed_server.fault("/hang", "hang")
    async with fast_fetcher(timeout=0.5) as f:
        t0 = time.monotonic()
        with pytest.raises(FetchError, match=r"timed out after 0.5 s"):
            await f.fetch(feed_server.url("/hang"))
    assert time.monotonic() - t0 < 2


async def test_trickle_is_stopped_by_total_timeout(feed_server):
    # 1 byte every 0.1 s: each read succeeds well within the per-read timeout, so only
    # the total deadline can stop it.
    feed_server.fault("/drip", "trickle", interval=0.1)
    async with fast_fetcher(timeout=0.8) as f:
        t0 = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            await f.fetch(feed_server.url("/drip"))
    assert 0.7 < time.monotonic() - t0 < 2.5


@pytest.mark.parametrize("unknown_length", [False, True])
async def test_huge_body_stopped(feed_server, unknown_length):
    feed_server.fault("/huge", "huge", chunked_unknown_length=unknown_length)
    async with fast_fetcher(timeout=10) as f:
        with pytest.raises(FetchError, match="body larger than 10 MB"):
            await f.fetch(feed_server.url("/huge"))


async def test_gzip_bomb_stopped_on_decompressed_size(feed_server):
    feed_server.fault("/bomb", "gzip_bomb")  # ~20 KB on the wire, 20 MB inflated
    async with fast_fetcher(timeout=10) as f:
        with pytest.raises(FetchError, match="body larger than 10 MB"):
            await f.fetch(feed_server.url("/bomb"))


async def test_custom_max_bytes(feed_server):
    feed_server.set("/f", RSS)
    async with fast_fetcher(max_bytes=100) as f:
        with pytest.raises(FetchError, match="body larger than 100 bytes"):
            await f.fetch(feed_server.url("/f"))


# --- network failures ----------------------------------------------------------------------


async def test_connection_refused():
    async with fast_fetcher() as f:
        with pytest.raises(FetchError, match="connection refused"):
            await f.fetch(f"http://127.0.0.1:{closed_port()}/feed")


async def test_dns_failure():
    async with fast_fetcher(timeout=5) as f:
        with pytest.raises(FetchError, match=r"DNS lookup failed for no-such-host\.invalid"):
            await f.fetch("http://no-such-host.invalid/feed")


async def test_server_closes_without_answer(feed_server):
    feed_server.fault("/close", "close")
    async with fast_fetcher() as f:
        with pytest.raises(FetchError):
            await f.fetch(feed_server.url("/close"))


async def test_connect_timeout():
    # A listener whose accept queue is full: the kernel drops further SYNs, so the
    # connect hangs (on loopback: no traffic leaves the machine).
    with socket.socket() as full:
        full.bind(("127.0.0.1", 0))
        full.listen(0)
        port = full.getsockname()[1]
        fillers = []
        try:
            for _ in range(4):
                s = socket.socket()
                s.setblocking(False)
                s.connect_ex(("127.0.0.1", port))
                fillers.append(s)
            await asyncio.sleep(0.1)
            async with fast_fetcher(timeout=3, connect_timeout=0.3) as f:
                t0 = time.monotonic()
                with pytest.raises(
                    FetchError, match=r"connection to 127\.0\.0\.1 timed out after 0\.3 s"
                ):
                    await f.fetch(f"http://127.0.0.1:{port}/feed")
            assert time.monotonic() - t0 < 2
        finally:
            for s in fillers:
                s.close()


async def test_malformed_response_is_a_one_line_error():
    async def garbage(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(garbage, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with fast_fetcher() as f:
            with pytest.raises(FetchError, match=r"network error talking to 127\.0\.0\.1") as exc:
                await f.fetch(f"http://127.0.0.1:{port}/feed")
        assert "\n" not in str(exc.value)
    finally:
        server.close()
        await server.wait_closed()


async def test_env_proxy_is_ignored(feed_server, monkeypatch):
    # trust_env is off: a proxy would hide the real destination from the SSRF guard.
    for var in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(var, f"http://127.0.0.1:{closed_port()}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    feed_server.set("/feed", RSS)
    async with fast_fetcher() as f:
        r = await f.fetch(feed_server.url("/feed"))
    assert r.body == RSS


# --- connection pool -----------------------------------------------------------------------


def open_connections(server) -> int:
    with server._lock:
        return len(server._conns)


async def eventually(predicate, timeout: float = 5.0) -> bool:
    # Async, unlike feedserver.wait_until: the loop must run for sockets to close.
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.01)
    return True


async def test_keepalive_connection_is_reused(feed_server):
    feed_server.set("/feed", RSS, etag='"v1"')
    async with fast_fetcher() as f:
        for _ in range(5):
            r = await f.fetch(feed_server.url("/feed"), etag='"v1"')
            assert r.not_modified
        await f.fetch(feed_server.url("/feed"))
        assert open_connections(feed_server) == 1


async def test_unread_error_body_does_not_leak_connections(feed_server):
    feed_server.fault("/err", "status", status=500, body=b"x" * (1024 * 1024))
    feed_server.set("/feed", RSS)
    async with fast_fetcher() as f:
        for _ in range(10):
            with pytest.raises(FetchError, match="HTTP 500"):
                await f.fetch(feed_server.url("/err"))
        # The connections with unread bodies were closed, not pooled, and the fetcher
        # still works.
        assert await eventually(lambda: open_connections(feed_server) == 0)
        assert (await f.fetch(feed_server.url("/feed"))).body == RSS


async def test_idle_keepalive_connections_are_capped(feed_server):
    feed_server.set("/slow", RSS, delay=0.6)
    async with fast_fetcher(timeout=10, per_host=30, total=30) as f:

        async def staggered(i: int) -> None:
            await asyncio.sleep(i * 0.01)  # the test server's listen backlog is only 5
            await f.fetch(feed_server.url("/slow"))

        await asyncio.gather(*(staggered(i) for i in range(30)))
        assert feed_server.max_concurrent("/slow") == 30  # 30 connections were open
        # Once idle, at most 20 stay open for reuse; the rest are closed.
        assert await eventually(lambda: open_connections(feed_server) <= 20)
        await asyncio.sleep(0.2)
        assert open_connections(feed_server) == 20


async def test_closing_the_fetcher_closes_both_pools(feed_server):
    feed_server.set("/feed", RSS)
    async with fast_fetcher(allowed_hosts=frozenset({"127.0.0.1"})) as f:
        await f.fetch(feed_server.url("/feed"))
        await f.fetch(feed_server.url("/feed"), allow_private=False)
        assert open_connections(feed_server) == 2  # one per pool
    assert await eventually(lambda: open_connections(feed_server) == 0)


# --- concurrency limits --------------------------------------------------------------------


async def test_per_host_limit_caps_concurrency(feed_server):
    feed_server.set("/slow", RSS, delay=0.2)
    async with fast_fetcher(timeout=5, per_host=2) as f:
        results = await asyncio.gather(*(f.fetch(feed_server.url("/slow")) for _ in range(6)))
    assert all(r.status == 200 for r in results)
    assert feed_server.hits("/slow") == 6
    assert feed_server.max_concurrent("/slow") == 2


async def test_total_limit_caps_concurrency(feed_server):
    feed_server.set("/slow", RSS, delay=0.2)
    # localhost and 127.0.0.1 are different hosts for the per-host limit.
    urls = [feed_server.url("/slow"), f"http://localhost:{feed_server.port}/slow"] * 3
    async with fast_fetcher(timeout=5, per_host=3, total=1) as f:
        await asyncio.gather(*(f.fetch(u) for u in urls))
    assert feed_server.max_concurrent("/slow") == 1


async def test_timeout_budget_excludes_queueing(feed_server):
    # Four 0.3 s requests through one slot take ~1.2 s, but each fetch's own network
    # time is 0.3 s, well inside the 0.8 s budget.
    feed_server.set("/slow", RSS, delay=0.3)
    async with fast_fetcher(timeout=0.8, per_host=1) as f:
        results = await asyncio.gather(*(f.fetch(feed_server.url("/slow")) for _ in range(4)))
    assert len(results) == 4 and feed_server.max_concurrent("/slow") == 1


# --- SSRF guard ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/feed",
        "http://localhost:{port}/feed",
        "http://[::1]:{port}/feed",
        "http://10.1.2.3/feed",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/feed",
        "http://0.0.0.0:{port}/feed",
        "http://[::ffff:127.0.0.1]:{port}/feed",
    ],
)
async def test_ssrf_guard_refuses_private_addresses(feed_server, url):
    feed_server.set("/feed", RSS)
    async with fast_fetcher() as f:
        with pytest.raises(FetchError, match="non-public address"):
            await f.fetch(url.format(port=feed_server.port), allow_private=False)
    assert feed_server.hits("/feed") == 0


async def test_ssrf_guard_allowlist(feed_server):
    feed_server.set("/feed", RSS)
    async with fast_fetcher(allowed_hosts=frozenset({"127.0.0.1"})) as f:
        r = await f.fetch(feed_server.url("/feed"), allow_private=False)
    assert r.body == RSS


async def test_ssrf_guard_checks_every_redirect_hop(feed_server):
    # localhost is allowlisted, but it redirects to 127.0.0.1 which is not.
    feed_server.set("/secret", b"internal")
    feed_server.fault("/hop", "redirect", to=feed_server.url("/secret"))
    async with fast_fetcher(allowed_hosts=frozenset({"localhost"})) as f:
        with pytest.raises(FetchError, match=r"non-public address 127\.0\.0\.1"):
            await f.fetch(f"http://localhost:{feed_server.port}/hop", allow_private=False)
        # The same fetch is fine for trusted (configured) feeds.
        ok = await f.fetch(f"http://localhost:{feed_server.port}/hop")
        assert ok.body == b"internal"
    assert feed_server.hits("/secret") == 1


async def test_ssrf_guard_connects_to_vetted_ip(monkeypatch):
    # DNS rebinding: the guard connects to the address it vetted, so a second lookup
    # (which could answer 127.0.0.1) never happens.
    calls: list[str] = []

    async def fake_resolve(host: str, port: int, allowed: object = ()) -> list[str]:
        calls.append(host)
        raise FetchError(f"refusing to fetch {host}: it resolves to non-public address 10.0.0.1")

    monkeypatch.setattr(netguard, "resolve_public", fake_resolve)
    async with fast_fetcher() as f:
        with pytest.raises(FetchError, match="non-public"):
            await f.fetch("http://rebind.example/feed", allow_private=False)
    assert calls == ["rebind.example"]


async def test_guarded_fetch_never_reuses_an_open_connection(feed_server):
    feed_server.set("/feed", RSS)
    url = f"http://localhost:{feed_server.port}/feed"
    async with fast_fetcher() as f:
        assert (await f.fetch(url)).body == RSS  # trusted: leaves a pooled connection
        with pytest.raises(FetchError, match="non-public address"):
            await f.fetch(url, allow_private=False)
    assert feed_server.hits("/feed") == 1


async def test_ssrf_refusals_do_not_use_up_connection_slots(feed_server):
    # The refusal is raised from inside aiohttp's connector; it must give the slot back.
    feed_server.set("/feed", RSS)
    async with fast_fetcher(total=2, allowed_hosts=frozenset({"127.0.0.1"})) as f:
        for _ in range(6):
            with pytest.raises(FetchError, match="non-public address"):
                await f.fetch(f"http://localhost:{feed_server.port}/feed", allow_private=False)
        r = await f.fetch(feed_server.url("/feed"), allow_private=False)
    assert r.body == RSS


async def test_ssrf_guard_vets_every_new_connection(feed_server, monkeypatch):
    # No DNS cache in the guarded pool: each new connection resolves and vets again.
    calls: list[str] = []
    real = netguard.resolve_public

    async def counting(host: str, port: int, allowed: object = ()) -> list[str]:
        calls.append(host)
        return await real(host, port, allowed)  # type: ignore[arg-type]

    monkeypatch.setattr(netguard, "resolve_public", counting)
    feed_server.set("/slow", RSS, delay=0.2)
    url = f"http://localhost:{feed_server.port}/slow"
    async with fast_fetcher(timeout=5, per_host=3, allowed_hosts=frozenset({"localhost"})) as f:
        await asyncio.gather(*(f.fetch(url, allow_private=False) for _ in range(3)))
    assert calls == ["localhost"] * 3


def test_is_public_address():
    import ipaddress

    for bad in ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.1.1",
                "0.0.0.0", "224.0.0.1", "240.0.0.1", "::1", "fc00::1", "fe80::1", "::", "::ffff:10.0.0.1",
                "64:ff9b::7f00:1", "2002:7f00:1::"]:  # fmt: skip
        assert not is_public_address(ipaddress.ip_address(bad)), bad
    for good in ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]:
        assert is_public_address(ipaddress.ip_address(good)), good


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/feed", "http:// or https://"),
        ("javascript:alert(1)", "http:// or https://"),
        ("example.com/feed", "http:// or https://"),
        ("http:///feed", "no host"),
        ("http://user:pw@example.com/feed", "user name or password"),
        ("http://exa mple.com/feed", "spaces"),
        ("http://example.com/" + "a" * 2100, "too long"),
        ("http://example.com:99999/feed", "not valid"),
        ("", "empty"),
    ],
)
def test_validate_feed_url_rejects(url, message):
    with pytest.raises(FetchError, match=message):
        validate_feed_url(url)


def test_validate_feed_url_accepts():
    assert validate_feed_url("  https://Example.com/rss?x=1  ") == "https://Example.com/rss?x=1"
    assert validate_feed_url("http://[2001:db8::1]:8080/feed") == "http://[2001:db8::1]:8080/feed"


async def test_fetch_rejects_invalid_url():
    async with fast_fetcher() as f:
        with pytest.raises(FetchError, match="http:// or https://"):
            await f.fetch("file:///etc/passwd")
