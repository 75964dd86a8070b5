"""The orchestrator: one poll of one feed, and the outbox drain.

    fetch bytes -> parse -> store new items -> evaluate rules -> queue alerts -> send

Only ``poll_feed`` and ``drain_outbox`` touch the network or the database; the
decisions between them (what is new, what may alert, what an alert says, when to poll
next) are pure functions below, tested on plain data. A feed that fails records its
error and backs off; it never stops the others.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import random
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from releasewatch.chart import previous_count
from releasewatch.errors import FetchError, ParseError, ReleasewatchError, StorageError
from releasewatch.format import Source, outlet_name, render_alert
from releasewatch.grouping import best_match, event_day
from releasewatch.models import Event, Item
from releasewatch.mute import held_message, held_until, load_mutes
from releasewatch.notify import Notifier, SendError
from releasewatch.settings import Settings
from storage import events as events_store
from storage import repo
from storage.db import iso, utcnow
from watchers.fetch import Fetcher
from watchers.parse import parse_feed

log = logging.getLogger("releasewatch.pipeline")

MAX_BACKOFF = timedelta(hours=6)
# Telegram outages are usually short; alerts should go out within a minute of its return.
SEND_BACKOFF_MAX = timedelta(seconds=60)


# ---------------------------------------------------------------- pure decisions


def backoff_delay(failures: int, interval: timedelta) -> timedelta:
    """Exponential backoff after ``failures`` consecutive failures, capped at 6 h."""
    if failures <= 0:
        return interval
    return min(MAX_BACKOFF, max(interval, timedelta(minutes=1) * (2 ** min(failures, 12))))


def next_poll_at(
    now: datetime,
    interval: timedelta,
    *,
    failures: int = 0,
    retry_after: float | None = None,
    max_age: float | None = None,
) -> datetime:
    """When to poll again: the interval, or the backoff, never before Retry-After/max-age."""
    delay = backoff_delay(failures, interval)
    floor = max(retry_after or 0.0, max_age or 0.0)
    # max-age and Retry-After are floors, but a server cannot park us for more than 6 h.
    delay = max(delay, min(timedelta(seconds=floor), MAX_BACKOFF))
    return now + delay


def decide_alertable(
    items: Iterable[Item],
    *,
    baseline: bool,
    backfill_hours: int,
    now: datetime,
    retention_days: int | None = None,
) -> dict[str, bool]:
    """Which new items may alert.

    After the first poll every new item may, except items published before the
    retention window (they may have been pruned: seeing one again is not news). On the
    first poll (the baseline) only items newer than the backfill window may, so adding a
    feed never floods the channel. ``backfill_hours == -1`` means all.
    """
    if baseline and backfill_hours >= 0:
        cutoff = now - timedelta(hours=backfill_hours)
        return {item.key: item.published_from_feed and item.published >= cutoff for item in items}
    if baseline or retention_days is None:  # "--backfill all": the operator asked for all
        return {item.key: True for item in items}
    oldest = now - timedelta(days=retention_days)
    return {item.key: item.published >= oldest for item in items}


@dataclass(frozen=True, slots=True)
class Planned:
    item_id: int
    route: str
    events: list[Event]
    rule_ids: list[str]


def plan_alerts(item_id: int, matches: Sequence[Any], routes: dict[str, str]) -> list[Planned]:
    """Group one item's rule matches into one alert per destination.

    Events equal in their fields (evidence aside) are one event. Built-in rules go to the
    main channel; an admin rule goes where its route says.
    """
    by_route: dict[str, Planned] = {}
    for m in matches:
        route = routes.get(m.rule_id, "default")
        plan = by_route.setdefault(route, Planned(item_id, route, [], []))
        if m.event not in plan.events:
            plan.events.append(m.event)
        if m.rule_id not in plan.rule_ids:
            plan.rule_ids.append(m.rule_id)
    return list(by_route.values())


def event_json(event: Event) -> dict[str, Any]:
    return event.to_json(with_evidence=True)


# ---------------------------------------------------------------- the orchestrator


@dataclass
class Context:
    db: sqlite_utils.Database
    settings: Settings
    fetcher: Fetcher
    notifier: Notifier
    matcher: Callable[[], Any]  # returns the current rules.Matcher (admin rules can change)
    routes: Callable[[], dict[str, str]] = field(default=lambda: {})
    clock: Callable[[], datetime] = utcnow
    outbox_wakeup: asyncio.Event | None = None
    hold: timedelta = timedelta(0)  # how long a new alert waits for more sources


@dataclass
class PollOutcome:
    feed_id: int
    status: str  # ok | 304 | unchanged | error | gone
    new_items: int = 0
    alerts: list[int] = field(default_factory=list)
    error: str | None = None


async def poll_feed(ctx: Context, feed: dict[str, Any]) -> PollOutcome:
    """Poll one feed end to end. Never raises for a feed's own failure."""
    now = ctx.clock()
    feed_id = feed["id"]
    interval = timedelta(minutes=feed["interval_min"])
    try:
        result = await ctx.fetcher.fetch(
            feed["url"],
            etag=feed["etag"] if feed["baseline_done"] else None,
            last_modified=feed["last_modified"] if feed["baseline_done"] else None,
            allow_private=bool(feed["allow_private"]),
        )
    except FetchError as exc:
        return _failed(ctx, feed, now, interval, str(exc), retry_after=exc.retry_after)

    if result.gone:
        repo.record_poll_failure(
            ctx.db,
            feed_id,
            now=now,
            next_poll_at=now + MAX_BACKOFF,
            error="410 Gone: the feed was removed; disabled",
            disable_reason="410 Gone",
        )
        await _tell_admins(
            ctx, f"Feed #{feed_id} ({feed['url']}) answered 410 Gone and was disabled."
        )
        return PollOutcome(feed_id, "gone", error="410 Gone")

    new_url = result.permanent_redirect
    if new_url and repo.find_feed_by_url(ctx.db, new_url):
        new_url = None  # the target is already a feed of its own; keep ours as it is
    when = next_poll_at(now, interval, max_age=result.max_age)

    if result.not_modified:
        repo.record_poll_success(
            ctx.db, feed_id, now=now, next_poll_at=when, status="304", new_url=new_url
        )
        return PollOutcome(feed_id, "304")

    body = result.body or b""
    body_hash = hashlib.sha256(body).hexdigest()
    if feed["baseline_done"] and body_hash == feed["body_hash"]:
        # Many sites send no validators; an identical body is not parsed again.
        repo.record_poll_success(
            ctx.db, feed_id, now=now, next_poll_at=when, status="unchanged", new_url=new_url
        )
        return PollOutcome(feed_id, "unchanged")

    try:
        parsed = parse_feed(body, result.headers, fetched_at=now, base_url=result.url)
    except ParseError as exc:
        return _failed(ctx, feed, now, interval, f"not a readable feed: {exc}")

    baseline = not feed["baseline_done"]
    alertable = decide_alertable(
        parsed.items,
        baseline=baseline,
        backfill_hours=feed["backfill_hours"],
        now=now,
        retention_days=ctx.settings.retention_days,
    )
    # New items and the alerts they cause commit together: a crash can never leave an
    # item stored (so "seen") without its alert queued.
    with ctx.db.atomic():
        new = repo.store_new_items(
            ctx.db, feed_id, parsed.items, fetched_at=now, alertable=alertable
        )
        # The outlet is named by the admin's name, else the feed's title (known only
        # after the first parse).
        alert_ids = queue_for_items(ctx, {**feed, "title": feed["title"] or parsed.meta.title}, new)

    repo.record_poll_success(
        ctx.db,
        feed_id,
        now=now,
        next_poll_at=when,
        status="ok",
        etag=result.etag,
        last_modified=result.last_modified,
        body_hash=body_hash,
        meta={"title": parsed.meta.title, "site_link": parsed.meta.link, "lang": parsed.meta.lang},
        new_url=new_url,
    )
    if alert_ids and ctx.outbox_wakeup is not None:
        ctx.outbox_wakeup.set()
    log.info(
        "poll feed=%s status=ok items=%d new=%d alerts=%d",
        feed_id,
        len(parsed.items),
        len(new),
        len(alert_ids),
    )
    return PollOutcome(feed_id, "ok", new_items=len(new), alerts=alert_ids)


