"""Admin commands end to end: a user types into the Bot API stand-in, the bot long-polls it.

An admin (42) and a stranger (77) chat with the bot; the tests assert the replies the
stand-in recorded and the SQLite database behind the bot.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from releasewatch import mute as M
from releasewatch.pipeline import Context
from releasewatch.settings import Settings, load_settings
from storage import repo
from storage.db import iso, open_db, utcnow
from tgbot.commands import COMMANDS, REFUSAL
from tgbot.notifier import TelegramNotifier
from watchers.fetch import Fetcher

try:
    from tests.botapi.standin import StandIn, run_standin
    from tests.feedserver import FeedServer
except ImportError:  # pragma: no cover - plain `pytest` with tests/ on sys.path
    from botapi.standin import StandIn, run_standin  # type: ignore[no-redef]
    from feedserver import FeedServer  # type: ignore[no-redef]

ADMIN = 42
STRANGER = 77
GROUP = -100555
CHANNEL = "@releasewatch_test"
REAL = Path(__file__).parent / "fixtures" / "feeds" / "real"
BBC = (REAL / "en_bbc-news_front-page_rss2.xml").read_bytes()  # 27 items

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>subs</title></head><body>
<outline text="News"><outline text="One &amp; Co" type="rss" xmlUrl="https://one.example.com/rss"/>
<outline text="Two" type="rss" xmlUrl="https://two.example.com/atom.xml"/></outline>
<outline text="Bad" type="rss" xmlUrl="ftp://three.example.com/feed"/>
</body></opml>
"""


@dataclass
class FakeScheduler:
    reconciled: int = 0

    def reconcile(self) -> None:
        self.reconciled += 1


@dataclass
class Harness:
    tg: StandIn
    ctx: Context
    scheduler: FakeScheduler = field(default_factory=FakeScheduler)

    @property
    def db(self) -> Any:
        return self.ctx.db

    async def ask(self, text: str, user: int = ADMIN, chat: int | None = None, **kw: Any) -> str:
        """Send a message as ``user``; return the text of the bot's (first) reply."""
        where = chat if chat is not None else user
        before = len(self.tg.posts(where))
        self.tg.inject_message(text, user_id=user, chat_id=chat, **kw)
        posts = await self.tg.async_wait_for_posts(where, before + 1, timeout=15)
        return posts[before].content or ""

    async def ignored(self, inject: Any, user: int = ADMIN) -> None:
        """Run ``inject()``, then /help: the only reply must be /help's (updates are serial)."""
        before = len(self.tg.posts(user))
        inject()
        reply = await self.ask("/help", user)
        assert reply.startswith("releasewatch")
        assert len(self.tg.posts(user)) == before + 1

    def audit(self, action: str | None = None) -> list[dict[str, Any]]:
        rows = list(self.db.query("SELECT * FROM audit_log ORDER BY id"))
        return [r for r in rows if action is None or r["action"] == action]


@pytest.fixture
def tg() -> Iterator[StandIn]:
    with run_standin() as standin:
        standin.add_user(ADMIN, "Admin")
        standin.add_user(STRANGER, "Stranger")
        standin.add_group(GROUP, "Some group")
        yield standin


def make_settings(tg: StandIn, tmp_path: Path, **env: str) -> Settings:
    base = {
        "TELEGRAM_BOT_TOKEN": tg.token,
        "TELEGRAM_CHAT_ID": CHANNEL,
        "TELEGRAM_ADMIN_IDS": str(ADMIN),
        "TELEGRAM_API_BASE": tg.url,
    }
    return load_settings(env={**base, **env}, db_path=str(tmp_path / "rw.db"))


@asynccontextmanager
async def running_bot(tg: StandIn, tmp_path: Path, **env: str) -> AsyncIterator[Harness]:
    """The daemon's wiring: context (db, fetcher, notifier.start) then notifier.attach."""
    settings = make_settings(tg, tmp_path, **env)
    db = open_db(settings.db_path)
    notifier = TelegramNotifier(settings, poll_timeout=1.0)
    try:
        async with Fetcher(allowed_hosts=settings.allowed_hosts, timeout=10) as fetcher:
            await notifier.start()
            try:
                ctx = Context(db=db, settings=settings, fetcher=fetcher, notifier=notifier,
                              matcher=lambda: None)  # fmt: skip
                harness = Harness(tg, ctx)
                notifier.attach(ctx, scheduler=harness.scheduler, started=time.monotonic())
                await notifier.wait_ready()
                yield harness
            finally:
                await notifier.stop()
    finally:
        db.close()


