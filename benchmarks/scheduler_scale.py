"""The daemon's own scheduling cost at N feeds: one APScheduler job per feed.

    python benchmarks/scheduler_scale.py [--n 10000] [--json]

``poll_scale.py`` measures ``poll_all`` (fetch, parse, store, rules). ``bot.py run``
also keeps one job per feed in APScheduler and reconciles the jobs with the database
every 15 s. This measures that overhead alone, with the real ``FeedScheduler`` and the
real reconcile query over an N-feed SQLite database, and a poll that does nothing:
start-up (N jobs added), the first round (every feed is due at start, so they fire
together), the steady state (the second round, one minute later, spread by the 30 s
jitter as in production: the scheduler wakes for nearly every job), one reconcile, and the
memory the jobs hold. ``--quick`` stops after the first round.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def measure(n: int, steady: bool = True) -> dict[str, Any]:
    from storage import repo
    from storage.db import open_db
    from watchers.schedule import FeedScheduler

    with tempfile.TemporaryDirectory(prefix="rw-sched-") as tmp:
        db = open_db(str(Path(tmp) / "s.db"))
        with db.atomic():
            for i in range(n):
                repo.add_feed(db, f"https://site{i}.example/feed.xml", interval_min=1)
        done = asyncio.Event()
        second = asyncio.Event()
        calls = 0

        async def poll(feed_id: int) -> None:
            nonlocal calls
            calls += 1
            if calls >= n:
                done.set()
            if calls >= 2 * n:
                second.set()

        async def run() -> dict[str, Any]:
            rss0 = _rss_mb()
            c0 = time.process_time()
            sched = FeedScheduler(lambda: repo.feed_schedule(db), poll)
            sched.start()
            c1 = time.process_time()
            t1 = time.perf_counter()
            await asyncio.wait_for(done.wait(), timeout=600)
            c2 = time.process_time()
            t2 = time.perf_counter()
            sched.reconcile()
            c3 = time.process_time()
            row: dict[str, Any] = {}
            if steady:
                await asyncio.wait_for(second.wait(), timeout=600)
                c4 = time.process_time()
                row = {
                    "steady_round_cpu_s": round(c4 - c3, 2),
                    "steady_cpu_ms_per_job_run": round((c4 - c3) / n * 1000, 3),
                }
            sched.shutdown()
            return {
                "n": n,
                "start_cpu_s": round(c1 - c0, 2),
                "round_wall_s": round(t2 - t1, 2),
                "round_cpu_s": round(c2 - c1, 2),
                "cpu_ms_per_job_run": round((c2 - c1) / n * 1000, 3),
                "reconcile_cpu_ms": round((c3 - c2) * 1000, 1),
                **row,
                "rss_growth_mb": round(_rss_mb() - rss0, 1),
            }

        try:
            return asyncio.run(run())
        finally:
            db.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="feed count")
    ap.add_argument("--quick", action="store_true", help="first round only (no 90 s wait)")
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
