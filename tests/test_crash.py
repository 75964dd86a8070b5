"""Process faults: `kill -9` at random points of poll-and-send cycles, repeated.

Afterwards every alert that was due is delivered and the database is intact. An alert
is posted again only when a kill lands in the instant between Telegram accepting it and
the database recording that; the Bot API has no idempotency key, so that window cannot
be closed, only kept short: each such kill can repeat one alert once (the documented
at-most-once-more-per-crash guarantee), and the test counts it.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from storage import repo
from storage.db import open_db
from tests.botapi.standin import DEFAULT_CHANNEL_ID
from tests.test_e2e_telegram import env_for, pardon_item
from tests.test_pipeline import rss

ROOT = Path(__file__).resolve().parent.parent
KILLS = int(os.environ.get("RELEASEWATCH_TEST_KILLS", "30"))


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_kill_9_at_random_points_loses_nothing(feed_server, telegram_standin, tmp_path):
    tg = telegram_standin
    tg.slow(0.02, methods={"sendMessage"})  # sends take a moment: kills land mid-send too
    db_path = str(tmp_path / "crash.db")
    db = open_db(db_path)
    feeds = [f"/f{i}.xml" for i in range(4)]
    for path in feeds:
        feed_server.set(path, body=rss([], title=path))
        repo.add_feed(db, feed_server.url(path), backfill_hours=-1)
    db.close()
    env = env_for(tg, db_path)
    rng = random.Random(1234)
    items: dict[str, list] = {path: [] for path in feeds}
    n = 0
    killed = 0
    for _round in range(KILLS):
        for _ in range(2):  # two new events appear on random feeds each round
            path = rng.choice(feeds)
            items[path].append(pardon_item(n))
            feed_server.set(path, body=rss(items[path], title=path))
            n += 1
        proc = subprocess.Popen(
            [sys.executable, "bot.py", "once"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 2.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait(timeout=30)
    # Recovery: one clean cycle delivers whatever was left.
    final = subprocess.run(
        [sys.executable, "bot.py", "once"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )  # 20 posts/min/channel
    assert final.returncode == 0, final.stderr[-2000:]
    assert killed >= KILLS // 3, f"only {killed} of {KILLS} runs were killed mid-cycle"

    posts = Counter(p.text.splitlines()[0] for p in tg.posts(DEFAULT_CHANNEL_ID))
    expected = {
        f"{c}: {11 + i * 7} prisoners pardoned"
        for i, c in (
            (
                i,
                [
                    "Belarus",
                    "Azerbaijan",
                    "Nicaragua",
                    "Venezuela",
                    "Cuba",
                    "Iran",
                    "Egypt",
                    "Myanmar",
                ][i % 8],
            )
            for i in range(n)
        )
    }
    delivered = {h.split(" · ")[0].removeprefix("🔓 ") for h in posts}
    assert expected <= delivered, sorted(expected - delivered)[:5]
    repeats = sum(c - 1 for c in posts.values())
    # Only a kill inside a send can repeat an alert, once per kill.
    assert repeats <= killed, posts.most_common(3)
    print(f"kills={killed} alerts={n} repeated_posts={repeats}")

    db = open_db(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    statuses = Counter(r["status"] for r in db.query("SELECT status FROM alerts"))
    assert set(statuses) == {"sent"}, statuses
    db.close()
