"""Faults survived: misbehaving feeds, a full or read-only database.

Each feed fault ends with a clear status on the feed, the backoff applied, and the good
feed next to it alerting as usual.
"""

from __future__ import annotations

import io
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from releasewatch.app import context, run_once
from releasewatch.errors import StorageError
from releasewatch.notify import ConsoleNotifier
from releasewatch.pipeline import poll_all
from releasewatch.settings import load_settings
from storage import repo
from storage.db import open_db
from tests.test_pipeline import PARDON, SANCTIONS, rss

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
NOW = datetime.now(UTC)


def closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


# (path, how to set it up, expected words in last_error)
FAULTS = [
    ("/404.xml", lambda fs: fs.fault("/404.xml", "status", status=404), "404"),
    ("/500.xml", lambda fs: fs.fault("/500.xml", "status", status=500), "500"),
    (
        "/503.xml",
        lambda fs: fs.fault("/503.xml", "status", status=503, headers={"Retry-After": "120"}),
        "503",
    ),
    ("/hang.xml", lambda fs: fs.fault("/hang.xml", "hang"), "timed out"),
    ("/drip.xml", lambda fs: fs.fault("/drip.xml", "trickle", interval=1.0), "timed out"),
    ("/big.xml", lambda fs: fs.fault("/big.xml", "huge"), "larger"),
    ("/bomb.xml", lambda fs: fs.fault("/bomb.xml", "gzip_bomb"), "larger"),
    (
        "/loop-a.xml",
        lambda fs: (
            fs.fault("/loop-a.xml", "redirect", to="/loop-b.xml"),
            fs.fault("/loop-b.xml", "redirect", to="/loop-a.xml"),
        ),
        "redirect",
    ),
    ("/page.html", lambda fs: fs.fault("/page.html", "html"), "not a readable feed"),
    ("/empty.xml", lambda fs: fs.fault("/empty.xml", "empty"), "not a readable feed"),
    ("/close.xml", lambda fs: fs.fault("/close.xml", "close"), ""),
    (
        "/garbage.xml",
        lambda fs: fs.set("/garbage.xml", body=b"\x00\x01<<<not xml at all"),
        "not a readable feed",
    ),
]


async def test_every_feed_fault_is_contained(feed_server, tmp_path):
    settings = load_settings(
        env={"RELEASEWATCH_FETCH_TIMEOUT": "4", "RELEASEWATCH_MAX_BODY_MB": "5"},
        db_path=str(tmp_path / "f.db"),
    )
    db = open_db(settings.db_path)
    ids = {}
    for path, setup, _ in FAULTS:
        setup(feed_server)
        ids[path] = repo.add_feed(db, feed_server.url(path), backfill_hours=-1)
    ids["refused"] = repo.add_feed(
        db, f"http://127.0.0.1:{closed_port()}/feed.xml", backfill_hours=-1
    )
    ids["dns"] = repo.add_feed(db, "http://no-such-host.invalid/feed.xml", backfill_hours=-1)
    # Wrong declared encoding and ill-formed XML still parse (feedparser's recovery).
    feed_server.fault("/enc.xml", "wrong_encoding")
    ids["/enc.xml"] = repo.add_feed(db, feed_server.url("/enc.xml"), backfill_hours=-1)
    illformed = FIXTURES / "feedparser/illformed/rss_item_link_corrupted_ampersands.xml"
    if illformed.exists():
        feed_server.set("/ill.xml", body=illformed.read_bytes())
        ids["/ill.xml"] = repo.add_feed(db, feed_server.url("/ill.xml"), backfill_hours=-1)
    feed_server.set("/good.xml", body=rss([("g1", *PARDON, NOW)]))
    good = repo.add_feed(db, feed_server.url("/good.xml"), backfill_hours=-1)
    db.close()

    out = io.StringIO()
    created = await run_once(settings, console_stream=out)
    assert len(created) == 1 and "25 prisoners pardoned" in out.getvalue()

    db = open_db(settings.db_path)
    rows = {r["id"]: r for r in repo.list_feeds(db)}
    assert rows[good]["last_status"] == "ok"
    expected = {ids[p]: words for p, _, words in FAULTS}
    expected[ids["refused"]] = "refused"
    expected[ids["dns"]] = "DNS"
    for fid, words in expected.items():
        row = rows[fid]
        assert row["last_status"] == "error", (row["url"], row["last_status"])
        assert words.lower() in (row["last_error"] or "").lower(), (row["url"], row["last_error"])
        assert row["consecutive_failures"] == 1 and row["enabled"] == 1
        # Backoff: not before the interval; Retry-After respected as a floor.
        assert datetime.fromisoformat(row["next_poll_at"]) >= NOW + timedelta(minutes=9)
    assert rows[ids["/enc.xml"]]["last_status"] == "ok"
    if "/ill.xml" in ids:
        assert rows[ids["/ill.xml"]]["last_status"] == "ok"


async def test_full_or_read_only_database_fails_clearly_and_recovers(feed_server, tmp_path):
    settings = load_settings(env={}, db_path=str(tmp_path / "full.db"))
    db = open_db(settings.db_path)
    fid = repo.add_feed(db, feed_server.url("/f.xml"), backfill_hours=-1)
    db.close()
    padding = " Background paragraph." * 2000  # enough to need new pages
    feed_server.set(
        "/f.xml",
        body=rss(
            [
                ("a1", PARDON[0], PARDON[1] + padding, NOW),
                ("a2", SANCTIONS[0], SANCTIONS[1] + padding, NOW),
            ]
        ),
    )

    async with context(settings, notifier=ConsoleNotifier(io.StringIO())) as ctx:
        pages = ctx.db.execute("PRAGMA page_count").fetchone()[0]
        ctx.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full now
        [outcome] = await poll_all(ctx, repo.list_feeds(ctx.db))
        assert outcome.status == "error" and "full" in outcome.error
        assert (
            ctx.db.execute("SELECT count(*) FROM items").fetchone()[0] == 0
        )  # nothing half-written
        assert ctx.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

        ctx.db.execute("PRAGMA max_page_count = 1073741823")  # space returns
        ctx.db.execute("PRAGMA query_only = ON")  # ... but now the database is read-only
        [outcome] = await poll_all(ctx, repo.list_feeds(ctx.db))
        assert "readonly" in outcome.error.replace("-", "").replace(" ", "")
        ctx.db.execute("PRAGMA query_only = OFF")

    # Recovery: the next cycle stores and alerts everything, once.
    out = io.StringIO()
    assert len(await run_once(settings, console_stream=out)) == 2
    db = open_db(settings.db_path)
    assert repo.get_feed(db, fid)["last_status"] == "ok"


async def test_once_reports_a_storage_failure(feed_server, tmp_path, monkeypatch):
    settings = load_settings(env={}, db_path=str(tmp_path / "ro.db"))
    db = open_db(settings.db_path)
    repo.add_feed(db, feed_server.url("/f.xml"), backfill_hours=-1)
    db.close()
    feed_server.set("/f.xml", body=rss([("a1", *PARDON, NOW)]))
    import storage.repo as repo_mod

    def full(*args, **kwargs):
        import sqlite3

        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(repo_mod, "store_new_items", full)
    with pytest.raises(StorageError, match="disk is full"):
        await run_once(settings, console_stream=io.StringIO())
