"""Admin commands: plain async functions, one docstring line each.

The docstring line is ``/name ARGS — what it does``: ``/help`` prints these lines, the
usage line after bad input is the part before ``—``, and ``setMyCommands`` gets the part
after it. Registering a function with :func:`command` is all it takes to add a command.

Every handler gets a :class:`Call` and replies in HTML; every piece of user or feed text
is escaped with :func:`esc`. The guard in :func:`run_command` (not the handlers) decides
who may run what: state-changing and read-only-but-private commands are for the admins in
a private chat only; anyone else is refused politely and the attempt is audited.
"""

from __future__ import annotations

import html
import inspect
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils
from telegram import LinkPreviewOptions, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from releasewatch import __version__
from releasewatch import mute as M
from releasewatch.errors import (
    FetchError,
    NotFoundError,
    ParseError,
    ReleasewatchError,
    RuleError,
    UsageError,
)
from releasewatch.settings import Settings
from storage import repo
from storage.db import iso, utcnow
from tgbot import args as A

log = logging.getLogger("releasewatch.tgbot")

REFUSAL = "Sorry, only the bot's admins can do that."
MAX_OPML_BYTES = 1_000_000  # the OPML parser's own limit
MAX_OPML_FEEDS = 1000
MESSAGE_BUDGET = 3800  # Telegram allows 4096 after entity parsing; leave room for markup
BACKTEST_DAYS = 30
BACKTEST_SHOWN = 5
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def esc(value: Any) -> str:
    """Escape text for Telegram HTML (quotes need no escaping outside attributes)."""
    return html.escape("" if value is None else str(value), quote=False)


@dataclass
class BotDeps:
    """What the handlers need from the running daemon (see ``TelegramNotifier.attach``)."""

    db: sqlite_utils.Database
    settings: Settings
    fetcher: Any  # watchers.fetch.Fetcher
    matcher: Callable[[], Any] | None = None
    scheduler: Any = None  # watchers.schedule.FeedScheduler: reconcile() after feed changes
    started: float = field(default_factory=time.monotonic)
    clock: Callable[[], datetime] = utcnow

    def feeds_changed(self) -> None:
        if self.scheduler is not None and hasattr(self.scheduler, "reconcile"):
            try:
                self.scheduler.reconcile()  # poll a new feed now, not at the next tick
            except Exception:  # the scheduler's next tick (within a second) picks it up
                log.warning("schedule reconcile after a feed change failed", exc_info=True)


@dataclass
class Call:
    """One command invocation: who, where, the raw argument text, and how to answer."""

    name: str
    rest: str  # the text after the command, stripped
    uid: int
    message: Message
    deps: BotDeps
    context: ContextTypes.DEFAULT_TYPE

    @property
    def actor(self) -> str:
        return f"tg:{self.uid}"

    @property
    def db(self) -> sqlite_utils.Database:
        return self.deps.db

    async def reply(self, text: str) -> None:
        for chunk in chunk_lines(text.split("\n")):
            await self.message.reply_text(
                chunk, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW, do_quote=False
            )

    def audit(self, action: str, detail: Any = None, *, ok: bool = True) -> None:
        repo.audit(self.db, self.actor, action, detail, ok=ok)


Handler = Callable[[Call], Awaitable[None]]


@dataclass(frozen=True)
class Command:
    name: str
    usage: str  # "/addfeed URL [minutes]"
    summary: str  # "watch a new feed ..."
    func: Handler
    admin: bool

    @property
    def help_line(self) -> str:
        return f"{self.usage} — {self.summary}"


COMMANDS: dict[str, Command] = {}


def doc_line(func: Callable[..., Any]) -> str:
    """The single docstring line of a handler (a test checks there is exactly one)."""
    doc = inspect.getdoc(func) or ""
    lines = [line for line in doc.splitlines() if line.strip()]
    if len(lines) != 1 or " — " not in lines[0] or not lines[0].startswith("/"):
        raise ValueError(f"{func.__name__}: docstring must be one line '/name ARGS — summary'")
    return lines[0].strip()


