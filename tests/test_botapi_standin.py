"""Tests for the local Telegram Bot API stand-in, driven by PTB's real client."""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import struct
import time
import zlib
from collections.abc import Iterator

import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import CallbackQueryHandler, CommandHandler, ContextTypes
from telegram.request import HTTPXRequest

from tests.botapi.standin import (
    DEFAULT_CHANNEL_ID,
    NOT_MODIFIED,
    HtmlParseError,
    StandIn,
    parse_html,
    run_standin,
    run_standin_process,
    utf16_len,
)

# PTB 22 warns that RetryAfter.retry_after will become a timedelta; the helper handles both.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

CHANNEL = "@releasewatch_test"
ADMIN = 4242


@pytest.fixture
def tg() -> Iterator[StandIn]:
    with run_standin() as standin:
        standin.add_user(ADMIN, "Admin", username="admin")
        yield standin


@pytest.fixture
async def bot(tg: StandIn) -> Bot:
    async with tg.bot() as b:
        yield b


def _png(width: int = 3, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _seconds(value: int | float | dtm.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


# ------------------------------------------------------------------ HTML dialect (no network)


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("a<b", "Unclosed start tag at byte offset 1"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<b>x", "Can't find end tag corresponding to start tag b"),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<b>x</b", "Unclosed end tag at byte offset 4"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<br/>hi", 'Unsupported start tag "br/" at byte offset 0'),
        ("é<p>x</p>", 'Unsupported start tag "p" at byte offset 2'),
    ],
)
def test_html_errors_use_tdlib_wording(html: str, error: str) -> None:
    with pytest.raises(HtmlParseError) as exc:
        parse_html(html)
    assert str(exc.value) == error


def test_html_entities_and_offsets_are_utf16() -> None:
    text, entities = parse_html(
        '😀 <b>bold</b> &lt;&amp;&gt; &nbsp; <a href="https://ovd.info/x">link</a>'
        '<pre><code class="language-python">x=1</code></pre>'
    )
    assert text == "😀 bold <&> &nbsp; linkx=1"
    assert entities == [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "text_link", "offset": 19, "length": 4, "url": "https://ovd.info/x"},
        {"type": "pre", "offset": 23, "length": 3, "language": "python"},
    ]
    assert utf16_len("😀") == 2


# ------------------------------------------------------------------ Bot: sending


async def test_get_me_and_html_send_message(tg: StandIn, bot: Bot) -> None:
    me = await bot.get_me()
    assert me.is_bot and me.username == "releasewatch_test_bot" and me.can_join_groups
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Ack", callback_data="ack:1")]])
    msg = await bot.send_message(
        CHANNEL,
        "<b>Released:</b> Ivan &amp; <i>Petr</i>",
        parse_mode="HTML",
        reply_markup=keyboard,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        disable_notification=True,
    )
    assert msg.chat.id == DEFAULT_CHANNEL_ID and msg.chat.type == "channel"
    assert msg.text == "Released: Ivan & Petr"
    assert msg.entities[0].type == "bold" and msg.entities[0].length == 9
    assert abs(msg.date.timestamp() - time.time()) < 5  # dates are in seconds
    second = await bot.send_message(
        DEFAULT_CHANNEL_ID, "follow-up", reply_parameters=ReplyParameters(msg.message_id)
    )
    assert second.message_id == msg.message_id + 1
    assert second.reply_to_message is not None
    assert second.reply_to_message.message_id == msg.message_id

    first, follow = tg.posts(CHANNEL)
    assert first.sent_text == "<b>Released:</b> Ivan &amp; <i>Petr</i>"
    assert first.parse_mode == "HTML" and first.disable_notification
    assert first.link_preview_options == {"is_disabled": True}
    assert first.buttons == [[{"text": "Ack", "callback_data": "ack:1"}]]
    assert follow.reply_to == msg.message_id


