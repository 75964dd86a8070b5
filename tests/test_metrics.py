"""Prometheus /metrics: off by default, validated settings, real scrapes over HTTP of a real
database, and the daemon's poll counters moving after real polls."""

from __future__ import annotations

import asyncio
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from prometheus_client.parser import text_string_to_metric_families

from releasewatch import metrics as metrics_module
from releasewatch.errors import ConfigError
from releasewatch.metrics import metrics_endpoint
from releasewatch.pipeline import PollOutcome, heartbeat
from releasewatch.settings import Settings, load_settings
from storage import events as events_store
from storage import repo
from storage.db import open_db, utcnow

# ---------------------------------------------------------------- helpers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def settings_for(db_path: Path, port: int, **env: str) -> Settings:
    return load_settings(
        env={
            "RELEASEWATCH_DB": str(db_path),
            "RELEASEWATCH_METRICS_PORT": str(port),
            "RELEASEWATCH_METRICS_HOST": "127.0.0.1",
            **env,
        }
    )


def _get(url: str) -> tuple[int, str, str]:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.status, resp.headers["Content-Type"], resp.read().decode("utf-8")


async def scrape(url: str) -> str:
    status, content_type, text = await asyncio.to_thread(_get, url)
    assert status == 200 and content_type.startswith("text/plain")
    return text


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of an exposition, parsed by prometheus_client's own parser."""
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(text: str, name: str, **labels: str) -> float | None:
    return samples(text).get((name, frozenset(labels.items())))


def is_listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


# ---------------------------------------------------------------- settings


def test_off_by_default_and_loopback_by_default():
    s = load_settings(env={})
    assert s.metrics_port == 0 and s.metrics_host == "127.0.0.1"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"RELEASEWATCH_METRICS_PORT": "nine"}, "RELEASEWATCH_METRICS_PORT: expected a whole"),
        ({"RELEASEWATCH_METRICS_PORT": "70000"}, "RELEASEWATCH_METRICS_PORT: .*0 to 65535"),
        ({"RELEASEWATCH_METRICS_PORT": "-1"}, "RELEASEWATCH_METRICS_PORT"),
        ({"RELEASEWATCH_METRICS_HOST": "http://127.0.0.1"}, "RELEASEWATCH_METRICS_HOST"),
        ({"RELEASEWATCH_METRICS_HOST": "127.0.0.1:9105"}, "without scheme or port"),
        ({"RELEASEWATCH_METRICS_HOST": "two words"}, "RELEASEWATCH_METRICS_HOST"),
    ],
)
def test_invalid_metrics_settings_are_refused(env, message):
    with pytest.raises(ConfigError, match=message):
        load_settings(env=env)


@pytest.mark.parametrize(
    ("raw", "host"),
    [("::1", "::1"), ("[::1]", "::1"), ("0.0.0.0", "0.0.0.0"), ("LocalHost", "localhost")],
)
def test_metrics_host_accepts_addresses_and_names(raw, host):
    assert load_settings(env={"RELEASEWATCH_METRICS_HOST": raw}).metrics_host == host


def test_invalid_port_stops_the_cli_with_the_variable_named(capsys, monkeypatch):
    from releasewatch.cli import main

    monkeypatch.setenv("RELEASEWATCH_METRICS_PORT", "http")
    assert main(["run"]) == 2
    assert "RELEASEWATCH_METRICS_PORT: expected a whole number" in capsys.readouterr().err


# ---------------------------------------------------------------- the endpoint


@pytest.fixture
def populated_db(tmp_path: Path) -> Iterator[Path]:
    """Feeds and outbox rows in known states, made with the project's own functions."""
    path = tmp_path / "rw.db"
    db = open_db(path)
    now = utcnow()
    ok = repo.add_feed(db, "http://feeds.example/ok.xml")
    repo.record_poll_success(db, ok, now=now, next_poll_at=now, status="ok")
    failing = repo.add_feed(db, "http://feeds.example/failing.xml")
    repo.record_poll_failure(db, failing, now=now, next_poll_at=now, error="HTTP 503")
    paused = repo.add_feed(db, "http://feeds.example/paused.xml")
    repo.set_feed_enabled(db, paused, False)
    repo.add_feed(db, "http://feeds.example/new.xml")  # never polled: enabled, not failing

    def alert(**kw) -> int:
        return events_store.create_alert(
            db, item_id=None, route="default", now=now, send_at=now, **kw
        )

    sent_first_time = alert()
    repo.mark_alert_sending(db, sent_first_time)
    repo.mark_alert_sent(db, sent_first_time, message_id="11", chat_id="@c")
    sent_second_time = alert()
    repo.mark_alert_sending(db, sent_second_time)
    repo.mark_alert_retry(db, sent_second_time, error="timed out", next_attempt_at=now)
    repo.mark_alert_sending(db, sent_second_time)
    repo.mark_alert_sent(db, sent_second_time, message_id="12", chat_id="@c")
    retrying = alert()
    repo.mark_alert_sending(db, retrying)
    repo.mark_alert_retry(db, retrying, error="flood control", next_attempt_at=now)
    alert()  # waiting in the hold, never tried
    alert(review=True)  # waits for an admin; its approval request is queued (op "review")
    heartbeat(db, now - timedelta(seconds=42))
    db.close()
    yield path


