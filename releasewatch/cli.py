"""Command line: ``python bot.py COMMAND``. Exit 0 ok, 2 usage error, 1 runtime failure.

The shapes of ``match``, ``once --json`` and ``feeds ...`` are a contract other tools
rely on: keep them stable.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn

from releasewatch import __version__
from releasewatch.errors import ConfigError, ReleasewatchError, UsageError
from releasewatch.logging_setup import setup_logging
from releasewatch.settings import Settings, load_settings


class Parser(argparse.ArgumentParser):
    """argparse with a one-line usage error and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _backfill(raw: str) -> int:
    """`--backfill DAYS|all` -> hours (-1 = all)."""
    if raw.strip().lower() == "all":
        return -1
    try:
        days = float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number of days or 'all', got {raw!r}"
        ) from None
    if days < 0 or days > 3650:
        raise argparse.ArgumentTypeError("days must be between 0 and 3650")
    return int(days * 24)


def _positive(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {raw!r}") from None
    if value < 1 or value > 10_000_000:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {value}")
    return value


def build_parser() -> Parser:
    p = Parser(
        prog="releasewatch",
        description="Alerts on political-prisoner releases, "
        "sanctions changes and political-prisoner counts in news feeds.",
    )
    p.add_argument("--version", action="version", version=f"releasewatch {__version__}")
    p.add_argument(
        "--db", help="SQLite database (default ./data/releasewatch.db, env RELEASEWATCH_DB)"
    )
    # --db is accepted before or after the command; SUPPRESS keeps a sub-command's
    # missing --db from overwriting the global one.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    _add = sub.add_parser

    def add_parser(name: str, **kw: Any) -> Parser:
        return _add(name, parents=[common], **kw)

    sub.add_parser = add_parser  # type: ignore[method-assign]

    sub.add_parser(
        "run", help="run the daemon: poll feeds on schedule, send alerts, take admin commands"
    )
    once = sub.add_parser("once", help="poll every enabled feed once, send alerts, exit")
    once.add_argument(
        "--json", action="store_true", help="print one JSON line per new alert on stdout"
    )
    demo = sub.add_parser(
        "demo", help="offline demo: serve bundled sample feeds locally and print their alerts"
    )
    demo.add_argument("--json", action="store_true", help="print JSON lines instead of alert text")

    feeds = sub.add_parser("feeds", help="add, list, remove, pause, import and export feeds")
    fsub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", parser_class=Parser)
    fsub.required = True
    _fadd = fsub.add_parser
    fsub.add_parser = lambda name, **kw: _fadd(name, parents=[common], **kw)  # type: ignore[method-assign]
    add = fsub.add_parser("add", help="add a feed (fetched once to validate)")
    add.add_argument("url")
    add.add_argument("--name", help="outlet name shown in alerts (default: the feed's title)")
    add.add_argument("--interval", type=_positive, metavar="MIN", help="minutes between polls")
    add.add_argument(
        "--backfill",
        type=_backfill,
        metavar="DAYS|all",
        help="on the first poll, alert items up to DAYS old (default 1) or all",
    )
    add.add_argument("--no-check", action="store_true", help="do not fetch the feed to validate it")
    lst = fsub.add_parser("list", help="list feeds and their health")
    lst.add_argument("--json", action="store_true", help="one JSON object per feed, one per line")
    for name, helptext in (
        ("remove", "remove a feed and its items (alerts are kept)"),
        ("pause", "stop polling a feed"),
        ("resume", "poll a paused feed again"),
    ):
        sp = fsub.add_parser(name, help=helptext)
        sp.add_argument("id", type=_positive)
    imp = fsub.add_parser("import", help="add every feed of an OPML file")
    imp.add_argument("file", type=Path)
    exp = fsub.add_parser("export", help="write the feeds as OPML (stdout or --out)")
    exp.add_argument("--out", type=Path)

    match = sub.add_parser(
        "match", help="read JSON Lines items on stdin, write their events as JSON Lines"
    )
    match.add_argument("--explain", action="store_true", help="include the evidence for each event")

    rules = sub.add_parser("rules", help="admin rules: add, list, remove, enable, disable, test")
    rsub = rules.add_subparsers(dest="rules_command", metavar="ACTION", parser_class=Parser)
    rsub.required = True
    _radd = rsub.add_parser
    rsub.add_parser = lambda name, **kw: _radd(name, parents=[common], **kw)  # type: ignore[method-assign]
    radd = rsub.add_parser("add", help="add a rule (see rules/SYNTAX.md)")
    radd.add_argument("spec")
    radd.add_argument("--name", help="short label (default: the rule text)")
    radd.add_argument(
        "--route", default="default", help="chat id to send matches to (default: main channel)"
    )
    rlist = rsub.add_parser("list", help="list rules")
    rlist.add_argument("--json", action="store_true")
    for name, helptext in (
        ("remove", "remove a rule"),
        ("enable", "enable a rule"),
        ("disable", "disable a rule"),
    ):
        sp = rsub.add_parser(name, help=helptext)
        sp.add_argument("id", type=_positive)
    rtest = rsub.add_parser("test", help="backtest a rule over stored items")
    rtest.add_argument("spec")
    rtest.add_argument(
        "--days", type=_positive, default=30, help="look back this many days (default 30)"
    )

    chart = sub.add_parser("chart", help="draw political-prisoner counts over time as a PNG")
    chart.add_argument("--country", help="ISO country code, e.g. BY (default: all)")
    chart.add_argument("--out", type=Path, default=Path("counts.png"), help="PNG file to write")
    health = sub.add_parser("health", help="exit 0 if the daemon's scheduler ran recently")
    health.add_argument(
        "--max-age",
        type=_positive,
        default=120,
        metavar="SECONDS",
        help="heartbeat older than this is unhealthy (default 120)",
    )
    backup = sub.add_parser("backup", help="consistent copy of the database, safe while running")
    backup.add_argument("path", type=Path)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(db_path=args.db)
    except ConfigError as exc:
        print(f"releasewatch: configuration error: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings)
    try:
        return COMMANDS[args.command](args, settings) or 0
    except UsageError as exc:
        print(f"releasewatch: error: {exc}", file=sys.stderr)
        return 2
    except ReleasewatchError as exc:
        print(f"releasewatch: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


# ---------------------------------------------------------------- commands


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from releasewatch.app import run_daemon

    asyncio.run(run_daemon(settings))
    return 0


def cmd_once(args: argparse.Namespace, settings: Settings) -> int:
    from releasewatch.app import run_once

    # With --json, stdout carries only JSON lines; the console notifier writes to stderr.
    created = asyncio.run(run_once(settings, console_stream=sys.stderr if args.json else None))
    if args.json:
        _print_alerts_json(settings, created)
    return 0


def _print_alerts_json(settings: Settings, alert_ids: list[int]) -> None:
    from releasewatch.pipeline import alert_json
    from storage import repo
    from storage.db import open_db

    db = open_db(settings.db_path)
    for alert_id in alert_ids:
        print(json.dumps(alert_json(repo.get_alert(db, alert_id)), ensure_ascii=False))
    db.close()


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from dataclasses import replace

    from releasewatch import samples
    from releasewatch.app import run_once
    from storage import repo
    from storage.db import open_db

    rows = samples.load_corpus("seeds.jsonl") + samples.load_corpus("dev.jsonl")
    feeds = samples.build_feeds(rows)
    with tempfile.TemporaryDirectory(prefix="releasewatch-demo-") as tmp:
        settings = replace(settings, db_path=str(Path(tmp) / "demo.db"), telegram_token="")
        with samples.serve(feeds) as base:
            db = open_db(settings.db_path)
            for path in feeds:
                lang = path.strip("/").split(".")[0]
                repo.add_feed(
                    db,
                    base + path,
                    name=samples.OUTLETS.get(lang),
                    backfill_hours=-1,
                    added_by="demo",
                )
            db.close()
            out = sys.stderr if args.json else sys.stdout
            print(
                f"releasewatch demo: {len(feeds)} sample feeds, {len(rows)} items, served at {base}\n",
                file=out,
            )
            created = asyncio.run(
                run_once(settings, console_stream=None if not args.json else sys.stderr)
            )
            if args.json:
                _print_alerts_json(settings, created)
            print(f"releasewatch demo: {len(created)} alerts from {len(rows)} items.", file=out)
    return 0


def cmd_feeds(args: argparse.Namespace, settings: Settings) -> int:
    from storage import repo
    from storage.db import open_db

    db = open_db(settings.db_path)
    action = args.feeds_command
    if action == "add":
        return _feeds_add(db, args, settings)
    if action == "list":
        for feed in repo.list_feeds(db):
            if args.json:
                print(json.dumps(_feed_json(feed), ensure_ascii=False))
            else:
                state = (
                    "ok"
                    if feed["enabled"] and not feed["last_error"]
                    else (
                        "paused"
                        if not feed["enabled"] and not feed["disabled_reason"]
                        else feed["disabled_reason"] or f"failing: {feed['last_error']}"
                    )
                )
                print(
                    f"#{feed['id']:<4} {feed['name'] or feed['title'] or '-':<30.30} "
                    f"every {feed['interval_min']}m  {state:<20.40}  {feed['url']}"
                )
        return 0
    if action == "remove":
        feed = repo.remove_feed(db, args.id)
        repo.audit(db, "cli", "feeds.remove", {"id": args.id, "url": feed["url"]})
        print(f"removed feed #{args.id} {feed['url']}")
        return 0
    if action in ("pause", "resume"):
        feed = repo.set_feed_enabled(db, args.id, action == "resume")
        repo.audit(db, "cli", f"feeds.{action}", {"id": args.id})
        print(f"{action}d feed #{args.id} {feed['url']}")
        return 0
    if action == "import":
        from watchers.opml import parse_opml

        try:
            data = args.file.read_bytes()
        except OSError as exc:
            raise UsageError(f"cannot read {args.file}: {exc.strerror}") from None
        added, skipped = 0, 0
        for entry in parse_opml(data):
            if repo.find_feed_by_url(db, entry.url):
                skipped += 1
                continue
            repo.add_feed(
                db,
                entry.url,
                name=entry.title or None,
                interval_min=settings.poll_interval_min,
                backfill_hours=settings.backfill_hours,
                added_by="opml",
            )
            added += 1
        repo.audit(db, "cli", "feeds.import", {"file": str(args.file), "added": added})
        print(f"imported {added} feeds ({skipped} already present)")
        return 0
    if action == "export":
        from watchers.opml import export_opml

        data = export_opml(
            (f["url"], f["name"] or f["title"] or f["url"]) for f in repo.list_feeds(db)
        )
        if args.out:
            args.out.write_bytes(data)
        else:
            sys.stdout.write(data.decode("utf-8"))
        return 0
    raise UsageError(f"unknown action {action}")


def _feed_json(feed: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "id",
        "url",
        "name",
        "title",
        "interval_min",
        "backfill_hours",
        "enabled",
        "disabled_reason",
        "last_status",
        "last_error",
        "last_polled_at",
        "last_ok_at",
        "next_poll_at",
        "consecutive_failures",
        "items_seen",
    )
    out = {k: feed[k] for k in keys}
    out["enabled"] = bool(out["enabled"])
    return out


def _feeds_add(db: Any, args: argparse.Namespace, settings: Settings) -> int:
    from releasewatch.app import make_fetcher
    from storage import repo
    from watchers.netguard import validate_feed_url
    from watchers.parse import parse_feed

    try:
        url = validate_feed_url(args.url)
    except ReleasewatchError as exc:
        raise UsageError(str(exc)) from None
    if repo.find_feed_by_url(db, url):
        raise UsageError(f"feed already added: {url}")
    title, count = None, None
    if not args.no_check:

        async def check() -> tuple[str | None, int]:
            async with make_fetcher(settings) as fetcher:
                result = await fetcher.fetch(url, allow_private=True)
                parsed = parse_feed(
                    result.body or b"", result.headers, fetched_at=datetime.now(UTC)
                )
                return parsed.meta.title, len(parsed.items)

        title, count = asyncio.run(check())
    feed_id = repo.add_feed(
        db,
        url,
        name=args.name,
        interval_min=args.interval or settings.poll_interval_min,
        backfill_hours=settings.backfill_hours if args.backfill is None else args.backfill,
        added_by="cli",
    )
    repo.audit(db, "cli", "feeds.add", {"id": feed_id, "url": url})
    detail = "" if args.no_check else f" — {title or 'untitled'}, {count} items"
    print(f"added feed #{feed_id} {url}{detail}")
    return 0


def cmd_match(args: argparse.Namespace, settings: Settings) -> int:
    """JSON Lines in, JSON Lines out: {"id", "events": [...]} per input line."""
    from releasewatch.models import Item
    from releasewatch.rulesdb import MatcherCache

    db = None
    if args.db:
        from storage.db import open_db

        db = open_db(args.db)
    cache = MatcherCache(db)
    matcher = cache.matcher()
    for lineno, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("not an object")
        except ValueError as exc:
            raise UsageError(f"line {lineno}: not a JSON object: {exc}") from None
        published = _published(row.get("published"))
        item = Item(
            key=str(row.get("id")),
            title=str(row.get("title") or ""),
            summary=str(row.get("summary") or ""),
            link=row.get("link"),
            published=published,
            lang=row.get("lang"),
        )
        events = []
        seen = []
        for m in matcher.evaluate(item):
            if m.event in seen:
                continue
            seen.append(m.event)
            data = m.event.to_json(with_evidence=args.explain)
            if args.explain:
                data["rule"] = m.rule_id
            events.append(data)
        print(json.dumps({"id": row.get("id"), "events": events}, ensure_ascii=False), flush=True)
    return 0


def _published(raw: Any) -> datetime:
    if isinstance(raw, str) and raw:
        try:
            dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
            return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.now(UTC)


def cmd_rules(args: argparse.Namespace, settings: Settings) -> int:
    from rules.admin import parse_rule
    from storage import repo
    from storage.db import open_db

    db = open_db(settings.db_path)
    action = args.rules_command
    if action == "add":
        rule = _parse_or_usage(parse_rule, args.spec)
        normalised = rule.normalised()
        rule_id = repo.add_rule(
            db,
            name=args.name or normalised[:60],
            spec=args.spec,
            normalised=normalised,
            route=args.route,
        )
        repo.audit(db, "cli", "rules.add", {"id": rule_id, "spec": args.spec})
        print(f"added rule #{rule_id}: {normalised}")
        return 0
    if action == "list":
        for row in repo.list_rules(db):
            if args.json:
                print(json.dumps(row, ensure_ascii=False))
            else:
                state = "on " if row["enabled"] else "off"
                print(
                    f"#{row['id']:<4} {state} {row['normalised']}  → {row['route']}  ({row['name']})"
                )
        return 0
    if action == "remove":
        row = repo.remove_rule(db, args.id)
        repo.audit(db, "cli", "rules.remove", {"id": args.id, "spec": row["spec"]})
        print(f"removed rule #{args.id}")
        return 0
    if action in ("enable", "disable"):
        repo.set_rule_enabled(db, args.id, action == "enable")
        repo.audit(db, "cli", f"rules.{action}", {"id": args.id})
        print(f"{action}d rule #{args.id}")
        return 0
    if action == "test":
        from rules.admin import backtest

        rule = _parse_or_usage(parse_rule, args.spec)
        since = datetime.now(UTC) - timedelta(days=args.days)
        rows = repo.items_since(db, since)
        print(f"rule: {rule.normalised()}")
        hits: list[tuple[dict[str, Any] | None, Any]] = []
        if rule.is_change:  # the count is tracked across items, in order
            hits = [(None, m) for m in backtest(rule, [repo.item_from_row(r) for r in rows])]
        else:
            for r in rows:
                hits += [(r, m) for m in backtest(rule, [repo.item_from_row(r)])]
        print(f"{len(hits)} match(es) in {len(rows)} items of the last {args.days} days")
        for r, m in hits:
            ev = m.event
            figure = f" count={ev.count}" if ev.count is not None else ""
            direction = f" {ev.direction}" if ev.direction else ""
            head = f"- [{ev.kind}{figure}{direction}]"
            if r is None:
                print(f"{head} {m.rule_name}")
            else:
                outlet = r["feed_name"] or r["feed_title"] or ""
                print(f"{head} {r['published'][:10]} {outlet}: {r['title']}")
                if r["link"]:
                    print(f"    {r['link']}")
            if ev.evidence:
                why = ", ".join(ev.evidence.words)
                print(f"    why: {why}" + (f" — {ev.evidence.how}" if ev.evidence.how else ""))
        return 0
    raise UsageError(f"unknown action {action}")


def _parse_or_usage(parse: Any, spec: str) -> Any:
    from releasewatch.errors import RuleError

    try:
        return parse(spec)
    except RuleError as exc:
        raise UsageError(f"invalid rule: {exc}") from None


def cmd_health(args: argparse.Namespace, settings: Settings) -> int:
    from storage import repo
    from storage.db import open_db

    if not Path(settings.db_path).exists():
        print(f"unhealthy: no database at {settings.db_path}")
        return 1
    db = open_db(settings.db_path)
    beat = repo.get_state(db, "heartbeat")
    if beat is None:
        print("unhealthy: no heartbeat yet")
        return 1
    age = (datetime.now(UTC) - datetime.fromisoformat(beat)).total_seconds()
    pending = repo.count_alerts(db, "pending") + repo.count_alerts(db, "sending")
    if age > args.max_age:
        print(f"unhealthy: last heartbeat {int(age)}s ago (limit {args.max_age}s)")
        return 1
    print(f"healthy: heartbeat {int(age)}s ago, {pending} alerts pending")
    return 0


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    if not Path(settings.db_path).exists():
        raise ReleasewatchError(f"no database at {settings.db_path}")
    if args.path.exists():
        raise UsageError(f"{args.path} exists; choose a new file")
    src = sqlite3.connect(settings.db_path, timeout=30)
    try:
        args.path.parent.mkdir(parents=True, exist_ok=True)
        dst = sqlite3.connect(str(args.path))
        with dst:
            src.backup(dst)  # SQLite's online backup: consistent while the daemon writes
        ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
        dst.close()
    except sqlite3.Error as exc:
        raise ReleasewatchError(f"backup failed: {exc}") from exc
    finally:
        src.close()
    print(f"backup written to {args.path} (integrity: {ok})")
    return 0


def cmd_chart(args: argparse.Namespace, settings: Settings) -> int:
    from releasewatch.chart import chart_png
    from storage.db import open_db

    db = open_db(settings.db_path)
    try:
        png = chart_png(db, args.country)
    except ValueError as exc:
        raise ReleasewatchError(str(exc)) from None
    args.out.write_bytes(png)
    print(f"chart written to {args.out} ({len(png):,} bytes)")
    return 0


COMMANDS = {
    "chart": cmd_chart,
    "run": cmd_run,
    "once": cmd_once,
    "demo": cmd_demo,
    "feeds": cmd_feeds,
    "match": cmd_match,
    "rules": cmd_rules,
    "health": cmd_health,
    "backup": cmd_backup,
}

logging.getLogger("httpx").setLevel(logging.WARNING)
