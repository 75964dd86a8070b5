"""Polling at scale: N local feeds, one cold pass and two warm passes through the real pipeline.

    python benchmarks/poll_scale.py [--quick] [--n 1000 --n 10000] [--json]

Feeds (20-100 items, texts from tests/fixtures/feeds/real) are generated into a temp dir
and served by ``benchmarks/_feeds.py serve`` in its own process. Each measured side runs
in its own subprocess too, so wall time, CPU (rusage) and peak RSS are that side's alone:

* ``bot``: a fresh DB, N feeds added with a 24 h backfill (the baseline: cold items do
  not alert), then ``poll_all`` over every feed: cold, warm 1, warm 2. Before each warm
  pass 2% of the feeds get two new items; the rest answer 304 (ETag / Last-Modified) or
  send the same body (no validators: recognised by its hash, not parsed).
* ``cron``: the cron-style loop, ``feedparser.parse(url)`` of each URL + a keyword filter.
* ``parse``: feedparser parsing of the same bytes, no network; and ``parse_feed`` (fast path
  with fallback) of the same bytes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import _feeds  # noqa: E402

KEYWORDS = re.compile(r"prisoner|pardon|release|sanction|политзаключ|помилова", re.IGNORECASE)


def _usage() -> tuple[float, float]:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0  # CPU s, peak RSS MB (Linux: KB)


def _measure(label: str, fn: Any, requests: int) -> dict[str, Any]:
    cpu0, _ = _usage()
    t0 = time.perf_counter()
    extra = fn()
    wall = time.perf_counter() - t0
    cpu1, rss = _usage()
    row = {"pass": label, "wall_s": round(wall, 2), "cpu_s": round(cpu1 - cpu0, 2)}
    row.update(peak_rss_mb=round(rss, 1), req_per_s=round(requests / wall, 1) if requests else None)
    row.update(extra or {})
    return row


# ---------------------------------------------------------------- workers (subprocesses)


def worker_bot(port: int, n: int, db_path: str, fast: bool) -> None:
    """Cold + 2 warm passes; waits for a line on stdin before each (the parent edits feeds)."""
    import logging

    from releasewatch.pipeline import poll_all
    from releasewatch.settings import load_settings
    from storage import repo
    from storage.db import open_db
    from watchers import parse

    parse.FAST_PATH_ENABLED = fast
    logging.disable(logging.INFO)  # one log line per feed is not what we measure
    db = open_db(db_path)
    with db.atomic():
        for i in range(n):
            repo.add_feed(db, _feeds.feed_url(port, i), backfill_hours=24)
    db.close()
    settings = load_settings(env={"RELEASEWATCH_PER_HOST": "2"}, db_path=db_path)
    ctx_factory = _context_factory()

    async def one_pass() -> dict[str, Any]:
        async with ctx_factory(settings) as ctx:
            outcomes = await poll_all(ctx, repo.list_feeds(ctx.db, enabled_only=True))
        by: dict[str, int] = {}
        for o in outcomes:
            by[o.status] = by.get(o.status, 0) + 1
        return {"statuses": by, "new_items": sum(o.new_items for o in outcomes)}

    for label in ("cold", "warm1", "warm2"):
        sys.stdin.readline()
        row = _measure(label, lambda: asyncio.run(one_pass()), n)
        print(json.dumps(row), flush=True)


def _context_factory() -> Any:
    """``releasewatch.app.context``; while the rules package is unfinished (no
    ``rules.admin``), the same wiring with a matcher that matches nothing: warm passes
    then skip rule evaluation of their few new items, which cold passes never do anyway."""
    try:
        from releasewatch.app import context
        from releasewatch.rulesdb import MatcherCache
        from storage.db import open_db

        MatcherCache(open_db(":memory:")).matcher()  # the rules package may be mid-rewrite
        return context
    except Exception:
        pass
    from contextlib import asynccontextmanager

    from releasewatch.notify import ConsoleNotifier
    from releasewatch.pipeline import Context
    from storage.db import open_db
    from watchers.fetch import Fetcher

    class NoMatches:
        def evaluate(self, item: Any) -> list[Any]:
            return []

    @asynccontextmanager
    async def context(settings: Any) -> Any:  # app.context's wiring, minus rules.admin
        db = open_db(settings.db_path)
        try:
            async with Fetcher(
                timeout=float(settings.fetch_timeout),
                max_bytes=settings.max_body_mb * 1024 * 1024,
                per_host=settings.per_host,
                total=settings.max_concurrency,
            ) as fetcher:
                yield Context(
                    db=db,
                    settings=settings,
                    fetcher=fetcher,
                    notifier=ConsoleNotifier(open(os.devnull, "w")),
                    matcher=NoMatches,
                )
        finally:
            db.close()

    print("poll_scale: rules.admin missing, using a no-match matcher", file=sys.stderr)
    return context


def worker_cron(port: int, n: int) -> None:
    import feedparser

    def run() -> dict[str, Any]:
        hits = entries = 0
        for i in range(n):
            d = feedparser.parse(_feeds.feed_url(port, i))
            for e in d.entries:
                entries += 1
                if KEYWORDS.search(e.get("title", "") + " " + e.get("summary", "")):
                    hits += 1
        return {"entries": entries, "keyword_hits": hits}

    print(json.dumps(_measure("cron loop", run, n)), flush=True)


def worker_parse(directory: str, n: int, which: str) -> None:
    from datetime import UTC, datetime

    from watchers import parse

    bodies = [(Path(directory) / f"feed{i}.xml").read_bytes() for i in range(n)]
    now = datetime.now(UTC)
    hdrs = {"content-type": "application/rss+xml; charset=utf-8"}

    def run() -> dict[str, Any]:
        if which == "feedparser":
            return {"entries": sum(len(_feeds.cron_parse(b)) for b in bodies)}
        items = fast = 0
        for b in bodies:
            feed = parse.parse_feed(b, hdrs, fetched_at=now)
            items += len(feed.items)
            fast += feed.parser == parse.FAST_PARSER
        return {"entries": items, "fast_share": round(fast / len(bodies), 2)}

    label = "feedparser.parse(bytes)" if which == "feedparser" else "parse_feed(bytes)"
    print(json.dumps(_measure(label, run, 0)), flush=True)


# ---------------------------------------------------------------- orchestration


def _run_worker(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, "--worker", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL if os.environ.get("BENCH_QUIET", "1") == "1" else None,
        text=True,
        cwd=ROOT,
    )


def run_scale(n: int, *, fast: bool = True, cron: bool = True) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="rw-bench-") as tmp:
        feeds_dir = Path(tmp) / "feeds"
        meta = _feeds.build(feeds_dir, n)
        server, port = _feeds.start_server(feeds_dir)
        try:
            bot = _run_worker(["bot", str(port), str(n), str(Path(tmp) / "bench.db"), str(fast)])
            assert bot.stdin and bot.stdout
            step = max(1, n // 50)  # 2% of the feeds change before each warm pass
            for k in range(3):
                if k:
                    _feeds.add_items(feeds_dir, list(range(k, n, step)))
                bot.stdin.write("go\n")
                bot.stdin.flush()
                row = json.loads(bot.stdout.readline())
                row["side"] = "bot" + ("" if fast else " (feedparser only)")
                rows.append(row)
            bot.wait(timeout=60)
            if cron:
                for args in (["cron", str(port), str(n)],):
                    out, _ = _run_worker(args).communicate(timeout=3600)
                    rows.append(json.loads(out) | {"side": "cron-style"})
                for which in ("feedparser", "fast"):
                    out, _ = _run_worker(["parse", str(feeds_dir), str(n), which]).communicate(
                        timeout=3600
                    )
                    rows.append(json.loads(out) | {"side": "parse only"})
        finally:
            server.terminate()
            server.wait(timeout=10)
    for row in rows:
        row.update(n=n, feed_mb=round(meta["bytes"] / 1e6, 1), items=meta["items"])
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    head = "| N | side | pass | wall s | CPU s | peak RSS MB | req/s | notes |"
    out = [head, "|---|---|---|---:|---:|---:|---:|---|"]
    for r in rows:
        notes = ", ".join(
            f"{k}={r[k]}" for k in ("statuses", "new_items", "entries", "fast_share") if k in r
        )
        out.append(
            f"| {r['n']} | {r['side']} | {r['pass']} | {r['wall_s']} | {r['cpu_s']} |"
            f" {r['peak_rss_mb']} | {r['req_per_s'] or ''} | {notes} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        kind, rest = argv[1], argv[2:]
        if kind == "bot":
            worker_bot(int(rest[0]), int(rest[1]), rest[2], rest[3] == "True")
        elif kind == "cron":
            worker_cron(int(rest[0]), int(rest[1]))
        else:
            worker_parse(rest[0], int(rest[1]), rest[2])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="N=200 only (smoke test)")
    ap.add_argument("--n", type=int, action="append", help="feed count (repeatable)")
    ap.add_argument("--no-cron", action="store_true", help="skip the cron loop and parse rows")
    ap.add_argument("--feedparser-only", action="store_true", help="bot with the fast path off")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    sizes = [200] if args.quick else (args.n or [1000, 10000])
    rows: list[dict[str, Any]] = []
    for n in sizes:
        rows += run_scale(n, fast=not args.feedparser_only, cron=not args.no_cron)
    print(json.dumps(rows) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