async def test_scrape_reports_the_database(populated_db: Path):
    port = free_port()
    async with metrics_endpoint(settings_for(populated_db, port)) as m:
        assert m.server is not None and m.server.url == f"http://127.0.0.1:{port}/metrics"
        text = await scrape(m.server.url)

    assert "releasewatch_feeds_enabled 3.0" in text.splitlines()
    assert "releasewatch_feeds_failing 1.0" in text.splitlines()
    assert value(text, "releasewatch_db_up") == 1
    assert value(text, "releasewatch_alerts_queued_total", op="send") == 5
    assert value(text, "releasewatch_alerts_queued_total", op="review") == 1
    assert value(text, "releasewatch_alerts_queued_total", op="edit") == 0
    assert value(text, "releasewatch_alerts_sent_total", op="send") == 2
    assert value(text, "releasewatch_alerts_sent_total", op="review") == 0
    assert value(text, "releasewatch_alert_send_failures_total") == 2
    # retrying + never tried + the approval request; the alert under review is not due
    assert value(text, "releasewatch_outbox_pending") == 3
    assert value(text, "releasewatch_alerts_awaiting_review") == 1
    age = value(text, "releasewatch_heartbeat_age_seconds")
    assert age is not None and 42 <= age < 42 + 30
    assert value(text, "releasewatch_info", version=metrics_module.__version__) == 1
    # help text and types are there for Prometheus
    assert "# TYPE releasewatch_alerts_sent_total counter" in text
    assert "# TYPE releasewatch_outbox_pending gauge" in text


async def test_poll_counters_and_latency_histogram(tmp_path: Path):
    port = free_port()
    async with metrics_endpoint(settings_for(tmp_path / "rw.db", port)) as m:
        before = await scrape(m.server.url)
        for outcome in ("ok", "not_modified", "unchanged", "error", "gone"):
            assert value(before, "releasewatch_feed_polls_total", outcome=outcome) == 0
        assert value(before, "releasewatch_poll_duration_seconds_count") == 0

        m.record_poll(PollOutcome(1, "ok", new_items=3, alerts=[7]), 0.2)
        m.record_poll(PollOutcome(1, "304"), 0.05)
        m.record_poll(PollOutcome(2, "unchanged"), 0.08)
        m.record_poll(PollOutcome(3, "error", error="HTTP 500"), 4.0)
        m.record_poll(None, 1.0)  # the poll raised: an error too
        text = await scrape(m.server.url)

    assert value(text, "releasewatch_feed_polls_total", outcome="ok") == 1
    assert value(text, "releasewatch_feed_polls_total", outcome="not_modified") == 1
    assert value(text, "releasewatch_feed_polls_total", outcome="unchanged") == 1
    assert value(text, "releasewatch_feed_polls_total", outcome="error") == 2
    assert value(text, "releasewatch_feed_polls_total", outcome="gone") == 0
    assert value(text, "releasewatch_items_stored_total") == 3
    assert value(text, "releasewatch_poll_duration_seconds_count") == 5
    assert value(text, "releasewatch_poll_duration_seconds_sum") == pytest.approx(5.33)
    assert value(text, "releasewatch_poll_duration_seconds_bucket", le="0.1") == 2
    assert value(text, "releasewatch_poll_duration_seconds_bucket", le="5.0") == 5


async def test_each_run_has_its_own_registry(tmp_path: Path):
    async with metrics_endpoint(settings_for(tmp_path / "a.db", 0)) as a:
        a.record_poll(PollOutcome(1, "ok"), 0.1)
    async with metrics_endpoint(settings_for(tmp_path / "b.db", 0)) as b:
        assert b.registry.get_sample_value("releasewatch_feed_polls_total", {"outcome": "ok"}) == 0


async def test_unreadable_database_still_answers(tmp_path: Path):
    missing = tmp_path / "not-there.db"
    port = free_port()
    async with metrics_endpoint(settings_for(missing, port)) as m:
        text = await scrape(m.server.url)
    assert value(text, "releasewatch_db_up") == 0
    assert value(text, "releasewatch_feeds_enabled") is None
    assert value(text, "releasewatch_feed_polls_total", outcome="ok") == 0
    assert not missing.exists()  # read-only: a scrape never creates the database


