"""Bundled sample feeds for the offline demo, built from the labelled corpus.

The corpus (``samples/corpus/*.jsonl``) holds short labelled news items in nine
languages, the two seed articles among them. The demo serves them as one feed per
language (RSS 2.0, one Atom) from a small HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape

OUTLETS = {
    "en": "Sample Wire (en)",
    "it": "Agenzia Esempio (it)",
    "ru": "Пример Новости (ru)",
    "be": "Прыклад Навіны (be)",
    "uk": "Приклад Новини (uk)",
    "de": "Beispiel-Nachrichten (de)",
    "fr": "Dépêche Exemple (fr)",
    "es": "Noticias Ejemplo (es)",
    "pl": "Przykładowe Wiadomości (pl)",
}


def load_corpus(name: str = "dev.jsonl") -> list[dict[str, Any]]:
    text = resources.files("releasewatch").joinpath("samples", "corpus", name).read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _published(row: dict[str, Any]) -> datetime:
    day = datetime.fromisoformat(row["published"])
    return day.replace(hour=9, tzinfo=UTC)


def article_url(lang: str, item_id: str) -> str:
    return f"https://{lang}.news.example/articles/{item_id}"


def rss(lang: str, rows: list[dict[str, Any]]) -> bytes:
    items = []
    for row in rows:
        items.append(
            "<item>"
            f"<title>{escape(row['title'])}</title>"
            f"<link>{escape(article_url(lang, row['id']))}</link>"
            f'<guid isPermaLink="false">{escape(row["id"])}</guid>'
            f"<pubDate>{format_datetime(_published(row))}</pubDate>"
            f"<description>{escape(row['summary'])}</description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(OUTLETS.get(lang, lang))}</title>"
        f"<link>https://{lang}.news.example/</link><language>{lang}</language>"
        f"<description>releasewatch sample feed</description>{''.join(items)}</channel></rss>"
    ).encode()


def atom(lang: str, rows: list[dict[str, Any]]) -> bytes:
    entries = []
    for row in rows:
        entries.append(
            "<entry>"
            f"<title>{escape(row['title'])}</title>"
            f'<link href="{escape(article_url(lang, row["id"]))}"/>'
            f"<id>urn:releasewatch-sample:{escape(row['id'])}</id>"
            f"<updated>{_published(row).isoformat()}</updated>"
            f'<summary type="html">{escape(row["summary"])}</summary>'
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">'
        f"<title>{escape(OUTLETS.get(lang, lang))}</title><id>urn:releasewatch-sample:{lang}</id>"
        f"<updated>2025-12-31T00:00:00Z</updated>{''.join(entries)}</feed>"
    ).encode()


def build_feeds(rows: list[dict[str, Any]]) -> dict[str, tuple[bytes, str]]:
    """Path -> (body, content type): one feed per language, German as Atom."""
    by_lang: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_lang[row["lang"]].append(row)
    feeds = {}
    for lang, group in sorted(by_lang.items()):
        if lang == "de":
            feeds[f"/{lang}.atom"] = (atom(lang, group), "application/atom+xml; charset=utf-8")
        else:
            feeds[f"/{lang}.rss"] = (rss(lang, group), "application/rss+xml; charset=utf-8")
    return feeds


@contextmanager
def serve(feeds: dict[str, tuple[bytes, str]]) -> Iterator[str]:
    """Serve ``feeds`` on 127.0.0.1 and a free port; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = feeds.get(self.path)
            if found is None:
                self.send_error(404)
                return
            body, ctype = found
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the demo's output is the alerts

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