@pytest.fixture
async def bot(tg: StandIn, tmp_path: Path) -> AsyncIterator[Harness]:
    async with running_bot(tg, tmp_path) as harness:
        yield harness


@pytest.fixture
async def bot_local(tg: StandIn, tmp_path: Path) -> AsyncIterator[Harness]:
    """The bot with 127.0.0.1 allow-listed, so feeds on the local feed server can be added."""
    async with running_bot(tg, tmp_path, RELEASEWATCH_ALLOWED_HOSTS="127.0.0.1") as harness:
        yield harness


# ---------------------------------------------------------------- anyone


async def test_start_and_help_answer_anyone(bot: Harness) -> None:
    for user in (ADMIN, STRANGER):
        assert "political prisoners" in await bot.ask("/start", user)
        text = await bot.ask("/help", user)
        for cmd in COMMANDS.values():
            assert cmd.help_line in text
    assert [c["command"] for c in bot.tg.my_commands()] == list(COMMANDS)


async def test_unknown_command_gets_a_hint(bot: Harness) -> None:
    assert "/help" in await bot.ask("/frobnicate")


# ---------------------------------------------------------------- who may do what

ADMIN_ONLY = [
    "/status", "/feeds", "/addfeed https://example.com/feed.xml", "/rmfeed 1", "/pausefeed 1",
    "/resumefeed 1", "/importopml", "/exportopml", "/rules", "/addrule pardon", "/rmrule 1",
    "/testrule pardon", "/mute 2h", "/unmute", "/recent", "/chart",
]  # fmt: skip


async def test_stranger_is_refused_audited_and_nothing_changes(bot: Harness) -> None:
    feed_id = repo.add_feed(bot.db, "https://example.com/feed.xml")
    assert {c.split()[0][1:] for c in ADMIN_ONLY} == {n for n, c in COMMANDS.items() if c.admin}
    for text in ADMIN_ONLY:
        assert await bot.ask(text, STRANGER) == REFUSAL
    denied = bot.audit("denied")
    assert len(denied) == len(ADMIN_ONLY)
    assert {r["actor"] for r in denied} == {f"tg:{STRANGER}"}
    assert all(r["ok"] == 0 for r in denied)
    assert json.loads(denied[2]["detail"])["command"] == "addfeed"
    # Nothing changed: the feed is still there and enabled, no rules, no mutes.
    assert [f["id"] for f in repo.list_feeds(bot.db)] == [feed_id]
    assert repo.get_feed(bot.db, feed_id)["enabled"] == 1
    assert repo.list_rules(bot.db) == []
    assert repo.get_state(bot.db, M.STATE_KEY) is None
    assert bot.audit() == denied


async def test_admin_in_a_group_is_refused(bot: Harness) -> None:
    reply = await bot.ask("/mute 1h", ADMIN, chat=GROUP)
    assert reply == REFUSAL
    [row] = bot.audit("denied")
    assert json.loads(row["detail"])["chat_type"] == "supergroup"
    assert repo.get_state(bot.db, M.STATE_KEY) is None


async def test_forwarded_edited_and_channel_commands_are_ignored(bot: Harness) -> None:
    tg = bot.tg
    await bot.ignored(lambda: tg.inject_message("/mute 2h", user_id=ADMIN, forward_from=ADMIN))
    await bot.ignored(lambda: tg.inject_message("/mute 2h", user_id=ADMIN, forward_from=CHANNEL))
    msg = tg.inject_message("hello", user_id=ADMIN)
    await bot.ignored(lambda: tg.inject_edit(ADMIN, msg["message_id"], "/mute 2h"))
    tg.inject_channel_post("/mute 2h")
    await bot.ask("/help")
    assert not tg.posts(CHANNEL)
    assert repo.get_state(bot.db, M.STATE_KEY) is None
    assert bot.audit() == []


# ---------------------------------------------------------------- feeds


