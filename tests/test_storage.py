"""Storage: real SQLite (in memory and on disk), migrations, outbox transitions."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from releasewatch.errors import NotFoundError, ReleasewatchError
from releasewatch.models import Item
from storage import repo
from storage.db import open_db
from storage.migrations import MIGRATIONS


def _item(key: str, title: str = "t", chash: str | None = None) -> Item:
    return Item(
        key=key,
        title=title,
        summary="s",
        link=None,
        published=datetime(2025, 9, 16, tzinfo=UTC),
        content_hash=chash or f"h-{key}",
    )


def test_open_db_migrates_once_and_enables_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "x.db"
    db = open_db(path)
    assert [r["name"] for r in db.query("SELECT name FROM migrations")] == [
        n for n, _ in MIGRATIONS
    ]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()
    db = open_db(path)  # second open applies nothing and keeps data
    assert len(list(db.query("SELECT name FROM migrations"))) == len(MIGRATIONS)
    assert {"feeds", "items", "matches", "alerts", "rules", "audit_log", "state"} <= set(
        db.table_names()
    )


def test_migrations_are_named_uniquely_and_columns_commented():
    names = [n for n, _ in MIGRATIONS]
    assert len(names) == len(set(names))
    assert names == sorted(names)
    first = MIGRATIONS[0][1]
    for line in first.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(
            ("CREATE", ")", "UNIQUE", "--", "id INTEGER PRIMARY KEY")
        ):
            assert "--" in line, f"uncommented column: {line}"


def test_duplicate_feed_is_refused_and_unknown_id_raises():
    db = open_db()
    fid = repo.add_feed(db, "https://a.example/rss")
    with pytest.raises(ReleasewatchError, match=f"#{fid}"):
        repo.add_feed(db, "https://a.example/rss")
    with pytest.raises(NotFoundError):
        repo.get_feed(db, 999)
    assert len(repo.list_feeds(db)) == 1


def test_store_new_items_dedupes_by_key_and_marks_cross_feed_duplicates():
    db = open_db()
    a = repo.add_feed(db, "https://a.example/rss")
    b = repo.add_feed(db, "https://b.example/rss")
    now = datetime.now(UTC)
    new = repo.store_new_items(
        db,
        a,
        [_item("1", chash="same"), _item("2")],
        fetched_at=now,
        alertable={"1": True, "2": False},
    )
    assert [(s.item.key, s.alertable, s.duplicate_of) for s in new] == [
        ("1", True, None),
        ("2", False, None),
    ]
    again = repo.store_new_items(
        db, a, [_item("1", chash="same"), _item("3")], fetched_at=now, alertable={"3": True}
    )
    assert [s.item.key for s in again] == ["3"]
    other = repo.store_new_items(
        db, b, [_item("x", chash="same")], fetched_at=now, alertable={"x": True}
    )
    assert other[0].duplicate_of == new[0].id
    assert repo.get_feed(db, a)["items_seen"] == 3


def test_alert_and_matches_are_written_together_and_outbox_transitions():
    db = open_db()
    fid = repo.add_feed(db, "https://a.example/rss")
    [stored] = repo.store_new_items(
        db, fid, [_item("1")], fetched_at=datetime.now(UTC), alertable={"1": True}
    )
    alert = repo.NewAlert(
        item_id=stored.id,
        route="default",
        kinds=["pardon"],
        text="<b>x</b>",
        plain="x",
        links=[],
        events=[{"kind": "pardon", "count": 25}],
        matches=[
            {
                "rule_id": "builtin:pardon",
                "kind": "pardon",
                "event": {"count": 25},
                "evidence": None,
            }
        ],
    )
    [aid] = repo.queue_alerts(db, [alert])
    assert db.execute("SELECT count(*) FROM matches WHERE alert_id = ?", [aid]).fetchone()[0] == 1
    now = datetime.now(UTC)
    assert [r["id"] for r in repo.due_alerts(db, now)] == [aid]
    repo.mark_alert_sending(db, aid)
    # A crash here leaves it 'sending': it is still due, so it is sent once more at most.
    assert [r["id"] for r in repo.due_alerts(db, now)] == [aid]
    repo.mark_alert_retry(db, aid, error="429", next_attempt_at=now + timedelta(seconds=30))
    assert repo.due_alerts(db, now) == []
    assert [r["id"] for r in repo.due_alerts(db, now + timedelta(seconds=31))] == [aid]
    repo.mark_alert_sent(db, aid, message_id="7", chat_id="@c")
    assert repo.due_alerts(db, now + timedelta(days=1)) == []
    assert repo.get_alert(db, aid)["attempts"] == 1


def test_queue_alerts_is_atomic():
    db = open_db()
    good = repo.NewAlert(
        item_id=None,
        route="default",
        kinds=["pardon"],
        text="x",
        plain="x",
        links=[],
        events=[],
        matches=[],
    )
    bad = repo.NewAlert(
        item_id=12345,
        route="default",
        kinds=["pardon"],
        text="x",
        plain="x",
        links=[],
        events=[],
        matches=[],
    )  # foreign key violation
    with pytest.raises(sqlite3.IntegrityError):
        repo.queue_alerts(db, [good, bad])
    assert repo.count_alerts(db) == 0


def test_failure_run_and_recovery():
    db = open_db()
    fid = repo.add_feed(db, "https://a.example/rss")
    now = datetime.now(UTC)
    repo.record_poll_failure(db, fid, now=now, next_poll_at=now, error="HTTP 500")
    row = repo.record_poll_failure(
        db, fid, now=now + timedelta(hours=1), next_poll_at=now, error="HTTP 500"
    )
    assert row["consecutive_failures"] == 2 and row["failing_since"].startswith(str(now.year))
    repo.record_poll_success(db, fid, now=now, next_poll_at=now, status="ok", etag='"e"')
    row = repo.get_feed(db, fid)
    assert (row["consecutive_failures"], row["failing_since"], row["last_error"], row["etag"]) == (
        0,
        None,
        None,
        '"e"',
    )
    gone = repo.record_poll_failure(
        db, fid, now=now, next_poll_at=now, error="gone", disable_reason="410 Gone"
    )
    assert gone["enabled"] == 0 and gone["disabled_reason"] == "410 Gone"


def test_state_and_audit():
    db = open_db()
    repo.set_state(db, "k", "1")
    repo.set_state(db, "k", "2")
    assert repo.get_state(db, "k") == "2"
    repo.audit(db, "tg:5", "denied", {"cmd": "/rmfeed"}, ok=False)
    row = next(iter(db.query("SELECT * FROM audit_log")))
    assert (row["actor"], row["action"], row["ok"]) == ("tg:5", "denied", 0)


def test_prune_keeps_events_and_alerts():
    from releasewatch.format import Source
    from releasewatch.models import Event
    from storage import events as events_store

    db = open_db()
    fid = repo.add_feed(db, "https://a.example/rss")
    old = datetime(2020, 1, 1, tzinfo=UTC)
    [stored] = repo.store_new_items(db, fid, [_item("1")], fetched_at=old, alertable={"1": True})
    alert = events_store.create_alert(db, item_id=stored.id, route="default", now=old, send_at=old)
    eid = events_store.create_event(
        db,
        Event("pardon", count=3),
        route="default",
        day=old.date(),
        alert_id=alert,
        rule_ids=["builtin:pardon"],
        now=old,
    )
    events_store.add_source(db, eid, stored.id, Source("W", "https://w.example/1", "t"), old)
    assert repo.prune_items(db, datetime(2026, 1, 1, tzinfo=UTC)) == 1
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 0
    assert repo.get_alert(db, alert)["item_id"] is None
    src = next(iter(db.query("SELECT * FROM event_sources")))
    assert src["item_id"] is None and src["link"] == "https://w.example/1"


def test_prune_an_item_whose_newer_copy_in_another_feed_is_kept():
    # The same article seen through two feeds, the second much later: pruning the first
    # used to violate the duplicate_of foreign key, so pruning failed on every run.
    db = open_db()
    a = repo.add_feed(db, "https://a.example/rss")
    b = repo.add_feed(db, "https://b.example/rss")
    old = datetime(2020, 1, 1, tzinfo=UTC)
    later = datetime(2026, 6, 1, tzinfo=UTC)
    [first] = repo.store_new_items(db, a, [_item("1", chash="same")], fetched_at=old, alertable={})
    [copy] = repo.store_new_items(db, b, [_item("9", chash="same")], fetched_at=later, alertable={})
    assert copy.duplicate_of == first.id
    assert repo.prune_items(db, datetime(2026, 1, 1, tzinfo=UTC)) == 1
    rows = list(db.query("SELECT id, duplicate_of FROM items"))
    assert rows == [{"id": copy.id, "duplicate_of": None}]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_store_new_items_marks_copies_within_one_body_and_skips_known_keys():
    db = open_db()
    fid = repo.add_feed(db, "https://a.example/rss")
    now = datetime(2026, 1, 1, tzinfo=UTC)
    items = [_item("1", chash="x"), _item("2", chash="x"), _item("1", chash="y")]
    stored = repo.store_new_items(db, fid, items, fetched_at=now, alertable={"1": True})
    assert [(s.item.key, s.duplicate_of, s.alertable) for s in stored] == [
        ("1", None, True),
        ("2", stored[0].id, False),
    ]
    again = repo.store_new_items(
        db, fid, [*items, _item("3", chash="x")], fetched_at=now, alertable={}
    )
    assert [(s.item.key, s.duplicate_of) for s in again] == [("3", stored[0].id)]
    assert repo.get_feed(db, fid)["items_seen"] == 3
