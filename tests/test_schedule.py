"""The scheduler: one ticker polls the feeds SQLite says are due, bounded, never twice at once.

Real SQLite (``open_db``), a real event loop, the real APScheduler ticker. The stand-in
poll records the call and moves ``next_poll_at`` on as ``pipeline.poll_feed`` does.
"""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta
from typing import Any

import pytest

from storage import repo
from storage.db import open_db, utcnow
from watchers.schedule import TICKER_ID, FeedScheduler


class Polls:
    """A poll that records feed ids, may block on a gate, and writes next_poll_at."""

    def __init__(self, db: Any, *, gate: asyncio.Event | None = None) -> None:
        self.db = db
        self.gate = gate
        self.started: list[int] = []
        self.finished: list[int] = []
        self.running = 0
        self.peak = 0
        self.threads: set[int] = set()
        self.raise_for: set[int] = set()

    async def __call__(self, feed: dict[str, Any]) -> None:
        self.threads.add(threading.get_ident())
        self.started.append(feed["id"])
        self.running += 1
        self.peak = max(self.peak, self.running)
        try:
            if self.gate is not None:
                await self.gate.wait()
            else:
                await asyncio.sleep(0)
            if feed["id"] in self.raise_for:
                raise RuntimeError("boom")
            now = utcnow()
            repo.record_poll_success(
                self.db,
                feed["id"],
                now=now,
                next_poll_at=now + timedelta(minutes=feed["interval_min"]),
                status="304",
            )
            self.finished.append(feed["id"])
        finally:
            self.running -= 1


def make(db: Any, polls: Polls, **kwargs: Any) -> FeedScheduler:
    def due(limit: int, exclude: Any) -> list[dict[str, Any]]:
        return repo.due_feeds(db, utcnow(), limit=limit, exclude=exclude)

    return FeedScheduler(due, polls, **kwargs)


async def until(predicate: Any, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.01)


@pytest.fixture
def db():
    d = open_db()  # a sqlite3 connection may only be used from the thread that made it
    yield d
    d.close()


async def test_due_feeds_are_polled_once_and_jobs_run_on_the_loop_thread(db):
    a = repo.add_feed(db, "https://a.example/rss")
    b = repo.add_feed(db, "https://b.example/rss")
    polls = Polls(db)
    sched = make(db, polls, tick_s=0.2)
    sched.start()
    try:
        sched.add_job("beat", lambda: repo.set_state(db, "beat", "1"), 0.2)
        await asyncio.sleep(0.7)  # several ticks
        assert repo.get_state(db, "beat") == "1"  # would raise in a worker thread
        assert sorted(polls.started) == [a, b]  # new feeds at once; then not due for 10 min
        assert polls.threads == {threading.get_ident()}
        assert sched.jobs() == ["beat", TICKER_ID]  # one job for all feeds, not one each
        assert sched.in_flight() == []
    finally:
        sched.shutdown()


async def test_a_feed_in_flight_is_not_started_again(db):
    a = repo.add_feed(db, "https://a.example/rss")
    gate = asyncio.Event()
    polls = Polls(db, gate=gate)
    sched = make(db, polls, tick_s=0.1)
    sched.start()
    try:
        await asyncio.sleep(0.5)  # ~5 ticks while the poll hangs and the feed is still due
        assert sched.reconcile() == 0
        assert polls.started == [a] and sched.in_flight() == [a]
        gate.set()
        await until(lambda: polls.finished == [a])
        await asyncio.sleep(0.3)
        assert polls.started == [a]  # done, and next_poll_at now in the future
    finally:
        sched.shutdown()


async def test_in_flight_bound_is_respected_and_every_due_feed_gets_its_turn(db):
    ids = [repo.add_feed(db, f"https://f{i}.example/rss") for i in range(25)]
    gate = asyncio.Event()
    polls = Polls(db, gate=gate)
    sched = make(db, polls, max_in_flight=4, tick_s=60)  # only the first tick, then refills
    sched.start()
    try:
        await asyncio.sleep(0.1)
        assert len(polls.started) == 4 and polls.running == 4
        assert sched.reconcile() == 0  # full: nothing more starts
        gate.set()
        # A tick that stopped at the bound refills as polls end, without waiting 60 s.
        await until(lambda: sorted(polls.finished) == ids)
        assert polls.peak <= 4
        assert sorted(polls.started) == ids  # each exactly once
    finally:
        sched.shutdown()