def command(*, admin: bool = True) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        usage, _, summary = doc_line(func).partition(" — ")
        name = usage.split()[0].lstrip("/")
        COMMANDS[name] = Command(name, usage.strip(), summary.strip(), func, admin)
        return func

    return register


def help_text() -> str:
    lines = [
        "<b>releasewatch</b> — alerts on political-prisoner releases, sanctions changes",
        "and political-prisoner counts.",
        "",
    ]
    lines += [esc(c.help_line) for c in COMMANDS.values()]
    lines += ["", "Admin commands work only in a private chat with the bot."]
    return "\n".join(lines)


def bot_commands() -> list[tuple[str, str]]:
    """(command, description) pairs for setMyCommands, from the same docstrings."""
    out = []
    for c in COMMANDS.values():
        argspec = c.usage[len(c.name) + 1 :].strip()
        desc = f"{argspec} — {c.summary}" if argspec else c.summary
        out.append((c.name, desc[:256]))
    return out


def chunk_lines(lines: list[str], budget: int = MESSAGE_BUDGET) -> list[str]:
    """Join lines into messages under ``budget`` characters, never splitting a line's tags."""
    chunks: list[str] = []
    cur: list[str] = []
    size = 0
    for line in lines:
        if len(line) > budget:  # one line alone too long: cut its escaped text, keep it valid
            line = line[: budget - 1] + "…"
            if "<" in line:
                line = esc(html.unescape(_strip_tags(line)))[: budget - 1] + "…"
        if cur and size + len(line) + 1 > budget:
            chunks.append("\n".join(cur))
            cur, size = [], 0
        cur.append(line)
        size += len(line) + 1
    if cur:
        chunks.append("\n".join(cur))
    return [c for c in chunks if c.strip()] or ["(nothing)"]


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]*>?", "", text)


# ---------------------------------------------------------------- the guard


def is_admin(settings: Settings, uid: int | None) -> bool:
    return uid is not None and uid in settings.telegram_admin_ids