async def test_addfeed_refuses_local_addresses_through_the_bot(
    bot: Harness, feed_server: FeedServer
) -> None:
    feed_server.set("/bbc.xml", BBC)
    reply = await bot.ask(f"/addfeed {feed_server.url('/bbc.xml')}")
    assert "non-public address" in reply and "Usage: /addfeed URL [minutes]" in reply
    assert repo.list_feeds(bot.db) == []
    assert feed_server.hits("/bbc.xml") == 0  # refused before connecting
    assert bot.audit() == []


async def test_addfeed_with_allowed_host(bot_local: Harness, feed_server: FeedServer) -> None:
    bot = bot_local
    feed_server.set("/bbc.xml", BBC)
    url = feed_server.url("/bbc.xml")
    reply = await bot.ask(f"/addfeed {url} 15")
    assert reply.startswith("✅ Added feed #1: BBC News")
    assert "27 items, polled every 15 min" in reply
    [feed] = repo.list_feeds(bot.db)
    assert feed["url"] == url and feed["interval_min"] == 15
    assert feed["allow_private"] == 0 and feed["added_by"] == f"tg:{ADMIN}"
    [row] = bot.audit("feeds.add")
    assert row["actor"] == f"tg:{ADMIN}" and json.loads(row["detail"])["items"] == 27
    assert bot.scheduler.reconciled == 1
    # Again: already watched.
    assert "already watched as #1" in await bot.ask(f"/addfeed {url}")
    assert len(repo.list_feeds(bot.db)) == 1


async def test_addfeed_bad_input_changes_nothing(
    bot_local: Harness, feed_server: FeedServer
) -> None:
    bot = bot_local
    feed_server.fault("/page.html", "html")
    feed_server.set("/missing.xml", b"gone", status=404)
    cases = {
        "/addfeed": "a feed URL is required",
        "/addfeed ftp://example.com/feed": "must start with http",
        "/addfeed https://user:pw@example.com/feed": "user name or password",
        "/addfeed https://example.com/feed 0": "minutes between polls",
        "/addfeed https://example.com/feed ten": "minutes between polls",
        "/addfeed a b c": "at most one number",
        "/addfeed https://example.com/" + "x" * 2100: "too long",
        f"/addfeed {feed_server.url('/page.html')}": "not a feed",
        f"/addfeed {feed_server.url('/missing.xml')}": "404",
    }
    for text, expected in cases.items():
        reply = await bot.ask(text)
        assert expected in reply, (text, reply)
        assert "Usage: /addfeed URL [minutes]" in reply
    assert repo.list_feeds(bot.db) == []
    assert bot.audit() == []


async def test_feeds_pause_resume_remove(bot: Harness) -> None:
    assert "No feeds yet" in await bot.ask("/feeds")
    a = repo.add_feed(bot.db, "https://a.example.com/rss", name="Outlet <A>")
    b = repo.add_feed(bot.db, "https://b.example.com/rss")
    listing = await bot.ask("/feeds")
    assert f"#{a} Outlet <A>" in listing and "https://b.example.com/rss" in listing

    assert "Paused feed #1" in await bot.ask(f"/pausefeed {a}")
    assert repo.get_feed(bot.db, a)["enabled"] == 0
    assert "paused" in await bot.ask("/feeds")
    assert "Resumed feed #1" in await bot.ask(f"/resumefeed #{a}")
    assert repo.get_feed(bot.db, a)["enabled"] == 1
    assert "Removed feed #2" in await bot.ask(f"/rmfeed {b}")
    assert [f["id"] for f in repo.list_feeds(bot.db)] == [a]
    assert [r["action"] for r in bot.audit()] == ["feeds.pause", "feeds.resume", "feeds.remove"]
    assert bot.scheduler.reconciled == 3

    for text, expected in {
        "/rmfeed 99": "no feed with id 99",
        "/pausefeed 99": "no feed with id 99",
        "/resumefeed x": "expected a numeric feed id",
        "/rmfeed": "expected exactly one feed id",
        "/rmfeed 1 2": "expected exactly one feed id",
        "/feeds extra": "takes no arguments",
    }.items():
        reply = await bot.ask(text)
        assert expected in reply and "Usage:" in reply, (text, reply)
    assert [f["id"] for f in repo.list_feeds(bot.db)] == [a]
    assert len(bot.audit()) == 3


