"""TelegramNotifier over real HTTP against the local Bot API stand-in."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from releasewatch import mute as M
from releasewatch.app import context
from releasewatch.errors import ConfigError
from releasewatch.notify import SendError
from releasewatch.pipeline import drain_outbox
from releasewatch.settings import Settings, load_settings
from storage import repo
from storage.db import open_db, utcnow
from tgbot.notifier import TelegramNotifier

try:
    from tests.botapi.standin import DEFAULT_CHANNEL_ID, StandIn, run_standin
except ImportError:  # pragma: no cover - plain `pytest` with tests/ on sys.path
    from botapi.standin import DEFAULT_CHANNEL_ID, StandIn, run_standin  # type: ignore[no-redef]

ADMIN = 42
CHANNEL = "@releasewatch_test"
ALERT_HTML = (
    "🔓 <b>3 political prisoners released</b> in Belarus &amp; more\n"
    '<i>"Freed" &lt;today&gt;</i>\n'
    '<a href="https://example.com/a?x=1&amp;y=2">Example News</a>'
)


@pytest.fixture
def tg() -> Iterator[StandIn]:
    with run_standin() as standin:
        standin.add_user(ADMIN, "Admin")
        yield standin


def make_settings(tg: StandIn, tmp_path: Any, **env: str) -> Settings:
    base = {
        "TELEGRAM_BOT_TOKEN": tg.token,
        "TELEGRAM_CHAT_ID": CHANNEL,
        "TELEGRAM_ADMIN_IDS": str(ADMIN),
        "TELEGRAM_API_BASE": tg.url,
    }
    return load_settings(env={**base, **env}, db_path=str(tmp_path / "rw.db"))


def row(alert_id: int = 1, route: str = "default", text: str = ALERT_HTML) -> dict[str, Any]:
    return {"id": alert_id, "route": route, "text": text, "plain": "plain", "kinds": '["pardon"]',
            "links": "[]", "events": "[]", "status": "pending", "attempts": 0,
            "message_id": None, "chat_id": None}  # fmt: skip


@pytest.fixture
async def notifier(tg: StandIn, tmp_path: Any) -> Any:
    n = TelegramNotifier(make_settings(tg, tmp_path))
    await n.start()
    yield n
    await n.stop()


async def test_send_posts_html_to_channel_without_preview(tg: StandIn, notifier: Any) -> None:
    sent = await notifier.send(row())
    [post] = tg.posts(CHANNEL)
    assert post.sent_text == ALERT_HTML  # sent exactly as stored
    assert post.text is not None and "3 political prisoners released in Belarus & more" in post.text
    assert '"Freed" <today>' in post.text
    assert {e["type"] for e in post.entities} >= {"bold", "italic", "text_link"}
    assert post.parse_mode == "HTML"
    assert post.link_preview_options == {"is_disabled": True}
    assert sent.message_id == str(post.message_id)
    assert sent.chat_id == str(DEFAULT_CHANNEL_ID)


async def test_route_sends_to_another_chat(tg: StandIn, notifier: Any) -> None:
    tg.add_channel(-1009999, "other_channel", "Other")
    sent = await notifier.send(row(route="-1009999"))
    assert sent.chat_id == "-1009999"
    assert len(tg.posts(-1009999)) == 1 and not tg.posts(CHANNEL)


@pytest.mark.filterwarnings("ignore:.*retry_after")
async def test_429_is_send_error_with_retry_after_and_no_hidden_retry(
    tg: StandIn, notifier: Any
) -> None:
    tg.fail_next(1, status=429, retry_after=7)
    with pytest.raises(SendError) as info:
        await notifier.send(row())
    assert info.value.retry_after == 7
    assert not info.value.permanent
    assert len(tg.calls("sendMessage")) == 1  # the rate limiter did not retry behind our back
    assert not tg.posts(CHANNEL)


async def test_5xx_and_down_are_retryable(tg: StandIn, notifier: Any) -> None:
    tg.fail_next(1, status=502)
    with pytest.raises(SendError) as info:
        await notifier.send(row())
    assert not info.value.permanent and info.value.retry_after is None
    tg.down()
    try:
        with pytest.raises(SendError) as info:
            await notifier.send(row())
        assert not info.value.permanent
    finally:
        tg.up()
    await notifier.send(row())
    assert len(tg.posts(CHANNEL)) == 1


async def test_kicked_is_permanent_and_admins_are_told_once(tg: StandIn, notifier: Any) -> None:
    tg.kick(CHANNEL)
    for _ in range(3):
        with pytest.raises(SendError) as info:
            await notifier.send(row())
        assert info.value.permanent
        assert tg.token not in str(info.value)
    notices = tg.posts(ADMIN)
    assert len(notices) == 1
    assert "cannot post to @releasewatch_test" in (notices[0].text or "")
    # Back in the channel: delivery resumes; a later kick is reported again.
    tg.unkick(CHANNEL)
    await notifier.send(row())
    tg.kick(CHANNEL)
    with pytest.raises(SendError):
        await notifier.send(row())
    assert len(tg.posts(ADMIN)) == 2


async def test_chat_not_found_is_permanent(tg: StandIn, tmp_path: Any) -> None:
    n = TelegramNotifier(make_settings(tg, tmp_path, TELEGRAM_CHAT_ID="@no_such_channel"))
    await n.start()
    try:
        with pytest.raises(SendError) as info:
            await n.send(row())
        assert info.value.permanent
        assert "chat not found" in str(info.value).lower()
        assert len(tg.posts(ADMIN)) == 1  # admins told
    finally:
        await n.stop()


async def test_bad_html_is_a_send_error_with_the_description(tg: StandIn, notifier: Any) -> None:
    with pytest.raises(SendError) as info:
        await notifier.send(row(text="<b>unclosed"))
    assert not info.value.permanent
    assert "parse entities" in str(info.value).lower()


async def test_notify_admins_escapes_and_swallows_failures(tg: StandIn, notifier: Any) -> None:
    await notifier.notify_admins("Feed #3 (<http://x/?a=1&b=2>) failing")
    [post] = tg.posts(ADMIN)
    assert post.text == "Feed #3 (<http://x/?a=1&b=2>) failing"
    tg.kick(ADMIN)  # the admin blocked the bot
    await notifier.notify_admins("again")  # must not raise
    tg.down()
    try:
        await notifier.notify_admins("down")  # must not raise
    finally:
        tg.up()


async def test_rejected_token_is_a_config_error_without_the_token(
    tg: StandIn, tmp_path: Any
) -> None:
    settings = make_settings(
        tg, tmp_path, TELEGRAM_BOT_TOKEN="999:wrongwrongwrongwrongwrongwrongwrong"
    )
    n = TelegramNotifier(settings)
    with pytest.raises(ConfigError) as info:
        await n.start()
    assert "wrongwrong" not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__
    await n.stop()


async def test_start_tolerates_an_unreachable_api(tg: StandIn, tmp_path: Any) -> None:
    tg.down()
    n = TelegramNotifier(make_settings(tg, tmp_path))
    try:
        await n.start()  # logs, does not raise: the outbox will retry
        with pytest.raises(SendError):
            await n.send(row())
        tg.up()
        await n.send(row())
        assert len(tg.posts(CHANNEL)) == 1
    finally:
        tg.up()
        await n.stop()


async def test_mute_holds_alerts_in_the_outbox_and_unmute_releases(
    tg: StandIn, tmp_path: Any
) -> None:
    settings = make_settings(tg, tmp_path)
    async with context(settings) as ctx:  # the daemon's own wiring
        assert isinstance(ctx.notifier, TelegramNotifier)
        db = ctx.db
        feed_id = repo.add_feed(db, "https://example.com/feed.xml")
        now = utcnow()
        db.execute(
            "INSERT INTO items (feed_id, key, content_hash, title, summary, published,"
            " fetched_at, alertable) VALUES (?, 'k', 'h', 't', 's', ?, ?, 1)",
            [feed_id, now.isoformat(), now.isoformat()],
        )
        [alert_id] = repo.queue_alerts(db, [repo.NewAlert(
            item_id=1, route="default", kinds=["pardon"], text=ALERT_HTML, plain="p",
            links=[], events=[], matches=[{"rule_id": "builtin:pardon", "kind": "pardon",
                                           "event": {}}])])  # fmt: skip
        M.add_mute(db, "kind:pardon", timedelta(hours=2), now=now, by="tg:42")
        assert await drain_outbox(ctx) == []
        held = repo.get_alert(db, alert_id)
        assert held["status"] == "pending"  # held, not dropped
        assert held["last_error"].startswith(M.HELD_PREFIX)
        assert held["next_attempt_at"] > (now + timedelta(minutes=119)).isoformat()
        assert not tg.posts(CHANNEL)

        M.clear_mutes(db, now)
        assert M.release_held(db) == 1
        assert await drain_outbox(ctx) == [alert_id]
        assert repo.get_alert(db, alert_id)["status"] == "sent"
        assert len(tg.posts(CHANNEL)) == 1


@pytest.mark.filterwarnings("ignore:.*retry_after")
async def test_outbox_records_429_and_delivers_later(tg: StandIn, tmp_path: Any) -> None:
    settings = make_settings(tg, tmp_path)
    db = open_db(settings.db_path)
    feed_id = repo.add_feed(db, "https://example.com/feed.xml")
    now = utcnow()
    db.execute(
        "INSERT INTO items (feed_id, key, content_hash, title, summary, published, fetched_at,"
        " alertable) VALUES (?, 'k', 'h', 't', 's', ?, ?, 1)",
        [feed_id, now.isoformat(), now.isoformat()],
    )
    [alert_id] = repo.queue_alerts(db, [repo.NewAlert(
        item_id=1, route="default", kinds=["pardon"], text=ALERT_HTML, plain="p", links=[],
        events=[], matches=[])])  # fmt: skip
    db.close()
    async with context(settings) as ctx:  # the daemon's own wiring
        tg.fail_next(1, status=429, retry_after=2)
        started = time.monotonic()
        assert await drain_outbox(ctx) == []
        after = repo.get_alert(ctx.db, alert_id)
        assert after["status"] == "pending" and after["attempts"] == 1
        assert "retry after 2" in after["last_error"]
        ctx.clock = lambda: utcnow() + timedelta(seconds=3)  # skip the wait
        assert await drain_outbox(ctx) == [alert_id]
        assert time.monotonic() - started < 5
        sent = repo.get_alert(ctx.db, alert_id)
        assert sent["status"] == "sent" and sent["attempts"] == 2
        assert sent["message_id"] == str(tg.posts(CHANNEL)[0].message_id)


@pytest.mark.filterwarnings("ignore:.*retry_after")
async def test_logs_never_show_the_token(
    tg: StandIn, tmp_path: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "987654321:AAwrongwrongwrongwrongwrongwrongwrong"
    bad = make_settings(tg, tmp_path, TELEGRAM_BOT_TOKEN=wrong)
    with pytest.raises(ConfigError):
        await TelegramNotifier(bad).start()
    n = TelegramNotifier(make_settings(tg, tmp_path))
    await n.start()
    try:
        tg.fail_next(1, status=429, retry_after=1)
        tg.fail_next(1, status=500)
        for _ in range(2):
            with pytest.raises(SendError):
                await n.send(row())
        tg.kick(CHANNEL)
        with pytest.raises(SendError):
            await n.send(row())
        tg.down()
        with pytest.raises(SendError):
            await n.send(row())
        await n.notify_admins("x")
    finally:
        tg.up()
        await n.stop()
    # httpx/httpcore log request URLs at INFO/DEBUG; the daemon sets them to WARNING.
    ours = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    assert any(r.name.startswith("releasewatch") for r in ours)
    for record in ours:
        text = record.getMessage() + (str(record.exc_info[1]) if record.exc_info else "")
        # Even at DEBUG: PTB's "Set Bot API URL: .../bot<token>" lines are kept out.
        assert tg.token not in text and "wrongwrong" not in text, (record.name, text)
