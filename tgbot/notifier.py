"""``TelegramNotifier``: the outbox's way to the channel, and the admin command bot.

Lifecycle (driven by ``releasewatch.app``)::

    notifier = TelegramNotifier(settings)
    await notifier.start()          # build the Application; getMe (tolerates an outage)
    notifier.attach(ctx, scheduler=..., started=...)   # daemon only: admin commands
    await notifier.send(alert_row)  # -> Sent, or raises SendError
    await notifier.stop()           # stop polling, close HTTP connections

``send`` never retries by itself (the rate limiter's retries are off too): every failure
becomes a :class:`SendError` and the outbox decides when to try again, so each attempt
is recorded.
"""

from __future__ import annotations

import asyncio
import html
import logging
import time
import warnings
from datetime import timedelta
from typing import Any

import sqlite_utils
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import Application

from releasewatch import mute as M
from releasewatch.errors import ConfigError
from releasewatch.logging_setup import redact
from releasewatch.notify import SendError, Sent
from releasewatch.settings import Settings
from storage.db import utcnow
from tgbot.bot import Poller, build_application, install_handlers
from tgbot.commands import BotDeps

log = logging.getLogger("releasewatch.tgbot")

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def review_keyboard(alert_id: int) -> InlineKeyboardMarkup:
    """Approve / Reject buttons; ``tgbot.bot`` handles the ``rv:`` callbacks."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("✅ Approve", callback_data=f"rv:a:{alert_id}"),
                InlineKeyboardButton("❌ Reject", callback_data=f"rv:r:{alert_id}"),
            ]
        ]
    )


ADMIN_TEXT_LIMIT = 3000  # characters of plain text; escaped, it stays under Telegram's 4096
_PERMANENT_BAD_REQUEST = (
    "chat not found",
    "chat_id is empty",
    "peer_id_invalid",
    "need administrator rights",
    "not enough rights",
)


def retry_after_seconds(exc: RetryAfter) -> float:
    """``RetryAfter.retry_after`` is an int or a timedelta depending on PTB_TIMEDELTA."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PTB 22 warns that the int form is deprecated
        value: Any = exc.retry_after
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value)


