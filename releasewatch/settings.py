"""Every setting in one table: name, default, meaning, validation.

Settings come from environment variables, read once into a frozen ``Settings``. A value
that does not validate stops the program with a message naming the variable. Secrets
(the bot token) may also come from a file: ``TELEGRAM_BOT_TOKEN_FILE`` names a file that
must not be readable by group or others.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from releasewatch.errors import ConfigError


def _int(lo: int, hi: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        try:
            value = int(raw.strip())
        except ValueError:
            raise ValueError(f"expected a whole number, got {raw!r}") from None
        if not lo <= value <= hi:
            raise ValueError(f"expected a number from {lo} to {hi}, got {value}")
        return value

    return parse


def _str(raw: str) -> str:
    return raw.strip()


def _ids(raw: str) -> tuple[int, ...]:
    out = []
    for part in raw.replace(" ", "").split(","):
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            raise ValueError(f"expected comma-separated numeric user ids, got {part!r}")
        out.append(int(part))
    return tuple(out)


def _choice(*choices: str) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        value = raw.strip().lower()
        if value not in choices:
            raise ValueError(f"expected one of {', '.join(choices)}, got {raw!r}")
        return value

    return parse


def _url(raw: str) -> str:
    value = raw.strip().rstrip("/")
    if not value.startswith(("http://", "https://")):
        raise ValueError(f"expected an http(s) URL, got {raw!r}")
    return value


def _hhmm(raw: str) -> str:
    value = raw.strip()
    if not value:
        return ""
    hh, _, mm = value.partition(":")
    if not (hh.isdigit() and mm.isdigit() and 0 <= int(hh) < 24 and 0 <= int(mm) < 60):
        raise ValueError(f"expected HH:MM (24-hour) or empty, got {raw!r}")
    return f"{int(hh):02d}:{int(mm):02d}"


def _tz(raw: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    value = raw.strip() or "UTC"
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {raw!r} (use an IANA name like Europe/Vilnius)"
        ) from None
    return value


def _listen_host(raw: str) -> str:
    import ipaddress
    import re

    value = raw.strip()
    try:
        return str(ipaddress.ip_address(value.strip("[]")))
    except ValueError:
        pass
    label = r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)"
    if len(value) <= 253 and re.fullmatch(rf"{label}(\.{label})*", value):
        return value.lower()
    raise ValueError(
        "expected an address of this machine to listen on (127.0.0.1, ::1, 0.0.0.0 for"
        f" every interface) or a host name, without scheme or port; got {raw!r}"
    )


def _routes(raw: str) -> frozenset[str]:
    return frozenset(r.strip() for r in raw.split(",") if r.strip())


def _hosts(raw: str) -> frozenset[str]:
    return frozenset(h.strip().lower() for h in raw.split(",") if h.strip())


@dataclass(frozen=True)
class Spec:
    env: str
    default: str
    parse: Callable[[str], Any]
    meaning: str
    secret: bool = False


# The one table. README's configuration table is checked against it by a test.
SPECS: dict[str, Spec] = {
    "db_path": Spec(
        "RELEASEWATCH_DB", "./data/releasewatch.db", _str, "SQLite database file (CLI: --db)"
    ),
    "log_level": Spec(
        "RELEASEWATCH_LOG_LEVEL",
        "INFO",
        _choice("debug", "info", "warning", "error"),
        "log level",
    ),
    "log_format": Spec(
        "RELEASEWATCH_LOG_FORMAT", "kv", _choice("kv", "json"), "log lines as key=value or JSON"
    ),
    "poll_interval_min": Spec(
        "RELEASEWATCH_POLL_INTERVAL", "10", _int(1, 1440), "default minutes between polls of a feed"
    ),
    "backfill_hours": Spec(
        "RELEASEWATCH_BACKFILL_HOURS",
        "24",
        _int(-1, 24 * 365),
        "first poll of a new feed alerts only items newer than this (-1: all)",
    ),
    "max_body_mb": Spec(
        "RELEASEWATCH_MAX_BODY_MB", "10", _int(1, 200), "a feed body larger than this is abandoned"
    ),
    "per_host": Spec(
        "RELEASEWATCH_PER_HOST", "2", _int(1, 20), "concurrent requests per host at most"
    ),
    "max_concurrency": Spec(
        "RELEASEWATCH_MAX_CONCURRENCY", "50", _int(1, 500), "concurrent requests overall at most"
    ),
    "fetch_timeout": Spec(
        "RELEASEWATCH_FETCH_TIMEOUT", "30", _int(1, 300), "seconds a whole request may take"
    ),
    "allowed_hosts": Spec(
        "RELEASEWATCH_ALLOWED_HOSTS",
        "",
        _hosts,
        "comma-separated hosts that feeds added through the bot may use even if private",
    ),
    "failing_notice_hours": Spec(
        "RELEASEWATCH_FAILING_HOURS",
        "24",
        _int(1, 24 * 30),
        "tell admins after a feed fails this long",
    ),
    "hold_seconds": Spec(
        "RELEASEWATCH_HOLD_SECONDS",
        "180",
        _int(0, 3600),
        "a new alert waits this long for more sources before it is posted (`once`: no wait)",
    ),
    "group_window_hours": Spec(
        "RELEASEWATCH_GROUP_WINDOW_HOURS",
        "72",
        _int(1, 24 * 30),
        "reports of the same figure within this window are one event",
    ),
    "retention_days": Spec(
        "RELEASEWATCH_RETENTION_DAYS",
        "90",
        _int(7, 3650),
        "stored items older than this are pruned (events and alerts are kept)",
    ),
    "digest_at": Spec(
        "RELEASEWATCH_DIGEST_AT",
        "",
        _hhmm,
        "post a daily digest at this local time (HH:MM; empty: off)",
    ),
    "timezone": Spec(
        "RELEASEWATCH_TIMEZONE", "UTC", _tz, "time zone of the digest time (IANA name)"
    ),
    "review_routes": Spec(
        "RELEASEWATCH_REVIEW",
        "",
        _routes,
        'routes whose alerts wait for an admin\'s Approve/Reject first ("default" = main channel)',
    ),
    "metrics_port": Spec(
        "RELEASEWATCH_METRICS_PORT",
        "0",
        _int(0, 65535),
        "serve Prometheus metrics at http://HOST:PORT/metrics while `run` runs (0: off)",
    ),
    "metrics_host": Spec(
        "RELEASEWATCH_METRICS_HOST",
        "127.0.0.1",
        _listen_host,
        "address the metrics endpoint listens on (0.0.0.0: every interface)",
    ),
    "telegram_token": Spec(
        "TELEGRAM_BOT_TOKEN",
        "",
        _str,
        "bot token from BotFather; empty: alerts go to the console",
        secret=True,
    ),
    "telegram_chat_id": Spec(
        "TELEGRAM_CHAT_ID", "", _str, "the channel alerts go to: @name or -100..."
    ),
    "telegram_admin_ids": Spec(
        "TELEGRAM_ADMIN_IDS", "", _ids, "comma-separated Telegram user ids allowed to change things"
    ),
    "telegram_admin_chat_id": Spec(
        "TELEGRAM_ADMIN_CHAT_ID", "", _str, "where feed-health notices go (default: first admin)"
    ),
    "telegram_api_base": Spec(
        "TELEGRAM_API_BASE",
        "https://api.telegram.org",
        _url,
        "Bot API server root; the bot appends /bot<token>/<method>",
    ),
}


@dataclass(frozen=True)
class Settings:
    db_path: str = SPECS["db_path"].default
    log_level: str = "info"
    log_format: str = "kv"
    poll_interval_min: int = 10
    backfill_hours: int = 24
    max_body_mb: int = 10
    per_host: int = 2
    max_concurrency: int = 50
    fetch_timeout: int = 30
    allowed_hosts: frozenset[str] = frozenset()
    failing_notice_hours: int = 24
    hold_seconds: int = 180
    group_window_hours: int = 72
    retention_days: int = 90
    digest_at: str = ""
    timezone: str = "UTC"
    review_routes: frozenset[str] = frozenset()
    metrics_port: int = 0
    metrics_host: str = "127.0.0.1"
    telegram_token: str = ""
    telegram_chat_id: str = ""
    telegram_admin_ids: tuple[int, ...] = ()
    telegram_admin_chat_id: str = ""
    telegram_api_base: str = "https://api.telegram.org"

    def __repr__(self) -> str:  # never print the token
        shown = {
            f.name: (
                "***" if SPECS[f.name].secret and getattr(self, f.name) else getattr(self, f.name)
            )
            for f in fields(self)
        }
        return f"Settings({shown})"

    @property
    def admin_chat(self) -> str:
        if self.telegram_admin_chat_id:
            return self.telegram_admin_chat_id
        return str(self.telegram_admin_ids[0]) if self.telegram_admin_ids else ""


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Read every setting from ``env`` (default ``os.environ``), validate, return them."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for name, spec in SPECS.items():
        raw = env.get(spec.env)
        if raw is None or raw == "":
            raw = spec.default
        try:
            values[name] = spec.parse(raw)
        except ValueError as exc:
            raise ConfigError(f"{spec.env}: {exc}") from None
    if not values["telegram_token"] and env.get("TELEGRAM_BOT_TOKEN_FILE"):
        values["telegram_token"] = _read_secret_file(env["TELEGRAM_BOT_TOKEN_FILE"])
    values.update({k: v for k, v in overrides.items() if v is not None})
    if values["telegram_token"] and not values["telegram_chat_id"]:
        raise ConfigError("TELEGRAM_CHAT_ID: required when TELEGRAM_BOT_TOKEN is set")
    return Settings(**values)


def _read_secret_file(path: str) -> str:
    p = Path(path)
    try:
        mode = p.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigError(
                f"TELEGRAM_BOT_TOKEN_FILE: {path} is readable by others; chmod 600 it"
            )
        return p.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"TELEGRAM_BOT_TOKEN_FILE: cannot read {path}: {exc}") from None
