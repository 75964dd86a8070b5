"""Mutes: hold alerts for a while, never drop them.

A mute is stored in the ``state`` table (key ``mute``) as JSON, so the CLI, the daemon
and a restart all see the same mutes. Scopes:

* ``all`` - every alert;
* ``kind:<kind>`` - alerts with an event of that kind (``pardon``, ``sanctions``, ...);
* ``rule:<rule id>`` - alerts produced by that rule (``admin:3``, ``builtin:pardon``).

:func:`held_until` says whether an outbox row must wait, and until when. The outbox
leaves a held alert ``pending`` with ``next_attempt_at`` at the end of the mute, so it
goes out once the mute ends (or at once after :func:`release_held` on ``/unmute``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from releasewatch.errors import UsageError
from releasewatch.models import KINDS
from storage import repo
from storage.db import iso

STATE_KEY = "mute"
HELD_PREFIX = "muted until"  # the outbox's last_error for held alerts; release_held keys on it
MUTE_KINDS = (*KINDS, "mention")
_ALIASES = {
    "release": "pardon",
    "releases": "pardon",
    "pardons": "pardon",
    "sanction": "sanctions",
    "count": "prisoner_count",
    "counts": "prisoner_count",
}


@dataclass(frozen=True, slots=True)
class Mute:
    scope: str  # "all" | "kind:<kind>" | "rule:<rule id>"
    until: datetime
    by: str = ""

    def to_json(self) -> dict[str, str]:
        return {"scope": self.scope, "until": iso(self.until), "by": self.by}

    def describe(self) -> str:
        if self.scope == "all":
            return "all alerts"
        kind, _, value = self.scope.partition(":")
        return f"{kind} {value}"


def parse_scope(raw: str, *, rule_exists: Any = None) -> str:
    """Turn ``/mute``'s optional second argument into a scope string.

    ``""``/``all`` -> all; a kind (or alias) -> ``kind:``; ``3``, ``#3``, ``admin:3``,
    ``rule:3`` -> ``rule:admin:3`` (``rule_exists(3)`` must be true); ``builtin:<kind>``.
    """
    text = raw.strip().lower()
    if text in ("", "all", "*"):
        return "all"
    text = text.removeprefix("kind:")
    kind = _ALIASES.get(text, text)
    if kind in MUTE_KINDS:
        return f"kind:{kind}"
    if text.startswith("builtin:"):
        k = _ALIASES.get(text.removeprefix("builtin:"), text.removeprefix("builtin:"))
        if k in MUTE_KINDS:
            return f"rule:builtin:{k}"
        raise UsageError(f"unknown built-in rule {raw.strip()[:40]!r}")
    num = text.removeprefix("rule:").removeprefix("admin:").removeprefix("#")
    if num.isdigit() and len(num) <= 12:
        if rule_exists is not None and not rule_exists(int(num)):
            raise UsageError(f"no rule with id {int(num)}")
        return f"rule:admin:{int(num)}"
    raise UsageError(
        f"expected a rule id or one of {', '.join(MUTE_KINDS)}, got {raw.strip()[:40]!r}"
    )


def load_mutes(db: sqlite_utils.Database, now: datetime) -> list[Mute]:
    """The mutes still in force at ``now`` (expired ones are ignored, not an error)."""
    raw = repo.get_state(db, STATE_KEY)
    if not raw:
        return []
    try:
        data = json.loads(raw)
        mutes = [
            Mute(str(m["scope"]), datetime.fromisoformat(m["until"]), str(m.get("by", "")))
            for m in data.get("mutes", [])
        ]
    except (ValueError, TypeError, KeyError, AttributeError):
        return []  # a corrupt value must never block the outbox forever
    return [m for m in mutes if m.until > now]


def save_mutes(db: sqlite_utils.Database, mutes: Sequence[Mute]) -> None:
    repo.set_state(db, STATE_KEY, json.dumps({"mutes": [m.to_json() for m in mutes]}))


def add_mute(
    db: sqlite_utils.Database, scope: str, duration: timedelta, *, now: datetime, by: str
) -> Mute:
    """Add (or extend/shorten: the newest wins for one scope) a mute; returns it."""
    mute = Mute(scope, now + duration, by)
    others = [m for m in load_mutes(db, now) if m.scope != scope]
    save_mutes(db, [*others, mute])
    return mute


def clear_mutes(db: sqlite_utils.Database, now: datetime) -> list[Mute]:
    """Remove every mute; returns those that were still in force."""
    active = load_mutes(db, now)
    save_mutes(db, [])
    return active


def _alert_rules(db: sqlite_utils.Database, alert_id: Any) -> set[str]:
    if alert_id is None:
        return set()
    return {
        str(r["rule_id"])
        for r in db.query("SELECT DISTINCT rule_id FROM matches WHERE alert_id = ?", [alert_id])
    }


def _alert_kinds(alert: dict[str, Any]) -> set[str]:
    raw = alert.get("kinds")
    if isinstance(raw, list):
        return {str(k) for k in raw}
    try:
        value = json.loads(raw or "[]")
    except (TypeError, ValueError):
        return set()
    return {str(k) for k in value} if isinstance(value, list) else set()


def held_until(
    db: sqlite_utils.Database,
    alert: dict[str, Any],
    now: datetime,
    mutes: Sequence[Mute] | None = None,
) -> datetime | None:
    """When a muted alert may go out, or ``None`` if it is not muted.

    An alert is held if *any* mute applies (one of its kinds or rules); holding too much
    only delays, dropping would lose. The latest applicable end wins.
    """
    active = load_mutes(db, now) if mutes is None else [m for m in mutes if m.until > now]
    if not active:
        return None
    kinds: set[str] | None = None
    rules: set[str] | None = None
    ends = []
    for m in active:
        if m.scope == "all":
            ends.append(m.until)
        elif m.scope.startswith("kind:"):
            kinds = _alert_kinds(alert) if kinds is None else kinds
            if m.scope[5:] in kinds:
                ends.append(m.until)
        elif m.scope.startswith("rule:"):
            rules = _alert_rules(db, alert.get("id")) if rules is None else rules
            if m.scope[5:] in rules:
                ends.append(m.until)
    return max(ends) if ends else None


def held_message(until: datetime) -> str:
    return f"{HELD_PREFIX} {iso(until)}"


def release_held(db: sqlite_utils.Database) -> int:
    """After ``/unmute``: make alerts held by a mute due now. Returns how many."""
    # TODO(lead): belongs in storage/repo.py as repo.release_held_alerts(db, prefix).
    cur = db.execute(
        "UPDATE alerts SET next_attempt_at = NULL WHERE status = 'pending'"
        " AND last_error LIKE ? || '%'",
        [HELD_PREFIX],
    )
    return int(cur.rowcount or 0)
