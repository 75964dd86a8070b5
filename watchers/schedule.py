"""Polling schedule: one ticker asks the database which feeds are due (miniflux's design).

Why not one APScheduler job per feed, as before: the cost grew with the number of feeds, not
with the work due. At 10,000 feeds each job run cost 0.33–0.375 ms of CPU in the scheduler
(jittered, it woke for nearly every job: 3.75 CPU s per 10-minute cycle), the jobs held
27 MB, and a reconcile every 15 s compared every feed with every job. At 100,000 feeds that
would have been the daemon's first bottleneck (``benchmarks/scheduler_scale.py``).

How it works now:

* The database is the schedule. ``pipeline.poll_feed`` writes ``next_poll_at`` after every
  poll (the interval, the backoff after failures, Retry-After, Cache-Control max-age). A new
  or resumed feed has ``next_poll_at`` NULL and is due at once; a paused, disabled or removed
  feed is simply never due. Nothing in memory has to be kept in step with the feeds table.
* One periodic APScheduler job, the ticker (every ``tick_s``), asks SQLite for the enabled
  feeds that are due, never-polled first then oldest ``next_poll_at`` first, at most as many
  as may start now (``storage.repo.due_feeds``: two range scans of the ``feeds_due`` index,
  so a tick with nothing due costs microseconds at 100,000 feeds), and starts each poll as
  an asyncio task on the loop.
* A feed is in flight from the start of its poll to its end, and the due query skips the
  feeds in flight: a feed is never polled twice at once (what ``max_instances=1`` gave).
  This matters because ``next_poll_at`` is only moved when the poll ends, so a slow feed
  stays "due" for every tick that runs meanwhile.
* At most ``max_in_flight`` polls at once (the daemon: 2 x RELEASEWATCH_MAX_CONCURRENCY).
  10,000 feeds due at start-up become batches, not 10,000 pending tasks each holding a feed
  row and waiting on the fetcher's semaphore. Twice the fetcher's limit keeps the next polls
  waiting at the fetcher when one finishes. When a tick stopped at the bound (more feeds were
  due), a poll whose end brings the in-flight count down to half refills at once instead of
  at the next tick, so throughput is not capped at ``max_in_flight`` per tick.
* No random jitter. The in-flight bound already staggers the starts: feeds due together
  (start-up, an OPML import) start in batches as earlier polls finish, and each feed's next
  ``next_poll_at`` is the start of its poll plus its interval, so the stagger carries over
  to the next cycles; the fetcher's per-host limit spreads what is left. A random delay
  would only add alert latency.
* A poll that raises has not moved ``next_poll_at`` (``poll_feed`` records a feed's own
  failures itself, so this is a bug or a database that cannot be written): the feed would
  be due again at the next tick and its host fetched every second. It rests in memory for
  its interval instead, as the per-feed job did (the exception is logged).
* ``reconcile()`` runs a tick now: the bot calls it after adding or resuming a feed, so the
  feed is polled within moments, not at the next tick. ``shutdown()`` stops the ticker and
  no poll starts after it; ``drain()`` waits for the polls in flight (and cancels what is
  still running after its timeout).

The other periodic jobs (heartbeat, health, prune, digest) stay APScheduler jobs
(``add_job``); they run on the loop like the ticker (see ``on_loop``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Collection
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

log = logging.getLogger("releasewatch.schedule")

Feed = dict[str, Any]
# due(limit, exclude): up to ``limit`` enabled, due feeds (rows with at least "id" and
# "interval_min"), in the order to poll them, none of whose ids is in ``exclude``.
DueQuery = Callable[[int, Collection[int]], list[Feed]]


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


TICKER_ID = "feeds:tick"


class FeedScheduler:
    def __init__(
        self,
        due: DueQuery,
        poll: Callable[[Feed], Awaitable[Any]],
        *,
        max_in_flight: int = 100,
        tick_s: float = 1.0,
    ) -> None:
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        self.due = due
        self.poll = poll
        self.max_in_flight = max_in_flight
        self.tick_s = tick_s
        self.scheduler = AsyncIOScheduler(timezone="UTC")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._in_flight: dict[int, asyncio.Task[Any]] = {}
        self._resting: dict[int, float] = {}  # feed id -> time.monotonic() it may poll again
        self._saturated = False  # the last tick stopped at the bound: more feeds were due
        self._refill_pending = False
        self._stopped = False
        self.started_total = 0  # polls started since start (tests, benchmarks)

    # ------------------------------------------------------------ life cycle

    def start(self) -> None:
        """Start on the running event loop (call from inside it); the first tick runs now."""
        self._loop = asyncio.get_running_loop()
        self.scheduler.add_job(
            on_loop(self.tick),
            "interval",
            seconds=self.tick_s,
            id=TICKER_ID,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,  # a late tick (busy loop) still runs, once
        )
        self.scheduler.start()
        self.tick()

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

    def shutdown(self) -> None:
        """Stop the ticker and the other jobs; no poll starts after this."""
        self._stopped = True
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    async def drain(self, timeout: float = 30.0) -> int:
        """Wait up to ``timeout`` s for the polls in flight; cancel the rest.

        Returns how many had to be cancelled. A poll writes each change in one
        transaction between two awaits, so a cancelled one leaves nothing half-written;
        its ``next_poll_at`` did not move, so it is polled again after the restart.
        """
        tasks = list(self._in_flight.values())
        if not tasks:
            return 0
        _, pending = await asyncio.wait(tasks, timeout=timeout)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=5)
            log.warning(
                "shutdown cancelled polls=%d still running after %ss", len(pending), timeout
            )
        return len(pending)

    # ------------------------------------------------------------ ticking

    def reconcile(self) -> int:
        """Poll what is due now rather than at the next tick (e.g. a feed just added).

        The name is kept from the per-feed scheduler: callers (the bot's feed commands)
        mean "the feeds changed, act on it now".
        """
        return self.tick()

    def tick(self) -> int:
        """Start the polls of the feeds due now, up to the bound; return how many started."""
        if self._stopped or self._loop is None:
            return 0
        free = self.max_in_flight - len(self._in_flight)
        if free <= 0:
            self._saturated = True
            return 0
        if self._resting:
            now = time.monotonic()
            self._resting = {fid: t for fid, t in self._resting.items() if t > now}
        exclude = self._in_flight.keys() | self._resting.keys()
        feeds = self.due(free, exclude)
        for feed in feeds[:free]:
            feed_id = feed["id"]
            if feed_id in exclude:  # the query should have skipped it; never poll twice
                continue
            self._in_flight[feed_id] = self._loop.create_task(
                self._run(feed), name=f"poll:{feed_id}"
            )
            self.started_total += 1
        self._saturated = len(feeds) >= free
        return min(len(feeds), free)

    async def _run(self, feed: Feed) -> None:
        feed_id = feed["id"]
        try:
            await self.poll(feed)
        except Exception:
            rest = 60.0 * (feed.get("interval_min") or 1)
            self._resting[feed_id] = time.monotonic() + rest
            log.exception("poll feed=%s raised; not polled again for %ds", feed_id, rest)
        finally:
            self._in_flight.pop(feed_id, None)
            self._after_poll()

    def _after_poll(self) -> None:
        if (
            self._saturated
            and not self._refill_pending
            and not self._stopped
            and self._loop is not None
            and len(self._in_flight) <= self.max_in_flight // 2
        ):
            self._refill_pending = True
            self._loop.call_soon(self._refill)

    def _refill(self) -> None:
        self._refill_pending = False
        try:
            self.tick()
        except Exception:  # the ticker job tries again within tick_s
            log.exception("schedule refill failed")

    # ------------------------------------------------------------ introspection

    def in_flight(self) -> list[int]:
        """Ids of the feeds being polled now."""
        return sorted(self._in_flight)

    def jobs(self) -> list[str]:
        return sorted(job.id for job in self.scheduler.get_jobs())
