"""releasewatch rules engine.

``evaluate(item)`` extracts built-in events (pardon, sanctions, prisoner_count) with evidence;
``rules.admin`` adds admin-written rules on top (see rules/SYNTAX.md).
"""

from __future__ import annotations

from typing import Any

from releasewatch.models import Event

__all__ = [
    "AdminRule",
    "ChangeResult",
    "Matcher",
    "RuleMatch",
    "backtest",
    "change_alert",
    "engine",
    "evaluate",
    "parse_rule",
]

_ADMIN_NAMES = frozenset(
    ("AdminRule", "ChangeResult", "Matcher", "RuleMatch", "backtest", "change_alert", "parse_rule")
)


def __getattr__(name: str) -> Any:
    # rules.Matcher etc. without a circular import (rules.admin imports rules.evaluate)
    if name in _ADMIN_NAMES:
        from rules import admin

        return getattr(admin, name)
    raise AttributeError(f"module 'rules' has no attribute {name!r}")


# Load the submodule now: importing it later would rebind the package attribute `engine`
# (the function below) to the module, breaking `rules.engine()` after the first evaluate().
from rules import engine as _engine_module  # noqa: E402

_ENGINE: Any = None


def engine() -> Any:
    """The shared, immutable built-in engine (compiled on first use)."""
    return _engine()


def _engine() -> Any:
    # Lazy singleton: packs are compiled on first use, then shared (the engine is immutable).
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = _engine_module.Engine()
    return _ENGINE


def evaluate(item: Any) -> list[Event]:
    """Events reported by `item` (anything with .title, .summary, .lang, optionally .published)."""
    return _engine().evaluate(item)
