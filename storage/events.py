"""Event groups and their sources; re-rendering an alert when its sources grow.

An alert carries one or more events; each event gathers every report (source) of it.
While an alert is still held in the outbox its text is simply rewritten; once it has
been sent, a change becomes an ``edit`` row in the outbox (one pending edit per alert,
rewritten in place), so edits get the same never-lost, never-twice treatment as sends.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

import sqlite_utils

from releasewatch.format import Rendered, Source
from releasewatch.grouping import Candidate
from releasewatch.models import Event, event_from_json
from storage.db import iso


def candidates(
    db: sqlite_utils.Database,
    kinds: Sequence[str],
    route: str,
    day: date,
    window: timedelta,
    reported: date | None = None,
) -> list[Candidate]:
    """Stored events that could match: same kinds and route, event or report date near."""
    if not kinds:
        return []

    def span(d: date) -> list[str]:
        return [
            (d - timedelta(days=window.days + 1)).isoformat(),
            (d + timedelta(days=window.days + 1)).isoformat() + "T99",
        ]

    marks = ",".join("?" * len(kinds))
    rows = db.query(
        f"SELECT * FROM events WHERE kind IN ({marks}) AND route = ? AND"
        " (event_date BETWEEN ? AND ? OR reported_date BETWEEN ? AND ?) ORDER BY id",
        [*kinds, route, *span(day), *span(reported or day)],
    )
    return [Candidate.from_row(r) for r in rows]


def create_alert(
    db: sqlite_utils.Database,
    *,
    item_id: int,
    route: str,
    now: datetime,
    send_at: datetime,
    reply_to: int | None = None,
    review: bool = False,
) -> int:
    """An empty alert; its text is rendered once its events are attached.

    With ``review`` it waits (status ``review``) for an admin's approval, and a review
    request (op ``review``, to the admin chat) is queued in the same transaction.
    """
    cur = db.execute(
        "INSERT INTO alerts (item_id, route, kinds, text, plain, links, events, status,"
        " next_attempt_at, created_at, op, reply_to)"
        " VALUES (?, ?, '[]', '', '', '[]', '[]', ?, ?, ?, 'send', ?)",
        [item_id, route, "review" if review else "pending", iso(send_at), iso(now), reply_to],
    )
    alert_id = int(cur.lastrowid or 0)
    if review:
        db.execute(
            "INSERT INTO alerts (item_id, route, kinds, text, plain, links, events, status,"
            " next_attempt_at, created_at, op, update_of)"
            " VALUES (?, 'admin', '[]', '', '', '[]', '[]', 'pending', ?, ?, 'review', ?)",
            [item_id, iso(send_at), iso(now), alert_id],
        )
    return alert_id


def decide_review(db: sqlite_utils.Database, alert_id: int, approve: bool) -> bool:
    """Approve (send it) or reject an alert waiting for review; False if not waiting."""
    cur = db.execute(
        "UPDATE alerts SET status = ?, next_attempt_at = NULL WHERE id = ? AND status = 'review'",
        ["pending" if approve else "rejected", alert_id],
    )
    return cur.rowcount == 1


def create_event(
    db: sqlite_utils.Database,
    event: Event,
    *,
    route: str,
    day: date,
    alert_id: int,
    rule_ids: Sequence[str],
    now: datetime,
    reported: date | None = None,
) -> int:
    cur = db.execute(
        "INSERT INTO events (kind, route, count, direction, country, target, source, by_whom,"
        " event_date, event, rule_ids, alert_id, first_seen, last_seen, reported_date)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            event.kind,
            route,
            event.count,
            event.direction,
            event.country,
            event.target,
            event.source,
            event.by,
            day.isoformat(),
            json.dumps(event.to_json(), ensure_ascii=False),
            json.dumps(list(rule_ids)),
            alert_id,
            iso(now),
            iso(now),
            (reported or day).isoformat(),
        ],
    )
    return int(cur.lastrowid or 0)


def add_source(
    db: sqlite_utils.Database, event_id: int, item_id: int, source: Source, now: datetime
) -> bool:
    """Attach a report to an event; False when that link is already one of its sources."""
    if source.url:
        dup = db.execute(
            "SELECT 1 FROM event_sources WHERE event_id = ? AND link = ?", [event_id, source.url]
        ).fetchone()
        if dup:
            return False
    db.execute(
        "INSERT INTO event_sources (event_id, item_id, outlet, link, title, lang, first_seen)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [event_id, item_id, source.outlet, source.url, source.title, source.lang, iso(now)],
    )
    db.execute("UPDATE events SET last_seen = ? WHERE id = ?", [iso(now), event_id])
    return True


def alert_contents(
    db: sqlite_utils.Database, alert_id: int
) -> tuple[list[Event], list[Source], list[str], date | None]:
    """What an alert says now: its events (oldest first), every source, the rules."""
    rows = list(db.query("SELECT * FROM events WHERE alert_id = ? ORDER BY id", [alert_id]))
    events = [event_from_json(json.loads(r["event"])) for r in rows]
    rule_ids: list[str] = []
    for r in rows:
        for rid in json.loads(r["rule_ids"]):
            if rid not in rule_ids:
                rule_ids.append(rid)
    sources: list[Source] = []
    seen: set[str] = set()
    if rows:
        marks = ",".join("?" * len(rows))
        for s in db.query(
            f"SELECT * FROM event_sources WHERE event_id IN ({marks}) ORDER BY first_seen, id",
            [r["id"] for r in rows],
        ):
            key = s["link"] or f"{s['outlet']}|{s['title']}"
            if key in seen:
                continue
            seen.add(key)
            sources.append(
                Source(outlet=s["outlet"], url=s["link"], title=s["title"], lang=s["lang"])
            )
    first_day = date.fromisoformat(rows[0]["event_date"][:10]) if rows else None
    return events, sources, rule_ids, first_day


def refresh_alert(
    db: sqlite_utils.Database,
    alert_id: int,
    render: Callable[[list[Event], list[Source], list[str], date | None], Rendered],
    now: datetime,
) -> int | None:
    """Re-render an alert. Pending: rewrite in place. Sent: queue (or rewrite) an edit.

    Returns the id of the edit row when one was queued or changed.
    """
    events, sources, rule_ids, day = alert_contents(db, alert_id)
    if not events:
        return None
    rendered = render(events, sources, rule_ids, day)
    values = [
        json.dumps(list(dict.fromkeys(e.kind for e in events))),
        rendered.html,
        rendered.plain,
        json.dumps(rendered.links, ensure_ascii=False),
        json.dumps([e.to_json() for e in events], ensure_ascii=False),
    ]
    alert = next(iter(db.query("SELECT * FROM alerts WHERE id = ?", [alert_id])))
    if alert["status"] in ("pending", "review") and alert["op"] == "send":
        db.execute(
            "UPDATE alerts SET kinds = ?, text = ?, plain = ?, links = ?, events = ? WHERE id = ?",
            [*values, alert_id],
        )
        return None
    if rendered.html == alert["text"] or alert["status"] == "rejected":
        return None
    pending_edit = db.execute(
        "SELECT id FROM alerts WHERE op = 'edit' AND update_of = ? AND status = 'pending'",
        [alert_id],
    ).fetchone()
    if pending_edit:
        db.execute(
            "UPDATE alerts SET kinds = ?, text = ?, plain = ?, links = ?, events = ? WHERE id = ?",
            [*values, pending_edit[0]],
        )
        return int(pending_edit[0])
    cur = db.execute(
        "INSERT INTO alerts (item_id, route, kinds, text, plain, links, events, status,"
        " created_at, op, update_of) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, 'edit', ?)",
        [alert["item_id"], alert["route"], *values, iso(now), alert_id],
    )
    return int(cur.lastrowid or 0)


def record_edit_sent(db: sqlite_utils.Database, edit_row: dict[str, Any]) -> None:
    """After an edit is delivered, the original alert shows the new text."""
    db.execute(
        "UPDATE alerts SET text = ?, plain = ?, links = ?, events = ?, kinds = ? WHERE id = ?",
        [
            edit_row["text"],
            edit_row["plain"],
            edit_row["links"],
            edit_row["events"],
            edit_row["kinds"],
            edit_row["update_of"],
        ],
    )
