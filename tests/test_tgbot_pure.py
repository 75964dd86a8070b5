"""tgbot: the parts that need no Telegram - argument parsing, help text, mutes, filters."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from telegram import Update
from telegram.error import RetryAfter

from releasewatch import mute as M
from releasewatch.errors import UsageError
from storage import repo
from storage.db import open_db
from tgbot import args as A
from tgbot.bot import BASE_FILTER
from tgbot.commands import COMMANDS, bot_commands, chunk_lines, doc_line, esc, help_text
from tgbot.notifier import retry_after_seconds

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


# ---------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/addfeed https://x/feed 10", ("addfeed", "https://x/feed 10")),
        ("/addfeed@releasewatch_bot   https://x/feed", ("addfeed", "https://x/feed")),
        ('/ADDRULE  pardon  AND  "x y" ', ("addrule", 'pardon  AND  "x y"')),
        ("/help", ("help", "")),
        ("hello", ("", "hello")),
        (None, ("", "")),
    ],
)
def test_split_command(text: str | None, expected: tuple[str, str]) -> None:
    assert A.split_command(text) == expected


def test_parse_addfeed() -> None:
    assert A.parse_addfeed("https://x/feed") == ("https://x/feed", None)
    assert A.parse_addfeed("https://x/feed 15") == ("https://x/feed", 15)
    for bad in ("", "https://x 0", "https://x 1441", "https://x ten", "a b c", "x" * 2001):
        with pytest.raises(UsageError):
            A.parse_addfeed(bad)


def test_parse_ids_and_counts() -> None:
    assert A.parse_one_id("7") == 7
    assert A.parse_one_id("#7") == 7
    for bad in ("", "0", "-1", "abc", "1 2", "9" * 13):
        with pytest.raises(UsageError):
            A.parse_one_id(bad)
    assert A.parse_count("") == 5
    assert A.parse_count("50") == 50
    for bad in ("0", "51", "x", "1 2"):
        with pytest.raises(UsageError):
            A.parse_count(bad)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("30m", timedelta(minutes=30)),
        ("2h", timedelta(hours=2)),
        ("1d", timedelta(days=1)),
        ("1w", timedelta(weeks=1)),
        ("1h30m", timedelta(minutes=90)),
        ("1H 30M", timedelta(minutes=90)),
        ("30d", timedelta(days=30)),
    ],
)
def test_parse_duration(raw: str, expected: timedelta) -> None:
    assert A.parse_duration(raw) == expected


@pytest.mark.parametrize("raw", ["", "90", "2x", "h", "0m", "31d", "5w", "2h junk", "-1h", "1.5h"])
def test_parse_duration_rejects(raw: str) -> None:
    with pytest.raises(UsageError):
        A.parse_duration(raw)


def test_format_duration_and_uptime() -> None:
    assert A.format_duration(timedelta(minutes=90)) == "1h 30m"
    assert A.format_duration(timedelta(days=1)) == "1d"
    assert A.format_uptime(59) == "0m 59s"
    assert A.format_uptime(3 * 86400 + 3660) == "3d 1h 1m"


# ---------------------------------------------------------------- help from docstrings


def test_every_handler_has_one_docstring_line_and_is_in_help() -> None:
    text = help_text()
    for cmd in COMMANDS.values():
        line = doc_line(cmd.func)
        assert line == cmd.help_line
        assert esc(line) in text
        assert cmd.usage.startswith(f"/{cmd.name}")
    expected = {
        "start", "help", "status", "feeds", "addfeed", "rmfeed", "pausefeed", "resumefeed",
        "importopml", "exportopml", "rules", "addrule", "rmrule", "testrule", "mute", "unmute",
        "recent", "chart",
    }  # fmt: skip
    assert set(COMMANDS) == expected
    # Only /start and /help answer anyone.
    assert {c.name for c in COMMANDS.values() if not c.admin} == {"start", "help"}


def test_bot_commands_fit_set_my_commands() -> None:
    pairs = bot_commands()
    assert [name for name, _ in pairs] == list(COMMANDS)
    for name, desc in pairs:
        assert 1 <= len(name) <= 32 and name.isascii() and name == name.lower()
        assert 1 <= len(desc) <= 256


def test_doc_line_rejects_two_lines() -> None:
    async def two(call: object) -> None:
        """/x — one.

        two
        """

    with pytest.raises(ValueError):
        doc_line(two)


def test_chunk_lines_splits_under_budget() -> None:
    lines = [f"line {i} " + "x" * 90 for i in range(200)]
    chunks = chunk_lines(lines, budget=1000)
    assert all(len(c) <= 1000 for c in chunks)
    assert "\n".join(chunks).split("\n") == lines
    long = chunk_lines(["<b>" + "y" * 5000 + "</b>"], budget=100)
    assert len(long) == 1 and len(long[0]) <= 100 and "<b>" not in long[0]


# ---------------------------------------------------------------- mutes


@pytest.fixture
def db(tmp_path):  # type: ignore[no-untyped-def]
    database = open_db(tmp_path / "mute.db")
    yield database
    database.close()


def _alert(db, kinds: list[str], rule_ids: list[str]) -> dict:  # type: ignore[no-untyped-def]
    feed_id = repo.add_feed(db, f"https://example.com/{len(kinds)}{rule_ids}.xml")
    db.execute(
        "INSERT INTO items (feed_id, key, content_hash, title, summary, published, fetched_at,"
        " alertable) VALUES (?, 'k', 'h', 't', 's', ?, ?, 1)",
        [feed_id, NOW.isoformat(), NOW.isoformat()],
    )
    item_id = db.execute("SELECT max(id) FROM items").fetchone()[0]
    [alert_id] = repo.queue_alerts(
        db,
        [
            repo.NewAlert(
                item_id=item_id,
                route="default",
                kinds=kinds,
                text="t",
                plain="t",
                links=[],
                events=[],
                matches=[{"rule_id": r, "kind": kinds[0], "event": {}} for r in rule_ids],
            )
        ],
    )
    return repo.get_alert(db, alert_id)


def test_parse_scope() -> None:
    assert M.parse_scope("") == "all"
    assert M.parse_scope("all") == "all"
    assert M.parse_scope("pardon") == "kind:pardon"
    assert M.parse_scope("releases") == "kind:pardon"
    assert M.parse_scope("count") == "kind:prisoner_count"
    assert M.parse_scope("#3", rule_exists=lambda i: i == 3) == "rule:admin:3"
    assert M.parse_scope("admin:3") == "rule:admin:3"
    assert M.parse_scope("builtin:sanctions") == "rule:builtin:sanctions"
    with pytest.raises(UsageError):
        M.parse_scope("4", rule_exists=lambda i: False)
    for bad in ("weather", "builtin:weather", "rule:x"):
        with pytest.raises(UsageError):
            M.parse_scope(bad)


def test_mutes_hold_by_scope_and_expire(db) -> None:  # type: ignore[no-untyped-def]
    pardon = _alert(db, ["pardon"], ["builtin:pardon"])
    sanctions = _alert(db, ["sanctions"], ["admin:7"])
    assert M.held_until(db, pardon, NOW) is None

    M.add_mute(db, "kind:pardon", timedelta(hours=2), now=NOW, by="tg:1")
    assert M.held_until(db, pardon, NOW) == NOW + timedelta(hours=2)
    assert M.held_until(db, sanctions, NOW) is None

    M.add_mute(db, "rule:admin:7", timedelta(minutes=30), now=NOW, by="tg:1")
    assert M.held_until(db, sanctions, NOW) == NOW + timedelta(minutes=30)
    # Expired mutes no longer hold.
    assert M.held_until(db, sanctions, NOW + timedelta(minutes=31)) is None
    assert M.held_until(db, pardon, NOW + timedelta(hours=3)) is None

    # "all" holds everything; the latest applicable end wins.
    M.add_mute(db, "all", timedelta(hours=1), now=NOW, by="tg:1")
    assert M.held_until(db, pardon, NOW) == NOW + timedelta(hours=2)
    assert M.held_until(db, sanctions, NOW) == NOW + timedelta(hours=1)

    # The same scope again replaces the old mute (shortening is allowed).
    M.add_mute(db, "kind:pardon", timedelta(minutes=5), now=NOW, by="tg:1")
    assert [m.scope for m in M.load_mutes(db, NOW)].count("kind:pardon") == 1

    stored = json.loads(repo.get_state(db, M.STATE_KEY) or "{}")
    assert {m["scope"] for m in stored["mutes"]} == {"kind:pardon", "rule:admin:7", "all"}

    ended = M.clear_mutes(db, NOW)
    assert len(ended) == 3
    assert M.held_until(db, pardon, NOW) is None


def test_corrupt_mute_state_never_blocks(db) -> None:  # type: ignore[no-untyped-def]
    repo.set_state(db, M.STATE_KEY, "{not json")
    alert = _alert(db, ["pardon"], ["builtin:pardon"])
    assert M.held_until(db, alert, NOW) is None


def test_release_held_makes_held_alerts_due(db) -> None:  # type: ignore[no-untyped-def]
    held = _alert(db, ["pardon"], ["builtin:pardon"])
    other = _alert(db, ["sanctions"], ["builtin:sanctions"])
    later = NOW + timedelta(hours=1)
    repo.mark_alert_retry(db, held["id"], error=M.held_message(later), next_attempt_at=later)
    repo.mark_alert_retry(db, other["id"], error="network error", next_attempt_at=later)
    assert M.release_held(db) == 1
    assert repo.get_alert(db, held["id"])["next_attempt_at"] is None
    assert repo.get_alert(db, other["id"])["next_attempt_at"] is not None


# ---------------------------------------------------------------- filters and errors


def _update(kind: str, **message: object) -> Update:
    msg = {
        "message_id": 5,
        "date": 1714564800,
        "chat": {"id": 42, "type": "private", "first_name": "A"},
        "from": {"id": 42, "is_bot": False, "first_name": "A"},
        "text": "/addfeed https://x/feed",
        "entities": [{"type": "bot_command", "offset": 0, "length": 8}],
        **message,
    }
    return Update.de_json({"update_id": 1, kind: msg}, None)


def test_base_filter_takes_only_new_unforwarded_messages() -> None:
    assert BASE_FILTER.check_update(_update("message"))
    assert not BASE_FILTER.check_update(_update("edited_message", edit_date=1714564900))
    channel = {"id": -100123, "type": "channel", "title": "c"}
    assert not BASE_FILTER.check_update(_update("channel_post", chat=channel))
    forwarded = {
        "type": "user",
        "date": 1714564000,
        "sender_user": {"id": 42, "is_bot": False, "first_name": "A"},
    }
    assert not BASE_FILTER.check_update(_update("message", forward_origin=forwarded))


@pytest.mark.filterwarnings("ignore:.*retry_after")
def test_retry_after_seconds_handles_int_and_timedelta() -> None:
    assert retry_after_seconds(RetryAfter(3)) == 3.0
    assert retry_after_seconds(RetryAfter(timedelta(seconds=7))) == 7.0