def queue_for_items(
    ctx: Context, feed: dict[str, Any], new: Sequence[repo.StoredItem]
) -> list[int]:
    """Evaluate rules on new items; group their events; queue or update alerts.

    Each item is handled in one transaction: its matches, the events they open or join,
    and the alert rows (new alert, follow-up, or edit) are written together, before
    anything is sent. Returns the ids of alert rows created (new alerts and edits).
    """
    matcher = ctx.matcher()
    routes = ctx.routes()
    created: list[int] = []
    for stored in new:
        if not stored.alertable or stored.duplicate_of is not None:
            # Baseline items that will never alert are not evaluated: that is most of the
            # cost of adding a big feed, for nothing.
            continue
        matches = matcher.evaluate(stored.item)
        if not matches:
            continue
        source = Source(
            outlet=outlet_name(feed.get("name") or feed.get("title"), stored.item.link),
            url=stored.item.link,
            title=stored.item.title,
            lang=stored.item.lang,
            published=stored.item.published,
        )
        with ctx.db.atomic():
            for plan in plan_alerts(stored.id, matches, routes):
                for alert_id in _group_and_queue(ctx, stored, plan, source, matches, routes):
                    if alert_id not in created:  # one pending edit row collects many sources
                        created.append(alert_id)
    return created


