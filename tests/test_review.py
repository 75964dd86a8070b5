"""Review mode: alerts wait in the admin chat with Approve / Reject before the channel."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from releasewatch.format import Source
from releasewatch.models import Event
from releasewatch.pipeline import drain_outbox
from storage import events as events_store
from storage import repo
from storage.db import utcnow
from tests.botapi.standin import DEFAULT_CHANNEL_ID
from tests.test_tgbot_commands import ADMIN, STRANGER, running_bot, tg  # noqa: F401 (fixture)


def queue_reviewed_alert(db, count: int) -> int:
    now = utcnow()
    alert = events_store.create_alert(
        db, item_id=None, route="default", now=now, send_at=now - timedelta(seconds=1), review=True
    )
    ev = Event("pardon", count=count, country="BY")
    eid = events_store.create_event(
        db,
        ev,
        route="default",
        day=now.date(),
        alert_id=alert,
        rule_ids=["builtin:pardon"],
        now=now,
    )
    events_store.add_source(db, eid, None, Source("Wire", f"https://w.example/{count}", "t"), now)
    from releasewatch.pipeline import _render

    events_store.refresh_alert(db, alert, _render, now)
    return alert


async def _wait(pred, timeout=10.0):
    for _ in range(int(timeout / 0.05)):
        if pred():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out")


async def test_approve_posts_reject_drops_strangers_refused(tg, tmp_path):  # noqa: F811
    async with running_bot(tg, tmp_path, RELEASEWATCH_REVIEW="default") as bot:
        approved = queue_reviewed_alert(bot.db, 25)
        rejected = queue_reviewed_alert(bot.db, 52)
        await drain_outbox(bot.ctx)
        assert tg.posts(DEFAULT_CHANNEL_ID) == []  # nothing public before review
        requests = tg.posts(ADMIN)
        assert len(requests) == 2
        assert "Review alert" in requests[0].text and "25 prisoners" in requests[0].text
        assert [b["callback_data"] for b in requests[0].buttons[0]] == [
            f"rv:a:{approved}",
            f"rv:r:{approved}",
        ]

        # A stranger pressing the button changes nothing and is audited.
        tg.inject_callback(ADMIN, requests[0].message_id, f"rv:a:{approved}", user_id=STRANGER)
        await _wait(lambda: bot.audit("denied"))
        assert repo.get_alert(bot.db, approved)["status"] == "review"

        tg.inject_callback(ADMIN, requests[0].message_id, f"rv:a:{approved}", user_id=ADMIN)
        tg.inject_callback(ADMIN, requests[1].message_id, f"rv:r:{rejected}", user_id=ADMIN)
        await _wait(
            lambda: len(bot.audit("review.reject")) == 1 and len(bot.audit("review.approve")) == 1
        )
        await drain_outbox(bot.ctx)
        posts = tg.posts(DEFAULT_CHANNEL_ID)
        assert len(posts) == 1 and "25 prisoners" in posts[0].text
        assert repo.get_alert(bot.db, rejected)["status"] == "rejected"
        # Pressing again is harmless: already decided.
        tg.inject_callback(ADMIN, requests[0].message_id, f"rv:a:{approved}", user_id=ADMIN)
        await _wait(lambda: len(bot.audit("review.approve")) == 2)
        assert bot.audit("review.approve")[-1]["ok"] == 0
        await drain_outbox(bot.ctx)
        assert len(tg.posts(DEFAULT_CHANNEL_ID)) == 1