async def test_importopml_caption_and_reply(bot: Harness) -> None:
    repo.add_feed(bot.db, "https://two.example.com/atom.xml")
    before = len(bot.tg.posts(ADMIN))
    bot.tg.inject_document(OPML, "subs.opml", user_id=ADMIN, caption="/importopml")
    [reply] = (await bot.tg.async_wait_for_posts(ADMIN, before + 1))[before:]
    assert "Imported 1 feeds (1 already watched" in (reply.text or "")
    added = repo.find_feed_by_url(bot.db, "https://one.example.com/rss")
    assert added is not None and added["name"] == "One & Co"
    assert added["allow_private"] == 0 and added["added_by"] == f"tg:{ADMIN}"
    assert json.loads(bot.audit("feeds.import")[0]["detail"])["added"] == [added["id"]]

    # As a reply to a document sent earlier: everything is present now.
    doc = bot.tg.inject_document(OPML, "again.opml", user_id=ADMIN)
    reply_text = await bot.ask("/importopml", reply_to_message_id=doc["message_id"])
    assert "Imported 0 feeds (2 already watched" in reply_text


async def test_importopml_bad_input(bot: Harness) -> None:
    assert "attach an OPML file" in await bot.ask("/importopml")
    for data, name, expected in [
        (b"<html><body>hi</body></html>", "x.opml", "not a readable OPML file"),
        (b"\x00\x01binary", "x.bin", "not a readable OPML file"),
        (b"<opml>" + b" " * 1_000_001 + b"</opml>", "big.opml", "too big"),
    ]:
        before = len(bot.tg.posts(ADMIN))
        bot.tg.inject_document(data, name, user_id=ADMIN, caption="/importopml")
        [reply] = (await bot.tg.async_wait_for_posts(ADMIN, before + 1))[before:]
        assert expected in (reply.text or ""), (name, reply.text)
    assert repo.list_feeds(bot.db) == []
    assert bot.audit() == []


async def test_exportopml_sends_a_file(bot: Harness) -> None:
    from watchers.opml import parse_opml

    repo.add_feed(bot.db, "https://a.example.com/rss", name="A & B")
    repo.add_feed(bot.db, "https://b.example.com/rss")
    before = len(bot.tg.posts(ADMIN))
    bot.tg.inject_message("/exportopml", user_id=ADMIN)
    [post] = (await bot.tg.async_wait_for_posts(ADMIN, before + 1))[before:]
    assert post.method == "sendDocument" and post.filename == "releasewatch-feeds.opml"
    assert post.document is not None
    entries = parse_opml(post.document)
    assert [(e.url, e.title) for e in entries] == [
        ("https://a.example.com/rss", "A & B"),
        ("https://b.example.com/rss", "https://b.example.com/rss"),
    ]


# ---------------------------------------------------------------- rules


def _items(db: Any, titles: list[str]) -> None:
    feed_id = repo.add_feed(db, "https://news.example.com/rss", name="News & Co")
    now = iso(utcnow() - timedelta(days=1))
    for i, title in enumerate(titles):
        db.execute(
            "INSERT INTO items (feed_id, key, content_hash, title, summary, link, published,"
            " fetched_at, alertable) VALUES (?, ?, ?, ?, '', ?, ?, ?, 1)",
            [feed_id, f"k{i}", f"h{i}", title, f"https://news.example.com/{i}", now, now],
        )


async def test_rules_add_list_test_remove(bot: Harness) -> None:
    assert "No admin rules" in await bot.ask("/rules")
    reply = await bot.ask("/addrule pardon")
    assert reply.startswith("✅ Added rule #1:")
    [rule] = repo.list_rules(bot.db)
    assert rule["created_by"] == f"tg:{ADMIN}" and rule["spec"] == "pardon"
    assert rule["normalised"] in reply and rule["normalised"] in await bot.ask("/rules")

    _items(bot.db, ["President pardons 30 political prisoners <3>", "Weather: sunny"])
    reply = await bot.ask('/testrule kind:pardon "political prisoners"')
    assert "in 2 items of the last 30 days" in reply
    assert "1 match(es)" in reply
    assert (
        "News &amp; Co: President pardons 30 political prisoners &lt;3&gt;"
        in bot.tg.posts(ADMIN)[-1].sent_text
    )
    assert "https://news.example.com/0" in reply

    assert "Removed rule #1" in await bot.ask("/rmrule 1")
    assert repo.list_rules(bot.db) == []
    assert [r["action"] for r in bot.audit()] == ["rules.add", "rules.remove"]


