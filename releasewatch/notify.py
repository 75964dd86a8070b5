"""Notifiers: where alerts go. An interface with two implementations.

``ConsoleNotifier`` (no Telegram token) prints each alert as the channel would show it;
``tgbot.notifier.TelegramNotifier`` posts to Telegram. Both raise ``SendError`` for a
failure worth retrying; the outbox decides when.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any, Protocol, TextIO

from releasewatch.errors import ReleasewatchError


class SendError(ReleasewatchError):
    """Sending failed; try again later (after ``retry_after`` seconds when given)."""

    def __init__(self, message: str, *, retry_after: float | None = None, permanent: bool = False):
        super().__init__(message)
        self.retry_after = retry_after
        self.permanent = permanent  # e.g. the bot was removed from the channel: admins must act


@dataclass(frozen=True, slots=True)
class Sent:
    message_id: str
    chat_id: str


class Notifier(Protocol):
    name: str

    async def send(self, alert: dict[str, Any]) -> Sent:
        """Deliver one outbox row (``text`` is Telegram HTML, ``plain`` plain text).

        ``op == "edit"``: change the message ``ref_message_id`` in ``ref_chat_id``.
        ``reply_to`` set: post as a reply to ``ref_message_id``.
        """
        ...

    async def notify_admins(self, text: str) -> None:
        """Feed-health and other operator notices."""
        ...


class ConsoleNotifier:
    """Prints alerts; the default when no Telegram token is set."""

    name = "console"

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    async def send(self, alert: dict[str, Any]) -> Sent:
        out = self.stream or sys.stdout
        route = alert.get("route") or "default"
        if alert.get("op") == "edit":
            header = f"── update of alert #{alert['update_of']} "
        elif alert.get("op") == "review":
            header = f"── review requested for alert #{alert['update_of']} (Telegram only) "
        elif alert.get("reply_to"):
            header = f"── alert #{alert['id']} (follow-up to #{alert['reply_to']}) "
        else:
            header = f"── alert #{alert['id']} "
        header += "" if route == "default" else f"→ {route} "
        out.write(header + "─" * max(0, 60 - len(header)) + "\n" + alert["plain"] + "\n\n")
        out.flush()
        return Sent(message_id=f"console-{alert['id']}", chat_id=route)

    async def notify_admins(self, text: str) -> None:
        out = self.stream or sys.stderr
        out.write(f"[admin notice] {text}\n")
        out.flush()