async def test_due_order_paused_and_future_feeds(db):
    now = utcnow()
    overdue = repo.add_feed(db, "https://overdue.example/rss")
    later = repo.add_feed(db, "https://later.example/rss")
    paused = repo.add_feed(db, "https://paused.example/rss")
    fresh = repo.add_feed(db, "https://fresh.example/rss")
    repo.record_poll_success(
        db, overdue, now=now, next_poll_at=now - timedelta(minutes=3), status="ok"
    )
    repo.record_poll_success(db, later, now=now, next_poll_at=now + timedelta(hours=1), status="ok")
    repo.set_feed_enabled(db, paused, False)
    # Never polled first, then the longest overdue; limit and exclude apply in SQL.
    assert [f["id"] for f in repo.due_feeds(db, now)] == [fresh, overdue]
    assert [f["id"] for f in repo.due_feeds(db, now, limit=1)] == [fresh]
    assert [f["id"] for f in repo.due_feeds(db, now, exclude={fresh})] == [overdue]
    assert [f["id"] for f in repo.due_feeds(db, now + timedelta(hours=2))] == [
        fresh,
        overdue,
        later,
    ]

    polls = Polls(db)
    sched = make(db, polls, tick_s=0.1)
    sched.start()
    try:
        await asyncio.sleep(0.4)
        assert sorted(polls.started) == sorted([fresh, overdue])
        # Backoff / Retry-After ran out: the feed is due and the next tick takes it.
        repo.record_poll_success(
            db, later, now=now, next_poll_at=utcnow() - timedelta(seconds=1), status="ok"
        )
        await until(lambda: later in polls.started, timeout=2)
        assert paused not in polls.started
    finally:
        sched.shutdown()


async def test_the_due_query_uses_the_index_at_every_tick(db):
    plan = " ".join(
        row[3]
        for row in db.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM feeds WHERE enabled = 1 AND next_poll_at IS NULL"
            " UNION ALL SELECT * FROM feeds WHERE enabled = 1 AND next_poll_at <= '2025'"
            " ORDER BY next_poll_at, id LIMIT 10"
        )
    )
    assert "feeds_due (enabled=? AND next_poll_at=?)" in plan
    assert "feeds_due (enabled=? AND next_poll_at<?)" in plan
    assert "TEMP B-TREE" not in plan and "SCAN feeds" not in plan


async def test_a_new_feed_is_polled_on_reconcile_not_at_the_next_tick(db):
    polls = Polls(db)
    sched = make(db, polls, tick_s=3600)  # the ticker would not come round in this test
    sched.start()
    try:
        await asyncio.sleep(0.05)
        assert polls.started == []
        new = repo.add_feed(db, "https://new.example/rss")  # what /addfeed does, then:
        assert sched.reconcile() == 1
        await until(lambda: polls.finished == [new], timeout=1)
        resumed = repo.add_feed(db, "https://resumed.example/rss")
        repo.set_feed_enabled(db, resumed, False)
        assert sched.reconcile() == 0
        repo.set_feed_enabled(db, resumed, True)  # /resumefeed clears next_poll_at
        assert sched.reconcile() == 1
        await until(lambda: resumed in polls.finished, timeout=1)
    finally:
        sched.shutdown()


async def test_a_poll_that_raises_rests_for_its_interval_and_others_go_on(db, caplog):
    bad = repo.add_feed(db, "https://bad.example/rss", interval_min=5)
    good = repo.add_feed(db, "https://good.example/rss")
    polls = Polls(db)
    polls.raise_for.add(bad)
    sched = make(db, polls, tick_s=0.1)
    sched.start()
    try:
        await asyncio.sleep(0.6)  # next_poll_at of `bad` never moved: still due every tick
        assert polls.started.count(bad) == 1  # not hammered every tick
        assert good in polls.finished
        assert any("raised" in r.getMessage() for r in caplog.records)
    finally:
        sched.shutdown()


async def test_shutdown_starts_nothing_more_and_drain_waits_then_cancels(db):
    a = repo.add_feed(db, "https://a.example/rss")
    gate = asyncio.Event()
    polls = Polls(db, gate=gate)
    sched = make(db, polls, tick_s=0.1)
    sched.start()
    await asyncio.sleep(0.05)
    assert sched.in_flight() == [a]
    sched.shutdown()
    b = repo.add_feed(db, "https://b.example/rss")
    assert sched.reconcile() == 0
    asyncio.get_running_loop().call_later(0.2, gate.set)
    assert await sched.drain(timeout=5) == 0  # the poll in flight finished its work
    assert polls.finished == [a] and b not in polls.started
    assert sched.jobs() == []

    # A poll that does not end within the timeout is cancelled; nothing of it was written.
    stuck_db = open_db()
    try:
        c = repo.add_feed(stuck_db, "https://c.example/rss")
        stuck = Polls(stuck_db, gate=asyncio.Event())
        sched2 = make(stuck_db, stuck, tick_s=0.1)
        sched2.start()
        await asyncio.sleep(0.05)
        sched2.shutdown()
        assert await sched2.drain(timeout=0.1) == 1
        assert sched2.in_flight() == []
        assert repo.get_feed(stuck_db, c)["next_poll_at"] is None  # polled after a restart
    finally:
        stuck_db.close()