async def test_rules_bad_input(bot: Harness) -> None:
    for text, expected in {
        "/addrule": "a rule is required",
        '/addrule pardon "unclosed': "invalid rule",
        "/addrule " + "x" * 2100: "too long",
        "/testrule": "a rule is required",
        '/testrule "x': "invalid rule",
        "/rmrule 5": "no rule with id 5",
        "/rmrule five": "expected a numeric rule id",
    }.items():
        reply = await bot.ask(text)
        assert expected in reply and "Usage:" in reply, (text, reply)
    assert "at character" in await bot.ask('/addrule pardon "unclosed')
    assert repo.list_rules(bot.db) == []
    assert bot.audit() == []


# ---------------------------------------------------------------- mute, recent, status


async def test_mute_and_unmute(bot: Harness) -> None:
    reply = await bot.ask("/mute 2h")
    assert "Holding all alerts for 2h" in reply
    reply = await bot.ask("/mute 30m pardon")
    assert "Holding kind pardon for 30m" in reply
    scopes = {m.scope for m in M.load_mutes(bot.db, bot.ctx.clock())}
    assert scopes == {"all", "kind:pardon"}
    assert "Muted: all alerts until" in await bot.ask("/status")
    for text, expected in {
        "/mute": "a duration is required",
        "/mute soon": "not a duration",
        "/mute 90d": "between 1 minute and 30 days",
        "/mute 1h weather": "expected a rule id or one of",
        "/mute 1h #9": "no rule with id 9",
    }.items():
        reply = await bot.ask(text)
        assert expected in reply and "Usage: /mute DURATION [rule or kind]" in reply
    assert len(M.load_mutes(bot.db, bot.ctx.clock())) == 2
    assert "Unmuted all alerts, kind pardon" in await bot.ask("/unmute")
    assert M.load_mutes(bot.db, bot.ctx.clock()) == []
    assert "Nothing was muted" in await bot.ask("/unmute")
    assert [r["action"] for r in bot.audit()] == ["mute", "mute", "unmute", "unmute"]


def _queue(db: Any, n: int) -> list[int]:
    feeds = repo.list_feeds(db)
    feed_id = feeds[0]["id"] if feeds else repo.add_feed(db, "https://example.com/feed.xml")
    ids = []
    for i in range(n):
        db.execute(
            "INSERT INTO items (feed_id, key, content_hash, title, summary, published,"
            " fetched_at, alertable) VALUES (?, ?, ?, 't', 's', '2024-05-01T00:00:00+00:00',"
            " '2024-05-01T00:00:00+00:00', 1)",
            [feed_id, f"k{i}", f"h{i}"],
        )
        item_id = db.execute("SELECT max(id) FROM items").fetchone()[0]
        ids += repo.queue_alerts(db, [repo.NewAlert(
            item_id=item_id, route="default", kinds=["pardon"], text=f"<b>Alert {i}</b>",
            plain=f"Alert {i} <freed>\nsecond line", links=[], events=[], matches=[])])  # fmt: skip
    return ids


async def test_recent(bot: Harness) -> None:
    assert "No alerts yet" in await bot.ask("/recent")
    ids = _queue(bot.db, 7)
    reply = await bot.ask("/recent")
    assert reply.count("[pending] pardon") == 5
    assert f"#{ids[-1]}" in reply and f"#{ids[1]}" not in reply
    assert "Alert 6 <freed>" in reply and "second line" not in reply
    assert (await bot.ask("/recent 50")).count("[pending]") == 7
    for bad in ("/recent 0", "/recent 51", "/recent all"):
        assert "Usage: /recent [N]" in await bot.ask(bad)


async def test_status(bot: Harness) -> None:
    ok = repo.add_feed(bot.db, "https://a.example.com/rss")
    bad = repo.add_feed(bot.db, "https://b.example.com/rss")
    paused = repo.add_feed(bot.db, "https://c.example.com/rss")
    now = bot.ctx.clock()
    repo.record_poll_success(bot.db, ok, now=now, next_poll_at=now, status="ok")
    repo.record_poll_failure(bot.db, bad, now=now, next_poll_at=now, error="connection refused")
    repo.set_feed_enabled(bot.db, paused, False)
    _queue(bot.db, 2)
    reply = await bot.ask("/status")
    assert "releasewatch 0.1.0 — up 0m" in reply
    assert "Feeds: 3 (1 OK, 1 failing, 1 paused or disabled)" in reply
    assert "Outbox: 2 pending" in reply
    assert "Alerts in 24 h: 2" in reply
    assert "connection refused" in reply
    assert "Last poll: never" not in reply


