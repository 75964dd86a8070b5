"""Alert latency: from the poll that sees a new item to the post reaching the Bot API.

`python bot.py run` runs as a subprocess with a 1-minute poll interval and no grouping
hold, against a local feed server and the local Bot API stand-in (tests/botapi). New
items (distinct events) appear on several feeds; for each, latency is the time from the
feed server first serving the body that contains it to the stand-in recording the
sendMessage that carries it. Prints the median and the worst.

    python benchmarks/alert_latency.py [--items 20] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.botapi.standin import DEFAULT_CHANNEL_ID, DEFAULT_TOKEN, run_standin  # noqa: E402

COUNTRIES = ["Belarus", "Azerbaijan", "Nicaragua", "Venezuela", "Cuba", "Iran", "Egypt", "Myanmar"]


class Feeds:
    """Feeds in memory; records when each item was first served."""

    def __init__(self, n: int) -> None:
        self.items: dict[int, list[tuple[str, str, str]]] = {i: [] for i in range(n)}
        self.first_served: dict[str, float] = {}
        self.lock = threading.Lock()

    def body(self, feed: int) -> bytes:
        now = format_datetime(datetime.now(UTC))
        with self.lock:
            items = list(self.items[feed])
            for key, _, _ in items:
                self.first_served.setdefault(key, time.time())
        xml = "".join(
            f"<item><title>{escape(t)}</title><guid>{k}</guid><pubDate>{now}</pubDate>"
            f"<description>{escape(s)}</description><link>https://lat.example/{k}</link></item>"
            for k, t, s in items
        )
        return (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Feed {feed}</title><link>https://lat.example/</link>{xml}</channel></rss>"
        ).encode()


def serve(feeds: Feeds) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = feeds.body(int(self.path.strip("/").split(".")[0]))
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def run(n_items: int, n_feeds: int = 5) -> dict[str, Any]:
    feeds = Feeds(n_feeds)
    server, base = serve(feeds)
    latencies: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, run_standin() as tg:
        db = str(Path(tmp) / "lat.db")
        for i in range(n_feeds):
            subprocess.run(
                [
                    sys.executable,
                    "bot.py",
                    "--db",
                    db,
                    "feeds",
                    "add",
                    f"{base}/{i}.xml",
                    "--interval",
                    "1",
                    "--backfill",
                    "all",
                    "--no-check",
                ],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
        env = dict(
            os.environ,
            TELEGRAM_BOT_TOKEN=DEFAULT_TOKEN,
            TELEGRAM_CHAT_ID="@releasewatch_test",
            TELEGRAM_API_BASE=tg.url,
            RELEASEWATCH_DB=db,
            RELEASEWATCH_HOLD_SECONDS="0",
            RELEASEWATCH_LOG_LEVEL="WARNING",
        )
        log = open(Path(tmp) / "daemon.log", "wb")
        proc = subprocess.Popen(
            [sys.executable, "bot.py", "run"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            time.sleep(5)  # first (empty) polls
            seen: dict[str, float] = {}
            added = 0
            deadline = time.time() + 60 * (n_items // n_feeds + 3)
            while len(seen) < n_items and time.time() < deadline:
                if added < n_items and added - len(seen) < n_feeds:
                    # One new event per feed at a time, so every poll sees at most one.
                    country = COUNTRIES[added % len(COUNTRIES)]
                    n = 11 + added * 3
                    key = f"k{added}"
                    with feeds.lock:
                        feeds.items[added % n_feeds].insert(
                            0,
                            (
                                key,
                                f"{country} pardons {n} political prisoners",
                                f"The president of {country} pardoned {n} people jailed for "
                                "political reasons, officials said.",
                            ),
                        )
                    added += 1
                for post in tg.posts(DEFAULT_CHANNEL_ID):
                    for i in range(added):
                        if f" {11 + i * 3} prisoners" in (post.text or "") and f"k{i}" not in seen:
                            seen[f"k{i}"] = time.time()
                time.sleep(0.02)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
            server.shutdown()
            if os.environ.get("LATENCY_DEBUG"):
                print((Path(tmp) / "daemon.log").read_text()[-3000:], file=sys.stderr)
    for key, arrived in seen.items():
        latencies.append(arrived - feeds.first_served[key])
    return {
        "items": n_items,
        "delivered": len(latencies),
        "median_s": round(statistics.median(latencies), 3) if latencies else None,
        "worst_s": round(max(latencies), 3) if latencies else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--quick", action="store_true", help="5 items")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = run(5 if args.quick else args.items)
    if args.json:
        print(json.dumps(result))
    else:
        print("| measure | value |\n|---|---|")
        for k, v in result.items():
            print(f"| {k} | {v} |")


if __name__ == "__main__":
    main()
