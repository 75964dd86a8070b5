"""The daily digest: grouped by kind, links escaped, once per local day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from releasewatch.digest import queue_digest, render_digest
from releasewatch.format import Source, tg_len
from releasewatch.models import Event
from storage import events as events_store
from storage.db import open_db

NOW = datetime(2025, 9, 17, 18, tzinfo=UTC)


def test_render_groups_by_kind_and_escapes():
    entries = [
        (
            Event("sanctions", direction="lifted", by="US", target="Belavia"),
            [("Wire", "https://w.example/1")],
        ),
        (
            Event("pardon", count=25, country="BY"),
            [("A <b>", "https://a.example/?x=1&y=2"), ("Bad", "javascript:x")],
        ),
        (Event("pardon", count=52, country="BY"), []),
    ]
    r = render_digest(date(2025, 9, 17), entries)
    lines = r.plain.splitlines()
    assert lines[0] == "🗞 Daily digest · 17 Sep 2025 · 3 events"
    assert r.plain.index("Releases and pardons (2)") < r.plain.index("Sanctions (1)")
    assert "Belarus: 25 prisoners" in r.plain and "US lifts sanctions on Belavia" in r.plain
    assert "A &lt;b&gt;" in r.html and "javascript" not in r.html and "&amp;y=2" in r.html
    assert render_digest(date(2025, 9, 17), []) is None


def test_long_digest_stays_under_the_limit():
    entries = [
        (
            Event("pardon", count=i + 1, country="BY"),
            [("W" * 40, f"https://e.example/{'x' * 100}{i}")],
        )
        for i in range(300)
    ]
    assert tg_len(render_digest(date(2025, 9, 17), entries).html) <= 4096


def test_queue_digest_once_per_local_day_and_only_last_24h():
    db = open_db()
    for when, count in ((NOW - timedelta(hours=2), 25), (NOW - timedelta(days=3), 99)):
        alert = events_store.create_alert(db, item_id=None, route="default", now=when, send_at=when)
        eid = events_store.create_event(
            db,
            Event("pardon", count=count, country="BY"),
            route="default",
            day=when.date(),
            alert_id=alert,
            rule_ids=["builtin:pardon"],
            now=when,
        )
        events_store.add_source(
            db, eid, None, Source("Wire", f"https://w.example/{count}", "t"), when
        )
    tz = ZoneInfo("Europe/Vilnius")
    digest_id = queue_digest(db, NOW, tz)
    row = next(iter(db.query("SELECT * FROM alerts WHERE id = ?", [digest_id])))
    assert (
        "25 prisoners" in row["plain"] and "99" not in row["plain"] and row["status"] == "pending"
    )
    assert queue_digest(db, NOW + timedelta(hours=1), tz) is None  # same local day: never twice
