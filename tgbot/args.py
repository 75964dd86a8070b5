"""Pure argument parsing for the admin commands: no Telegram, no database.

Every function raises :class:`~releasewatch.errors.UsageError` with a one-line,
user-facing message; the handler turns it into a reply plus the usage line.
"""

from __future__ import annotations

import re
from datetime import timedelta

from releasewatch.errors import UsageError

MAX_ARG_CHARS = 2000  # a command's arguments; Telegram allows 4096, nothing we take needs more
MAX_MUTE = timedelta(days=30)
MIN_MUTE = timedelta(minutes=1)
MAX_INTERVAL_MIN = 1440

_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?=\s|$)")
_DURATION_PART = re.compile(r"(\d{1,6})\s*([wdhm])", re.IGNORECASE)
_UNITS = {
    "w": timedelta(weeks=1),
    "d": timedelta(days=1),
    "h": timedelta(hours=1),
    "m": timedelta(minutes=1),
}


def split_command(text: str | None) -> tuple[str, str]:
    """``"/addfeed@bot  https://x  10"`` -> ``("addfeed", "https://x  10")``.

    The rest is the raw text after the command (stripped), not whitespace-split: a rule
    spec keeps its own spacing and quotes.
    """
    text = (text or "").strip()
    m = _COMMAND.match(text)
    if not m:
        return "", text
    return m.group(1).lower(), text[m.end() :].strip()


def check_length(rest: str, limit: int = MAX_ARG_CHARS) -> str:
    if len(rest) > limit:
        raise UsageError(f"the argument is too long ({len(rest)} characters, at most {limit})")
    return rest


def parse_id(raw: str, what: str = "id") -> int:
    """A positive numeric id; ``#12`` is accepted as ``12``."""
    value = raw.strip().removeprefix("#")
    if not value.isdigit() or len(value) > 12 or int(value) < 1:
        shown = raw.strip()[:40] or "nothing"
        raise UsageError(f"expected a numeric {what}, got {shown!r}")
    return int(value)


def parse_one_id(rest: str, what: str = "id") -> int:
    parts = check_length(rest).split()
    if len(parts) != 1:
        raise UsageError(f"expected exactly one {what}")
    return parse_id(parts[0], what)


def parse_addfeed(rest: str) -> tuple[str, int | None]:
    """``URL [minutes]`` -> (url, minutes or None)."""
    parts = check_length(rest).split()
    if not parts:
        raise UsageError("a feed URL is required")
    if len(parts) > 2:
        raise UsageError("expected a URL and at most one number of minutes")
    minutes = None
    if len(parts) == 2:
        raw = parts[1]
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_INTERVAL_MIN:
            raise UsageError(
                f"minutes between polls must be a whole number from 1 to {MAX_INTERVAL_MIN},"
                f" got {raw[:20]!r}"
            )
        minutes = int(raw)
    return parts[0], minutes


def parse_count(rest: str, *, default: int = 5, maximum: int = 50) -> int:
    parts = check_length(rest).split()
    if not parts:
        return default
    if len(parts) > 1 or not parts[0].isdigit() or not 1 <= int(parts[0]) <= maximum:
        raise UsageError(f"expected a number from 1 to {maximum}, got {rest[:20]!r}")
    return int(parts[0])


def parse_duration(raw: str) -> timedelta:
    """``30m``, ``2h``, ``1d``, ``1w``, ``1h30m`` -> timedelta (1 minute to 30 days)."""
    text = raw.strip().lower()
    if not text:
        raise UsageError("a duration is required, e.g. 30m, 2h or 1d")
    total = timedelta()
    pos = 0
    for m in _DURATION_PART.finditer(text):
        if text[pos : m.start()].strip():
            break
        total += int(m.group(1)) * _UNITS[m.group(2).lower()]
        pos = m.end()
    if pos == 0 or text[pos:].strip():
        raise UsageError(f"not a duration: {raw[:20]!r} (use e.g. 30m, 2h, 1d or 1h30m)")
    if not MIN_MUTE <= total <= MAX_MUTE:
        raise UsageError("a duration must be between 1 minute and 30 days")
    return total


def format_duration(delta: timedelta) -> str:
    """``timedelta(hours=1, minutes=30)`` -> ``"1h 30m"`` (minutes resolution)."""
    minutes = max(0, int(delta.total_seconds() + 59) // 60)
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = [f"{days}d"] * bool(days) + [f"{hours}h"] * bool(hours) + [f"{mins}m"] * bool(mins)
    return " ".join(parts) or "0m"


def format_uptime(seconds: float) -> str:
    seconds = int(max(0, seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    mins, secs = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h {mins}m"
    if hours:
        return f"{hours}h {mins}m"
    return f"{mins}m {secs}s"