async def test_command_session_logs_never_show_the_token(
    tg: StandIn, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with running_bot(tg, tmp_path) as bot:
        await bot.ask("/status")
        await bot.ask("/status", STRANGER)
        await bot.ask("/addfeed https://127.0.0.1/x")
    ours = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    assert any(r.name.startswith("telegram.ext") for r in ours)
    for record in ours:
        assert tg.token not in record.getMessage(), record.name


async def test_polling_survives_an_api_outage(bot: Harness) -> None:
    bot.tg.down()
    await asyncio.sleep(1.5)
    bot.tg.up()
    assert (await bot.ask("/help")).startswith("releasewatch")


async def test_bot_starts_when_the_api_comes_back(tg: StandIn, tmp_path: Path) -> None:
    settings = make_settings(tg, tmp_path)
    db = open_db(settings.db_path)
    notifier = TelegramNotifier(settings, poll_timeout=1.0)
    tg.down()
    try:
        async with Fetcher() as fetcher:
            await notifier.start()  # the API is down: logged, not raised
            ctx = Context(db=db, settings=settings, fetcher=fetcher, notifier=notifier,
                          matcher=lambda: None)  # fmt: skip
            notifier.attach(ctx)
            await asyncio.sleep(0.5)
            tg.up()
            await notifier.wait_ready(timeout=15)
            tg.inject_message("/help", user_id=ADMIN)
            [reply] = await tg.async_wait_for_posts(ADMIN, 1, timeout=15)
            assert (reply.text or "").startswith("releasewatch")
    finally:
        tg.up()
        await notifier.stop()
        db.close()


async def test_daemon_wiring(tg: StandIn, tmp_path: Path) -> None:
    """releasewatch.app.run_daemon starts the notifier, attaches the bot, sends, stops."""
    pytest.importorskip("rules.admin", reason="rules engine not written yet")
    from releasewatch.app import run_daemon

    settings = make_settings(tg, tmp_path)
    db = open_db(settings.db_path)
    [alert_id] = _queue(db, 1)
    db.close()
    stop = asyncio.Event()
    task = asyncio.create_task(run_daemon(settings, stop=stop))
    try:
        [post] = await tg.async_wait_for_posts(CHANNEL, 1, timeout=20)
        assert post.sent_text == "<b>Alert 0</b>"
        tg.inject_message("/status", user_id=ADMIN)
        [reply] = await tg.async_wait_for_posts(ADMIN, 1, timeout=20)
        assert "Outbox: 0 pending" in (reply.text or "")
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
    db = open_db(settings.db_path)
    assert repo.get_alert(db, alert_id)["status"] == "sent"
    db.close()


async def test_chart_is_sent_as_a_photo(bot: Harness) -> None:
    from datetime import date

    from releasewatch.models import Event
    from storage import events as events_store

    now = utcnow()
    for day, count in ((date(2025, 6, 1), 1190), (date(2025, 9, 16), 1300)):
        alert = events_store.create_alert(
            bot.db, item_id=None, route="default", now=now, send_at=now
        )
        events_store.create_event(
            bot.db,
            Event("prisoner_count", count=count, source="Viasna", country="BY"),
            route="default",
            day=day,
            alert_id=alert,
            rule_ids=["builtin:prisoner_count"],
            now=now,
        )
    assert "two-letter country code" in await bot.ask("/chart Belarus")
    assert "Nothing to draw" in await bot.ask("/chart VE")
    before = len(bot.tg.posts(ADMIN))
    bot.tg.inject_message("/chart BY", user_id=ADMIN)
    posts = await bot.tg.async_wait_for_posts(ADMIN, before + 1, timeout=15)
    photo = posts[before]
    assert (
        photo.photo is not None
        and photo.photo[:8] == b"\x89PNG\r\n\x1a\n"
        and len(photo.photo) > 20_000
    )
    assert "BY" in (photo.caption or "")
