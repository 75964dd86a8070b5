"""The pure decisions between storage reads and writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from releasewatch.models import Event, Item
from releasewatch.pipeline import backoff_delay, decide_alertable, next_poll_at, plan_alerts

NOW = datetime(2025, 9, 17, 12, tzinfo=UTC)


def _item(key, age_h, from_feed=True):
    return Item(
        key=key,
        title="t",
        summary="s",
        link=None,
        published=NOW - timedelta(hours=age_h),
        published_from_feed=from_feed,
    )


def test_baseline_alerts_only_inside_backfill_window():
    items = [_item("new", 2), _item("old", 48), _item("undated", 0, from_feed=False)]
    assert decide_alertable(items, baseline=True, backfill_hours=24, now=NOW) == {
        "new": True,
        "old": False,
        "undated": False,
    }
    assert all(decide_alertable(items, baseline=True, backfill_hours=-1, now=NOW).values())
    assert all(decide_alertable(items, baseline=False, backfill_hours=24, now=NOW).values())


def test_backoff_grows_exponentially_and_caps_at_six_hours():
    interval = timedelta(minutes=10)
    delays = [backoff_delay(n, interval) for n in range(0, 15)]
    assert delays[0] == interval
    assert delays == sorted(delays)
    assert delays[-1] == timedelta(hours=6)
    assert backoff_delay(6, interval) == timedelta(minutes=64)


def test_retry_after_and_max_age_are_floors():
    interval = timedelta(minutes=10)
    assert next_poll_at(NOW, interval) == NOW + interval
    assert next_poll_at(NOW, interval, retry_after=3600) == NOW + timedelta(hours=1)
    assert next_poll_at(NOW, interval, max_age=60) == NOW + interval
    assert next_poll_at(NOW, interval, max_age=10**9) == NOW + timedelta(hours=6)


class M:
    def __init__(self, rule_id, event):
        self.rule_id, self.event = rule_id, event


def test_plan_alerts_one_alert_per_route_with_unique_events():
    e1, e2 = Event("pardon", count=25), Event("sanctions", direction="lifted")
    matches = [
        M("builtin:pardon", e1),
        M("builtin:sanctions", e2),
        M("admin:3", e1),
        M("builtin:pardon", Event("pardon", count=25)),
    ]
    plans = plan_alerts(7, matches, {"admin:3": "-100999"})
    assert [(p.route, p.events, p.rule_ids) for p in plans] == [
        ("default", [e1, e2], ["builtin:pardon", "builtin:sanctions"]),
        ("-100999", [e1], ["admin:3"]),
    ]


def test_items_older_than_retention_never_alert_after_the_baseline():
    items = [_item("recent", 24 * 3), _item("ancient", 24 * 200)]
    assert decide_alertable(
        items, baseline=False, backfill_hours=24, now=NOW, retention_days=90
    ) == {"recent": True, "ancient": False}
    # "--backfill all" on the first poll means all, however old.
    assert all(
        decide_alertable(
            items, baseline=True, backfill_hours=-1, now=NOW, retention_days=90
        ).values()
    )
