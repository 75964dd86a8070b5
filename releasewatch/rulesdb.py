"""Admin rules between the database and the rules engine.

The matcher is rebuilt only when the rules table changes, so a poll cycle costs one
small query, not a recompile.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from rules.admin import Matcher, parse_rule
from storage import repo


class MatcherCache:
    """Returns a ``rules.admin.Matcher`` for the current enabled admin rules."""

    def __init__(self, db: sqlite_utils.Database | None) -> None:
        self.db = db
        self._sig: Any = object()
        self._matcher: Any = None
        self._routes: dict[str, str] = {}

    def _signature(self) -> Any:
        if self.db is None:
            return None
        return self.db.execute(
            "SELECT count(*), coalesce(max(id), 0), coalesce(sum(enabled), 0),"
            " coalesce(sum(length(normalised) + length(route)), 0) FROM rules"
        ).fetchone()

    def _refresh(self) -> None:
        sig = self._signature()
        if sig == self._sig and self._matcher is not None:
            return
        admin = []
        routes: dict[str, str] = {}
        if self.db is not None:
            for row in repo.list_rules(self.db, enabled_only=True):
                # Stored rules were validated on the way in; a rule that no longer parses
                # (syntax changed in an upgrade) is skipped, not fatal.
                try:
                    admin.append((row["id"], row["name"], parse_rule(row["spec"])))
                except Exception:
                    continue
                routes[f"admin:{row['id']}"] = row["route"]
        self._matcher = Matcher(admin)
        self._routes = routes
        self._sig = sig

    def matcher(self) -> Any:
        self._refresh()
        return self._matcher

    def routes(self) -> dict[str, str]:
        self._refresh()
        return self._routes
