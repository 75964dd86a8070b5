"""Shared benchmark helpers: synthetic feeds built from the real fixtures, and a feed server.

The server runs as its own process (``python benchmarks/_feeds.py serve DIR``) so its CPU
is never counted against the bot. It is a minimal HTTP/1.1 keep-alive server on asyncio,
listening on several loopback addresses (127.0.0.1 .. 127.0.0.H) so the fetcher's
per-host limit sees H hosts, as it would with real feeds. Every file ``feedN.xml`` in DIR
is served as ``/feedN.xml``; it is re-read on each request (the page cache makes that
cheap), so the benchmark changes a feed by rewriting its file. Validators depend on
``N % 10``: 0-5 ETag + Last-Modified, 6 Last-Modified only, 7-9 none (many news sites).
"""

from __future__ import annotations

import asyncio
import email.utils
import io
import json
import os
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REAL = ROOT / "tests" / "fixtures" / "feeds" / "real"
HOSTS = 16
NOW = datetime.now(UTC)


def validators(n: int) -> tuple[bool, bool]:
    """(etag, last_modified) for feed number ``n``."""
    r = n % 10
    return r <= 5, r <= 6


# ---------------------------------------------------------------- synthetic feeds


def real_templates() -> list[dict]:
    """Items of each real RSS/Atom fixture (via feedparser) and whether the fast path
    takes the raw file: generated feeds copy that, so the fast/fallback mix is real."""
    from watchers import parse as P

    out = []
    for path in sorted(REAL.glob("*.xml")):
        body = path.read_bytes()
        feed = P.parse_feed_with("feedparser", body, {}, fetched_at=NOW)
        try:
            P.parse_feed_with("fast", body, {}, fetched_at=NOW)
            fast = True
        except Exception:
            fast = False
        # An item with no text summary (in the real feed: a description that is only an
        # <img>) would come out with an empty description, which the fast path declines;
        # only the declined templates keep one (see render_feed).
        items = [(i.title, i.summary, i.lang) for i in feed.items if i.title and i.summary]
        if items:
            out.append({"name": path.stem, "items": items, "fast": fast, "lang": feed.meta.lang})
    return out


def render_feed(n: int, tpl: dict, count: int, start: int, extra: list[str] = ()) -> bytes:
    """RSS 2.0 with ``count`` items numbered from ``start`` (newest first), texts from a
    real feed. Feeds whose template the fast path declines are served the way their real
    model is (the one declined snapshot: latin-1 bytes and no encoding declaration),
    which sends them down the fallback path just like their model."""
    rnd = random.Random(n)
    prolog = '<?xml version="1.0" encoding="utf-8"?>\n' if tpl["fast"] else ""
    parts = [
        prolog + '<rss version="2.0"><channel>',
        f"<title>Feed {n} ({escape(tpl['name'])})</title>",
        f"<link>https://site{n}.example/</link><language>{tpl['lang'] or 'en'}</language>",
        "<description>benchmark feed</description>",
    ]
    texts = tpl["items"]
    for title in extra:
        parts.append(_item(n, start + count, title, title, 0))
    for k in range(count):
        num = start + count - 1 - k
        title, summary, _ = texts[(num + n) % len(texts)]
        parts.append(_item(n, num, f"{title} [{n}.{num}]", summary, rnd.randint(1, 600)))
    parts.append("</channel></rss>\n")
    text = "".join(parts)
    return text.encode("utf-8") if tpl["fast"] else text.encode("latin-1", "xmlcharrefreplace")


def _item(n: int, num: int, title: str, summary: str, age_min: int) -> str:
    when = email.utils.format_datetime(NOW - timedelta(minutes=age_min), usegmt=True)
    link = f"https://site{n}.example/news/{num}"
    return (
        f"<item><title>{escape(title)}</title><link>{link}</link>"
        f"<guid isPermaLink='true'>{link}</guid><pubDate>{when}</pubDate>"
        f"<description>{escape(summary)}</description></item>"
    )


