"""The optional daily digest: the last 24 hours' events, grouped by kind, as one post.

``render_digest`` is pure; ``queue_digest`` writes the post to the outbox once per local
day (the day is recorded in the same transaction, so a restart never posts it twice).
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlite_utils

from releasewatch.format import EMOJI, Rendered, describe, safe_url, tg_len
from releasewatch.models import Event, event_from_json
from storage import repo
from storage.db import iso

TITLES = {
    "pardon": "Releases and pardons",
    "sanctions": "Sanctions",
    "prisoner_count": "Political-prisoner counts",
    "mention": "Mentions",
}


def render_digest(day: date, entries: list[tuple[Event, list[tuple[str, str]]]]) -> Rendered | None:
    """``entries``: (event, [(outlet, url)]) first seen that day. None when there were none."""
    if not entries:
        return None
    by_kind: dict[str, list[tuple[Event, list[tuple[str, str]]]]] = defaultdict(list)
    for ev, links in entries:
        by_kind[ev.kind].append((ev, links))
    head = f"🗞 Daily digest · {day.day} {day.strftime('%b %Y')} · {len(entries)} events"
    h, p, all_links = [f"<b>{html.escape(head)}</b>"], [head], []
    for kind in ("pardon", "sanctions", "prisoner_count", "mention"):
        group = by_kind.get(kind)
        if not group:
            continue
        h.append(f"\n<b>{EMOJI.get(kind, '•')} {TITLES[kind]} ({len(group)})</b>")
        p.append(f"\n{EMOJI.get(kind, '•')} {TITLES[kind]} ({len(group)})")
        for ev, links in group:
            good = [(o, u) for o, u in links if safe_url(u)][:3]
            all_links += [{"outlet": o, "url": u} for o, u in good]
            anchors = ", ".join(
                f'<a href="{html.escape(u, quote=True)}">{html.escape(o)}</a>' for o, u in good
            )
            line = f"• {html.escape(describe(ev))}" + (f" — {anchors}" if anchors else "")
            if tg_len("\n".join([*h, line])) > 3900:
                h.append("…")
                p.append("…")
                break
            h.append(line)
            p.append(f"• {describe(ev)}" + (f" — {', '.join(u for _, u in good)}" if good else ""))
    return Rendered(html="\n".join(h), plain="\n".join(p), links=all_links)


def queue_digest(db: sqlite_utils.Database, now: datetime, tz: ZoneInfo) -> int | None:
    """Queue the digest of the 24 h before ``now``, once per local day; return its id."""
    day = now.astimezone(tz).date()
    key = f"digest:{day.isoformat()}"
    if db.execute("SELECT 1 FROM state WHERE key = ?", [key]).fetchone():
        return None
    start, end = now - timedelta(days=1), now
    entries = []
    for row in db.query(
        "SELECT * FROM events WHERE route = 'default' AND first_seen >= ? AND first_seen < ?"
        " ORDER BY kind, id",
        [iso(start), iso(end)],
    ):
        links = [
            (s["outlet"], s["link"])
            for s in db.query(
                "SELECT outlet, link FROM event_sources WHERE event_id = ? ORDER BY id", [row["id"]]
            )
        ]
        entries.append((event_from_json(json.loads(row["event"])), links))
    rendered = render_digest(day, entries)
    with db.atomic():
        db.execute("INSERT INTO state (key, value) VALUES (?, ?)", [key, iso(now)])
        if rendered is None:
            return None
        [digest_id] = repo.queue_alerts(
            db,
            [
                repo.NewAlert(
                    item_id=None,
                    route="default",
                    kinds=["digest"],
                    text=rendered.html,
                    plain=rendered.plain,
                    links=rendered.links,
                    events=[],
                    matches=[],
                )
            ],
        )
    return digest_id
