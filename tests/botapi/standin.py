"""A local stand-in for the Telegram Bot API that python-telegram-bot can talk to.

Telegram's cloud is unreachable from the test machines, so tests start this
server on ``127.0.0.1`` and point PTB's *real* HTTP client at it through
``base_url`` / ``base_file_url``.  It keeps chats, messages, files and updates in
memory, answers the way Telegram answers (``{"ok": true, "result": ...}`` or
``{"ok": false, "error_code": ..., "description": ...}`` with Telegram's own
wording), enforces the documented limits (4096 UTF-16 units of text after
entity parsing, 1024 for captions, Telegram's HTML dialect ported from tdlib's
``parse_html``) and lets a test inject updates, inspect what the bot posted and
inject faults (429/5xx answers, connection refused, slow answers, a kicked bot,
flood control).

Example::

    from telegram import Bot
    from tests.botapi.standin import run_standin

    async def test_alert():
        with run_standin() as tg:                  # default channel @releasewatch_test
            async with tg.bot() as bot:            # = Bot(tg.token, base_url=..., base_file_url=...)
                await bot.send_message("@releasewatch_test", "<b>Released</b>", parse_mode="HTML")
            [post] = tg.posts("@releasewatch_test")
            assert post.text == "Released" and post.sent_text == "<b>Released</b>"

            tg.add_user(42, "Admin")
            tg.inject_message("/status", user_id=42)    # a private-chat command update
            tg.fail_next(1, status=429, retry_after=3)  # next API call -> RetryAfter(3)
            tg.down(); ...; tg.up()                     # connection refused in between
            tg.kick("@releasewatch_test")               # -> Forbidden from now on

Threads: the server runs in daemon threads; every control method is thread-safe
and may be called from the test's event loop (none of them blocks for long,
except the ``wait_for_*`` helpers, which wait on a condition variable).

As a separate process (for end-to-end tests that run the bot as a subprocess)::

    python -m tests.botapi --port 0 --token 123:ABC

prints the root URL (``http://127.0.0.1:PORT``) on the first stdout line and a
JSON object with ``base_url``, ``base_file_url``, ``control_url`` and ``token``
on the second.  Every control method is then reachable as
``POST {control_url}/<method>`` with the keyword arguments as a JSON object
(``bytes`` arguments base64-encoded, suffix ``_b64``); answers are
``{"ok": true, "result": ...}``.  The control endpoints are served both under
``/_control/`` on the API port and on a separate control port that stays up
while the API port is ``down()``.  :class:`RemoteStandIn` wraps this, and
:func:`run_standin_process` starts the process and returns one.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import email.message
import itertools
import json
import math
import re
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import parse_qsl, unquote, urlsplit

if TYPE_CHECKING:
    import socket

    from telegram import Bot
    from telegram.ext import ApplicationBuilder

__all__ = [
    "DEFAULT_CHANNEL_ID",
    "DEFAULT_CHANNEL_USERNAME",
    "DEFAULT_TOKEN",
    "ApiError",
    "Call",
    "HtmlParseError",
    "Post",
    "RemoteStandIn",
    "StandIn",
    "parse_html",
    "run_standin",
    "run_standin_process",
    "utf16_len",
]

JSON = dict[str, Any]

DEFAULT_TOKEN = "123456789:AAStandInTokenForReleasewatchTests00"
DEFAULT_CHANNEL_ID = -1001234567890
DEFAULT_CHANNEL_USERNAME = "releasewatch_test"

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_DOWNLOAD = 20 * 1024 * 1024
MAX_UPLOAD = 50 * 1024 * 1024

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
CONFLICT_POLLING = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
DEFAULT_UPDATE_TYPES_EXCLUDED = frozenset(
    {"chat_member", "message_reaction", "message_reaction_count"}
)
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
# Methods that count against flood control.
SENDING_METHODS = frozenset(
    {
        "sendmessage",
        "sendphoto",
        "senddocument",
        "editmessagetext",
        "editmessagecaption",
        "editmessagereplymarkup",
        "forwardmessage",
        "copymessage",
    }
)


# --------------------------------------------------------------------------------------
# Text handling: UTF-16 length and Telegram's HTML dialect
# --------------------------------------------------------------------------------------


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit Telegram counts in."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class HtmlParseError(ValueError):
    """Raised by :func:`parse_html`; the message is tdlib's, e.g. ``Unclosed start tag ...``."""


_SPACE = frozenset(" \t\r\n\0\v")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SUPPORTED_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "pre",
        "code",
        "span",
        "tg-spoiler",
        "tg-emoji",
        "blockquote",
    }
)
_SIMPLE_ENTITY = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "u": "underline",
    "ins": "underline",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
}
_URL_RE = re.compile(
    r"^(?:(?:https?|tg|ton)://)?[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$|^tg://\S+$", re.I
)


def _decode_entity(text: str, pos: int) -> tuple[str | None, int]:
    """Port of tdlib's ``decode_html_entity``: ``(char, new_pos)`` or ``(None, pos)``."""
    n = len(text)
    end = pos + 1
    if end < n and text[end] == "#":
        end += 1
        value = 0
        if end < n and text[end] == "x":
            end += 1
            while end < n and text[end] in "0123456789abcdefABCDEF":
                value = value * 16 + int(text[end], 16)
                end += 1
        else:
            while end < n and text[end] in "0123456789":
                value = value * 10 + int(text[end])
                end += 1
        if value == 0 or value >= 0x10FFFF or end - pos >= 10:
            return None, pos
        char = chr(value)
    else:
        while end < n and text[end].isascii() and text[end].isalpha():
            end += 1
        named = _NAMED_ENTITIES.get(text[pos + 1 : end])
        if named is None:  # tdlib keeps unsupported named entities as literal text
            return None, pos
        char = named
    if end < n and text[end] == ";":
        end += 1
    return char, end