def build(directory: Path, n: int, seed: int = 1) -> dict:
    """Write feed0.xml .. feed{n-1}.xml; return {"bytes", "items", "counts"}."""
    directory.mkdir(parents=True, exist_ok=True)
    tpls = real_templates()
    rnd = random.Random(seed)
    counts, total_bytes = [], 0
    for i in range(n):
        count = rnd.randint(20, 100)
        body = render_feed(i, tpls[i % len(tpls)], count, 0)
        (directory / f"feed{i}.xml").write_bytes(body)
        counts.append(count)
        total_bytes += len(body)
    meta = {"n": n, "bytes": total_bytes, "items": sum(counts), "counts": counts}
    (directory / "meta.json").write_text(json.dumps(meta))
    return meta


def add_items(directory: Path, feeds: list[int], new: int = 2, extra: list[str] = ()) -> None:
    """Give ``feeds`` ``new`` more items (oldest dropped: the window keeps its size)."""
    tpls = real_templates()
    meta = json.loads((directory / "meta.json").read_text())
    starts = meta.setdefault("starts", {})
    for i in feeds:
        start = starts.get(str(i), 0) + new
        starts[str(i)] = start
        body = render_feed(i, tpls[i % len(tpls)], meta["counts"][i], start, extra)
        path = directory / f"feed{i}.xml"
        path.write_bytes(body)
    (directory / "meta.json").write_text(json.dumps(meta))


# ---------------------------------------------------------------- the server


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, root: Path) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            hdrs = {}
            for line in lines[1:]:
                if ":" in line:
                    k, v = line.split(":", 1)
                    hdrs[k.strip().lower()] = v.strip()
            name = target.split("?", 1)[0].lstrip("/")
            path = root / name
            if method != "GET" or "/" in name or not name.endswith(".xml") or not path.exists():
                writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
                continue
            st = path.stat()
            num = int(name[4:-4]) if name[4:-4].isdigit() else 0
            use_etag, use_lm = validators(num)
            etag = f'"{st.st_size:x}-{st.st_mtime_ns:x}"'
            lm = email.utils.formatdate(st.st_mtime, usegmt=True)
            out = ["Content-Type: application/rss+xml; charset=utf-8"]
            if use_etag:
                out.append(f"ETag: {etag}")
            if use_lm:
                out.append(f"Last-Modified: {lm}")
            fresh = (use_etag and hdrs.get("if-none-match") == etag) or (
                use_lm and not use_etag and hdrs.get("if-modified-since") == lm
            )
            if fresh:
                resp = ("HTTP/1.1 304 Not Modified\r\n" + "\r\n".join(out) + "\r\n\r\n").encode()
            else:
                body = path.read_bytes()
                out.append(f"Content-Length: {len(body)}")
                resp = ("HTTP/1.1 200 OK\r\n" + "\r\n".join(out) + "\r\n\r\n").encode() + body
                # Served-at stamps for the latency benchmark (file name -> wall time).
                log = _SERVED.get(name)
                if log is not None:
                    log.append(os.times().elapsed)
            writer.write(resp)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


_SERVED: dict[str, list[float]] = {}


async def serve(root: Path, hosts: int = HOSTS, port: int = 0) -> None:
    servers = []
    first = await asyncio.start_server(lambda r, w: _handle(r, w, root), "127.0.0.1", port)
    port = first.sockets[0].getsockname()[1]
    servers.append(first)
    for h in range(2, hosts + 1):
        servers.append(
            await asyncio.start_server(lambda r, w: _handle(r, w, root), f"127.0.0.{h}", port)
        )
    print(json.dumps({"port": port, "hosts": hosts}), flush=True)
    await asyncio.gather(*(s.serve_forever() for s in servers))


def feed_url(port: int, i: int, hosts: int = HOSTS) -> str:
    return f"http://127.0.0.{1 + i % hosts}:{port}/feed{i}.xml"


def start_server(root: Path, hosts: int = HOSTS):  # -> (Popen, port)
    import subprocess

    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__)), "serve", str(root), str(hosts)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    info = json.loads(proc.stdout.readline())
    return proc, int(info["port"])


def cron_parse(body: bytes) -> list:
    import feedparser

    return feedparser.parse(io.BytesIO(body)).entries


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        asyncio.run(serve(Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else HOSTS))
