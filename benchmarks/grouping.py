"""Grouping benchmark: one alert per real-world story, across feeds and languages.

Serves the labelled corpus (dev + seeds) as two feeds per language on a local HTTP server,
runs `bot.py once --json` on a fresh database with `--backfill all`, and maps every alert
back to the corpus items it cites (by link). Prints: stories, alerts, stories that got
exactly one alert, wrong merges (two stories in one alert), missed merges (one story in
several alerts), stories with no alert, negatives that alerted.

    python benchmarks/grouping.py [--file LABELLED.jsonl ...] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from releasewatch import samples  # noqa: E402


def split_feeds(rows: list[dict]) -> dict[str, tuple[bytes, str]]:
    """Two feeds per language (alternate items), so grouping must work across feeds."""
    by_lang: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_lang[row["lang"]].append(row)
    feeds = {}
    for lang, group in sorted(by_lang.items()):
        for part in (0, 1):
            feeds[f"/{lang}-{part}.rss"] = (
                samples.rss(lang, group[part::2]),
                "application/rss+xml; charset=utf-8",
            )
    return feeds


def run(files: list[str] | None = None) -> dict:
    if files:
        rows = [
            json.loads(line)
            for f in files
            for line in Path(f).read_text("utf-8").splitlines()
            if line.strip()
        ]
    else:
        rows = samples.load_corpus("seeds.jsonl") + samples.load_corpus("dev.jsonl")
    story = {r["id"]: r["story"] for r in rows}
    feeds = split_feeds(rows)
    with tempfile.TemporaryDirectory() as tmp, samples.serve(feeds) as base:
        db = str(Path(tmp) / "bench.db")
        for path in feeds:
            subprocess.run(
                [
                    sys.executable,
                    "bot.py",
                    "--db",
                    db,
                    "feeds",
                    "add",
                    base + path,
                    "--backfill",
                    "all",
                    "--no-check",
                ],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "bot.py", "--db", db, "once", "--json"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        elapsed = time.perf_counter() - t0
    alerts = [json.loads(line) for line in out.splitlines() if line.strip()]
    stories_of_alert = []
    negatives_alerted = set()
    alerts_of_story: dict[str, set[int]] = defaultdict(set)
    for a in alerts:
        ids = {link.rsplit("/", 1)[-1] for link in a["links"]}
        st = {story.get(i) for i in ids}
        for i in ids:
            if story.get(i) is None:
                negatives_alerted.add(i)
            else:
                alerts_of_story[story[i]].add(a["alert_id"])
        stories_of_alert.append({s for s in st if s})
    all_stories = {s for s in story.values() if s}
    result = {
        "items": len(rows),
        "feeds": len(feeds),
        "stories": len(all_stories),
        "alerts": len(alerts),
        "stories_with_exactly_one_alert": sum(
            1 for s in all_stories if len(alerts_of_story[s]) == 1
        ),
        "wrong_merges": sum(1 for st in stories_of_alert if len(st) > 1),
        "missed_merges": sum(1 for s in all_stories if len(alerts_of_story[s]) > 1),
        "stories_without_alert": sorted(s for s in all_stories if not alerts_of_story[s]),
        "negatives_alerted": sorted(negatives_alerted),
        "seconds": round(elapsed, 2),
    }
    result["split_stories"] = sorted(s for s in all_stories if len(alerts_of_story[s]) > 1)
    result["merged_together"] = [" + ".join(sorted(st)) for st in stories_of_alert if len(st) > 1]
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--file", action="append", help="labelled JSONL instead of dev + seeds")
    args = ap.parse_args()
    r = run(args.file)
    if args.json:
        print(json.dumps(r))
        return
    print("| measure | value |\n|---|---|")
    for k, v in r.items():
        print(f"| {k} | {len(v) if isinstance(v, list) else v} |")
    for k in ("stories_without_alert", "negatives_alerted", "split_stories", "merged_together"):
        if r[k]:
            print(f"\n{k}: {', '.join(r[k])}")


if __name__ == "__main__":
    main()