def _render(events: list[Event], sources: list[Source], rule_ids: list[str], day: Any) -> Any:
    return render_alert(events, sources, rule_ids, fallback_date=day)


def _group_and_queue(
    ctx: Context,
    stored: repo.StoredItem,
    plan: Planned,
    source: Source,
    matches: Sequence[Any],
    routes: dict[str, str],
) -> list[int]:
    """Join each event to its group or open one; decide which alert carries new events."""
    now = ctx.clock()
    db = ctx.db
    window = timedelta(hours=ctx.settings.group_window_hours)
    placed: list[tuple[Event, Any, Any]] = []  # (event, day, matched candidate or None)
    reported = stored.item.published.date()
    for ev in plan.events:
        day = event_day(ev, stored.item.published)
        cands = events_store.candidates(db, [ev.kind], plan.route, day, window, reported)
        placed.append((ev, day, best_match(ev, day, plan.route, cands, window, reported=reported)))

    matched_alerts = sorted({c.alert_id for _, _, c in placed if c is not None})
    if matched_alerts:
        # Second pass: what did not match strictly may still be the same fact of a story
        # this item already joined (a country misread), but only within those alerts.
        for i, (ev, day, cand) in enumerate(placed):
            if cand is None:
                pool = [
                    c
                    for c in events_store.candidates(
                        db, [ev.kind], plan.route, day, window, reported
                    )
                    if c.alert_id in matched_alerts
                ]
                placed[i] = (
                    ev,
                    day,
                    best_match(ev, day, plan.route, pool, window, relaxed=True, reported=reported),
                )
    touched: set[int] = set()
    created: list[int] = []
    new_events = [(ev, day) for ev, day, c in placed if c is None]
    target_alert: int | None = None
    if new_events:
        primary = matched_alerts[0] if matched_alerts else None
        if primary is not None and repo.get_alert(db, primary)["status"] in ("pending", "review"):
            target_alert = primary  # still held: new facts join the alert before it goes out
        else:
            # Nothing known yet, or a new figure for a story already posted: a new alert,
            # as a reply to the story's first post when there is one.
            target_alert = events_store.create_alert(
                db,
                item_id=stored.id,
                route=plan.route,
                now=now,
                send_at=now + ctx.hold,
                reply_to=primary,
                review=plan.route in ctx.settings.review_routes,
            )
            created.append(target_alert)
        for ev, day in new_events:
            if (
                ev.kind == "prisoner_count"
                and ev.count is not None
                and ev.qualifier
                not in (
                    "over",
                    "under",
                )
            ):
                # Every new figure says how it moved since the same organisation's last one.
                prev = previous_count(db, ev.source, ev.country, day)
                if prev is not None:
                    ev = replace(ev, previous=prev)
            rule_ids = [
                m.rule_id
                for m in matches
                if m.event == ev and routes.get(m.rule_id, "default") == plan.route
            ]
            event_id = events_store.create_event(
                db,
                ev,
                route=plan.route,
                day=day,
                alert_id=target_alert,
                rule_ids=rule_ids,
                now=now,
                reported=reported,
            )
            events_store.add_source(db, event_id, stored.id, source, now)
        touched.add(target_alert)
    for _ev, _day, cand in placed:
        if cand is not None and events_store.add_source(db, cand.id, stored.id, source, now):
            touched.add(cand.alert_id)

    for alert_id in sorted(touched):
        edit_id = events_store.refresh_alert(db, alert_id, _render, now)
        if edit_id is not None and edit_id not in created:
            created.append(edit_id)
    carrier = target_alert or (matched_alerts[0] if matched_alerts else None)
    for m in matches:
        if routes.get(m.rule_id, "default") != plan.route:
            continue
        db.execute(
            "INSERT INTO matches (item_id, alert_id, rule_id, kind, event, evidence, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                stored.id,
                carrier,
                m.rule_id,
                m.event.kind,
                json.dumps(m.event.to_json(with_evidence=False), ensure_ascii=False),
                json.dumps(event_json(m.event)["evidence"], ensure_ascii=False),
                iso(now),
            ],
        )
    return created


