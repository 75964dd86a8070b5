"""End to end through Telegram's HTTP API (the local stand-in), with the real PTB client.

* `bot.py run` as a subprocess: an item on the feed server becomes a channel post.
* A 429 storm and a two-minute outage of the Bot API lose nothing and double nothing.
* One post per event, edited as sources arrive in other languages, then a threaded
  follow-up for a new figure.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from releasewatch.app import run_once
from releasewatch.settings import load_settings
from storage import repo
from storage.db import open_db
from tests.botapi.standin import DEFAULT_CHANNEL_ID, DEFAULT_TOKEN
from tests.test_grouping_e2e import EN, IT, RU
from tests.test_pipeline import rss

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime.now(UTC)
CHANNEL = "@releasewatch_test"
ADMIN = 4242

COUNTRIES = ["Belarus", "Azerbaijan", "Nicaragua", "Venezuela", "Cuba", "Iran", "Egypt", "Myanmar"]


def pardon_item(i: int) -> tuple[str, str, str, datetime]:
    n = 11 + i * 7
    country = COUNTRIES[i % len(COUNTRIES)]
    return (
        f"p{i}",
        f"{country} pardons {n} political prisoners",
        f"The president of {country} pardoned {n} people jailed for political reasons, "
        "officials said on Tuesday.",
        NOW,
    )


def env_for(tg, db: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN,
            "TELEGRAM_CHAT_ID": CHANNEL,
            "TELEGRAM_ADMIN_IDS": str(ADMIN),
            "TELEGRAM_API_BASE": tg.url,
            "RELEASEWATCH_DB": db,
            "RELEASEWATCH_HOLD_SECONDS": "0",
            "RELEASEWATCH_LOG_LEVEL": "INFO",
        }
    )
    env.update(extra)
    return env


def start_daemon(env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    log = log_path.open("wb")
    return subprocess.Popen(
        [sys.executable, "bot.py", "run"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )


def stop_daemon(proc: subprocess.Popen[bytes]) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        return -9


def channel_texts(tg) -> list[str]:
    return [p.text or "" for p in tg.posts(DEFAULT_CHANNEL_ID)]


def add_feed(db: str, url: str) -> None:
    d = open_db(db)
    repo.add_feed(d, url, backfill_hours=-1, interval_min=1)
    d.close()


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.slow
def test_feed_item_to_channel_post_through_bot_py_run(feed_server, telegram_standin, tmp_path):
    tg = telegram_standin
    tg.add_user(ADMIN, "Admin")
    db = str(tmp_path / "e2e.db")
    feed_server.set("/f.xml", body=rss([pardon_item(0)], title="Wire"))
    add_feed(db, feed_server.url("/f.xml"))
    proc = start_daemon(env_for(tg, db), tmp_path / "daemon.log")
    try:
        wait_for(lambda: len(channel_texts(tg)) >= 1, 60, "the channel post")
        post = tg.posts(DEFAULT_CHANNEL_ID)[0]
        assert "Belarus: 11 prisoners pardoned" in post.text
        assert post.parse_mode == "HTML"
        assert (post.link_preview_options or {}).get("is_disabled") is True
        # The health check sees the daemon's heartbeat.
        health = subprocess.run(
            [sys.executable, "bot.py", "--db", db, "health"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert health.returncode == 0, health.stdout
        # An admin command works against the running daemon.
        tg.inject_command("/status", user_id=ADMIN)
        wait_for(
            lambda: any("feeds" in (p.text or "").lower() for p in tg.posts(ADMIN)),
            30,
            "the /status reply",
        )
    finally:
        assert stop_daemon(proc) == 0, (tmp_path / "daemon.log").read_text()
    log_text = (tmp_path / "daemon.log").read_text()
    assert DEFAULT_TOKEN not in log_text and DEFAULT_TOKEN.split(":")[1] not in log_text


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_429_storm_and_ten_minute_outage_lose_nothing_and_double_nothing(
    feed_server, telegram_standin, tmp_path
):
    tg = telegram_standin
    db = str(tmp_path / "storm.db")
    first = [pardon_item(i) for i in range(5)]
    feed_server.set("/f.xml", body=rss(first, title="Wire"))
    add_feed(db, feed_server.url("/f.xml"))
    tg.fail_next(12, status=429, retry_after=1, methods={"sendMessage"})
    proc = start_daemon(env_for(tg, db), tmp_path / "daemon.log")
    try:
        wait_for(lambda: len(channel_texts(tg)) >= 5, 120, "5 posts through the 429 storm")
        # Issue #6: Telegram unreachable (connection refused) for ten minutes. `make test`
        # runs the test files in parallel workers, so this costs no extra CI time;
        # RELEASEWATCH_TEST_OUTAGE_S shortens it when iterating locally.
        outage = float(os.environ.get("RELEASEWATCH_TEST_OUTAGE_S", "600"))
        tg.down()
        more = [pardon_item(i) for i in range(5, 8)]
        feed_server.set("/f.xml", body=rss(first + more, title="Wire"))
        time.sleep(outage)  # the daemon polls (every minute) and cannot deliver
        tg.up()
        wait_for(lambda: len(channel_texts(tg)) >= 8, 240, "8 posts after the outage")
        time.sleep(3)  # anything doubled would arrive now
    finally:
        assert stop_daemon(proc) == 0, (tmp_path / "daemon.log").read_text()[-3000:]
    texts = channel_texts(tg)
    headlines = Counter(t.splitlines()[0] for t in texts)
    assert len(headlines) == 8 and set(headlines.values()) == {1}, headlines
    d = open_db(db)
    statuses = Counter(r["status"] for r in d.query("SELECT status FROM alerts"))
    assert statuses == {"sent": 8}
    assert d.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_one_post_edited_as_sources_arrive_then_threaded_follow_up(
    feed_server, telegram_standin, tmp_path
):
    tg = telegram_standin
    settings = load_settings(
        env={
            "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN,
            "TELEGRAM_CHAT_ID": CHANNEL,
            "TELEGRAM_API_BASE": tg.url,
        },
        db_path=str(tmp_path / "g.db"),
    )
    db = settings.db_path
    feed_server.set("/en.xml", body=rss([("en1", *EN, NOW)], title="Wire EN"))
    add_feed(db, feed_server.url("/en.xml"))
    await run_once(settings)
    posts = tg.posts(DEFAULT_CHANNEL_ID)
    assert len(posts) == 1 and "25 prisoners pardoned" in posts[0].text

    for lang, item in (("it", IT), ("ru", RU), ("de", None)):
        if item is None:  # a third outlet: the English story again under another guid
            feed_server.set(
                "/de.xml", body=rss([("de1", EN[0] + " (wire)", EN[1], NOW)], title="Agentur DE")
            )
            add_feed(db, feed_server.url("/de.xml"))
        else:
            feed_server.set(
                f"/{lang}.xml",
                body=rss([(f"{lang}1", *item, NOW)], title=f"Wire {lang}", lang=lang),
            )
            add_feed(db, feed_server.url(f"/{lang}.xml"))
        await run_once(settings)

    posts = tg.posts(DEFAULT_CHANNEL_ID)
    assert len(posts) == 1, [p.text for p in posts]  # never posted again
    post = posts[0]
    assert len(post.edits) == 3  # one edit per new source
    for name in ("Wire EN", "Wire it", "Wire ru", "Agentur DE"):
        assert name in post.text

    # A revised figure for the same story: a new post, as a reply to the first.
    from tests.test_grouping_e2e import REVISED

    feed_server.set(
        "/en.xml", body=rss([("en2", *REVISED, NOW), ("en1", *EN, NOW)], title="Wire EN")
    )
    await run_once(settings)
    posts = tg.posts(DEFAULT_CHANNEL_ID)
    assert len(posts) == 2
    assert posts[1].reply_to == posts[0].message_id
    assert "1,177" in posts[1].text