async def test_off_opens_no_port(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def refuse(*args, **kwargs):
        raise AssertionError("no server may start with RELEASEWATCH_METRICS_PORT=0")

    monkeypatch.setattr(metrics_module, "start_http_server", refuse)
    async with metrics_endpoint(settings_for(tmp_path / "rw.db", 0)) as m:
        assert m.server is None
        m.record_poll(PollOutcome(1, "ok"), 0.1)  # counting works without serving


async def test_stopping_releases_the_port(tmp_path: Path):
    port = free_port()
    async with metrics_endpoint(settings_for(tmp_path / "rw.db", port)):
        assert is_listening(port)
    assert not is_listening(port)
    async with metrics_endpoint(settings_for(tmp_path / "rw.db", port)) as again:
        assert (await scrape(again.server.url)).startswith("#")


async def test_port_in_use_is_a_clear_error(tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ConfigError, match=rf"RELEASEWATCH_METRICS_PORT: .*127\.0\.0\.1:{port}"):
            async with metrics_endpoint(settings_for(tmp_path / "rw.db", port)):
                pass


# ---------------------------------------------------------------- the daemon

NOW = datetime.now(UTC)


def rss(items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>https://news.example/{g}</link>"
        f"<guid isPermaLink='false'>{g}</guid><pubDate>{format_datetime(NOW)}</pubDate>"
        f"<description>{escape(s)}</description></item>"
        for g, t, s in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Wire</title>"
        f"<link>https://news.example/</link><language>en</language>{body}</channel></rss>"
    ).encode()


async def wait_for(url: str, done, timeout: float = 30.0) -> str:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        text = await scrape(url)
        if done(text) or asyncio.get_running_loop().time() > deadline:
            return text
        await asyncio.sleep(0.2)


async def test_daemon_serves_metrics_and_counts_its_polls(tmp_path: Path, feed_server):
    from releasewatch.app import run_daemon

    feed_server.set(
        "/wire.xml",
        rss(
            [
                (
                    "g1",
                    "Lukashenko pardons 25 political prisoners",
                    "Belarusian leader Alexander Lukashenko pardoned 25 people convicted of"
                    " 'extremist' crimes, his press service said on Tuesday.",
                ),
                ("g2", "Apple releases iOS 19", "Apple has released iOS 19 for iPhone users."),
            ]
        ),
    )
    feed_server.fault("/down.xml", "status", status=503)
    port = free_port()
    settings = settings_for(
        tmp_path / "rw.db", port, RELEASEWATCH_HOLD_SECONDS="0", RELEASEWATCH_FETCH_TIMEOUT="5"
    )
    db = open_db(settings.db_path)
    repo.add_feed(db, feed_server.url("/wire.xml"), backfill_hours=-1)
    repo.add_feed(db, feed_server.url("/down.xml"))
    db.close()

    url = f"http://127.0.0.1:{port}/metrics"
    stop = asyncio.Event()
    task = asyncio.create_task(run_daemon(settings, stop=stop))
    try:
        for _ in range(100):  # the endpoint is up before the first poll
            if is_listening(port) or task.done():
                break
            await asyncio.sleep(0.1)
        text = await wait_for(
            url,
            lambda t: (
                value(t, "releasewatch_alerts_sent_total", op="send") == 1
                and value(t, "releasewatch_feed_polls_total", outcome="error") == 1
            ),
        )
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)

    assert value(text, "releasewatch_feed_polls_total", outcome="ok") == 1
    assert value(text, "releasewatch_feed_polls_total", outcome="error") == 1
    assert value(text, "releasewatch_items_stored_total") == 2
    assert value(text, "releasewatch_poll_duration_seconds_count") == 2
    assert value(text, "releasewatch_alerts_queued_total", op="send") == 1
    assert value(text, "releasewatch_alerts_sent_total", op="send") == 1
    assert value(text, "releasewatch_outbox_pending") == 0
    assert value(text, "releasewatch_feeds_enabled") == 2
    assert value(text, "releasewatch_feeds_failing") == 1
    assert value(text, "releasewatch_heartbeat_age_seconds") < 30
    assert not is_listening(port)  # a clean stop closes the endpoint


async def test_daemon_with_metrics_off_opens_no_port(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from releasewatch.app import run_daemon

    started: list[object] = []
    monkeypatch.setattr(metrics_module, "start_http_server", lambda *a, **k: started.append(a))
    stop = asyncio.Event()
    task = asyncio.create_task(run_daemon(settings_for(tmp_path / "rw.db", 0), stop=stop))
    await asyncio.sleep(0.5)
    stop.set()
    await asyncio.wait_for(task, 30)
    assert started == []