async def test_limits_and_parse_errors(tg: StandIn, bot: Bot) -> None:
    # 4096 counted after entity parsing: markup doesn't count ...
    await bot.send_message(CHANNEL, "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
    # ... but UTF-16 units do: 2049 emoji are 4098 units.
    with pytest.raises(BadRequest, match=r"^Message is too long$"):
        await bot.send_message(CHANNEL, "😀" * 2049)
    with pytest.raises(BadRequest) as exc:
        await bot.send_message(CHANNEL, "5 < 6 <b>x</b>", parse_mode="HTML")
    assert "Can't parse entities: unsupported start tag" in exc.value.message
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(CHANNEL, "<b> </b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message("@nobody_here", "hi")
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_photo(CHANNEL, _png(), caption="x" * 1025)
    assert len(tg.posts(CHANNEL)) == 1
    # the raw JSON carries Telegram's exact description
    bad = [c for c in tg.calls("sendMessage") if c.status == 400]
    assert [c.description for c in bad] == [
        "Bad Request: message is too long",
        'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 2',
        "Bad Request: message text is empty",
        "Bad Request: chat not found",
    ]


async def test_edit_not_found_not_modified_and_history(tg: StandIn, bot: Bot) -> None:
    msg = await bot.send_message(CHANNEL, "<b>v1</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", chat_id=CHANNEL, message_id=999)
    with pytest.raises(BadRequest, match="Message is not modified") as exc:
        await bot.edit_message_text(
            "<b>v1</b>", chat_id=CHANNEL, message_id=msg.message_id, parse_mode="HTML"
        )
    assert tg.calls("editMessageText")[-1].description == NOT_MODIFIED
    assert "exactly the same" in exc.value.message
    edited = await bot.edit_message_text(
        "<b>v2</b>", chat_id=CHANNEL, message_id=msg.message_id, parse_mode="HTML"
    )
    assert edited.text == "v2" and edited.edit_date is not None
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Open", url="https://ovd.info")]])
    await bot.edit_message_reply_markup(CHANNEL, msg.message_id, reply_markup=markup)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(CHANNEL, msg.message_id, reply_markup=markup)
    post = tg.post(CHANNEL, msg.message_id)
    assert post.text == "v2" and post.buttons[0][0]["url"] == "https://ovd.info"
    assert [e["text"] for e in post.edits] == ["v1", "v2"]
    assert await bot.delete_message(CHANNEL, msg.message_id)
    assert tg.posts(CHANNEL) == []
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(CHANNEL, msg.message_id)


# ------------------------------------------------------------------ faults


async def test_fail_next_429_and_500(tg: StandIn, bot: Bot) -> None:
    tg.fail_next(1, status=429, retry_after=3)
    with pytest.raises(RetryAfter) as exc:
        await bot.send_message(CHANNEL, "hi")
    assert _seconds(exc.value.retry_after) == 3
    tg.fail_next(1, status=500)
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.send_message(CHANNEL, "hi")
    await bot.send_message(CHANNEL, "hi")
    assert [p.text for p in tg.posts(CHANNEL)] == ["hi"]


async def test_ptb_rate_limiter_retries_after_429(tg: StandIn) -> None:
    from telegram.ext import AIORateLimiter, ExtBot

    limiter = AIORateLimiter(max_retries=1)
    ext_bot = ExtBot(tg.token, base_url=tg.base_url, rate_limiter=limiter)
    async with ext_bot:
        tg.fail_next(1, status=429, retry_after=1)
        started = time.monotonic()
        msg = await ext_bot.send_message(CHANNEL, "eventually")
        assert time.monotonic() - started >= 0.9
    assert msg.text == "eventually"
    assert [c.status for c in tg.calls("sendMessage")] == [429, 200]


async def test_flood_control(tg: StandIn, bot: Bot) -> None:
    tg.set_rate_limit(per_chat=3, window=60)
    for i in range(3):
        await bot.send_message(CHANNEL, f"m{i}")
    with pytest.raises(RetryAfter) as exc:
        await bot.send_message(CHANNEL, "m3")
    assert 59 <= _seconds(exc.value.retry_after) <= 60
    await bot.send_message(ADMIN, "private chats have their own budget")
    assert tg.calls("sendMessage")[3].description == (
        f"Too Many Requests: retry after {int(_seconds(exc.value.retry_after))}"
    )


async def test_kick_gives_forbidden(tg: StandIn, bot: Bot) -> None:
    await bot.send_message(CHANNEL, "before")
    tg.kick(CHANNEL)
    with pytest.raises(Forbidden, match="bot is not a member of the channel chat"):
        await bot.send_message(CHANNEL, "after")
    tg.kick(ADMIN)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(ADMIN, "after")


async def test_wrong_token_is_unauthorized(tg: StandIn) -> None:
    other = Bot("1:wrong", base_url=tg.base_url, base_file_url=tg.base_file_url)
    with pytest.raises(InvalidToken, match="Unauthorized"):
        await other.get_me()


async def test_down_then_up(tg: StandIn, bot: Bot) -> None:
    await bot.send_message(CHANNEL, "one")
    port = tg.port
    tg.down()
    with pytest.raises(NetworkError):
        await bot.send_message(CHANNEL, "lost")
    tg.up()
    assert tg.port == port
    await bot.send_message(CHANNEL, "two")
    tg.down(0.3)
    with pytest.raises(NetworkError):
        await bot.get_me()
    await asyncio.sleep(0.5)
    await bot.get_me()
    assert [p.text for p in tg.posts(CHANNEL)] == ["one", "two"]


async def test_slow_answer_times_out_but_message_was_posted(tg: StandIn) -> None:
    request = HTTPXRequest(read_timeout=0.3)
    async with Bot(tg.token, base_url=tg.base_url, request=request) as slow_bot:
        tg.slow(1.0)
        with pytest.raises(TimedOut):
            await slow_bot.send_message(CHANNEL, "duplicate risk")
        tg.slow(0)
        assert [p.text for p in tg.posts(CHANNEL)] == ["duplicate risk"]


# ------------------------------------------------------------------ files


async def test_send_photo_and_document_multipart(tg: StandIn, bot: Bot) -> None:
    png = _png(5, 4)
    msg = await bot.send_photo(
        CHANNEL, png, caption="<i>chart</i>", parse_mode="HTML", filename="chart.png"
    )
    assert msg.caption == "chart" and msg.photo[-1].width == 5 and msg.photo[-1].height == 4
    doc = await bot.send_document(CHANNEL, b"a,b\n1,2\r\n", filename="export.csv")
    assert doc.document is not None and doc.document.file_name == "export.csv"
    photo_post, doc_post = tg.posts(CHANNEL)
    assert photo_post.photo == png and photo_post.filename == "chart.png"
    assert doc_post.document == b"a,b\n1,2\r\n"
    with pytest.raises(BadRequest, match=r"(?i)image_process_failed"):
        await bot.send_photo(CHANNEL, b"not an image")
    # what the bot uploaded can be downloaded again
    again = await (await bot.get_file(doc.document.file_id)).download_as_bytearray()
    assert bytes(again) == b"a,b\n1,2\r\n"


async def test_user_document_get_file_and_download(tg: StandIn, bot: Bot) -> None:
    opml = b'<?xml version="1.0"?><opml version="2.0"><body><outline xmlUrl="https://x/rss"/></body></opml>'
    tg.inject_document(opml, "feeds.opml", user_id=ADMIN, caption="import")
    [update] = await bot.get_updates(timeout=0)
    assert update.message is not None and update.message.document is not None
    document = update.message.document
    assert document.file_name == "feeds.opml" and document.file_size == len(opml)
    file = await bot.get_file(document.file_id)
    assert file.file_path is not None and file.file_path.startswith(tg.base_file_url)
    assert bytes(await file.download_as_bytearray()) == opml
    with pytest.raises(BadRequest, match="Invalid file_id"):
        await bot.get_file("nope")


# ------------------------------------------------------------------ updates


async def test_long_poll_returns_promptly_and_offset_acknowledges(tg: StandIn, bot: Bot) -> None:
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await asyncio.sleep(0.2)
    assert not poll.done()
    tg.inject_message("hello", user_id=ADMIN)
    updates = await asyncio.wait_for(poll, 2)
    assert time.monotonic() - started < 1.5
    assert [u.message.text for u in updates if u.message] == ["hello"]
    again = await bot.get_updates(timeout=0)
    assert [u.update_id for u in again] == [updates[0].update_id]  # not yet acknowledged
    assert await bot.get_updates(offset=updates[0].update_id + 1, timeout=0) == ()
    assert tg.pending_updates() == []
    empty_started = time.monotonic()
    assert await bot.get_updates(timeout=0.3) == ()
    assert time.monotonic() - empty_started >= 0.25


async def test_update_kinds_parse_in_ptb(tg: StandIn, bot: Bot) -> None:
    tg.add_group(-1009876543210, "Editors")
    original = tg.inject_message("/add@releasewatch_test_bot https://x/feed", user_id=ADMIN)
    tg.inject_message("forwarded", user_id=ADMIN, forward_from=CHANNEL, forward_from_message_id=7)
    tg.inject_message("hidden", user_id=ADMIN, forward_from="Anonymous Person")
    tg.inject_edit(ADMIN, original["message_id"], "/add https://y/feed")
    tg.inject_channel_post("channel says hi")
    tg.inject_message("in group", user_id=ADMIN, chat_id=-1009876543210)
    updates = await bot.get_updates(timeout=0, allowed_updates=Update.ALL_TYPES)
    first, fwd, hidden, edit, post, group = updates
    assert [u.update_id for u in updates] == list(range(first.update_id, first.update_id + 6))
    assert first.message.entities[0].type == "bot_command"
    assert first.message.entities[0].length == len("/add@releasewatch_test_bot")
    assert fwd.message.forward_origin.type == "channel"
    assert fwd.message.forward_origin.chat.id == DEFAULT_CHANNEL_ID
    assert hidden.message.forward_origin.sender_user_name == "Anonymous Person"
    assert edit.edited_message.text == "/add https://y/feed"
    assert post.channel_post.sender_chat.id == DEFAULT_CHANNEL_ID
    assert group.message.chat.type == "supergroup"
    # allowed_updates filters
    tg.inject_channel_post("ignored")
    tg.inject_message("wanted", user_id=ADMIN)
    got = await bot.get_updates(offset=group.update_id + 1, timeout=0, allowed_updates=["message"])
    assert [u.message.text for u in got] == ["wanted"]


async def test_second_poller_conflicts_first(tg: StandIn, bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    async with tg.bot() as other:
        second = asyncio.create_task(other.get_updates(timeout=0))
        from telegram.error import Conflict

        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await asyncio.wait_for(first, 2)
        assert await second == ()


# ------------------------------------------------------------------ Application end to end


async def test_application_ping_and_callback_roundtrip(tg: StandIn) -> None:
    async def ping(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Mute", callback_data="mute")]])
        await update.effective_message.reply_text(
            "<b>pong</b>", parse_mode="HTML", reply_markup=keyboard
        )

    async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer(f"got {query.data}")
        await query.edit_message_text("muted")

    app = tg.application_builder().build()
    app.add_handler(CommandHandler("ping", ping))
    app.add_handler(CallbackQueryHandler(button))
    async with app:  # initialize() calls getMe
        assert app.bot.username == "releasewatch_test_bot"
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(timeout=1, drop_pending_updates=True)
        try:
            tg.inject_command("/ping", user_id=ADMIN)
            [reply] = await tg.async_wait_for_posts(ADMIN, 1, timeout=5)
            assert reply.text == "pong" and reply.entities[0]["type"] == "bold"
            query_id = tg.inject_callback(ADMIN, reply.message_id, "mute", user_id=ADMIN)
            await asyncio.to_thread(tg.wait_for_call, "editMessageText", 1, 5)
            assert tg.callback_answers()[0]["callback_query_id"] == query_id
            assert tg.callback_answers()[0]["text"] == "got mute"
            assert tg.post(ADMIN, reply.message_id).text == "muted"
            assert tg.calls("deleteWebhook")
        finally:
            await app.updater.stop()
            await app.stop()
    await asyncio.to_thread(tg.wait_until_consumed, 2)


async def test_commands_chat_member_and_misc(tg: StandIn, bot: Bot) -> None:
    from telegram import BotCommand

    assert await bot.set_my_commands([BotCommand("status", "Show status")])
    assert [c.command for c in await bot.get_my_commands()] == ["status"]
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])
    assert await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()
    chat = await bot.get_chat(CHANNEL)
    assert chat.id == DEFAULT_CHANNEL_ID and chat.username == "releasewatch_test"
    member = await bot.get_chat_member(CHANNEL, bot.id)
    assert member.status == "administrator"
    tg.set_member(CHANNEL, ADMIN, "creator")
    assert (await bot.get_chat_member(CHANNEL, ADMIN)).status == "creator"
    assert await bot.send_chat_action(ADMIN, "typing")
    assert tg.chat_actions() == [{"chat_id": ADMIN, "action": "typing"}]
    info = await bot.get_webhook_info()
    assert info.url == "" and info.pending_update_count == 0
    assert await bot.log_out() and await bot.close()


# ------------------------------------------------------------------ subprocess mode


def test_subprocess_mode_and_control_api() -> None:
    with run_standin_process(extra_args=["--user", f"{ADMIN}:Admin"]) as remote:

        async def scenario() -> None:
            async with Bot(remote.token, base_url=remote.base_url) as b:
                await b.send_message(CHANNEL, "<b>from afar</b>", parse_mode="HTML")
                remote.down()
                with pytest.raises(NetworkError):
                    await b.get_me()
                remote.up()
                remote.inject_command("/ping", user_id=ADMIN)
                [update] = await b.get_updates(timeout=1)
                assert update.message is not None and update.message.text == "/ping"

        asyncio.run(scenario())
        [post] = remote.wait_for_posts(CHANNEL, 1, timeout=2)
        assert post["text"] == "from afar" and post["sent_text"] == "<b>from afar</b>"
        assert json.loads(json.dumps(post))["message_id"] == 1
        process = remote.process
    assert process is not None and process.returncode == 0