def parse_html(text: str) -> tuple[str, list[JSON]]:
    """Parse Telegram-flavoured HTML into ``(plain_text, entities)``.

    A port of tdlib's ``do_parse_html`` (which the Bot API server runs): only
    Telegram's tags, properly nested and closed, ``&lt; &gt; &amp; &quot;`` and
    numeric references decoded (other ``&name;`` stay literal, as in Telegram),
    entity offsets in UTF-16 code units.  Errors raise :class:`HtmlParseError`
    with tdlib's wording and UTF-8 byte offsets.
    """
    out: list[str] = []
    entities: list[JSON] = []
    u16 = 0
    n = len(text)
    # (tag, argument, utf16 offset, position in out)
    stack: list[tuple[str, str, int, int]] = []

    def at(k: int) -> str:
        return text[k] if k < n else "\0"

    def byte_offset(k: int) -> int:
        return len(text[:k].encode("utf-8", "surrogatepass"))

    i = 0
    while i < n:
        c = text[i]
        if c == "&":
            char, new_i = _decode_entity(text, i)
            if char is not None:
                out.append(char)
                u16 += utf16_len(char)
                i = new_i
                continue
        if c != "<":
            out.append(c)
            u16 += utf16_len(c)
            i += 1
            continue
        begin = i
        i += 1
        if at(i) != "/":
            while at(i) not in _SPACE and at(i) != ">":
                i += 1
            if i >= n:
                raise HtmlParseError(f"Unclosed start tag at byte offset {byte_offset(begin)}")
            tag = text[begin + 1 : i].lower()
            if tag not in _SUPPORTED_TAGS:
                raise HtmlParseError(
                    f'Unsupported start tag "{tag}" at byte offset {byte_offset(begin)}'
                )
            argument = ""
            while at(i) != ">":
                while i < n and at(i) in _SPACE:
                    i += 1
                if at(i) == ">":
                    break
                attr_begin = i
                while at(i) not in _SPACE and at(i) not in "=>":
                    i += 1
                attr_name = text[attr_begin:i]
                if not attr_name:
                    raise HtmlParseError(
                        f'Empty attribute name in the tag "{tag}" at byte offset {byte_offset(begin)}'
                    )
                while i < n and at(i) in _SPACE:
                    i += 1
                if at(i) != "=":
                    if tag == "blockquote" and attr_name == "expandable" and i < n:
                        argument = "1"
                        continue
                    raise HtmlParseError(
                        "Expected equal sign in declaration of an attribute of the tag "
                        f'"{tag}" at byte offset {byte_offset(begin)}'
                    )
                i += 1
                while i < n and at(i) in _SPACE:
                    i += 1
                if i >= n:
                    raise HtmlParseError(
                        f'Unclosed start tag "{tag}" at byte offset {byte_offset(begin)}'
                    )
                value_chars: list[str] = []
                if at(i) not in "'\"":
                    token_begin = i
                    while at(i).isascii() and (at(i).isalnum() or at(i) in ".-"):
                        i += 1
                    value = text[token_begin:i].lower()
                    if at(i) not in _SPACE and at(i) != ">":
                        raise HtmlParseError(
                            f"Unexpected end of name token at byte offset {byte_offset(token_begin)}"
                        )
                else:
                    quote = text[i]
                    i += 1
                    while i < n and text[i] != quote:
                        if text[i] == "&":
                            char, new_i = _decode_entity(text, i)
                            if char is not None:
                                value_chars.append(char)
                                i = new_i
                                continue
                        value_chars.append(text[i])
                        i += 1
                    if at(i) == quote:
                        i += 1
                    value = "".join(value_chars)
                if i >= n:
                    raise HtmlParseError(f"Unclosed start tag at byte offset {byte_offset(begin)}")
                if tag == "a" and attr_name == "href":
                    argument = value
                elif tag == "code" and attr_name == "class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif tag == "span" and attr_name == "class" and value.startswith("tg-"):
                    argument = value[3:]
                elif tag == "tg-emoji" and attr_name == "emoji-id":
                    argument = value
                elif tag == "blockquote" and attr_name == "expandable":
                    argument = "1"
            if tag == "span" and argument != "spoiler":
                raise HtmlParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {byte_offset(begin)}'
                )
            stack.append((tag, argument, u16, len(out)))
            i += 1  # skip '>'
            continue
        # an end tag
        if not stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {byte_offset(begin)}")
        while at(i) not in _SPACE and at(i) != ">":
            i += 1
        end_name = text[begin + 2 : i].lower()
        while i < n and at(i) in _SPACE:
            i += 1
        if at(i) != ">":
            raise HtmlParseError(f"Unclosed end tag at byte offset {byte_offset(begin)}")
        i += 1
        tag, argument, start, out_pos = stack.pop()
        if end_name and end_name != tag:
            raise HtmlParseError(
                f'Unmatched end tag at byte offset {byte_offset(begin)}, expected "</{tag}>", '
                f'found "</{end_name}>"'
            )
        length = u16 - start
        if tag == "tg-emoji":
            if not argument.isdigit() or not 0 < int(argument) < 2**63:
                raise HtmlParseError("Invalid custom emoji identifier specified")
        if length <= 0:
            continue
        if tag in _SIMPLE_ENTITY:
            entities.append({"type": _SIMPLE_ENTITY[tag], "offset": start, "length": length})
        elif tag == "tg-emoji":
            entities.append(
                {
                    "type": "custom_emoji",
                    "offset": start,
                    "length": length,
                    "custom_emoji_id": argument,
                }
            )
        elif tag == "blockquote":
            kind = "expandable_blockquote" if argument else "blockquote"
            entities.append({"type": kind, "offset": start, "length": length})
        elif tag == "a":
            url = argument or "".join(out[out_pos:])
            if _URL_RE.match(url):
                entities.append(
                    {"type": "text_link", "offset": start, "length": length, "url": url}
                )
        elif tag == "pre":
            last = entities[-1] if entities else None
            if (
                last is not None
                and last["type"] == "code"
                and (last["offset"], last["length"]) == (start, length)
                and last.get("language")
            ):
                last["type"] = "pre"
            else:
                entities.append({"type": "pre", "offset": start, "length": length})
        elif tag == "code":
            last = entities[-1] if entities else None
            if (
                last is not None
                and last["type"] == "pre"
                and (last["offset"], last["length"]) == (start, length)
                and argument
            ):
                last["language"] = argument
            else:
                entity: JSON = {"type": "code", "offset": start, "length": length}
                if argument:
                    entity["language"] = argument
                entities.append(entity)
    if stack:
        raise HtmlParseError(f"Can't find end tag corresponding to start tag {stack[-1][0]}")
    for entity in entities:
        if entity["type"] == "code":
            entity.pop("language", None)
    result = "".join(out)
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in result):
        raise HtmlParseError(
            "Text contains invalid Unicode characters after decoding HTML entities, "
            "check for unmatched surrogate code units"
        )
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return result, entities


