"""Logging: one line per event, key=value or JSON, never the bot token."""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime

from releasewatch.settings import Settings

# Telegram bot tokens look like 123456789:AA...; mask any that reach a log line.
_TOKEN = re.compile(r"(?<![0-9])\d{5,}:[A-Za-z0-9_-]{30,}")


def redact(text: str) -> str:
    return _TOKEN.sub("<token>", text)


class _Formatter(logging.Formatter):
    def __init__(self, fmt: str) -> None:
        super().__init__()
        self.fmt = fmt

    def format(self, record: logging.LogRecord) -> str:
        msg = redact(record.getMessage())
        if record.exc_info:
            msg += " " + redact(self.formatException(record.exc_info)).replace("\n", " | ")
        ts = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if self.fmt == "json":
            return json.dumps(
                {"ts": ts, "level": record.levelname.lower(), "logger": record.name, "msg": msg},
                ensure_ascii=False,
            )
        return f"ts={ts} level={record.levelname.lower()} logger={record.name} {msg}"


def setup_logging(settings: Settings) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter(settings.log_format))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    # httpx logs every request URL at INFO, and a Bot API URL contains the token.
    for noisy in ("httpx", "httpcore", "apscheduler", "telegram.ext.Updater"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
