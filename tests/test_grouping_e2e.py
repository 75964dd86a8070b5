"""One alert per real-world event, through the real pipeline: sources join, edits, follow-ups."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

from releasewatch.app import run_once
from releasewatch.settings import load_settings
from storage import repo
from storage.db import open_db
from tests.test_pipeline import rss  # the same feed builder

NOW = datetime.now(UTC)
EN = (
    "Belarus pardons 25 political prisoners",
    "Alexander Lukashenko pardoned 25 people convicted of extremism, his press service said.",
)
IT = (
    "Bielorussia, Lukashenko grazia 25 detenuti",
    "Il presidente bielorusso Alexander Lukashenko ha concesso la grazia a 25 detenuti condannati "
    "per estremismo.",
)
RU = (
    "Лукашенко помиловал 25 осуждённых",
    "Президент Беларуси Александр Лукашенко помиловал 25 человек, осуждённых за экстремизм.",
)
REVISED = (
    "Belarus: pardoned prisoners freed; Viasna now counts 1,177 political prisoners",
    "Lukashenko pardoned 25 people this week. The Viasna human rights centre said 1,177 "
    "political prisoners remain behind bars in Belarus.",
)


def _settings(tmp_path):
    return load_settings(env={}, db_path=str(tmp_path / "g.db"))


def _add(settings, url):
    db = open_db(settings.db_path)
    repo.add_feed(db, url, backfill_hours=-1)
    db.close()


def _alerts(settings):
    db = open_db(settings.db_path)
    rows = list(db.query("SELECT * FROM alerts ORDER BY id"))
    db.close()
    return rows


async def test_one_alert_then_edits_then_threaded_follow_up(feed_server, tmp_path):
    settings = _settings(tmp_path)
    feed_server.set("/en.xml", body=rss([("en1", *EN, NOW)], title="Wire EN"))
    _add(settings, feed_server.url("/en.xml"))
    assert len(await run_once(settings, console_stream=io.StringIO())) == 1

    # Two more outlets in other languages: no new post, one edit of the first.
    feed_server.set("/it.xml", body=rss([("it1", *IT, NOW)], title="Agenzia IT", lang="it"))
    feed_server.set("/ru.xml", body=rss([("ru1", *RU, NOW)], title="Новости RU", lang="ru"))
    _add(settings, feed_server.url("/it.xml"))
    _add(settings, feed_server.url("/ru.xml"))
    out = io.StringIO()
    created = await run_once(settings, console_stream=out)
    rows = _alerts(settings)
    sends = [r for r in rows if r["op"] == "send"]
    edits = [r for r in rows if r["op"] == "edit"]
    assert len(sends) == 1 and len(edits) == 1 and created == [edits[0]["id"]]
    assert edits[0]["update_of"] == sends[0]["id"] and edits[0]["status"] == "sent"
    links = [link["url"] for link in json.loads(edits[0]["links"])]
    assert len(links) == 3 and {u.rsplit("/", 1)[-1].split("?")[0] for u in links} == {
        "en1",
        "it1",
        "ru1",
    }
    assert "update of alert" in out.getvalue()
    # The original row now shows what the channel shows.
    assert json.loads(_alerts(settings)[0]["links"]) == json.loads(edits[0]["links"])

    # A new figure for the same story: a new alert, threaded as a reply to the first.
    feed_server.set(
        "/en.xml", body=rss([("en2", *REVISED, NOW), ("en1", *EN, NOW)], title="Wire EN")
    )
    await run_once(settings, console_stream=io.StringIO())
    rows = _alerts(settings)
    follow = [r for r in rows if r["op"] == "send" and r["reply_to"]]
    assert len(follow) == 1 and follow[0]["reply_to"] == sends[0]["id"]
    assert "1,177" in follow[0]["plain"] and follow[0]["status"] == "sent"
    assert len([r for r in rows if r["op"] == "send"]) == 2
