"""Optional Prometheus endpoint: ``GET /metrics`` while the daemon runs.

Off unless ``RELEASEWATCH_METRICS_PORT`` is set. Two kinds of numbers:

* counted in this process as polls finish (``run_daemon``'s poll job calls
  :meth:`Metrics.record_poll`): polls by outcome, poll duration, items stored. They
  start from zero at every start, as Prometheus counters may.
* read from the database at scrape time (:class:`DatabaseCollector`): the outbox,
  alerts queued and sent, send failures, feeds enabled and failing, heartbeat age. The
  outbox is the record of every send, so these are right across restarts and include
  what any process (the daemon, ``once``, the bot's review buttons) did.

Why a thread and its own connection: the endpoint is prometheus_client's own HTTP
server, which serves from a daemon thread. The daemon's SQLite connection belongs to
the asyncio loop thread and must not be used from another thread, so every scrape opens
a short read-only connection to the database file (WAL lets it read while the daemon
writes, without blocking it) and closes it again. Serving from a thread also means a
scrape never waits on the event loop, and still answers if the loop is stuck: exactly
when ``releasewatch_heartbeat_age_seconds`` climbing is worth seeing.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    Info,
    ProcessCollector,
    start_http_server,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from releasewatch import __version__
from releasewatch.errors import ConfigError
from releasewatch.settings import SPECS, Settings

log = logging.getLogger("releasewatch.metrics")

# PollOutcome.status -> the ``outcome`` label ("304" is not a friendly label value).
OUTCOMES = {
    "ok": "ok",
    "304": "not_modified",
    "unchanged": "unchanged",
    "error": "error",
    "gone": "gone",
}
# A poll is one HTTP request (timeout 1-300 s, RELEASEWATCH_FETCH_TIMEOUT) plus parsing.
POLL_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)
SCRAPE_DB_TIMEOUT = 5.0  # seconds a scrape waits for a locked database before giving up


class Metrics:
    """The counters of one daemon run, in a registry of their own (never the global one,
    so two runs or two tests never share a number)."""

    def __init__(self, db_path: str | Path | None = None) -> None:
        self.registry = CollectorRegistry()
        self.server: MetricsServer | None = None  # set by metrics_endpoint when serving
        self.polls = Counter(
            "releasewatch_feed_polls",
            "Feed polls finished, by outcome (ok, not_modified, unchanged, error, gone).",
            ["outcome"],
            registry=self.registry,
        )
        for outcome in OUTCOMES.values():  # every outcome shows, at 0, from the start
            self.polls.labels(outcome)
        self.poll_seconds = Histogram(
            "releasewatch_poll_duration_seconds",
            "Time one feed poll took: fetch, parse, store, rules, queueing alerts.",
            buckets=POLL_BUCKETS,
            registry=self.registry,
        )
        self.items_stored = Counter(
            "releasewatch_items_stored",
            "New feed items stored by polls.",
            registry=self.registry,
        )
        Info("releasewatch", "releasewatch build.", registry=self.registry).info(
            {"version": __version__}
        )
        ProcessCollector(registry=self.registry)  # memory, CPU, open files (Linux)
        if db_path is not None:
            self.registry.register(DatabaseCollector(db_path))

    def record_poll(self, outcome: Any | None, seconds: float) -> None:
        """Count one finished poll; ``outcome`` is its PollOutcome, None if it raised."""
        status = getattr(outcome, "status", "error")
        self.polls.labels(OUTCOMES.get(status, "error")).inc()
        self.poll_seconds.observe(max(0.0, seconds))
        if outcome is not None and outcome.new_items:
            self.items_stored.inc(outcome.new_items)


@dataclass(frozen=True)
class DatabaseCounts:
    alerts_queued: dict[str, int]  # by op: send | edit | review
    alerts_sent: dict[str, int]  # by op
    send_failures: int
    outbox_pending: int
    awaiting_review: int
    feeds_enabled: int
    feeds_failing: int
    heartbeat: str | None


def read_counts(conn: sqlite3.Connection) -> DatabaseCounts:
    """Everything the scrape reads, in one read transaction (one consistent snapshot)."""
    conn.execute("BEGIN")  # deferred: a read snapshot, no lock on the writer
    try:
        queued = dict(conn.execute("SELECT op, count(*) FROM alerts GROUP BY op").fetchall())
        # A review request closed without sending (decided elsewhere) is marked sent with
        # an empty message id: it never reached anyone, so it is not counted as sent.
        sent = dict(
            conn.execute(
                "SELECT op, count(*) FROM alerts WHERE status = 'sent' AND message_id != ''"
                " GROUP BY op"
            ).fetchall()
        )
        # Every send attempt adds 1 to ``attempts`` (status ``sending``); an attempt ends in
        # ``sent`` or, when it failed, back in ``pending`` for a retry. So the failed
        # attempts are all attempts less the one that succeeded (or is under way) per
        # alert. An attempt cut short by a crash counts as failed, and it was.
        (failures,) = conn.execute(
            "SELECT coalesce(sum(attempts), 0) - coalesce(sum(status IN ('sent', 'sending')"
            " AND attempts > 0), 0) FROM alerts"
        ).fetchone()
        # The same definitions as the bot's /status: the outbox is pending + sending, a
        # failing feed is an enabled feed whose last poll recorded an error.
        (pending,) = conn.execute(
            "SELECT count(*) FROM alerts WHERE status IN ('pending', 'sending')"
        ).fetchone()
        (review,) = conn.execute("SELECT count(*) FROM alerts WHERE status = 'review'").fetchone()
        enabled, failing = conn.execute(
            "SELECT coalesce(sum(enabled = 1), 0),"
            " coalesce(sum(enabled = 1 AND last_error IS NOT NULL), 0) FROM feeds"
        ).fetchone()
        row = conn.execute("SELECT value FROM state WHERE key = 'heartbeat'").fetchone()
    finally:
        conn.execute("COMMIT")
    return DatabaseCounts(
        alerts_queued={str(k): int(v) for k, v in queued.items()},
        alerts_sent={str(k): int(v) for k, v in sent.items()},
        send_failures=max(0, int(failures)),
        outbox_pending=int(pending),
        awaiting_review=int(review),
        feeds_enabled=int(enabled),
        feeds_failing=int(failing),
        heartbeat=row[0] if row else None,
    )


class DatabaseCollector(Collector):
    """Numbers read from the database file at each scrape, through a short read-only
    connection of the scraping thread (see the module docstring for why)."""

    def __init__(self, db_path: str | Path, clock: Any = None) -> None:
        path = Path(db_path).expanduser()
        # Resolved once, at start: the daemon's working directory is the one that counts.
        self.uri = path.resolve().as_uri() + "?mode=ro" if str(db_path) != ":memory:" else ""
        self.clock = clock or (lambda: datetime.now(UTC))

    def _read(self) -> DatabaseCounts | None:
        if not self.uri:
            return None
        try:
            conn = sqlite3.connect(
                self.uri, uri=True, timeout=SCRAPE_DB_TIMEOUT, isolation_level=None
            )
            with closing(conn):
                return read_counts(conn)
        except sqlite3.Error as exc:
            log.warning("metrics: cannot read the database: %s", exc)
            return None

    def collect(self) -> Iterator[Metric]:
        counts = self._read()
        yield GaugeMetricFamily(
            "releasewatch_db_up",
            "1 if this scrape could read the database, else 0 (its numbers are then absent).",
            value=int(counts is not None),
        )
        if counts is None:
            return
        queued = CounterMetricFamily(
            "releasewatch_alerts_queued",
            "Messages ever written to the outbox, by op (send: an alert, edit: new sources"
            " for a posted alert, review: an approval request).",
            labels=["op"],
        )
        sent = CounterMetricFamily(
            "releasewatch_alerts_sent",
            "Outbox messages delivered, by op.",
            labels=["op"],
        )
        for op in sorted({"send", "edit", "review"} | set(counts.alerts_queued)):
            queued.add_metric([op], counts.alerts_queued.get(op, 0))
            sent.add_metric([op], counts.alerts_sent.get(op, 0))
        yield queued
        yield sent
        yield CounterMetricFamily(
            "releasewatch_alert_send_failures",
            "Send attempts that failed (each is retried; nothing is dropped).",
            value=counts.send_failures,
        )
        yield GaugeMetricFamily(
            "releasewatch_outbox_pending",
            "Outbox messages not delivered yet (held, waiting for a retry, or being sent).",
            value=counts.outbox_pending,
        )
        yield GaugeMetricFamily(
            "releasewatch_alerts_awaiting_review",
            "Alerts waiting for an admin's Approve/Reject (RELEASEWATCH_REVIEW).",
            value=counts.awaiting_review,
        )
        yield GaugeMetricFamily(
            "releasewatch_feeds_enabled", "Feeds being polled.", value=counts.feeds_enabled
        )
        yield GaugeMetricFamily(
            "releasewatch_feeds_failing",
            "Enabled feeds whose last poll failed.",
            value=counts.feeds_failing,
        )
        if counts.heartbeat:
            try:
                beat = datetime.fromisoformat(counts.heartbeat)
            except ValueError:
                return
            age = (self.clock() - beat).total_seconds()
            yield GaugeMetricFamily(
                "releasewatch_heartbeat_age_seconds",
                "Seconds since the daemon's scheduler last wrote its heartbeat (every 20 s).",
                value=max(0.0, age),
            )


class MetricsServer:
    """prometheus_client's HTTP server for one registry, in a daemon thread."""

    def __init__(self, registry: CollectorRegistry, host: str, port: int) -> None:
        self.server, self.thread = start_http_server(port, addr=host, registry=registry)
        self.host = host
        self.port = int(self.server.server_port)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/metrics"

    def close(self) -> None:
        self.server.shutdown()  # stops serve_forever (within its 0.5 s poll)
        self.server.server_close()  # releases the port
        self.thread.join(timeout=5)


@asynccontextmanager
async def metrics_endpoint(settings: Settings) -> AsyncIterator[Metrics]:
    """The daemon's metrics; served on ``RELEASEWATCH_METRICS_HOST:PORT`` while inside.

    With ``RELEASEWATCH_METRICS_PORT=0`` (the default) nothing listens: the counters are
    kept (they cost nothing) but no port is opened.
    """
    metrics = Metrics(settings.db_path)
    server: MetricsServer | None = None
    if settings.metrics_port:
        try:
            server = MetricsServer(metrics.registry, settings.metrics_host, settings.metrics_port)
        except OSError as exc:  # port taken, address not on this machine, name not found
            raise ConfigError(
                f"{SPECS['metrics_port'].env}: cannot serve metrics on "
                f"{settings.metrics_host}:{settings.metrics_port}: {exc.strerror or exc}"
            ) from None
        log.info("metrics listening url=%s", server.url)
    metrics.server = server
    try:
        yield metrics
    finally:
        if server is not None:
            await asyncio.to_thread(server.close)