def _failed(
    ctx: Context,
    feed: dict[str, Any],
    now: datetime,
    interval: timedelta,
    error: str,
    *,
    retry_after: float | None = None,
) -> PollOutcome:
    failures = feed["consecutive_failures"] + 1
    when = next_poll_at(now, interval, failures=failures, retry_after=retry_after)
    row = repo.record_poll_failure(ctx.db, feed["id"], now=now, next_poll_at=when, error=error)
    log.warning("poll feed=%s status=error failures=%d error=%r", feed["id"], failures, error)
    return (
        PollOutcome(feed["id"], "error", error=error, alerts=[])
        if row
        else PollOutcome(feed["id"], "error", error=error)
    )


async def _tell_admins(ctx: Context, text: str) -> None:
    try:
        await ctx.notifier.notify_admins(text)
    except ReleasewatchError as exc:  # a notice must never break a poll
        log.warning("admin notice failed: %s", exc)


async def check_feed_health(ctx: Context) -> list[int]:
    """Tell the admins once about each feed failing for longer than the setting."""
    now = ctx.clock()
    limit = timedelta(hours=ctx.settings.failing_notice_hours)
    told = []
    for feed in repo.list_feeds(ctx.db, enabled_only=True):
        since = feed["failing_since"]
        if not since or feed["health_notified"]:
            continue
        if now - datetime.fromisoformat(since) >= limit:
            await _tell_admins(
                ctx,
                f"Feed #{feed['id']} ({feed['url']}) has been failing since {since}: "
                f"{feed['last_error']}",
            )
            repo.mark_health_notified(ctx.db, feed["id"])
            told.append(feed["id"])
    return told


async def poll_all(ctx: Context, feeds: Sequence[dict[str, Any]]) -> list[PollOutcome]:
    """Poll feeds concurrently (the fetcher caps concurrency); one failure stops none.

    A database that cannot be written (disk full, read-only) fails the polls that need
    to write, with a clear status; nothing half-written stays behind because every
    change is one transaction.
    """
    results = await asyncio.gather(*(poll_feed(ctx, f) for f in feeds), return_exceptions=True)
    outcomes = []
    for feed, res in zip(feeds, results, strict=True):
        if not isinstance(res, BaseException):
            outcomes.append(res)
            continue
        if not isinstance(res, Exception):
            raise res
        if isinstance(res, sqlite3.Error | StorageError):
            error = f"database write failed: {res}"
            log.error("poll feed=%s status=storage-error error=%r", feed["id"], str(res))
        else:
            error = f"internal error: {res!r}"
            log.error("poll feed=%s crashed", feed["id"], exc_info=res)
        try:
            outcomes.append(
                _failed(ctx, feed, ctx.clock(), timedelta(minutes=feed["interval_min"]), error)
            )
        except (sqlite3.Error, StorageError):  # cannot even record it: report, go on
            outcomes.append(PollOutcome(feed["id"], "error", error=error))
    return outcomes


# ---------------------------------------------------------------- the outbox


def send_retry_delay(attempts: int, retry_after: float | None) -> timedelta:
    if retry_after is not None:
        return timedelta(seconds=max(1.0, retry_after))
    base = min(SEND_BACKOFF_MAX.total_seconds(), 2.0 ** min(attempts, 11))
    return timedelta(seconds=base * (0.5 + random.random() / 2))