class TelegramNotifier:
    name = "telegram"

    def __init__(self, settings: Settings, *, poll_timeout: float = 10.0) -> None:
        if not settings.telegram_token:
            raise ConfigError("TELEGRAM_BOT_TOKEN: required for the Telegram notifier")
        self.settings = settings
        self.poll_timeout = poll_timeout
        self.app: Application | None = None
        self.poller: Poller | None = None
        self.deps: BotDeps | None = None
        self._db: sqlite_utils.Database | None = None  # for mutes; the daemon's via attach
        self._own_db = False
        self._forbidden_told: set[str] = set()  # chats admins were told about, until it works

    # ------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Build the Application and check the token (getMe).

        A rejected token is a configuration error; an unreachable Bot API is not (the
        outbox retries sends, the poller retries getMe).
        """
        if self.app is not None:
            return
        self.app = build_application(self.settings, poll_timeout=self.poll_timeout)
        try:
            await self.app.bot.initialize()
        except InvalidToken:
            await self.app.bot.shutdown()
            self.app = None
            raise ConfigError("TELEGRAM_BOT_TOKEN: the Bot API rejected the token") from None
        except TelegramError as exc:
            log.warning(
                "telegram: Bot API not reachable at start (%s); will retry", type(exc).__name__
            )

    def attach(self, ctx: Any, *, scheduler: Any = None, started: float | None = None) -> None:
        """Daemon only: take admin commands (long polling in the running loop)."""
        if self.app is None:
            raise RuntimeError("TelegramNotifier.attach() before start()")
        self._use_db(ctx.db, own=False)
        self.deps = BotDeps(
            db=ctx.db,
            settings=self.settings,
            fetcher=ctx.fetcher,
            matcher=getattr(ctx, "matcher", None),
            scheduler=scheduler,
            started=time.monotonic() if started is None else started,
            clock=getattr(ctx, "clock", utcnow),
        )
        install_handlers(self.app, self.deps)
        self.poller = Poller(self.app, poll_timeout=self.poll_timeout)
        self.poller.start()

    async def stop(self) -> None:
        if self.poller is not None:
            await self.poller.stop()
            self.poller = None
        if self.app is not None:
            try:
                if self.app._initialized:  # Application has no public flag
                    await self.app.shutdown()
                else:
                    await self.app.bot.shutdown()
            except Exception:  # shutting down must not raise
                log.warning("telegram: shutdown failed", exc_info=False)
            self.app = None
        if self._own_db and self._db is not None:
            self._db.close()
        self._db, self._own_db = None, False

    def _use_db(self, db: sqlite_utils.Database, *, own: bool) -> None:
        if self._own_db and self._db is not None and self._db is not db:
            self._db.close()
        self._db, self._own_db = db, own

    def bind_db(self, db: sqlite_utils.Database) -> None:
        """Give the notifier the database for mutes without taking admin commands."""
        self._use_db(db, own=False)

    def _mute_db(self) -> sqlite_utils.Database | None:
        if self._db is None and self.settings.db_path != ":memory:":
            # `once` never calls attach(); mutes must hold there too. A second SQLite
            # connection (WAL) to the same file is cheap and safe.
            from storage.db import open_db

            try:
                self._use_db(open_db(self.settings.db_path), own=True)
            except Exception:  # no mutes rather than no alerts
                log.warning("telegram: cannot open the database to check mutes")
        return self._db

    # ------------------------------------------------------------ sending

    def _chat_for(self, alert: dict[str, Any]) -> str:
        route = str(alert.get("route") or "default")
        if route == "admin":  # review requests
            return str(self.settings.admin_chat)
        return self.settings.telegram_chat_id if route == "default" else route

    def _bot(self) -> Any:
        if self.app is None:
            raise SendError("telegram notifier is not started")
        return self.app.bot

    async def send(self, alert: dict[str, Any]) -> Sent:
        chat_id = self._chat_for(alert)
        db = self._mute_db()
        if db is not None:
            now = utcnow()
            until = M.held_until(db, alert, now)
            if until is not None:
                # Held, not dropped: the outbox reschedules it for the end of the mute.
                raise SendError(
                    M.held_message(until), retry_after=max(1.0, (until - now).total_seconds())
                )
        bot = self._bot()
        try:
            if alert.get("op") == "edit":
                return await self._edit(bot, alert)
            extra: dict[str, Any] = {}
            if alert.get("op") == "review":
                extra["reply_markup"] = review_keyboard(int(alert["update_of"]))
            elif alert.get("ref_message_id") and alert.get("ref_route") == alert.get("route"):
                # A follow-up: thread it under the story's first post.
                extra["reply_parameters"] = ReplyParameters(
                    message_id=int(alert["ref_message_id"]), allow_sending_without_reply=True
                )
            text = alert["text"]
            if alert.get("op") == "review":
                text = f"<b>Review alert #{alert['update_of']}</b> (not posted yet)\n\n{text}"
            message = await bot.send_message(
                chat_id=chat_id,
                text=text,
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
                **extra,
            )
        except RetryAfter as exc:
            seconds = retry_after_seconds(exc)
            raise SendError(
                f"Telegram flood control: retry after {seconds:g}s", retry_after=seconds
            ) from None
        except Forbidden as exc:
            reason = self._safe(exc.message)
            await self._tell_forbidden(chat_id, reason)
            raise SendError(f"no access to chat {chat_id}: {reason}", permanent=True) from None
        except ChatMigrated as exc:
            await self._tell_forbidden(chat_id, f"the group moved to {exc.new_chat_id}")
            raise SendError(
                f"chat {chat_id} migrated to {exc.new_chat_id}; update the chat id", permanent=True
            ) from None
        except BadRequest as exc:  # before NetworkError: BadRequest is a subclass of it
            reason = self._safe(exc.message)
            if any(p in reason.lower() for p in _PERMANENT_BAD_REQUEST):
                await self._tell_forbidden(chat_id, reason)
                raise SendError(
                    f"cannot post to chat {chat_id}: {reason}", permanent=True
                ) from None
            raise SendError(f"Telegram refused the message: {reason}") from None
        except TimedOut:
            raise SendError("Telegram request timed out") from None
        except NetworkError as exc:
            raise SendError(
                f"network error talking to Telegram: {self._safe(exc.message)}"
            ) from None
        except InvalidToken:
            raise SendError("the bot token was rejected", permanent=True) from None
        except TelegramError as exc:
            raise SendError(f"Telegram error: {self._safe(exc.message)}") from None
        self._forbidden_told.discard(chat_id)
        return Sent(str(message.message_id), str(message.chat_id))

    async def _edit(self, bot: Any, alert: dict[str, Any]) -> Sent:
        """Edit the posted message of ``update_of`` to its new text (more sources)."""
        chat_id, message_id = str(alert["ref_chat_id"]), str(alert["ref_message_id"])
        try:
            await bot.edit_message_text(
                chat_id=chat_id,
                message_id=int(message_id),
                text=alert["text"],
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
            )
        except BadRequest as exc:
            reason = exc.message.lower()
            # Already showing this text (an earlier attempt landed before a crash), or
            # deleted by a channel admin: either way nothing is left to do.
            if "not modified" in reason or "message to edit not found" in reason:
                return Sent(message_id, chat_id)
            raise
        return Sent(message_id, chat_id)

    async def _tell_forbidden(self, chat_id: str, reason: str) -> None:
        """Tell the admins once per chat (until a send there works again)."""
        if chat_id in self._forbidden_told:
            return
        self._forbidden_told.add(chat_id)
        log.error("telegram: cannot post to %s: %s; alerts stay queued", chat_id, reason)
        if str(self.settings.admin_chat) == str(chat_id):
            return  # the admin chat itself is the problem: nowhere to tell
        await self.notify_admins(
            f"I cannot post to {chat_id}: {reason}. Alerts are kept in the queue and will "
            "be sent once the bot is back in the channel with the right to post."
        )

    async def notify_admins(self, text: str) -> None:
        chat = self.settings.admin_chat
        if not chat:
            log.warning("admin notice (no admin chat configured): %s", text[:300])
            return
        plain = text if len(text) <= ADMIN_TEXT_LIMIT else text[: ADMIN_TEXT_LIMIT - 1] + "…"
        try:
            await self._bot().send_message(
                chat_id=chat,
                text=html.escape(plain, quote=False),
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
            )
        except (TelegramError, SendError) as exc:
            log.warning("admin notice failed (%s): %s", type(exc).__name__, text[:300])

    def _safe(self, text: str) -> str:
        """Error text as shown to admins and logs: never the token."""
        token = self.settings.telegram_token
        text = text.replace(token, "<token>") if token else text
        return redact(text)[:300]

    async def wait_ready(self, timeout: float = 10.0) -> None:
        """Tests: wait until long polling runs."""
        assert self.poller is not None
        await asyncio.wait_for(self.poller.ready.wait(), timeout)
