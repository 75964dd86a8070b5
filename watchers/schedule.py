"""Polling schedule: one APScheduler job per feed, on the bot's event loop.

Each job runs every ``interval_min`` with jitter, ``max_instances=1`` (a slow poll is
never overlapped by the next) and ``coalesce=True`` (missed runs after a pause collapse
into one). Backoff after failures and Retry-After are kept in the database
(``next_poll_at``): a job that fires early just returns. A reconcile job adds and removes
jobs while running when feeds are added, removed, paused or change interval.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

log = logging.getLogger("releasewatch.schedule")


def on_loop(func: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
    """Make ``func`` a coroutine function.

    APScheduler's AsyncIOScheduler runs plain functions in a thread pool; ours touch the
    one SQLite connection, which belongs to the event loop's thread. Coroutines run on
    the loop itself.
    """
    if asyncio.iscoroutinefunction(func):
        return func

    async def run(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    run.__name__ = getattr(func, "__name__", "job")
    return run


JOB_PREFIX = "feed:"


class FeedScheduler:
    def __init__(
        self,
        list_feeds: Callable[[], list[dict[str, Any]]],
        poll: Callable[[int], Awaitable[Any]],
        *,
        jitter_s: int = 30,
        reconcile_s: int = 15,
    ) -> None:
        self.list_feeds = list_feeds
        self.poll = poll
        self.jitter_s = jitter_s
        self.reconcile_s = reconcile_s
        self.scheduler = AsyncIOScheduler(timezone="UTC")
        self._intervals: dict[int, int] = {}

    def start(self) -> None:
        """Start on the running event loop (call from inside it)."""
        self.reconcile()
        self.scheduler.add_job(
            on_loop(self.reconcile),
            "interval",
            seconds=self.reconcile_s,
            id="reconcile",
            max_instances=1,
            coalesce=True,
        )
        self.scheduler.start()

    def add_job(self, job_id: str, func: Callable[[], Any], seconds: float) -> None:
        self.scheduler.add_job(
            on_loop(func),
            "interval",
            seconds=seconds,
            id=job_id,
            max_instances=1,
            coalesce=True,
            replace_existing=True,
        )

    def reconcile(self) -> None:
        """Make the jobs match the enabled feeds."""
        wanted = {f["id"]: f["interval_min"] for f in self.list_feeds() if f["enabled"]}
        for feed_id in list(self._intervals):
            if feed_id not in wanted:
                self.scheduler.remove_job(f"{JOB_PREFIX}{feed_id}")
                del self._intervals[feed_id]
                log.info("schedule feed=%s removed", feed_id)
        for feed_id, minutes in wanted.items():
            if self._intervals.get(feed_id) == minutes:
                continue
            self.scheduler.add_job(
                on_loop(self.poll),
                "interval",
                args=[feed_id],
                minutes=minutes,
                jitter=self.jitter_s,
                id=f"{JOB_PREFIX}{feed_id}",
                max_instances=1,
                coalesce=True,
                replace_existing=True,
                # First poll right away; later ones on the interval.
                next_run_time=datetime.now().astimezone(),
                misfire_grace_time=None,
            )
            self._intervals[feed_id] = minutes
            log.info("schedule feed=%s every=%dmin", feed_id, minutes)

    def jobs(self) -> list[str]:
        return sorted(job.id for job in self.scheduler.get_jobs())

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