async def drain_outbox(ctx: Context, *, max_rounds: int = 1000) -> list[int]:
    """Send every due alert. Each is marked ``sending`` before the call and ``sent`` after,
    so a crash in between sends it once more at most, and nothing is ever dropped."""
    sent: list[int] = []
    for _ in range(max_rounds):
        due = repo.due_alerts(ctx.db, ctx.clock(), limit=50)
        if not due:
            break
        blocked = False
        mutes = load_mutes(ctx.db, ctx.clock())
        for alert in due:
            alert = dict(alert)
            until = held_until(ctx.db, alert, ctx.clock(), mutes) if mutes else None
            if until is not None:  # muted: held, never dropped, and not a send attempt
                repo.mark_alert_retry(
                    ctx.db, alert["id"], error=held_message(until), next_attempt_at=until
                )
                continue
            if not _resolve_references(ctx, alert):
                continue  # the message it edits or replies to is not out yet: later
            repo.mark_alert_sending(ctx.db, alert["id"])
            try:
                result = await ctx.notifier.send(alert)
            except SendError as exc:
                delay = send_retry_delay(alert["attempts"] + 1, exc.retry_after)
                repo.mark_alert_retry(
                    ctx.db, alert["id"], error=str(exc), next_attempt_at=ctx.clock() + delay
                )
                log.warning(
                    "send alert=%s failed: %s; retry in %ss",
                    alert["id"],
                    exc,
                    int(delay.total_seconds()),
                )
                if exc.retry_after is not None or exc.permanent:
                    blocked = True  # flood control or no access: stop hammering this round
                    break
                continue
            with ctx.db.atomic():
                repo.mark_alert_sent(
                    ctx.db, alert["id"], message_id=result.message_id, chat_id=result.chat_id
                )
                if alert.get("op") == "edit":
                    events_store.record_edit_sent(ctx.db, alert)
            sent.append(alert["id"])
        if blocked:
            break
    return sent


def _resolve_references(ctx: Context, alert: dict[str, Any]) -> bool:
    """Fill in the message an edit changes or a follow-up replies to.

    False (and a short delay) while that message has not been delivered yet.
    """
    op = alert.get("op")
    ref_id = alert.get("update_of") if op in ("edit", "review") else alert.get("reply_to")
    if not ref_id:
        return True
    ref = repo.get_alert(ctx.db, ref_id)
    if op == "review":
        if ref["status"] != "review":  # decided already (e.g. through another request)
            repo.mark_alert_sent(ctx.db, alert["id"], message_id="", chat_id="")
            return False
        # The admins review the text as it stands now, sources gathered in the hold.
        alert.update(text=ref["text"], plain=ref["plain"], kinds=ref["kinds"])
        return True
    if op == "edit" and ref["status"] == "rejected":
        ctx.db.execute("UPDATE alerts SET status = 'rejected' WHERE id = ?", [alert["id"]])
        return False
    if ref["status"] != "sent":
        if alert.get("op") != "edit" and ref["status"] in ("failed", "rejected"):
            return True  # reply to nothing rather than never post
        repo.mark_alert_retry(
            ctx.db,
            alert["id"],
            error=f"waiting for alert {ref_id}",
            next_attempt_at=ctx.clock() + timedelta(seconds=5),
        )
        return False
    alert["ref_message_id"] = ref["message_id"]
    alert["ref_chat_id"] = ref["chat_id"]
    alert["ref_route"] = ref["route"]
    return True


def alert_json(row: dict[str, Any]) -> dict[str, Any]:
    """The `once --json` line for an alert row (a contract: keep the keys stable)."""
    out = {
        "alert_id": row["id"],
        "kinds": json.loads(row["kinds"]),
        "text": row["plain"],
        "links": [link["url"] for link in json.loads(row["links"])],
        "events": json.loads(row["events"]),
    }
    if row.get("op") == "edit":
        out["update_of"] = row["update_of"]
    if row.get("reply_to"):
        out["reply_to"] = row["reply_to"]
    return out


def heartbeat(db: sqlite_utils.Database, now: datetime | None = None) -> None:
    repo.set_state(db, "heartbeat", iso(now or utcnow()))
