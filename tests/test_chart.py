"""Prisoner-count series and the chart PNG, from events stored in real SQLite."""

from __future__ import annotations

import json
import struct
from datetime import UTC, date, datetime

import pytest

from releasewatch.chart import chart_png, previous_count, series
from releasewatch.models import Event
from storage import events as events_store
from storage.db import open_db

NOW = datetime(2025, 9, 17, tzinfo=UTC)


def _store(db, ev: Event, day: date) -> int:
    alert = events_store.create_alert(db, item_id=None, route="default", now=NOW, send_at=NOW)
    return events_store.create_event(
        db, ev, route="default", day=day, alert_id=alert, rule_ids=["builtin:x"], now=NOW
    )


@pytest.fixture
def db():
    d = open_db()
    _store(d, Event("prisoner_count", count=1300, source="Viasna", country="BY"), date(2025, 9, 16))
    _store(d, Event("prisoner_count", count=1177, source="Viasna", country="BY"), date(2025, 11, 1))
    _store(
        d, Event("prisoner_count", count=853, source="Foro Penal", country="VE"), date(2025, 3, 3)
    )
    _store(d, Event("pardon", count=25, country="BY"), date(2025, 9, 16))
    return d


def test_series_per_source_and_country(db):
    assert series(db, "BY") == {"Viasna": [(date(2025, 9, 16), 1300), (date(2025, 11, 1), 1177)]}
    assert set(series(db)) == {"Viasna (Belarus)", "Foro Penal (Venezuela)"}


def test_previous_count_is_the_same_organisation_and_country(db):
    assert previous_count(db, "viasna", "BY", date(2025, 12, 1)) == 1177
    assert previous_count(db, "Viasna", "BY", date(2025, 10, 1)) == 1300  # before that day only
    assert previous_count(db, "Viasna", "BY", date(2025, 9, 16)) is None
    assert previous_count(db, "Viasna", "VE", date(2025, 12, 1)) is None
    assert previous_count(db, None, "BY", date(2025, 12, 1)) is None


def test_chart_is_a_real_png(db, tmp_path):
    png = chart_png(db, "BY")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 500 and height > 300 and len(png) > 20_000


def test_empty_series_is_a_clear_error():
    with pytest.raises(ValueError, match="no political-prisoner counts"):
        chart_png(open_db())


def test_event_json_round_trip(db):
    row = next(iter(db.query("SELECT event FROM events WHERE kind = 'pardon'")))
    assert json.loads(row["event"])["count"] == 25