def _strip_text(text: str, entities: list[JSON]) -> tuple[str, list[JSON]]:
    """Trim surrounding whitespace as Telegram does, shifting/clipping entities."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    fixed: list[JSON] = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            fixed.append({**entity, "offset": start, "length": end - start})
    return stripped, fixed


_COMMAND_RE = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")


def _command_entities(text: str) -> list[JSON]:
    entities = []
    for match in _COMMAND_RE.finditer(text):
        entities.append(
            {
                "type": "bot_command",
                "offset": utf16_len(text[: match.start()]),
                "length": utf16_len(match.group()),
            }
        )
    return entities


# --------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------


class ApiError(Exception):
    """An error answer: ``{"ok": false, "error_code": status, "description": ...}``."""

    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


@dataclass
class Call:
    """One API request the bot made (``method`` as spelled in the URL)."""

    method: str
    params: JSON
    status: int = 0
    description: str | None = None
    at: float = field(default_factory=time.time)

    def to_json(self) -> JSON:
        return {
            "method": self.method,
            "params": _jsonable(self.params),
            "status": self.status,
            "description": self.description,
            "at": self.at,
        }


@dataclass
class Post:
    """A message the bot sent, as the stand-in recorded it.

    ``text``/``caption`` are what Telegram shows (HTML parsed, tags removed);
    ``sent_text`` is exactly what the bot sent; ``edits`` holds the previous
    versions (oldest first) as dicts with the same keys as :meth:`snapshot`.
    """

    chat_id: int
    message_id: int
    method: str
    date: int
    text: str | None = None
    caption: str | None = None
    sent_text: str | None = None
    parse_mode: str | None = None
    entities: list[JSON] = field(default_factory=list)
    reply_to: int | None = None
    reply_markup: JSON | None = None
    link_preview_options: JSON | None = None
    disable_notification: bool = False
    protect_content: bool = False
    photo: bytes | None = None
    document: bytes | None = None
    filename: str | None = None
    mime_type: str | None = None
    file_id: str | None = None
    edits: list[JSON] = field(default_factory=list)
    deleted: bool = False
    params: JSON = field(default_factory=dict)
    message: JSON = field(default_factory=dict)

    @property
    def content(self) -> str | None:
        """``text`` for text messages, ``caption`` for media."""
        return self.text if self.text is not None else self.caption

    @property
    def buttons(self) -> list[list[JSON]]:
        """The inline keyboard rows (empty if none)."""
        return list((self.reply_markup or {}).get("inline_keyboard", []))

    def snapshot(self) -> JSON:
        return {
            "text": self.text,
            "caption": self.caption,
            "sent_text": self.sent_text,
            "parse_mode": self.parse_mode,
            "entities": [dict(e) for e in self.entities],
            "reply_markup": self.reply_markup,
            "link_preview_options": self.link_preview_options,
            "date": self.message.get("edit_date", self.date),
        }

    def to_json(self) -> JSON:
        data = {k: v for k, v in self.__dict__.items() if k not in ("photo", "document")}
        data["photo_b64"] = _b64(self.photo)
        data["document_b64"] = _b64(self.document)
        return _jsonable(data)


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode("ascii")


def _jsonable(value: Any) -> Any:
    if hasattr(value, "to_json") and not isinstance(value, type):
        return value.to_json()
    if isinstance(value, bytes):
        return _b64(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    return value


@dataclass
class _Chat:
    id: int
    type: str  # private | group | supergroup | channel
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    kicked: bool = False
    members: dict[int, str] = field(default_factory=dict)  # user id -> status
    next_message_id: int = 1
    messages: dict[int, JSON] = field(default_factory=dict)  # every message, any sender

    def to_json(self) -> JSON:
        data: JSON = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data


@dataclass
class _File:
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    file_name: str | None = None
    mime_type: str | None = None


@dataclass
class _Fault:
    status: int
    description: str
    retry_after: int | None
    methods: frozenset[str] | None


@dataclass
class _RateLimit:
    per_chat: int | None
    window: float
    overall_per_second: int | None
    private_per_second: int | None


class _Params:
    """Request parameters from the query string and any body encoding, typed on access."""

    def __init__(self, values: JSON, files: dict[str, tuple[str | None, str | None, bytes]]):
        self.values = values
        self.files = files

    def raw(self, name: str) -> Any:
        return self.values.get(name)

    def str(self, name: str, default: str | None = None) -> str | None:
        value = self.values.get(name)
        if value is None:
            return default
        return value if isinstance(value, str) else json.dumps(value)

    def int(self, name: str, default: int | None = None) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise _bad(f"invalid {name} specified") from None

    def float(self, name: str, default: float = 0.0) -> float:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise _bad(f"invalid {name} specified") from None

    def bool(self, name: str) -> bool:
        value = self.values.get(name)
        if isinstance(value, str):
            return value.lower() in ("true", "1")
        return bool(value)

    def json(self, name: str) -> Any:
        value = self.values.get(name)
        if isinstance(value, str):
            if value == "":
                return None
            try:
                return json.loads(value)
            except ValueError:
                raise _bad(f"can't parse {name} JSON object") from None
        return value


# --------------------------------------------------------------------------------------
# HTTP plumbing
# --------------------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], standin: StandIn, control_only: bool) -> None:
        self.standin = standin
        self.control_only = control_only
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def abort_connections(self, keep: socket.socket | None = None) -> None:
        import socket as socket_module

        with self.connections_lock:
            conns = [c for c in self.connections if c is not keep]
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket_module.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
        except (OSError, ValueError):
            self.close_connection = True
            return
        url = urlsplit(self.path)
        # PTB's File.download_* percent-encodes the whole path, so the token's ':' arrives
        # as %3A; Telegram decodes it, and so do we.
        path = unquote(url.path)
        standin = self.server.standin
        try:
            if path.startswith("/_control/"):
                status, payload, ctype = standin._handle_control(
                    path[len("/_control/") :], url.query, body, self
                )
            elif self.server.control_only:
                status, payload, ctype = 404, _json_bytes(_not_found()), "application/json"
            elif m := re.fullmatch(r"/file/bot([^/]+)/(.+)", path):
                status, payload, ctype = standin._handle_file(m.group(1), m.group(2))
            elif m := re.fullmatch(r"/bot([^/]*)/([A-Za-z_]+)/?", path):
                values, files = _parse_body(self.headers.get("Content-Type", ""), body)
                values = {**dict(parse_qsl(url.query, keep_blank_values=True)), **values}
                status, payload, ctype = standin._handle_api(
                    m.group(1), m.group(2), _Params(values, files)
                )
            else:
                status, payload, ctype = 404, _json_bytes(_not_found()), "application/json"
        except _Dropped:
            self.close_connection = True
            return
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            self.wfile.flush()
        except OSError:
            self.close_connection = True


class _Dropped(Exception):
    """The server went down while the request was in flight: answer nothing."""


def _not_found() -> JSON:
    return {"ok": False, "error_code": 404, "description": "Not Found"}


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _parse_body(
    content_type: str, body: bytes
) -> tuple[JSON, dict[str, tuple[str | None, str | None, bytes]]]:
    """Decode form-urlencoded, JSON or multipart bodies into (values, files)."""
    header = email.message.Message()
    header["Content-Type"] = content_type or "application/octet-stream"
    ctype = header.get_content_type()
    values: JSON = {}
    files: dict[str, tuple[str | None, str | None, bytes]] = {}
    if not body:
        return values, files
    if ctype == "application/json":
        data = json.loads(body.decode("utf-8"))
        if isinstance(data, dict):
            values.update(data)
    elif ctype == "application/x-www-form-urlencoded":
        values.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    elif ctype == "multipart/form-data":
        boundary = header.get_param("boundary")
        if not isinstance(boundary, str):
            return values, files
        delimiter = b"--" + boundary.encode("latin-1")
        for part in body.split(delimiter)[1:]:
            if part.startswith(b"--"):
                break
            part = part.removeprefix(b"\r\n")
            head, _, content = part.partition(b"\r\n\r\n")
            content = content.removesuffix(b"\r\n")
            part_headers = email.message.Message()
            for line in head.decode("utf-8", "replace").split("\r\n"):
                key, sep, val = line.partition(":")
                if sep:
                    part_headers[key.strip()] = val.strip()
            name = part_headers.get_param("name", header="content-disposition")
            if not isinstance(name, str):
                continue
            filename = part_headers.get_filename()
            if filename is not None:
                files[name] = (filename, part_headers.get_content_type(), content)
            else:
                values[name] = content.decode("utf-8")
    return values, files


# --------------------------------------------------------------------------------------
# The stand-in
# --------------------------------------------------------------------------------------


class StandIn:
    """An in-memory Telegram Bot API server on 127.0.0.1.

    Create it, :meth:`start` it (or use it as a context manager / via
    :func:`run_standin`) and point PTB at :attr:`base_url` and
    :attr:`base_file_url`.  ``chat_id`` arguments of control methods accept the
    numeric id or ``"@username"``.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        control_port: int | None = None,
        bot_username: str = "releasewatch_test_bot",
        bot_first_name: str = "ReleaseWatch Test Bot",
        default_channel: bool = True,
    ) -> None:
        self.token = token
        self.host = host
        self._port = port
        self._control_port = control_port
        head = token.split(":", 1)[0]
        self.bot_user: JSON = {
            "id": int(head) if head.isdigit() else 1234567890,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self._cond = threading.Condition(threading.RLock())
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._control_server: _Server | None = None
        self._up_timer: threading.Timer | None = None
        self._stopping = threading.Event()
        self._epoch = 0  # bumped by down(): abandons in-flight long polls
        self._ids = itertools.count(1)
        self.reset()
        if default_channel:
            self.add_channel()

    # ---------------------------------------------------------------- lifecycle

    def start(self) -> StandIn:
        """Open the listening socket(s) and serve in background threads."""
        self._stopping.clear()
        self._open()
        if self._control_port is not None and self._control_server is None:
            srv = _Server((self.host, self._control_port), self, control_only=True)
            self._control_port = srv.server_address[1]
            self._control_server = srv
            threading.Thread(
                target=srv.serve_forever,
                kwargs={"poll_interval": 0.05},
                name="botapi-control",
                daemon=True,
            ).start()
        return self

    def stop(self) -> None:
        """Close everything; safe to call twice."""
        self._stopping.set()
        if self._up_timer is not None:
            self._up_timer.cancel()
        self._close()
        if self._control_server is not None:
            self._control_server.shutdown()
            self._control_server.server_close()
            self._control_server.abort_connections()
            self._control_server = None

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _open(self) -> None:
        with self._cond:
            if self._server is not None:
                return
            srv = _Server((self.host, self._port), self, control_only=False)
            self._port = srv.server_address[1]
            self._server = srv
            self._thread = threading.Thread(
                target=srv.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"botapi-{self._port}",
                daemon=True,
            )
            self._thread.start()

    def _close(self, keep: socket.socket | None = None) -> None:
        with self._cond:
            srv, self._server = self._server, None
            self._epoch += 1
            self._cond.notify_all()
        if srv is None:
            return
        srv.shutdown()
        srv.server_close()
        srv.abort_connections(keep)

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        """Root URL, e.g. ``http://127.0.0.1:8081``."""
        return f"http://{self.host}:{self._port}"

    @property
    def base_url(self) -> str:
        """PTB ``base_url`` (PTB appends the token)."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """PTB ``base_file_url`` (PTB appends the token)."""
        return f"{self.url}/file/bot"

    @property
    def control_url(self) -> str:
        """Control endpoint root on the always-up control port (or the API port)."""
        port = self._control_port if self._control_server is not None else self._port
        return f"http://{self.host}:{port}/_control"

    @property
    def is_up(self) -> bool:
        return self._server is not None

    def bot(self, **kwargs: Any) -> Bot:
        """A ``telegram.Bot`` wired to this stand-in (kwargs go to ``Bot``)."""
        from telegram import Bot

        return Bot(self.token, base_url=self.base_url, base_file_url=self.base_file_url, **kwargs)

    def application_builder(self) -> ApplicationBuilder[Any, Any, Any, Any, Any, Any]:
        """A ``telegram.ext.ApplicationBuilder`` with token and URLs set."""
        from telegram.ext import ApplicationBuilder

        return (
            ApplicationBuilder()
            .token(self.token)
            .base_url(self.base_url)
            .base_file_url(self.base_file_url)
        )

    # ---------------------------------------------------------------- state / chats

    def reset(self) -> None:
        """Forget chats, messages, updates, files, faults and the call log."""
        with self._cond:
            self._chats: dict[int, _Chat] = {}
            self._users: dict[int, JSON] = {}
            self._posts: list[Post] = []
            self._updates: deque[JSON] = deque()
            self._next_update_id = 100_000_001
            self._allowed_updates: list[str] = []
            self._poll_generation = 0
            self._webhook_url = ""
            self._files: dict[str, _File] = {}
            self._callbacks: dict[str, JSON] = {}
            self._callback_answers: list[JSON] = []
            self._chat_actions: list[JSON] = []
            self._commands: dict[str, list[JSON]] = {}
            self._calls: list[Call] = []
            self._faults: deque[_Fault] = deque()
            self._slow: tuple[float, frozenset[str] | None, bool] | None = None
            self._rate: _RateLimit | None = None
            self._sent_overall: deque[float] = deque()
            self._sent_per_chat: dict[int, deque[float]] = {}
            self._cond.notify_all()

    def add_channel(
        self,
        chat_id: int = DEFAULT_CHANNEL_ID,
        username: str | None = DEFAULT_CHANNEL_USERNAME,
        title: str = "ReleaseWatch test",
    ) -> JSON:
        """Register a channel the bot is an administrator of; returns the Chat JSON."""
        return self._add_chat(_Chat(chat_id, "channel", title=title, username=username))

    def add_group(
        self,
        chat_id: int,
        title: str = "Test group",
        *,
        supergroup: bool = True,
        username: str | None = None,
    ) -> JSON:
        """Register a (super)group the bot is a member of."""
        kind = "supergroup" if supergroup else "group"
        return self._add_chat(_Chat(chat_id, kind, title=title, username=username))

    def add_user(
        self,
        user_id: int,
        first_name: str = "Test",
        *,
        username: str | None = None,
        last_name: str | None = None,
        language_code: str | None = "en",
    ) -> JSON:
        """Register a user and their private chat with the bot; returns the User JSON."""
        user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
        if last_name:
            user["last_name"] = last_name
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        with self._cond:
            self._users[user_id] = user
            if user_id not in self._chats:
                self._chats[user_id] = _Chat(
                    user_id,
                    "private",
                    username=username,
                    first_name=first_name,
                    last_name=last_name,
                )
        return dict(user)

    def set_member(self, chat_id: int | str, user_id: int, status: str = "administrator") -> None:
        """Set a user's status in a chat (creator/administrator/member/restricted/left/kicked)."""
        with self._cond:
            self._chat(chat_id).members[user_id] = status

    def kick(self, chat_id: int | str) -> None:
        """Remove the bot from a chat (private: the user blocks the bot); sends fail with 403."""
        with self._cond:
            self._chat(chat_id).kicked = True

    def unkick(self, chat_id: int | str) -> None:
        """Undo :meth:`kick`."""
        with self._cond:
            self._chat(chat_id).kicked = False

    def _add_chat(self, chat: _Chat) -> JSON:
        with self._cond:
            self._chats[chat.id] = chat
        return chat.to_json()

    def _chat(self, chat_id: int | str) -> _Chat:
        chat = self._find_chat(chat_id)
        if chat is None:
            raise KeyError(f"unknown chat {chat_id!r}; register it with add_channel/add_user")
        return chat

    def _find_chat(self, chat_id: Any) -> _Chat | None:
        if isinstance(chat_id, str):
            text = chat_id.strip()
            if text.startswith("@"):
                name = text[1:].lower()
                for chat in self._chats.values():
                    if chat.username and chat.username.lower() == name:
                        return chat
                return None
            try:
                chat_id = int(text)
            except ValueError:
                return None
        if isinstance(chat_id, int):
            return self._chats.get(chat_id)
        return None

    def _user(self, user_id: int) -> JSON:
        if user_id not in self._users:
            self.add_user(user_id, f"User{user_id}")
        return dict(self._users[user_id])

    # ---------------------------------------------------------------- inspection

    def posts(self, chat_id: int | str, *, include_deleted: bool = False) -> list[Post]:
        """Messages the bot sent to a chat, oldest first."""
        with self._cond:
            cid = self._chat(chat_id).id
            return [
                p for p in self._posts if p.chat_id == cid and (include_deleted or not p.deleted)
            ]

    def post(self, chat_id: int | str, message_id: int) -> Post:
        """One message the bot sent (raises ``KeyError`` if there is none)."""
        for p in self.posts(chat_id, include_deleted=True):
            if p.message_id == message_id:
                return p
        raise KeyError((chat_id, message_id))

    def all_posts(self) -> list[Post]:
        with self._cond:
            return list(self._posts)

    def wait_for_posts(self, chat_id: int | str, n: int = 1, timeout: float = 5.0) -> list[Post]:
        """Block until the chat has at least ``n`` (non-deleted) posts; returns them.

        Raises ``TimeoutError``.  From async tests call it via
        ``await asyncio.to_thread(tg.wait_for_posts, chat, n)``, or use
        :meth:`async_wait_for_posts`.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = self.posts(chat_id)
                if len(found) >= n:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(
                        f"{chat_id}: wanted {n} posts within {timeout}s, got {len(found)}: "
                        f"{[p.content for p in found]!r}"
                    )
                self._cond.wait(remaining)

    async def async_wait_for_posts(
        self, chat_id: int | str, n: int = 1, timeout: float = 5.0
    ) -> list[Post]:
        """:meth:`wait_for_posts` without blocking the event loop."""
        import asyncio

        return await asyncio.to_thread(self.wait_for_posts, chat_id, n, timeout)

    def calls(self, method: str | None = None) -> list[Call]:
        """Every API request so far (optionally only one method, case-insensitive)."""
        with self._cond:
            if method is None:
                return list(self._calls)
            return [c for c in self._calls if c.method.lower() == method.lower()]

    def wait_for_call(self, method: str, n: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until ``method`` was called at least ``n`` times."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while len(found := self.calls(method)) < n:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"{method} called {len(found)} times, wanted {n}")
                self._cond.wait(remaining)
            return found

    def callback_answers(self) -> list[JSON]:
        """Parameters of every successful answerCallbackQuery."""
        with self._cond:
            return [dict(a) for a in self._callback_answers]

    def chat_actions(self) -> list[JSON]:
        with self._cond:
            return [dict(a) for a in self._chat_actions]

    def my_commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        with self._cond:
            return list(self._commands.get(self._commands_key(scope, language_code), []))

    def pending_updates(self) -> list[JSON]:
        """Updates not yet confirmed by a getUpdates ``offset``."""
        with self._cond:
            return list(self._updates)

    def wait_until_consumed(self, timeout: float = 5.0) -> None:
        """Block until the bot confirmed every injected update."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._updates:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"{len(self._updates)} updates still pending")
                self._cond.wait(remaining)

    def file_bytes(self, file_id: str) -> bytes:
        with self._cond:
            return self._files[file_id].data

    # ---------------------------------------------------------------- injection

    def inject_update(self, update: JSON) -> JSON:
        """Queue a raw update (``update_id`` is assigned); returns it."""
        with self._cond:
            # a snapshot: later edits of the same message must not rewrite queued updates
            update = {"update_id": self._next_update_id, **copy.deepcopy(update)}
            self._next_update_id = update["update_id"] + 1
            self._updates.append(update)
            self._cond.notify_all()
            return update

    def inject_message(
        self,
        text: str | None = None,
        *,
        user_id: int,
        chat_id: int | str | None = None,
        entities: list[JSON] | None = None,
        reply_to_message_id: int | None = None,
        forward_from: int | str | None = None,
        forward_from_message_id: int | None = None,
        document: JSON | None = None,
        caption: str | None = None,
    ) -> JSON:
        """A user's message in a chat (default: their private chat) as a ``message`` update.

        ``/commands`` get ``bot_command`` entities automatically.  ``forward_from``
        makes it a forward: a user id (origin ``user``), a channel id/``@name``
        (origin ``channel``) or any other string (origin ``hidden_user``).
        Returns the Message JSON.
        """
        with self._cond:
            user = self._user(user_id)
            chat = self._chat(chat_id if chat_id is not None else user_id)
            message = self._new_message(chat, sender=user)
            if text is not None:
                message["text"] = text
                ents = entities if entities is not None else _command_entities(text)
                if ents:
                    message["entities"] = ents
            if caption is not None:
                message["caption"] = caption
            if document is not None:
                message["document"] = document
            if reply_to_message_id is not None:
                replied = chat.messages.get(reply_to_message_id)
                if replied is not None:
                    message["reply_to_message"] = _without_reply(replied)
            if forward_from is not None:
                message["forward_origin"] = self._origin(forward_from, forward_from_message_id)
            chat.messages[message["message_id"]] = message
            kind = "channel_post" if chat.type == "channel" else "message"
            self.inject_update({kind: message})
            return message

    def inject_command(
        self, command: str, *args: str, user_id: int, chat_id: int | str | None = None
    ) -> JSON:
        """``inject_command("/add", "https://x/feed", user_id=42)`` -> Message JSON."""
        command = command if command.startswith("/") else "/" + command
        return self.inject_message(" ".join([command, *args]), user_id=user_id, chat_id=chat_id)

    def inject_document(
        self,
        data: bytes,
        filename: str,
        *,
        user_id: int,
        chat_id: int | str | None = None,
        mime_type: str | None = None,
        caption: str | None = None,
    ) -> JSON:
        """A user sends a file; the bot can ``getFile`` + download it.  Returns the Message."""
        with self._cond:
            stored = self._store_file(data, "documents", filename, mime_type)
            document = {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_name": filename,
                "mime_type": stored.mime_type,
                "file_size": len(data),
            }
            return self.inject_message(
                None, user_id=user_id, chat_id=chat_id, document=document, caption=caption
            )

    def inject_channel_post(self, text: str, *, chat_id: int | str = DEFAULT_CHANNEL_ID) -> JSON:
        """A post in a channel (by the channel itself) as a ``channel_post`` update."""
        with self._cond:
            chat = self._chat(chat_id)
            message = self._new_message(chat, sender=None)
            message["text"] = text
            message["sender_chat"] = chat.to_json()
            chat.messages[message["message_id"]] = message
            self.inject_update({"channel_post": message})
            return message

    def inject_edit(self, chat_id: int | str, message_id: int, text: str) -> JSON:
        """A user/channel edits an earlier message: ``edited_message``/``edited_channel_post``."""
        with self._cond:
            chat = self._chat(chat_id)
            message = chat.messages[message_id]
            message["text"] = text
            ents = _command_entities(text)
            if ents:
                message["entities"] = ents
            else:
                message.pop("entities", None)
            message["edit_date"] = max(int(time.time()), message["date"])
            kind = "edited_channel_post" if chat.type == "channel" else "edited_message"
            self.inject_update({kind: dict(message)})
            return message

    def inject_callback(
        self,
        chat_id: int | str,
        message_id: int,
        data: str,
        *,
        user_id: int,
    ) -> str:
        """A user presses an inline button under a message; returns the callback query id."""
        with self._cond:
            chat = self._chat(chat_id)
            message = chat.messages.get(message_id)
            if message is None:
                raise KeyError(f"no message {message_id} in chat {chat_id}")
            query_id = str(4_000_000_000_000_000_000 + next(self._ids))
            query = {
                "id": query_id,
                "from": self._user(user_id),
                "message": dict(message),
                "chat_instance": str(abs(chat.id) * 7919 % 10**18),
                "data": data,
            }
            self._callbacks[query_id] = {"query": query, "answered": False, "at": time.time()}
            self.inject_update({"callback_query": query})
            return query_id

    def _origin(self, source: int | str, message_id: int | None) -> JSON:
        date = int(time.time()) - 60
        chat = self._find_chat(source)
        if chat is not None and chat.type == "channel":
            return {
                "type": "channel",
                "date": date,
                "chat": chat.to_json(),
                "message_id": message_id or 1,
            }
        if chat is not None and chat.type in ("group", "supergroup"):
            return {"type": "chat", "date": date, "sender_chat": chat.to_json()}
        if isinstance(source, int):
            return {"type": "user", "date": date, "sender_user": self._user(source)}
        return {"type": "hidden_user", "date": date, "sender_user_name": str(source)}

    def _new_message(self, chat: _Chat, sender: JSON | None) -> JSON:
        message_id = chat.next_message_id
        chat.next_message_id += 1
        message: JSON = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat.to_json(),
        }
        if sender is not None:
            message["from"] = sender
        return message

    def _store_file(
        self, data: bytes, folder: str, filename: str | None, mime_type: str | None
    ) -> _File:
        n = next(self._ids)
        suffix = Path(filename).suffix if filename else ""
        if folder == "photos":
            suffix = ".jpg"
        file_id = f"BQACAgIAAxkBAAI{n:06d}standin"
        stored = _File(
            file_id=file_id,
            file_unique_id=f"AgAD{n:06d}",
            file_path=f"{folder}/file_{n}{suffix}",
            data=bytes(data),
            file_name=filename,
            mime_type=mime_type or _guess_mime(filename),
        )
        self._files[file_id] = stored
        return stored

    # ---------------------------------------------------------------- faults

    def fail_next(
        self,
        n: int = 1,
        status: int = 429,
        retry_after: int = 2,
        *,
        description: str | None = None,
        methods: Collection[str] | None = None,
    ) -> None:
        """Answer the next ``n`` matching requests with an error.

        ``methods=None`` matches every API method except ``getUpdates`` (so a
        polling bot doesn't swallow the fault); name methods explicitly to fault
        polling, or ``"file"`` for downloads.  429 answers carry
        ``parameters.retry_after`` and Telegram's ``Too Many Requests: retry
        after N`` description.
        """
        if description is None:
            if status == 429:
                description = f"Too Many Requests: retry after {retry_after}"
            else:
                try:
                    description = HTTPStatus(status).phrase
                except ValueError:
                    description = "Unknown error"
                if status == 400:
                    description = "Bad Request"
        names = frozenset(m.lower() for m in methods) if methods is not None else None
        with self._cond:
            for _ in range(n):
                self._faults.append(
                    _Fault(status, description, retry_after if status == 429 else None, names)
                )

    def clear_faults(self) -> None:
        with self._cond:
            self._faults.clear()
            self._slow = None

    def slow(
        self,
        seconds: float,
        *,
        methods: Collection[str] | None = None,
        before: bool = False,
    ) -> None:
        """Delay answers by ``seconds`` (``0`` turns it off).

        By default the request is processed first and the answer withheld -- the
        nasty real-world case where the client times out but the message was
        posted.  ``before=True`` delays before processing.  ``methods`` as in
        :meth:`fail_next`.
        """
        names = frozenset(m.lower() for m in methods) if methods is not None else None
        with self._cond:
            self._slow = (seconds, names, before) if seconds > 0 else None

    def down(self, seconds: float | None = None) -> None:
        """Close the listening socket and drop open connections (connection refused).

        With ``seconds`` it comes back up by itself; otherwise call :meth:`up`.
        """
        self._down(seconds)

    def _down(self, seconds: float | None, keep: socket.socket | None = None) -> None:
        if self._up_timer is not None:
            self._up_timer.cancel()
            self._up_timer = None
        self._close(keep)
        if seconds is not None:
            self._up_timer = threading.Timer(seconds, self.up)
            self._up_timer.daemon = True
            self._up_timer.start()

    def up(self) -> None:
        """Reopen the listening socket on the same port."""
        if self._stopping.is_set():
            return
        for attempt in range(50):
            try:
                self._open()
                return
            except OSError:
                if attempt == 49:
                    raise
                time.sleep(0.02)

    def set_rate_limit(
        self,
        per_chat: int | None = 20,
        window: float = 60.0,
        *,
        overall_per_second: int | None = 30,
        private_per_second: int | None = None,
    ) -> None:
        """Turn on flood control (off by default): at most ``per_chat`` sends/edits per
        ``window`` seconds to each group/channel, ``overall_per_second`` overall and
        ``private_per_second`` per private chat.  Excess requests get 429 with
        ``retry_after`` = seconds until a slot frees up.  Telegram's values are
        the defaults (20/min per group or channel, 30/s overall).
        """
        with self._cond:
            self._rate = _RateLimit(per_chat, window, overall_per_second, private_per_second)
            self._sent_overall.clear()
            self._sent_per_chat.clear()

    def clear_rate_limit(self) -> None:
        with self._cond:
            self._rate = None

    def _take_fault(self, method: str) -> _Fault | None:
        for fault in self._faults:
            if fault.methods is None:
                matches = method not in ("getupdates", "file")
            else:
                matches = method in fault.methods
            if matches:
                self._faults.remove(fault)
                return fault
        return None

    def _slow_for(self, method: str) -> tuple[float, bool] | None:
        if self._slow is None:
            return None
        seconds, names, before = self._slow
        if names is None:
            if method in ("getupdates", "file"):
                return None
        elif method not in names:
            return None
        return seconds, before

    def _check_rate(self, chat: _Chat) -> None:
        rate = self._rate
        if rate is None:
            return
        now = time.monotonic()
        overall = self._sent_overall
        while overall and overall[0] <= now - 1.0:
            overall.popleft()
        if rate.overall_per_second is not None and len(overall) >= rate.overall_per_second:
            self._flood(overall[0] + 1.0 - now)
        if chat.type == "private":
            limit, window = rate.private_per_second, 1.0
        else:
            limit, window = rate.per_chat, rate.window
        mine = self._sent_per_chat.setdefault(chat.id, deque())
        while mine and mine[0] <= now - window:
            mine.popleft()
        if limit is not None and len(mine) >= limit:
            self._flood(mine[0] + window - now)
        overall.append(now)
        mine.append(now)

    @staticmethod
    def _flood(wait: float) -> None:
        seconds = max(1, math.ceil(wait))
        raise ApiError(429, f"Too Many Requests: retry after {seconds}", {"retry_after": seconds})

    # ---------------------------------------------------------------- HTTP entry points

    def _handle_api(self, token: str, method: str, params: _Params) -> tuple[int, bytes, str]:
        name = method.lower()
        epoch = self._epoch
        call = Call(method, dict(params.values))
        if params.files:
            call.params["_files"] = {k: (v[0], v[1], len(v[2])) for k, v in params.files.items()}
        delay_after = 0.0
        try:
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            handler = getattr(self, f"_m_{name}", None)
            if handler is None:
                raise ApiError(404, "Not Found")
            with self._cond:
                fault = self._take_fault(name)
                slow = self._slow_for(name)
            if slow is not None:
                if slow[1]:
                    self._sleep(slow[0], epoch)
                else:
                    delay_after = slow[0]
            if fault is not None:
                extra = {"retry_after": fault.retry_after} if fault.retry_after else None
                raise ApiError(fault.status, fault.description, extra)
            body: JSON = {"ok": True, "result": handler(params)}
            call.status = 200
        except ApiError as err:
            call.status, call.description = err.status, err.description
            body = err.payload()
        self._record(call)
        if delay_after:
            self._sleep(delay_after, epoch)
        if self._epoch != epoch:
            raise _Dropped
        status = 200 if body["ok"] else body["error_code"]
        return status, _json_bytes(body), "application/json"

    def _record(self, call: Call) -> None:
        with self._cond:
            self._calls.append(call)
            self._cond.notify_all()

    def _sleep(self, seconds: float, epoch: int) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if self._stopping.wait(min(left, 0.05)) or self._epoch != epoch:
                raise _Dropped

    def _handle_file(self, token: str, file_path: str) -> tuple[int, bytes, str]:
        epoch = self._epoch
        with self._cond:
            fault = self._take_fault("file")
            slow = self._slow_for("file")
            stored = next((f for f in self._files.values() if f.file_path == file_path), None)
            self._calls.append(Call("file", {"file_path": file_path}))
        if slow:
            self._sleep(slow[0], epoch)
        if fault is not None:
            err = ApiError(fault.status, fault.description)
            return fault.status, _json_bytes(err.payload()), "application/json"
        if token != self.token:
            return 401, _json_bytes(ApiError(401, "Unauthorized").payload()), "application/json"
        if stored is None:
            return 404, _json_bytes(_not_found()), "application/json"
        return 200, stored.data, stored.mime_type or "application/octet-stream"

    _CONTROL_OPS = frozenset(
        {
            "reset",
            "add_channel",
            "add_group",
            "add_user",
            "set_member",
            "kick",
            "unkick",
            "posts",
            "post",
            "all_posts",
            "wait_for_posts",
            "calls",
            "wait_for_call",
            "callback_answers",
            "chat_actions",
            "my_commands",
            "pending_updates",
            "wait_until_consumed",
            "file_bytes",
            "inject_update",
            "inject_message",
            "inject_command",
            "inject_document",
            "inject_channel_post",
            "inject_edit",
            "inject_callback",
            "fail_next",
            "clear_faults",
            "slow",
            "down",
            "up",
            "set_rate_limit",
            "clear_rate_limit",
            "info",
            "shutdown",
        }
    )

    def info(self) -> JSON:
        """URLs and token (handy over the control API)."""
        return {
            "url": self.url,
            "base_url": self.base_url,
            "base_file_url": self.base_file_url,
            "control_url": self.control_url,
            "token": self.token,
            "up": self.is_up,
        }

    def shutdown(self) -> None:
        """Control-API hook: ask a ``python -m tests.botapi`` process to exit."""
        self._stopping.set()

    def _handle_control(
        self, op: str, query: str, body: bytes, handler: _Handler
    ) -> tuple[int, bytes, str]:
        op = op.strip("/")
        try:
            if op not in self._CONTROL_OPS:
                raise ApiError(404, f"unknown control operation {op!r}")
            kwargs: JSON = dict(parse_qsl(query))
            if body:
                kwargs.update(json.loads(body.decode("utf-8")))
            args = kwargs.pop("args", [])
            for key in [k for k in kwargs if k.endswith("_b64")]:
                kwargs[key[: -len("_b64")]] = base64.b64decode(kwargs.pop(key))
            if op == "down":
                # keep the connection carrying this request alive to answer it
                self._down(kwargs.get("seconds"), keep=handler.connection)
                result: Any = None
            else:
                result = getattr(self, op)(*args, **kwargs)
            payload = {"ok": True, "result": _jsonable(result)}
            status = 200
        except ApiError as err:
            payload, status = err.payload(), err.status
        except (TypeError, ValueError, KeyError, TimeoutError) as err:
            payload = {
                "ok": False,
                "error_code": 400,
                "description": f"{type(err).__name__}: {err}",
            }
            status = 400
        return status, _json_bytes(payload), "application/json"

    # ---------------------------------------------------------------- Bot API methods

    def _m_getme(self, p: _Params) -> JSON:
        return dict(self.bot_user)

    def _m_logout(self, p: _Params) -> bool:
        return True

    def _m_close(self, p: _Params) -> bool:
        return True

    def _m_setwebhook(self, p: _Params) -> bool:
        url = p.str("url") or ""
        if url and not url.startswith("https://"):
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        with self._cond:
            self._webhook_url = url
            if p.bool("drop_pending_updates"):
                self._updates.clear()
            self._cond.notify_all()
        return True

    def _m_deletewebhook(self, p: _Params) -> bool:
        with self._cond:
            self._webhook_url = ""
            if p.bool("drop_pending_updates"):
                self._updates.clear()
            self._cond.notify_all()
        return True

    def _m_getwebhookinfo(self, p: _Params) -> JSON:
        with self._cond:
            return {
                "url": self._webhook_url,
                "has_custom_certificate": False,
                "pending_update_count": len(self._updates),
            }

    def _m_getupdates(self, p: _Params) -> list[JSON]:
        offset = p.int("offset", 0) or 0
        limit = min(max(p.int("limit", 100) or 100, 1), 100)
        timeout = max(p.float("timeout", 0.0), 0.0)
        allowed = p.json("allowed_updates")
        deadline = time.monotonic() + timeout
        with self._cond:
            if self._webhook_url:
                raise ApiError(409, CONFLICT_WEBHOOK)
            if isinstance(allowed, list):
                self._allowed_updates = [str(a) for a in allowed]
            self._poll_generation += 1
            generation, epoch = self._poll_generation, self._epoch
            if offset > 0:
                while self._updates and self._updates[0]["update_id"] < offset:
                    self._updates.popleft()
            elif offset < 0:
                while len(self._updates) > -offset:
                    self._updates.popleft()
            self._cond.notify_all()
            while True:
                self._drop_unwanted()
                if self._updates:
                    return [dict(u) for u in itertools.islice(self._updates, limit)]
                if self._poll_generation != generation:
                    raise ApiError(409, CONFLICT_POLLING)
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._epoch != epoch or self._stopping.is_set():
                    return []
                self._cond.wait(remaining)

    def _drop_unwanted(self) -> None:
        allowed = set(self._allowed_updates)
        kept: deque[JSON] = deque()
        for update in self._updates:
            kind = next(k for k in update if k != "update_id")
            if (kind in allowed) if allowed else (kind not in DEFAULT_UPDATE_TYPES_EXCLUDED):
                kept.append(update)
        self._updates = kept

    @staticmethod
    def _commands_key(scope: Any, language_code: str | None) -> str:
        scope = scope or {"type": "default"}
        return json.dumps(scope, sort_keys=True) + "|" + (language_code or "")

    def _m_setmycommands(self, p: _Params) -> bool:
        commands = p.json("commands")
        if not isinstance(commands, list):
            raise _bad('parameter "commands" is required')
        if len(commands) > 100:
            raise _bad("too many commands specified")
        for cmd in commands:
            name = str(cmd.get("command", "")) if isinstance(cmd, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(cmd.get("description", ""))) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        with self._cond:
            key = self._commands_key(p.json("scope"), p.str("language_code"))
            self._commands[key] = [
                {"command": c["command"], "description": c["description"]} for c in commands
            ]
        return True

    def _m_getmycommands(self, p: _Params) -> list[JSON]:
        with self._cond:
            key = self._commands_key(p.json("scope"), p.str("language_code"))
            return list(self._commands.get(key, []))

    def _m_deletemycommands(self, p: _Params) -> bool:
        with self._cond:
            self._commands.pop(self._commands_key(p.json("scope"), p.str("language_code")), None)
        return True

    def _target_chat(self, p: _Params, *, sending: bool = True) -> _Chat:
        raw = p.raw("chat_id")
        if raw is None or raw == "":
            raise _bad("chat_id is empty")
        chat = self._find_chat(raw)
        if chat is None:
            raise _bad("chat not found")
        if sending and chat.kicked:
            raise ApiError(403, _forbidden(chat))
        return chat

    def _formatted(
        self, p: _Params, key: str, limit: int, too_long: str, empty: str | None
    ) -> tuple[str | None, str | None, list[JSON]]:
        """Validate text/caption: returns (source, parsed, entities)."""
        source = p.str(key)
        if source is None:
            if empty is not None:
                raise _bad(empty)
            return None, None, []
        parse_mode = p.str("parse_mode")
        if parse_mode is not None and parse_mode.lower() == "html":
            try:
                parsed, entities = parse_html(source)
            except HtmlParseError as err:
                raise _bad(f"can't parse entities: {err}") from None
        elif (
            parse_mode is None
            or parse_mode == ""
            or parse_mode.lower()
            in (
                "markdown",
                "markdownv2",
            )
        ):
            parsed = source
            given = p.json("entities" if key == "text" else "caption_entities")
            entities = list(given) if isinstance(given, list) else []
        else:
            raise _bad("unsupported parse_mode")
        parsed, entities = _strip_text(parsed, entities)
        if not parsed:
            if empty is not None:
                raise _bad(empty)
            return None, None, []
        if utf16_len(parsed) > limit:
            raise _bad(too_long)
        return source, parsed, entities

    def _reply_markup(self, p: _Params) -> JSON | None:
        markup = p.json("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        rows = markup.get("inline_keyboard")
        if rows is not None:
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise _bad(
                    "can't parse inline keyboard button: InlineKeyboardMarkup must be an Array of Arrays"
                )
            for row in rows:
                for button in row:
                    if not isinstance(button, dict) or not button.get("text"):
                        raise _bad(
                            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                        )
                    data = button.get("callback_data")
                    if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
                        raise _bad("BUTTON_DATA_INVALID")
                    url = button.get("url")
                    if url is not None and not _URL_RE.match(str(url)):
                        raise _bad(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")
        return markup

    def _reply_to(self, p: _Params, chat: _Chat) -> tuple[int | None, JSON | None]:
        params = p.json("reply_parameters")
        message_id: int | None = None
        allow_without = p.bool("allow_sending_without_reply")
        if isinstance(params, dict) and params.get("message_id") is not None:
            message_id = int(params["message_id"])
            allow_without = bool(params.get("allow_sending_without_reply", allow_without))
        elif p.raw("reply_to_message_id") is not None:
            message_id = p.int("reply_to_message_id")
        if message_id is None:
            return None, None
        replied = chat.messages.get(message_id)
        if replied is None:
            if allow_without:
                return None, None
            raise _bad("message to be replied not found")
        return message_id, _without_reply(replied)

    def _send(
        self,
        p: _Params,
        method: str,
        *,
        text_key: str,
        media: Callable[[_Chat], tuple[str, Any, Post]] | None = None,
    ) -> JSON:
        with self._cond:
            chat = self._target_chat(p)
            if media is None:
                source, parsed, entities = self._formatted(
                    p, "text", MAX_TEXT, "message is too long", "message text is empty"
                )
            else:
                source, parsed, entities = self._formatted(
                    p, "caption", MAX_CAPTION, "message caption is too long", None
                )
            markup = self._reply_markup(p)
            reply_to, replied = self._reply_to(p, chat)
            media_key, media_value, post = (
                media(chat) if media is not None else ("", None, Post(0, 0, "", 0))
            )
            self._check_rate(chat)
            message = self._new_message(
                chat, sender=None if chat.type == "channel" else self.bot_user
            )
            if chat.type == "channel":
                message["sender_chat"] = chat.to_json()
            if media_key:
                message[media_key] = media_value
            if parsed is not None:
                message[text_key] = parsed
                if entities:
                    message["entities" if text_key == "text" else "caption_entities"] = entities
            if replied is not None:
                message["reply_to_message"] = replied
            if markup is not None and "inline_keyboard" in markup:
                message["reply_markup"] = markup
            preview = p.json("link_preview_options")
            if preview is None and p.bool("disable_web_page_preview"):
                preview = {"is_disabled": True}
            if isinstance(preview, dict) and text_key == "text":
                message["link_preview_options"] = preview
            chat.messages[message["message_id"]] = message
            post.chat_id = chat.id
            post.message_id = message["message_id"]
            post.method = method
            post.date = message["date"]
            if text_key == "text":
                post.text = parsed
            else:
                post.caption = parsed
            post.sent_text = source
            post.parse_mode = p.str("parse_mode")
            post.entities = entities
            post.reply_to = reply_to
            post.reply_markup = markup
            post.link_preview_options = preview if isinstance(preview, dict) else None
            post.disable_notification = p.bool("disable_notification")
            post.protect_content = p.bool("protect_content")
            post.params = {k: v for k, v in p.values.items()}
            post.message = message
            self._posts.append(post)
            self._cond.notify_all()
            return dict(message)

    def _m_sendmessage(self, p: _Params) -> JSON:
        return self._send(p, "sendMessage", text_key="text")

    def _upload(self, p: _Params, key: str) -> tuple[bytes | None, str | None, str | None, str]:
        """Returns (data, filename, mime, file_id_or_url) for a photo/document parameter."""
        if key in p.files:
            filename, mime, data = p.files[key]
            return data, filename, mime, ""
        value = p.str(key)
        if value and value.startswith("attach://") and value[9:] in p.files:
            filename, mime, data = p.files[value[9:]]
            return data, filename, mime, ""
        if not value:
            raise _bad(f"there is no {key} in the request")
        if value in self._files:
            stored = self._files[value]
            return stored.data, stored.file_name, stored.mime_type, value
        if re.match(r"https?://", value):
            return None, None, None, value
        raise _bad("wrong file identifier/HTTP URL specified")

    def _m_sendphoto(self, p: _Params) -> JSON:
        def media(chat: _Chat) -> tuple[str, Any, Post]:
            data, filename, mime, ref = self._upload(p, "photo")
            if data is not None and not data:
                raise _bad("file must be non-empty")
            width, height = (1280, 720)
            if data is not None:
                dims = _image_size(data)
                if dims is None:
                    raise _bad("IMAGE_PROCESS_FAILED")
                width, height = dims
                if len(data) > 10 * 1024 * 1024:
                    raise _bad("PHOTO_SAVE_FILE_INVALID")
            stored = (
                self._files[ref]
                if ref in self._files
                else self._store_file(data or b"", "photos", filename, mime)
            )
            size = {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "width": width,
                "height": height,
                "file_size": len(stored.data),
            }
            thumb = {
                **size,
                "file_id": stored.file_id + "s",
                "width": min(width, 90),
                "height": min(height, 90),
            }
            post = Post(
                0, 0, "", 0, photo=data, filename=filename, mime_type=mime, file_id=stored.file_id
            )
            if ref.startswith("http"):
                post.params["photo_url"] = ref
            return "photo", [thumb, size], post

        return self._send(p, "sendPhoto", text_key="caption", media=media)

    def _m_senddocument(self, p: _Params) -> JSON:
        def media(chat: _Chat) -> tuple[str, Any, Post]:
            data, filename, mime, ref = self._upload(p, "document")
            if data is not None and not data:
                raise _bad("file must be non-empty")
            if data is not None and len(data) > MAX_UPLOAD:
                raise ApiError(413, "Request Entity Too Large")
            stored = (
                self._files[ref]
                if ref in self._files
                else self._store_file(data or b"", "documents", filename, mime)
            )
            document = {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_name": stored.file_name or filename or "file",
                "mime_type": stored.mime_type,
                "file_size": len(stored.data),
            }
            post = Post(
                0,
                0,
                "",
                0,
                document=data,
                filename=filename,
                mime_type=stored.mime_type,
                file_id=stored.file_id,
            )
            return "document", document, post

        return self._send(p, "sendDocument", text_key="caption", media=media)

    def _editable(self, p: _Params) -> tuple[_Chat, Post]:
        if p.raw("inline_message_id") is not None:
            raise _bad("MESSAGE_ID_INVALID")
        chat = self._target_chat(p)
        message_id = p.int("message_id")
        if message_id is None:
            raise _bad("message identifier is not specified")
        post = next(
            (
                x
                for x in self._posts
                if x.chat_id == chat.id and x.message_id == message_id and not x.deleted
            ),
            None,
        )
        if post is None:
            if message_id in chat.messages:
                raise _bad("message can't be edited")
            raise _bad("message to edit not found")
        return chat, post

    def _apply_edit(self, chat: _Chat, post: Post, changes: JSON) -> JSON:
        before = post.snapshot()
        after = {**before, **changes}
        if (after["text"], after["caption"], after["entities"], after["reply_markup"]) == (
            before["text"],
            before["caption"],
            before["entities"],
            before["reply_markup"],
        ):
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        self._check_rate(chat)
        post.edits.append(before)
        for key, value in changes.items():
            setattr(post, key, value)
        message = post.message
        for key, ent_key in (("text", "entities"), ("caption", "caption_entities")):
            if getattr(post, key) is not None:
                message[key] = getattr(post, key)
                if post.entities:
                    message[ent_key] = post.entities
                else:
                    message.pop(ent_key, None)
        if post.reply_markup and "inline_keyboard" in post.reply_markup:
            message["reply_markup"] = post.reply_markup
        else:
            message.pop("reply_markup", None)
        if post.link_preview_options is not None and post.text is not None:
            message["link_preview_options"] = post.link_preview_options
        message["edit_date"] = max(int(time.time()), message["date"])
        self._cond.notify_all()
        return dict(message)

    def _m_editmessagetext(self, p: _Params) -> JSON:
        with self._cond:
            chat, post = self._editable(p)
            if post.text is None:
                raise _bad("there is no text in the message to edit")
            source, parsed, entities = self._formatted(
                p, "text", MAX_TEXT, "message is too long", "message text is empty"
            )
            markup = self._reply_markup(p)
            preview = p.json("link_preview_options")
            changes: JSON = {
                "text": parsed,
                "sent_text": source,
                "parse_mode": p.str("parse_mode"),
                "entities": entities,
                "reply_markup": markup,
            }
            if isinstance(preview, dict):
                changes["link_preview_options"] = preview
            return self._apply_edit(chat, post, changes)

    def _m_editmessagecaption(self, p: _Params) -> JSON:
        with self._cond:
            chat, post = self._editable(p)
            if post.text is not None:
                raise _bad("there is no caption in the message to edit")
            source, parsed, entities = self._formatted(
                p, "caption", MAX_CAPTION, "message caption is too long", None
            )
            changes = {
                "caption": parsed,
                "sent_text": source,
                "parse_mode": p.str("parse_mode"),
                "entities": entities,
                "reply_markup": self._reply_markup(p),
            }
            return self._apply_edit(chat, post, changes)

    def _m_editmessagereplymarkup(self, p: _Params) -> JSON:
        with self._cond:
            chat, post = self._editable(p)
            return self._apply_edit(chat, post, {"reply_markup": self._reply_markup(p)})

    def _m_deletemessage(self, p: _Params) -> bool:
        with self._cond:
            chat = self._target_chat(p)
            message_id = p.int("message_id")
            if message_id is None or message_id not in chat.messages:
                raise _bad("message to delete not found")
            del chat.messages[message_id]
            for post in self._posts:
                if post.chat_id == chat.id and post.message_id == message_id:
                    post.deleted = True
            self._cond.notify_all()
            return True

    def _m_getfile(self, p: _Params) -> JSON:
        file_id = p.str("file_id") or ""
        with self._cond:
            stored = self._files.get(file_id)
        if stored is None:
            raise _bad("invalid file_id")
        if len(stored.data) > MAX_DOWNLOAD:
            raise _bad("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    def _m_answercallbackquery(self, p: _Params) -> bool:
        query_id = p.str("callback_query_id") or ""
        with self._cond:
            entry = self._callbacks.get(query_id)
            if entry is None or entry["answered"] or time.time() - entry["at"] > 15 * 60:
                raise _bad("query is too old and response timeout expired or query ID is invalid")
            text = p.str("text")
            if text is not None and len(text) > 200:
                raise _bad("MESSAGE_TOO_LONG")
            entry["answered"] = True
            answer = {k: v for k, v in p.values.items()}
            answer["show_alert"] = p.bool("show_alert")
            self._callback_answers.append(answer)
            self._cond.notify_all()
        return True

    def _m_getchat(self, p: _Params) -> JSON:
        with self._cond:
            chat = self._target_chat(p, sending=False)
            if chat.kicked and chat.type != "private":
                raise ApiError(403, _forbidden(chat))
            info = chat.to_json()
        info.update(
            {
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "premium_subscription": False,
                    "gifts_from_channels": False,
                },
            }
        )
        return info

    def _m_getchatmember(self, p: _Params) -> JSON:
        user_id = p.int("user_id")
        with self._cond:
            chat = self._target_chat(p, sending=False)
            if user_id is None:
                raise _bad("user_id is empty")
            if user_id == self.bot_user["id"]:
                if chat.kicked:
                    return {"status": "left", "user": dict(self.bot_user)}
                if chat.type == "channel":
                    return _administrator(self.bot_user)
                return {"status": "member", "user": dict(self.bot_user)}
            user = self._users.get(user_id)
            if user is None:
                raise _bad("PARTICIPANT_ID_INVALID")
            if chat.type == "private":
                status = "member" if chat.id == user_id else "left"
            else:
                status = chat.members.get(user_id, "left")
        if status == "administrator":
            return _administrator(user, bot=False)
        if status == "kicked":
            return {"status": "kicked", "user": user, "until_date": 0}
        return {
            "status": status,
            "user": user,
            **({"is_anonymous": False} if status == "creator" else {}),
        }

    def _m_sendchataction(self, p: _Params) -> bool:
        with self._cond:
            chat = self._target_chat(p)
            action = p.str("action") or ""
            if action not in CHAT_ACTIONS:
                raise _bad("wrong parameter action in request")
            self._chat_actions.append({"chat_id": chat.id, "action": action})
        return True


def _forbidden(chat: _Chat) -> str:
    if chat.type == "private":
        return "Forbidden: bot was blocked by the user"
    if chat.type == "channel":
        return "Forbidden: bot is not a member of the channel chat"
    return f"Forbidden: bot was kicked from the {chat.type} chat"


def _administrator(user: JSON, bot: bool = True) -> JSON:
    rights = dict.fromkeys(
        (
            "can_manage_chat",
            "can_delete_messages",
            "can_manage_video_chats",
            "can_restrict_members",
            "can_change_info",
            "can_invite_users",
            "can_post_stories",
            "can_edit_stories",
            "can_delete_stories",
            "can_post_messages",
            "can_edit_messages",
        ),
        True,
    )
    return {
        "status": "administrator",
        "user": dict(user),
        "can_be_edited": False,
        "is_anonymous": False,
        "can_promote_members": not bot,
        **rights,
    }


def _without_reply(message: JSON) -> JSON:
    return {k: v for k, v in message.items() if k != "reply_to_message"}


def _guess_mime(filename: str | None) -> str:
    import mimetypes

    if filename:
        if filename.lower().endswith(".opml"):
            return "text/x-opml"
        guessed, _ = mimetypes.guess_type(filename)
        if guessed:
            return guessed
    return "application/octet-stream"


def _image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG/JPEG/GIF/WebP/BMP, or None if it isn't one."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return cast("tuple[int, int]", struct.unpack("<HH", data[6:10]))
    if data.startswith(b"BM") and len(data) >= 26:
        width, height = struct.unpack("<ii", data[18:26])
        return width, abs(height)
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return 1, 1
    if data.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            length = struct.unpack(">H", data[i + 2 : i + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                height, width = struct.unpack(">HH", data[i + 5 : i + 9])
                return width, height
            i += 2 + length
        return 1, 1
    return None


@contextlib.contextmanager
def run_standin(token: str = DEFAULT_TOKEN, **kwargs: Any) -> Iterator[StandIn]:
    """Start a :class:`StandIn` for the duration of a ``with`` block.

    The lead can wire it into ``conftest.py`` as::

        @pytest.fixture
        def telegram_standin():
            with run_standin() as tg:
                yield tg
    """
    standin = StandIn(token, **kwargs)
    standin.start()
    try:
        yield standin
    finally:
        standin.stop()


# --------------------------------------------------------------------------------------
# Subprocess mode client
# --------------------------------------------------------------------------------------


class RemoteStandIn:
    """Drive a ``python -m tests.botapi`` process through its control API.

    ``remote.call("inject_command", "/ping", user_id=42)`` calls the method of
    the same name; the common ones have typed wrappers.  Posts come back as
    dicts (see :meth:`Post.to_json`; media bytes are in ``photo_b64`` /
    ``document_b64``).
    """

    def __init__(self, info: JSON, process: subprocess.Popen[str] | None = None) -> None:
        self.info = info
        self.url: str = info["url"]
        self.base_url: str = info["base_url"]
        self.base_file_url: str = info["base_file_url"]
        self.control_url: str = info["control_url"]
        self.token: str = info["token"]
        self.process = process

    def call(self, op: str, *args: Any, timeout: float = 30.0, **kwargs: Any) -> Any:
        for key in [k for k, v in kwargs.items() if isinstance(v, bytes)]:
            kwargs[key + "_b64"] = _b64(kwargs.pop(key))
        if args:
            kwargs["args"] = list(args)
        request = urllib.request.Request(
            f"{self.control_url}/{op}",
            data=json.dumps(kwargs).encode("utf-8"),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                body = json.loads(response.read())
        except urllib.error.HTTPError as err:
            body = json.loads(err.read())
        if not body.get("ok"):
            raise RuntimeError(f"control {op} failed: {body.get('description')}")
        return body["result"]

    def posts(self, chat_id: int | str) -> list[JSON]:
        return cast("list[JSON]", self.call("posts", chat_id))

    def wait_for_posts(self, chat_id: int | str, n: int = 1, timeout: float = 5.0) -> list[JSON]:
        return cast(
            "list[JSON]",
            self.call("wait_for_posts", chat_id, n, timeout, timeout=timeout + 5),
        )

    def inject_message(self, text: str, *, user_id: int, **kwargs: Any) -> JSON:
        return cast("JSON", self.call("inject_message", text, user_id=user_id, **kwargs))

    def inject_command(self, command: str, *args: str, user_id: int, **kwargs: Any) -> JSON:
        return cast("JSON", self.call("inject_command", command, *args, user_id=user_id, **kwargs))

    def inject_document(self, data: bytes, filename: str, *, user_id: int, **kwargs: Any) -> JSON:
        return cast(
            "JSON",
            self.call("inject_document", filename=filename, data=data, user_id=user_id, **kwargs),
        )

    def fail_next(self, n: int = 1, status: int = 429, retry_after: int = 2, **kwargs: Any) -> None:
        self.call("fail_next", n, status, retry_after, **kwargs)

    def down(self, seconds: float | None = None) -> None:
        self.call("down", seconds=seconds)

    def up(self) -> None:
        self.call("up")

    def kick(self, chat_id: int | str) -> None:
        self.call("kick", chat_id)

    def close(self, timeout: float = 5.0) -> None:
        """Ask the process to exit and wait for it."""
        if self.process is None:
            return
        with contextlib.suppress(OSError, RuntimeError):
            self.call("shutdown", timeout=2)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            self.process.wait(timeout)


@contextlib.contextmanager
def run_standin_process(
    token: str = DEFAULT_TOKEN,
    *,
    port: int = 0,
    extra_args: list[str] | None = None,
    cwd: str | Path | None = None,
) -> Iterator[RemoteStandIn]:
    """Run ``python -m tests.botapi`` as a child process; yields a :class:`RemoteStandIn`."""
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.botapi",
            "--port",
            str(port),
            "--token",
            token,
            *(extra_args or []),
        ],
        cwd=str(cwd or root),
        stdout=subprocess.PIPE,
        text=True,
    )
    remote: RemoteStandIn | None = None
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        if not first.startswith("http"):
            raise RuntimeError(f"stand-in did not start: {first!r}")
        remote = RemoteStandIn(json.loads(process.stdout.readline()), process)
        yield remote
    finally:
        if remote is not None:
            remote.close()
        if process.poll() is None:
            process.terminate()
            process.wait(5)
        if process.stdout is not None:
            process.stdout.close()
