"""The scheduler: one job per enabled feed, changed while running; jobs run on the loop."""

from __future__ import annotations

import asyncio

from storage import repo
from storage.db import open_db
from watchers.schedule import FeedScheduler


async def test_jobs_follow_feeds_and_sync_jobs_run_on_the_loop_thread():
    db = open_db()  # a sqlite3 connection may only be used from the thread that made it
    a = repo.add_feed(db, "https://a.example/rss")
    polled: list[int] = []

    async def poll(feed_id: int) -> None:
        polled.append(feed_id)

    sched = FeedScheduler(lambda: repo.feed_schedule(db), poll, jitter_s=0, reconcile_s=1)
    sched.start()
    try:
        sched.add_job("beat", lambda: repo.set_state(db, "beat", "1"), 1)
        await asyncio.sleep(1.5)
        assert repo.get_state(db, "beat") == "1"  # would raise in a worker thread
        assert polled == [a]  # the first poll runs at once
        assert sched.jobs() == ["beat", f"feed:{a}", "reconcile"]

        b = repo.add_feed(db, "https://b.example/rss")
        repo.set_feed_enabled(db, a, False)
        await asyncio.sleep(1.5)  # the reconcile job picks the changes up
        assert sched.jobs() == ["beat", f"feed:{b}", "reconcile"]
        assert b in polled
    finally:
        sched.shutdown()
