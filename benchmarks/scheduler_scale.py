"""The daemon's own scheduling cost at N feeds: one ticker job, due feeds from SQLite.

    python benchmarks/scheduler_scale.py [--n 10000] [--quick] [--json]

``poll_scale.py`` measures ``poll_all`` (fetch, parse, store, rules). ``bot.py run`` also
runs ``watchers.schedule.FeedScheduler``: every second one APScheduler job asks SQLite for
the enabled feeds that are due (``repo.due_feeds``) and starts their polls, at most 100 in
flight (2 x the default RELEASEWATCH_MAX_CONCURRENCY). This measures that overhead alone,
with the real scheduler and the real due query over an N-feed SQLite database (1-minute
interval), and a poll that does no network work: it only moves ``next_poll_at`` on, as
``pipeline.poll_feed`` does after a 304 (that write happens in production whatever the
scheduler; its cost alone is ``poll_write_cpu_ms``, included in the per-poll figures).

* start-up: ``start()`` (the ticker job, and the first tick),
* the first round: every feed is due at start and goes through the in-flight bound;
  a "job run" is one poll started,
* one reconcile (``reconcile()`` = a tick now) with nothing due,
* the idle cost per second (the ticker wakes, nothing is due),
* the steady state: ``next_poll_at`` spread evenly over the next minute, as polls spread
  in production, then the CPU per poll started until every feed was polled once more
  (at 10,000 feeds 167 polls/s: ten times the production rate of a 10-minute interval),
* an estimate of the CPU of one 10-minute cycle of N feeds (N polls + 600 idle seconds),
* the memory: RSS growth, and the most polls seen in flight.

``--quick`` stops after the first round and the reconcile. Before this scheduler (one
APScheduler job per feed, 10,000 feeds): start-up 0.83 CPU s, first round 0.067 ms per job
run, reconcile 21 ms (every 15 s), steady state 0.33–0.375 ms per job run (3.3–3.75 CPU s
per cycle), RSS growth 27.4 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MAX_IN_FLIGHT = 100
IDLE_S = 5.0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def measure(n: int, steady: bool = True) -> dict[str, Any]:
    from storage import repo
    from storage.db import open_db, utcnow
    from watchers.schedule import FeedScheduler

    with tempfile.TemporaryDirectory(prefix="rw-sched-") as tmp:
        db = open_db(str(Path(tmp) / "s.db"))
        with db.atomic():
            for i in range(n):
                repo.add_feed(db, f"https://site{i}.example/feed.xml", interval_min=1)
        # The write every poll makes, alone (on a spare feed, so it touches no state).
        spare = repo.add_feed(db, "https://spare.example/feed.xml", interval_min=1)
        repo.set_feed_enabled(db, spare, False)
        w0 = time.process_time()
        for _ in range(2000):
            now = utcnow()
            repo.record_poll_success(
                db, spare, now=now, next_poll_at=now + timedelta(minutes=1), status="304"
            )
        write_ms = (time.process_time() - w0) / 2000 * 1000

        calls = 0
        running = 0
        peak = 0
        target = n
        reached = asyncio.Event()

        async def poll(feed: dict[str, Any]) -> None:
            nonlocal calls, running, peak
            calls += 1
            running += 1
            peak = max(peak, running)
            try:
                await asyncio.sleep(0)  # a poll awaits at least once (the fetch)
                now = utcnow()
                repo.record_poll_success(
                    db,
                    feed["id"],
                    now=now,
                    next_poll_at=now + timedelta(minutes=feed["interval_min"]),
                    status="304",
                )
            finally:
                running -= 1
            if calls >= target:
                reached.set()

        def due(limit: int, exclude: Any) -> list[dict[str, Any]]:
            return repo.due_feeds(db, utcnow(), limit=limit, exclude=exclude)

        async def run() -> dict[str, Any]:
            nonlocal target
            rss0 = _rss_mb()
            c0 = time.process_time()
            sched = FeedScheduler(due, poll, max_in_flight=MAX_IN_FLIGHT)
            sched.start()
            c1 = time.process_time()
            t1 = time.perf_counter()
            await asyncio.wait_for(reached.wait(), timeout=600)
            c2 = time.process_time()
            t2 = time.perf_counter()
            started = sched.reconcile()  # nothing is due: every feed is a minute away
            c3 = time.process_time()
            assert started == 0, started
            row: dict[str, Any] = {}
            if steady:
                await asyncio.sleep(IDLE_S)
                c4 = time.process_time()
                idle_ms_per_s = (c4 - c3) / IDLE_S * 1000
                # Spread the next polls evenly over the coming minute (in SQL: a list of
                # N rows in Python would count in the RSS growth).
                db.execute(
                    "UPDATE feeds SET next_poll_at = strftime('%Y-%m-%dT%H:%M:%S', ?,"
                    " '+' || ((id - 1) * 60.0 / ?) || ' seconds') || '+00:00' WHERE id <= ?",
                    [utcnow().strftime("%Y-%m-%d %H:%M:%S"), n, n],
                )
                target = calls + n
                reached.clear()
                c5 = time.process_time()
                t5 = time.perf_counter()
                await asyncio.wait_for(reached.wait(), timeout=600)
                c6 = time.process_time()
                t6 = time.perf_counter()
                per_poll_ms = (c6 - c5) / n * 1000
                row = {
                    "idle_cpu_ms_per_s": round(idle_ms_per_s, 3),
                    "steady_round_wall_s": round(t6 - t5, 1),
                    "steady_round_cpu_s": round(c6 - c5, 2),
                    "steady_cpu_ms_per_job_run": round(per_poll_ms, 3),
                    "cycle_10min_cpu_s_est": round(
                        per_poll_ms * n / 1000 + idle_ms_per_s * (600 - (t6 - t5)) / 1000, 2
                    ),
                }
            sched.shutdown()
            await sched.drain(timeout=10)
            return {
                "n": n,
                "start_cpu_s": round(c1 - c0, 3),
                "round_wall_s": round(t2 - t1, 2),
                "round_cpu_s": round(c2 - c1, 2),
                "cpu_ms_per_job_run": round((c2 - c1) / n * 1000, 3),
                "reconcile_cpu_ms": round((c3 - c2) * 1000, 3),
                **row,
                "poll_write_cpu_ms": round(write_ms, 3),
                "max_in_flight_seen": peak,
                "rss_growth_mb": round(_rss_mb() - rss0, 1),
            }

        try:
            return asyncio.run(run())
        finally:
            db.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="feed count")
    ap.add_argument("--quick", action="store_true", help="first round only (no 65 s wait)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    row = measure(args.n, steady=not args.quick)
    if args.json:
        print(json.dumps(row))
        return 0
    print("| measure | value |\n|---|---:|")
    for key, value in row.items():
        print(f"| {key} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
