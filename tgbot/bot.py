"""Wiring: the PTB Application, its handlers, and polling inside the daemon's loop.

The daemon already runs an asyncio loop, so ``Application.run_polling`` (which owns the
loop and signal handling) is not used. Instead::

    app = build_application(settings)
    install_handlers(app, deps)
    await app.initialize()                  # getMe
    await app.start()                       # handler processing
    await app.updater.start_polling(...)    # getUpdates long polling
    ...
    await app.updater.stop(); await app.stop(); await app.shutdown()

:class:`Poller` does exactly that, retrying until Telegram answers, so a Bot API outage
at start-up never stops the feed polling.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import logging
import re

from telegram import BotCommand, ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from releasewatch.settings import Settings
from storage import repo
from storage.events import decide_review
from tgbot.commands import COMMANDS, BotDeps, bot_commands, is_admin, run_command

log = logging.getLogger("releasewatch.tgbot")

# Telegram's limits: 20 messages a minute in one channel/group, 30 a second overall.
GROUP_PER_MINUTE = 20
OVERALL_PER_SECOND = 30
# The outbox owns retries and records them; the limiter must not retry behind its back.
LIMITER_RETRIES = 0
ALLOWED_UPDATES = ["message", "callback_query"]  # edits and channel posts are never fetched

# Commands only from ordinary new messages: not edits, channel posts or forwards.
BASE_FILTER = filters.UpdateType.MESSAGE & ~filters.FORWARDED


def api_urls(settings: Settings) -> tuple[str, str]:
    base = settings.telegram_api_base.rstrip("/")
    return f"{base}/bot", f"{base}/file/bot"


def quiet_token_loggers() -> None:
    """PTB logs ``Set Bot API URL: <base>/bot<TOKEN>`` at DEBUG whenever a Bot is built.

    Keep those loggers at INFO even when the daemon runs at debug level (the log
    formatter's token mask does not match a token glued to ``/bot``).
    """
    for name in ("telegram.Bot", "telegram.ext.ExtBot"):
        logger = logging.getLogger(name)
        if logger.level < logging.INFO:
            logger.setLevel(logging.INFO)


def build_application(settings: Settings, *, poll_timeout: float = 10.0) -> Application:
    """An Application (bot + updater) for ``settings``; nothing is contacted yet."""
    quiet_token_loggers()
    base_url, base_file_url = api_urls(settings)
    return (
        ApplicationBuilder()
        .token(settings.telegram_token)
        .base_url(base_url)
        .base_file_url(base_file_url)
        .rate_limiter(
            AIORateLimiter(
                overall_max_rate=OVERALL_PER_SECOND,
                overall_time_period=1,
                group_max_rate=GROUP_PER_MINUTE,
                group_time_period=60,
                max_retries=LIMITER_RETRIES,
            )
        )
        .get_updates_read_timeout(poll_timeout + 10.0)
        .concurrent_updates(False)  # one command at a time: no interleaved DB changes
        .job_queue(None)  # the daemon has its own scheduler
        .build()
    )


def install_handlers(app: Application, deps: BotDeps) -> None:
    """Register every command of :data:`tgbot.commands.COMMANDS` plus the OPML caption."""
    app.bot_data["deps"] = deps
    for cmd in COMMANDS.values():
        app.add_handler(
            CommandHandler(cmd.name, functools.partial(run_command, cmd), filters=BASE_FILTER)
        )
    # A document whose *caption* is /importopml has no text entities, so CommandHandler
    # never sees it.
    caption = filters.CaptionRegex(re.compile(r"^/importopml(?:@\w+)?(?:\s|$)", re.IGNORECASE))
    app.add_handler(
        MessageHandler(
            BASE_FILTER & filters.Document.ALL & caption,
            functools.partial(run_command, COMMANDS["importopml"]),
        )
    )
    app.add_handler(
        MessageHandler(BASE_FILTER & filters.ChatType.PRIVATE & filters.COMMAND, _unknown)
    )
    app.add_handler(CallbackQueryHandler(on_review, pattern=r"^rv:[ar]:\d+$"))
    app.add_error_handler(_on_error)


async def on_review(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Approve or reject an alert waiting for review (inline buttons; admins only)."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    deps: BotDeps = context.application.bot_data["deps"]
    uid = query.from_user.id if query.from_user else 0
    _, verdict, raw_id = query.data.split(":")
    alert_id, approve = int(raw_id), verdict == "a"
    if not is_admin(deps.settings, uid):
        repo.audit(deps.db, f"tg:{uid}", "denied", {"review": alert_id}, ok=False)
        with contextlib.suppress(TelegramError):
            await query.answer("Sorry, only the bot's admins can do that.", show_alert=True)
        return
    decided = decide_review(deps.db, alert_id, approve)
    action = "review.approve" if approve else "review.reject"
    repo.audit(deps.db, f"tg:{uid}", action, {"alert": alert_id}, ok=decided)
    note = ("✅ Approved" if approve else "❌ Rejected") if decided else "Already decided"
    with contextlib.suppress(TelegramError):
        await query.answer(note)
        if decided and query.message is not None:
            who = html.escape(query.from_user.full_name if query.from_user else str(uid))
            await query.edit_message_reply_markup(reply_markup=None)
            await context.bot.send_message(
                chat_id=query.message.chat.id,
                text=f"{note} alert #{alert_id} by {who}.",
                parse_mode=ParseMode.HTML,
                reply_parameters=ReplyParameters(
                    message_id=query.message.message_id, allow_sending_without_reply=True
                ),
            )


async def _unknown(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.message is not None:
        with contextlib.suppress(TelegramError):
            await update.message.reply_text(
                "Unknown command. Send /help for the list.", do_quote=False
            )


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    # Type only: PTB exception texts can carry request details we do not want in logs.
    log.warning("telegram handler error: %s", type(context.error).__name__)


async def set_commands(app: Application) -> None:
    await app.bot.set_my_commands([BotCommand(name, desc) for name, desc in bot_commands()])


class Poller:
    """Runs the Application's long polling as a background task of the current loop."""

    def __init__(
        self, app: Application, *, poll_timeout: float = 10.0, max_backoff: float = 60.0
    ) -> None:
        self.app = app
        self.poll_timeout = poll_timeout
        self.max_backoff = max_backoff
        self.task: asyncio.Task[None] | None = None
        self.ready = asyncio.Event()  # set once polling runs (tests wait on it)

    def start(self) -> None:
        if self.task is None:
            self.task = asyncio.create_task(self._run(), name="telegram-polling")

    async def _run(self) -> None:
        delay = 1.0
        while True:
            try:
                await self.app.initialize()
                break
            except InvalidToken:
                # Never log the exception: PTB puts the token in its message.
                log.error("telegram: the bot token was rejected; admin commands are off")
                return
            except TelegramError as exc:
                log.warning(
                    "telegram: cannot reach the Bot API (%s); retry in %.0fs",
                    type(exc).__name__,
                    delay,
                )
            await asyncio.sleep(delay)
            delay = min(self.max_backoff, delay * 2)
        try:
            await set_commands(self.app)
        except TelegramError as exc:  # cosmetic: the menu; commands work without it
            log.warning("telegram: setMyCommands failed: %s", type(exc).__name__)
        await self.app.start()
        assert self.app.updater is not None
        while True:
            try:
                await self.app.updater.start_polling(
                    timeout=self.poll_timeout,
                    allowed_updates=ALLOWED_UPDATES,
                    drop_pending_updates=False,
                    error_callback=_polling_error,
                )
                break
            except TelegramError as exc:
                log.warning(
                    "telegram: start polling failed (%s); retry in %.0fs", type(exc).__name__, delay
                )
                await asyncio.sleep(delay)
                delay = min(self.max_backoff, delay * 2)
        self.ready.set()
        log.info("telegram: polling for admin commands")

    async def stop(self) -> None:
        """Stop polling and processing; safe at any stage, safe twice."""
        if self.task is not None and not self.task.done():
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task
        updater = self.app.updater
        if updater is not None and updater.running:
            with contextlib.suppress(Exception):
                await updater.stop()
        if self.app.running:
            with contextlib.suppress(Exception):
                await self.app.stop()
        self.ready.clear()


def _polling_error(exc: TelegramError) -> None:
    # PTB's default logs a full traceback for every failed getUpdates while Telegram is
    # down; one line is enough, and the type name cannot leak the token.
    log.warning("telegram: getUpdates failed: %s", type(exc).__name__)