async def run_command(cmd: Command, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The PTB callback for every command: guard, parse, run, answer, log."""
    message = update.message
    if message is None or message.forward_origin is not None:
        return  # edits, channel posts and forwards never run commands (filters say so too)
    deps: BotDeps = context.application.bot_data["deps"]
    user = message.from_user
    uid = user.id if user is not None else 0
    text = message.text if message.text is not None else (message.caption or "")
    _, rest = A.split_command(text)
    call = Call(cmd.name, rest, uid, message, deps, context)
    private = message.chat.type == ChatType.PRIVATE
    if cmd.admin and not (private and is_admin(deps.settings, uid)):
        repo.audit(
            deps.db,
            call.actor,
            "denied",
            {
                "command": cmd.name,
                "chat_id": message.chat.id,
                "chat_type": message.chat.type,
                "args": rest[:200],
            },
            ok=False,
        )
        log.info("command=%s denied uid=%s chat_type=%s", cmd.name, uid, message.chat.type)
        await _safe_reply(message, esc(REFUSAL))
        return
    try:
        await cmd.func(call)
    except (UsageError, NotFoundError, RuleError) as exc:
        await _safe_reply(message, f"⚠️ {esc(exc)}\nUsage: <code>{esc(cmd.usage)}</code>")
    except ReleasewatchError as exc:
        await _safe_reply(message, f"⚠️ {esc(exc)}")
    except TelegramError as exc:  # e.g. getFile refused; the reply may fail the same way
        log.warning("command=%s telegram error: %s", cmd.name, type(exc).__name__)
        await _safe_reply(message, f"⚠️ Telegram refused a request ({esc(type(exc).__name__)}).")
    except Exception:  # one bad command must not stop the bot
        log.exception("command=%s crashed", cmd.name)
        await _safe_reply(message, "⚠️ Something went wrong; the error was logged.")


async def _safe_reply(message: Message, text: str) -> None:
    try:
        await message.reply_text(
            text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW, do_quote=False
        )
    except TelegramError as exc:
        log.warning("reply failed: %s", type(exc).__name__)


# ---------------------------------------------------------------- helpers


def feed_state(feed: dict[str, Any]) -> str:
    if not feed["enabled"]:
        return f"disabled: {feed['disabled_reason']}" if feed["disabled_reason"] else "paused"
    if feed["last_error"]:
        return f"failing: {feed['last_error']}"
    return "ok" if feed["last_polled_at"] else "new"


def _feed_line(feed: dict[str, Any]) -> str:
    name = feed["name"] or feed["title"] or "untitled"
    state = feed_state(feed)
    return (
        f"#{feed['id']} <b>{esc(name[:60])}</b> — {esc(state[:120])}, every "
        f"{feed['interval_min']} min\n    {esc(feed['url'])}"
    )


def _no_args(call: Call) -> None:
    if call.rest:
        raise UsageError("this command takes no arguments")


def _snippet(text: str, limit: int = 200) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- commands


@command(admin=False)
async def cmd_start(call: Call) -> None:
    """/start — introduce the bot."""
    intro = (
        "Hello! I post alerts to a channel when political prisoners are released or pardoned, "
        "when sanctions change, and when a new political-prisoner count is published."
    )
    if is_admin(call.deps.settings, call.uid):
        intro += "\nYou are an admin of this bot: send /help for the commands."
    else:
        intro += "\nOnly the bot's admins can change what it watches."
    await call.reply(esc(intro))


@command(admin=False)
async def cmd_help(call: Call) -> None:
    """/help — list the commands."""
    await call.reply(help_text())


@command()
async def cmd_status(call: Call) -> None:
    """/status — feeds, last poll, outbox, recent alerts, version and uptime."""
    _no_args(call)
    db, now = call.db, call.deps.clock()
    feeds = repo.list_feeds(db)
    states = [feed_state(f) for f in feeds]
    ok = sum(s in ("ok", "new") for s in states)
    failing = sum(s.startswith("failing") for s in states)
    off = len(feeds) - ok - failing
    last = max((f["last_polled_at"] for f in feeds if f["last_polled_at"]), default=None)
    pending = repo.count_alerts(db, "pending") + repo.count_alerts(db, "sending")
    # TODO(lead): repo.count_alerts_since(db, since) would keep this SQL in storage/.
    day = int(
        db.execute(
            "SELECT count(*) FROM alerts WHERE created_at >= ?", [iso(now - timedelta(hours=24))]
        ).fetchone()[0]
    )
    mutes = M.load_mutes(db, now)
    lines = [
        f"<b>releasewatch {esc(__version__)}</b> — up "
        f"{A.format_uptime(time.monotonic() - call.deps.started)}",
        f"Feeds: {len(feeds)} ({ok} OK, {failing} failing, {off} paused or disabled)",
        f"Last poll: {esc(last or 'never')}",
        f"Outbox: {pending} pending",
        f"Alerts in 24 h: {day}",
        f"Heartbeat: {esc(repo.get_state(db, 'heartbeat') or 'none')}",
    ]
    for m in mutes:
        lines.append(f"Muted: {esc(m.describe())} until {esc(iso(m.until))}")
    for f in feeds:
        if feed_state(f).startswith("failing"):
            lines.append(
                f"⚠️ #{f['id']} since {esc(f['failing_since'])}: "
                f"{esc(_snippet(f['last_error'], 150))}"
            )
    await call.reply("\n".join(lines))


@command()
async def cmd_feeds(call: Call) -> None:
    """/feeds — list the watched feeds and their health."""
    _no_args(call)
    feeds = repo.list_feeds(call.db)
    if not feeds:
        await call.reply("No feeds yet. Add one with <code>/addfeed URL</code>.")
        return
    await call.reply("\n".join([f"<b>{len(feeds)} feeds</b>", *(_feed_line(f) for f in feeds)]))


@command()
async def cmd_addfeed(call: Call) -> None:
    """/addfeed URL [minutes] — watch a feed (fetched once to check it)."""
    from watchers.netguard import validate_feed_url
    from watchers.parse import parse_feed

    raw_url, minutes = A.parse_addfeed(call.rest)
    try:
        url = validate_feed_url(raw_url)
    except FetchError as exc:
        raise UsageError(str(exc)) from None
    existing = repo.find_feed_by_url(call.db, url)
    if existing:
        raise UsageError(f"that feed is already watched as #{existing['id']}")
    now = call.deps.clock()
    try:
        # allow_private=False: the SSRF guard; only settings.allowed_hosts may be private.
        result = await call.deps.fetcher.fetch(url, allow_private=False)
        if result.gone or result.not_modified or not result.body:
            raise ParseError(f"the server answered {result.status} with no feed")
        parsed = parse_feed(result.body, result.headers, fetched_at=now, base_url=result.url)
    except (FetchError, ParseError) as exc:
        raise UsageError(f"could not add {url}: {exc}") from None
    settings = call.deps.settings
    feed_id = repo.add_feed(
        call.db,
        url,
        interval_min=minutes or settings.poll_interval_min,
        backfill_hours=settings.backfill_hours,
        allow_private=False,
        added_by=call.actor,
    )
    call.audit("feeds.add", {"id": feed_id, "url": url, "items": len(parsed.items)})
    call.deps.feeds_changed()
    title = parsed.meta.title or "untitled"
    await call.reply(
        f"✅ Added feed #{feed_id}: <b>{esc(_snippet(title, 100))}</b> — "
        f"{len(parsed.items)} items, polled every {minutes or settings.poll_interval_min} min."
        f"\n{esc(url)}"
    )


@command()
async def cmd_rmfeed(call: Call) -> None:
    """/rmfeed ID — stop watching a feed and forget its items (alerts stay)."""
    feed_id = A.parse_one_id(call.rest, "feed id")
    feed = repo.remove_feed(call.db, feed_id)
    call.audit("feeds.remove", {"id": feed_id, "url": feed["url"]})
    call.deps.feeds_changed()
    await call.reply(f"🗑 Removed feed #{feed_id}\n{esc(feed['url'])}")


async def _set_enabled(call: Call, enabled: bool) -> None:
    feed_id = A.parse_one_id(call.rest, "feed id")
    feed = repo.set_feed_enabled(call.db, feed_id, enabled)
    action = "resume" if enabled else "pause"
    call.audit(f"feeds.{action}", {"id": feed_id})
    call.deps.feeds_changed()
    word = "Resumed" if enabled else "Paused"
    await call.reply(f"{word} feed #{feed_id}\n{esc(feed['url'])}")


@command()
async def cmd_pausefeed(call: Call) -> None:
    """/pausefeed ID — stop polling a feed for now."""
    await _set_enabled(call, False)


@command()
async def cmd_resumefeed(call: Call) -> None:
    """/resumefeed ID — poll a paused or disabled feed again."""
    await _set_enabled(call, True)


@command()
async def cmd_importopml(call: Call) -> None:
    """/importopml — add the feeds of an OPML file (send it with this caption, or reply to it)."""
    from watchers.netguard import validate_feed_url
    from watchers.opml import parse_opml

    message = call.message
    doc = message.document or (message.reply_to_message and message.reply_to_message.document)
    if doc is None:
        raise UsageError("attach an OPML file with /importopml as its caption, or reply to one")
    if doc.file_size is not None and doc.file_size > MAX_OPML_BYTES:
        raise UsageError(f"the file is too big ({doc.file_size} bytes, at most 1,000,000 bytes)")
    tg_file = await doc.get_file()
    data = bytes(await tg_file.download_as_bytearray())
    if len(data) > MAX_OPML_BYTES:
        raise UsageError(f"the file is too big ({len(data)} bytes, at most 1,000,000 bytes)")
    try:
        entries = list(parse_opml(data, max_bytes=MAX_OPML_BYTES))
    except ReleasewatchError as exc:
        raise UsageError(f"not a readable OPML file: {exc}") from None
    except Exception as exc:  # a parser bug on a hostile file is bad input
        raise UsageError(f"not a readable OPML file: {type(exc).__name__}") from None
    if len(entries) > MAX_OPML_FEEDS:
        raise UsageError(f"too many feeds in one file ({len(entries)}, at most {MAX_OPML_FEEDS})")
    settings = call.deps.settings
    added, present, invalid = [], 0, []
    for entry in entries:
        try:
            url = validate_feed_url(entry.url)
        except FetchError as exc:
            invalid.append(f"{_snippet(str(entry.url), 80)}: {exc}")
            continue
        if repo.find_feed_by_url(call.db, url):
            present += 1
            continue
        title = (getattr(entry, "title", None) or "").strip() or None
        feed_id = repo.add_feed(
            call.db,
            url,
            name=title[:200] if title else None,
            interval_min=settings.poll_interval_min,
            backfill_hours=settings.backfill_hours,
            allow_private=False,  # polls go through the SSRF guard like /addfeed
            added_by=call.actor,
        )
        added.append(feed_id)
    call.audit(
        "feeds.import",
        {
            "file": (doc.file_name or "")[:100],
            "added": added,
            "present": present,
            "invalid": len(invalid),
        },
    )
    if added:
        call.deps.feeds_changed()
    lines = [f"Imported {len(added)} feeds ({present} already watched, {len(invalid)} invalid)."]
    lines += [f"✗ {esc(x)}" for x in invalid[:10]]
    await call.reply("\n".join(lines))


@command()
async def cmd_exportopml(call: Call) -> None:
    """/exportopml — send the feed list as an OPML file."""
    from watchers.opml import export_opml

    _no_args(call)
    feeds = repo.list_feeds(call.db)
    data = export_opml((f["url"], f["name"] or f["title"] or f["url"]) for f in feeds)
    await call.message.reply_document(
        document=data,
        filename="releasewatch-feeds.opml",
        caption=f"{len(feeds)} feeds",
        do_quote=False,
    )


@command()
async def cmd_chart(call: Call) -> None:
    """/chart [country] — political-prisoner counts over time, as a picture."""
    from releasewatch.chart import chart_png

    country = call.rest.strip().upper() or None
    if country is not None and not (len(country) == 2 and country.isalpha()):
        raise UsageError("give a two-letter country code, e.g. /chart BY")
    try:
        png = chart_png(call.db, country)
    except ValueError as exc:
        await call.reply(esc(f"Nothing to draw: {exc}."))
        return
    await call.message.reply_photo(
        photo=png, caption=f"Political prisoners — {country or 'all countries'}", do_quote=False
    )


@command()
async def cmd_rules(call: Call) -> None:
    """/rules — list the admin rules."""
    _no_args(call)
    rows = repo.list_rules(call.db)
    if not rows:
        await call.reply(
            "No admin rules. The built-in rules always apply. "
            "Add one with <code>/addrule SPEC</code>."
        )
        return
    lines = [f"<b>{len(rows)} rules</b>"]
    for r in rows:
        state = "on" if r["enabled"] else "off"
        route = "" if r["route"] == "default" else f" → {esc(r['route'])}"
        lines.append(f"#{r['id']} [{state}] <code>{esc(r['normalised'])}</code>{route}")
    await call.reply("\n".join(lines))


def _parse_rule(spec: str) -> Any:
    from rules.admin import parse_rule

    spec = A.check_length(spec)
    if not spec:
        raise UsageError("a rule is required")
    try:
        return parse_rule(spec)
    except RuleError as exc:
        raise UsageError(f"invalid rule: {exc}") from None


@command()
async def cmd_addrule(call: Call) -> None:
    """/addrule SPEC — add a rule (echoed back normalised)."""
    rule = _parse_rule(call.rest)
    normalised = rule.normalised()
    rule_id = repo.add_rule(
        call.db,
        name=normalised[:60],
        spec=call.rest,
        normalised=normalised,
        created_by=call.actor,
    )
    call.audit("rules.add", {"id": rule_id, "spec": call.rest})
    await call.reply(f"✅ Added rule #{rule_id}: <code>{esc(normalised)}</code>")


@command()
async def cmd_rmrule(call: Call) -> None:
    """/rmrule ID — remove a rule."""
    rule_id = A.parse_one_id(call.rest, "rule id")
    row = repo.remove_rule(call.db, rule_id)
    call.audit("rules.remove", {"id": rule_id, "spec": row["spec"]})
    await call.reply(f"🗑 Removed rule #{rule_id}: <code>{esc(row['normalised'])}</code>")


@command()
async def cmd_testrule(call: Call) -> None:
    """/testrule SPEC — try a rule on the stored items of the last 30 days."""
    from rules.admin import backtest

    rule = _parse_rule(call.rest)
    since = call.deps.clock() - timedelta(days=BACKTEST_DAYS)
    rows = repo.items_since(call.db, since)
    by_key: dict[str, dict[str, Any]] = {}
    items = []
    for r in rows:
        item = repo.item_from_row(r)
        items.append(item)
        by_key[item.key] = r
    hits = list(backtest(rule, items))
    lines = [
        f"Rule: <code>{esc(rule.normalised())}</code>",
        f"{len(hits)} match(es) in {len(rows)} items of the last {BACKTEST_DAYS} days",
    ]
    for m in hits[:BACKTEST_SHOWN]:
        item = getattr(m, "item", None)
        r = by_key.get(item.key) if item is not None else None
        ev = m.event
        head = f"[{esc(ev.kind)}{f' {ev.count}' if ev.count is not None else ''}]"
        if r:
            outlet = r["feed_name"] or r["feed_title"] or ""
            lines.append(
                f"• {head} {esc(r['published'][:10])} {esc(outlet)}: "
                f"{esc(_snippet(r['title'], 150))}"
            )
            if r["link"]:
                lines.append(f"   {esc(r['link'])}")
        else:
            lines.append(f"• {head}")
    if len(hits) > BACKTEST_SHOWN:
        lines.append(f"… and {len(hits) - BACKTEST_SHOWN} more")
    await call.reply("\n".join(lines))


@command()
async def cmd_mute(call: Call) -> None:
    """/mute DURATION [rule or kind] — hold alerts (all, one kind or one rule) for e.g. 30m, 2h, 1d."""
    parts = A.check_length(call.rest).split(maxsplit=1)
    if not parts:
        raise UsageError("a duration is required, e.g. 30m, 2h or 1d")
    duration = A.parse_duration(parts[0])

    def rule_exists(rule_id: int) -> bool:
        try:
            repo.get_rule(call.db, rule_id)
        except NotFoundError:
            return False
        return True

    scope = M.parse_scope(parts[1] if len(parts) > 1 else "", rule_exists=rule_exists)
    mute = M.add_mute(call.db, scope, duration, now=call.deps.clock(), by=call.actor)
    call.audit("mute", {"scope": scope, "until": iso(mute.until)})
    await call.reply(
        f"🔕 Holding {esc(mute.describe())} for {A.format_duration(duration)}, until "
        f"{esc(iso(mute.until))}. Held alerts are sent when the mute ends; /unmute ends it now."
    )


@command()
async def cmd_unmute(call: Call) -> None:
    """/unmute — end every mute; held alerts go out now."""
    _no_args(call)
    ended = M.clear_mutes(call.db, call.deps.clock())
    released = M.release_held(call.db)
    call.audit("unmute", {"ended": [m.scope for m in ended], "released": released})
    if not ended:
        await call.reply("Nothing was muted.")
        return
    await call.reply(
        f"🔔 Unmuted {', '.join(esc(m.describe()) for m in ended)}; "
        f"{released} held alerts will go out now."
    )


@command()
async def cmd_recent(call: Call) -> None:
    """/recent [N] — the last N alerts (default 5, at most 50)."""
    n = A.parse_count(call.rest)
    rows = repo.recent_alerts(call.db, n)
    if not rows:
        await call.reply("No alerts yet.")
        return
    lines = []
    for r in rows:
        try:
            kinds = ", ".join(json.loads(r["kinds"]))
        except (TypeError, ValueError):
            kinds = "?"
        when = (r["sent_at"] or r["created_at"] or "")[:16].replace("T", " ")
        lines.append(f"#{r['id']} [{esc(r['status'])}] {esc(kinds)} {esc(when)}")
        lines.append(f"   {esc(_snippet(r['plain'].split(chr(10))[0], 200))}")
    await call.reply("\n".join(lines))
