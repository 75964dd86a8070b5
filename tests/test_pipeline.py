"""Feeds to alerts end to end: a real HTTP server, real SQLite, the real rules engine."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from releasewatch.app import run_once
from releasewatch.settings import load_settings
from storage import repo
from storage.db import open_db

ROOT = Path(__file__).resolve().parent.parent

PARDON = (
    "Lukashenko pardons 25 political prisoners",
    "Belarusian leader Alexander Lukashenko pardoned 25 people convicted of 'extremist' crimes, "
    "his press service said on Tuesday.",
)
SANCTIONS = (
    "EU lifts sanctions on Belarusian airline",
    "The European Union on Monday lifted sanctions on the Belarusian state airline.",
)
NOISE = (
    "Apple releases iOS 19 with 40 new features",
    "Apple has released iOS 19 for iPhone users.",
)


def rss(
    items: list[tuple[str, str, str, datetime]], title: str = "Test Wire", lang: str = "en"
) -> bytes:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>https://news.example/{g}?utm_source=x</link>"
        f"<guid isPermaLink='false'>{g}</guid><pubDate>{format_datetime(p)}</pubDate>"
        f"<description>{escape(s)}</description></item>"
        for g, t, s, p in items
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}"
        f"</title><link>https://news.example/</link><language>{lang}</language>{body}"
        "</channel></rss>"
    ).encode()


NOW = datetime.now(UTC)


@pytest.fixture
def settings(tmp_path):
    return load_settings(env={"RELEASEWATCH_FETCH_TIMEOUT": "3"}, db_path=str(tmp_path / "rw.db"))


def add(settings, url, **kw):
    db = open_db(settings.db_path)
    kw.setdefault("backfill_hours", -1)
    fid = repo.add_feed(db, url, **kw)
    db.close()
    return fid


def feed_row(settings, fid):
    db = open_db(settings.db_path)
    try:
        return repo.get_feed(db, fid)
    finally:
        db.close()


async def test_alert_then_conditional_get_alerts_nothing(feed_server, settings):
    feed_server.set(
        "/f.xml",
        body=rss([("a1", *PARDON, NOW), ("a2", *NOISE, NOW)]),
        etag='"v1"',
        last_modified="Wed, 01 May 2024 10:00:00 GMT",
    )
    add(settings, feed_server.url("/f.xml"))
    out = io.StringIO()
    created = await run_once(settings, console_stream=out)
    assert len(created) == 1, out.getvalue()
    assert "25 prisoners pardoned" in out.getvalue()
    assert "https://news.example/a1" in out.getvalue()  # tracking parameter dropped

    out2 = io.StringIO()
    assert await run_once(settings, console_stream=out2) == []
    assert out2.getvalue() == ""
    assert feed_server.hits("/f.xml") == 2
    last = feed_server.requests("/f.xml")[-1]
    assert last.headers.get("if-none-match") == '"v1"'
    assert feed_row(settings, 1)["last_status"] == "304"


async def test_unchanged_body_without_validators_is_not_parsed_again(feed_server, settings):
    feed_server.set("/f.xml", body=rss([("a1", *PARDON, NOW)]))
    add(settings, feed_server.url("/f.xml"))
    assert len(await run_once(settings, console_stream=io.StringIO())) == 1
    assert await run_once(settings, console_stream=io.StringIO()) == []
    assert feed_row(settings, 1)["last_status"] == "unchanged"
    # A new item in a changed body alerts; the old one does not again.
    feed_server.set("/f.xml", body=rss([("a3", *SANCTIONS, NOW), ("a1", *PARDON, NOW)]))
    out = io.StringIO()
    assert len(await run_once(settings, console_stream=out)) == 1
    assert "sanctions" in out.getvalue().lower() and "pardoned" not in out.getvalue()


async def test_baseline_alerts_only_recent_items(feed_server, settings):
    old = NOW - timedelta(days=5)
    feed_server.set("/f.xml", body=rss([("old", *PARDON, old), ("new", *SANCTIONS, NOW)]))
    add(settings, feed_server.url("/f.xml"), backfill_hours=24)
    out = io.StringIO()
    assert len(await run_once(settings, console_stream=out)) == 1
    assert "sanctions" in out.getvalue().lower() and "25 prisoners" not in out.getvalue()
    db = open_db(settings.db_path)
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 2  # both stored
    db.close()


async def test_same_article_through_two_feeds_alerts_once(feed_server, settings):
    feed_server.set("/a.xml", body=rss([("x1", *PARDON, NOW)], title="Wire A"))
    feed_server.set("/b.xml", body=rss([("other-guid", *PARDON, NOW)], title="Wire B"))
    add(settings, feed_server.url("/a.xml"))
    add(settings, feed_server.url("/b.xml"))
    assert len(await run_once(settings, console_stream=io.StringIO())) == 1


async def test_failing_feeds_do_not_stop_the_others(feed_server, settings):
    feed_server.set("/good.xml", body=rss([("g1", *PARDON, NOW)]))
    feed_server.fault("/500.xml", "status", status=500)
    feed_server.fault("/hang.xml", "hang")
    feed_server.fault("/big.xml", "huge")
    feed_server.fault("/page.html", "html")
    feed_server.fault("/retry.xml", "status", status=429, headers={"Retry-After": "3600"})
    ids = {
        p: add(settings, feed_server.url(p))
        for p in ("/500.xml", "/hang.xml", "/big.xml", "/page.html", "/retry.xml", "/good.xml")
    }
    created = await run_once(settings, console_stream=io.StringIO())
    assert len(created) == 1
    for path, fid in ids.items():
        row = feed_row(settings, fid)
        if path == "/good.xml":
            assert row["last_status"] == "ok" and row["consecutive_failures"] == 0
            continue
        assert row["last_status"] == "error" and row["consecutive_failures"] == 1, path
        assert row["last_error"], path
    assert "500" in feed_row(settings, ids["/500.xml"])["last_error"]
    assert "not a readable feed" in feed_row(settings, ids["/page.html"])["last_error"]
    # Retry-After is a floor for the next poll.
    nxt = datetime.fromisoformat(feed_row(settings, ids["/retry.xml"])["next_poll_at"])
    assert nxt >= NOW + timedelta(minutes=59)


async def test_permanent_redirect_updates_url_and_410_disables(feed_server, settings):
    feed_server.set("/new.xml", body=rss([("r1", *PARDON, NOW)]))
    feed_server.fault("/old.xml", "redirect", to="/new.xml", status=301)
    feed_server.fault("/gone.xml", "status", status=410)
    moved = add(settings, feed_server.url("/old.xml"))
    gone = add(settings, feed_server.url("/gone.xml"))
    await run_once(settings, console_stream=io.StringIO())
    assert feed_row(settings, moved)["url"] == feed_server.url("/new.xml")
    row = feed_row(settings, gone)
    assert row["enabled"] == 0 and row["disabled_reason"] == "410 Gone"
    # A disabled feed is not polled again.
    hits = feed_server.hits("/gone.xml")
    await run_once(settings, console_stream=io.StringIO())
    assert feed_server.hits("/gone.xml") == hits


def _cli(*args: str, db: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "bot.py", "--db", db, *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_once_json_contract_and_restart_dedupe(feed_server, tmp_path):
    feed_server.set("/f.xml", body=rss([("a1", *PARDON, NOW), ("a2", *SANCTIONS, NOW)]))
    db = str(tmp_path / "x.db")
    r = _cli("feeds", "add", feed_server.url("/f.xml"), "--backfill", "all", db=db)
    assert r.returncode == 0, r.stderr
    assert "Test Wire, 2 items" in r.stdout
    first = _cli("once", "--json", db=db)
    assert first.returncode == 0, first.stderr
    lines = [json.loads(line) for line in first.stdout.splitlines()]
    assert len(lines) == 2
    for line in lines:
        assert set(line) >= {"alert_id", "kinds", "text", "links", "events"}
        assert line["links"] and line["links"][0].startswith("https://news.example/")
    assert {k for line in lines for k in line["kinds"]} == {"pardon", "sanctions"}
    # New process, same database, same feed (no validators: body hash) -> nothing new.
    second = _cli("once", "--json", db=db)
    assert second.returncode == 0 and second.stdout == ""
    # Even when the body changes but holds the same items.
    feed_server.set("/f.xml", body=rss([("a2", *SANCTIONS, NOW), ("a1", *PARDON, NOW)]))
    third = _cli("once", "--json", db=db)
    assert third.returncode == 0 and third.stdout == ""


def test_opml_import_adds_every_feed_once(tmp_path):
    opml = ROOT / "tests/fixtures/feeds/real/opml_netnewswire-subs_nested-folders.opml"
    db = str(tmp_path / "x.db")
    r = _cli("feeds", "import", str(opml), db=db)
    assert r.returncode == 0, r.stderr
    added = int(r.stdout.split()[1])
    assert added > 5
    again = _cli("feeds", "import", str(opml), db=db)
    assert again.stdout.startswith("imported 0 feeds")
    listed = _cli("feeds", "list", "--json", db=db).stdout.splitlines()
    urls = [json.loads(line)["url"] for line in listed]
    assert len(urls) == added == len(set(urls))


def test_demo_prints_the_seed_story():
    r = subprocess.run(
        [sys.executable, "bot.py", "demo"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "🔓 Belarus: 25 prisoners pardoned · 16 Sep 2025" in out
    seed = out[out.index("🔓 Belarus: 25 prisoners pardoned · 16 Sep 2025") :].split("── alert")[0]
    assert "52" in seed and "Belavia" in seed and "1,300" in seed
    assert "https://en.news.example/articles/seed-en" in seed
    # Hard negatives of the corpus never alert.
    for negative in ("Firefox 133", "Pardon the Interruption", "Peach and Blossom", "Astra Linux"):
        assert negative not in out


def test_match_contract():
    items = [
        {"id": "1", "title": PARDON[0], "summary": PARDON[1], "lang": "en"},
        {"id": "2", "title": NOISE[0], "summary": NOISE[1]},
    ]
    r = subprocess.run(
        [sys.executable, "bot.py", "match"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input="\n".join(json.dumps(i) for i in items),
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["1", "2"]
    assert out[0]["events"][0]["kind"] == "pardon" and out[0]["events"][0]["count"] == 25
    assert "direction" in out[0]["events"][0]
    assert out[1]["events"] == []
    bad = subprocess.run(
        [sys.executable, "bot.py", "match"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input="{not json\n",
        timeout=120,
    )
    assert bad.returncode == 2 and "line 1" in bad.stderr
