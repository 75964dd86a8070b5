"""Wiring: build the context from settings, run one cycle (`once`) or the daemon (`run`)."""

from __future__ import annotations

import asyncio
import logging
import signal
import sqlite3
import time
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from releasewatch import __version__
from releasewatch.errors import StorageError
from releasewatch.metrics import metrics_endpoint
from releasewatch.notify import ConsoleNotifier, Notifier
from releasewatch.pipeline import (
    Context,
    check_feed_health,
    drain_outbox,
    heartbeat,
    poll_all,
    poll_feed,
)
from releasewatch.rulesdb import MatcherCache
from releasewatch.settings import Settings
from storage import repo
from storage.db import open_db
from watchers.fetch import Fetcher
from watchers.schedule import FeedScheduler, on_loop

log = logging.getLogger("releasewatch")

USER_AGENT = f"releasewatch/{__version__} (+https://github.com/releasewatch/releasewatch)"


def make_notifier(settings: Settings, *, console_stream: Any = None) -> Notifier:
    if settings.telegram_token:
        from tgbot.notifier import TelegramNotifier

        return TelegramNotifier(settings)
    return ConsoleNotifier(console_stream)


def make_fetcher(settings: Settings) -> Fetcher:
    return Fetcher(
        timeout=float(settings.fetch_timeout),
        connect_timeout=min(10.0, float(settings.fetch_timeout)),
        max_bytes=settings.max_body_mb * 1024 * 1024,
        per_host=settings.per_host,
        total=settings.max_concurrency,
        user_agent=USER_AGENT,
        allowed_hosts=settings.allowed_hosts,
    )


@asynccontextmanager
async def context(
    settings: Settings,
    *,
    notifier: Notifier | None = None,
    console_stream: Any = None,
    hold: timedelta = timedelta(0),
) -> AsyncIterator[Context]:
    db = open_db(settings.db_path)
    cache = MatcherCache(db)
    notifier = notifier or make_notifier(settings, console_stream=console_stream)
    try:
        async with make_fetcher(settings) as fetcher:
            if hasattr(notifier, "start"):
                await notifier.start()
            try:
                yield Context(
                    db=db,
                    settings=settings,
                    fetcher=fetcher,
                    notifier=notifier,
                    matcher=cache.matcher,
                    routes=cache.routes,
                    outbox_wakeup=asyncio.Event(),
                    hold=hold,
                )
            finally:
                if hasattr(notifier, "stop"):
                    await notifier.stop()
    finally:
        db.close()


async def run_once(settings: Settings, *, console_stream: Any = None) -> list[int]:
    """Poll every enabled feed once, send what is due, return the alert ids created.

    No hold: every feed is polled before anything is sent, so the reports of this cycle
    already arrive grouped.
    """
    async with context(settings, console_stream=console_stream) as ctx:
        feeds = repo.list_feeds(ctx.db, enabled_only=True)
        outcomes = await poll_all(ctx, feeds)
        created = list(dict.fromkeys(a for o in outcomes for a in o.alerts))
        try:
            await drain_outbox(ctx)
            await check_feed_health(ctx)
            heartbeat(ctx.db)
        except sqlite3.Error as exc:
            raise StorageError(f"database write failed: {exc}") from exc
        storage_errors = [o.error for o in outcomes if (o.error or "").startswith("database")]
        if storage_errors:
            raise StorageError(f"{len(storage_errors)} feed(s) not saved: {storage_errors[0]}")
        return created


async def run_daemon(settings: Settings, *, stop: asyncio.Event | None = None) -> None:
    """Scheduler + outbox sender until SIGINT/SIGTERM, then a clean shutdown."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # not the main thread (tests)
            pass
    started = time.monotonic()
    # The metrics endpoint first: a port that cannot be had stops the start before
    # anything else (it serves only with RELEASEWATCH_METRICS_PORT set).
    async with (
        metrics_endpoint(settings) as metrics,
        context(settings, hold=timedelta(seconds=settings.hold_seconds)) as ctx,
    ):

        async def poll_job(feed: dict[str, Any]) -> None:
            # The ticker hands over a row it just read as due, enabled and not in flight.
            begun = time.perf_counter()
            try:
                outcome = await poll_feed(ctx, feed)
            except Exception:
                metrics.record_poll(None, time.perf_counter() - begun)  # counted as an error
                raise  # the scheduler logs it and rests the feed for its interval
            metrics.record_poll(outcome, time.perf_counter() - begun)

        def due(limit: int, exclude: Collection[int]) -> list[dict[str, Any]]:
            return repo.due_feeds(ctx.db, ctx.clock(), limit=limit, exclude=exclude)

        # One ticker job polls what the database says is due (see watchers/schedule.py),
        # at most twice the fetcher's concurrency in flight so the fetcher never waits.
        scheduler = FeedScheduler(due, poll_job, max_in_flight=2 * settings.max_concurrency)
        scheduler.start()
        scheduler.add_job("heartbeat", lambda: heartbeat(ctx.db), 20)

        async def health_job() -> None:
            await check_feed_health(ctx)

        scheduler.add_job("health", health_job, 600)

        def prune_job() -> None:
            cutoff = ctx.clock() - timedelta(days=settings.retention_days)
            removed = repo.prune_items(ctx.db, cutoff)
            if removed:
                log.info("pruned items=%d older_than=%s", removed, cutoff.date())

        scheduler.add_job("prune", prune_job, 24 * 3600)
        if settings.digest_at:
            from zoneinfo import ZoneInfo

            from releasewatch.digest import queue_digest

            tz = ZoneInfo(settings.timezone)
            hour, minute = (int(x) for x in settings.digest_at.split(":"))

            def digest_job() -> None:
                if queue_digest(ctx.db, ctx.clock(), tz) and ctx.outbox_wakeup:
                    ctx.outbox_wakeup.set()

            scheduler.scheduler.add_job(
                on_loop(digest_job),
                "cron",
                hour=hour,
                minute=minute,
                timezone=tz,
                id="digest",
                max_instances=1,
                coalesce=True,
                misfire_grace_time=3600,
            )
        heartbeat(ctx.db)
        if hasattr(ctx.notifier, "attach"):
            ctx.notifier.attach(ctx, scheduler=scheduler, started=started)
        log.info(
            "started version=%s feeds=%d notifier=%s",
            __version__,
            len(repo.list_feeds(ctx.db, enabled_only=True)),
            ctx.notifier.name,
        )

        async def sender() -> None:
            assert ctx.outbox_wakeup is not None
            while not stop.is_set():
                try:
                    await drain_outbox(ctx)
                except Exception:
                    log.exception("outbox drain failed")
                ctx.outbox_wakeup.clear()
                try:
                    await asyncio.wait_for(ctx.outbox_wakeup.wait(), timeout=2.0)
                except TimeoutError:
                    pass

        sender_task = asyncio.create_task(sender())
        await stop.wait()
        log.info("stopping")
        scheduler.shutdown()  # no poll starts after this
        await scheduler.drain(timeout=30)  # let polls in flight finish their transaction
        ctx.outbox_wakeup.set() if ctx.outbox_wakeup else None
        sender_task.cancel()
        try:
            await sender_task
        except asyncio.CancelledError:
            pass
        log.info("stopped uptime=%s", timedelta(seconds=int(time.monotonic() - started)))
