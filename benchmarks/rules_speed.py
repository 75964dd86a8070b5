"""Throughput of the rules engine: built-in packs + 100 synthetic admin rules.

    python benchmarks/rules_speed.py [--items 5184] [--quick] [--json]

Items are the corpus (dev + seeds) repeated to --items; every corpus item is news about
releases / sanctions / counts, so this is the engine's worst case (real feeds are mostly
irrelevant items that the one-scan prefilter rejects; see the 'irrelevant items' row, and
the 'real feed items' row: every item of the real news feeds in tests/fixtures/feeds/real,
parsed as the bot parses them, repeated to --items; most of them are off-topic).
Compared with a naive loop running one Python `re` regex per rule per item (text terms
only: it does not even extract events). Single process, one core, no network.

The 'at first sight' rows time texts the process has never evaluated: RE2 builds its DFA
states lazily from the text it meets, so those rows are what the bot meets (each item once),
and the repeated-item rows are an upper bound.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from releasewatch.models import Item  # noqa: E402
from rules import evaluate  # noqa: E402
from rules.admin import AdminRule, Matcher, Phrase, Regex, parse_rule  # noqa: E402

CORPUS = ROOT / "releasewatch" / "samples" / "corpus"
DATA = ROOT / "tests" / "data"

_WORDS = [
    "Minsk", "Moscow", "Caracas", "Havana", "Managua", "Tehran", "Baku", "Cairo", "Belavia",
    "potash", "oil", "journalist", "blogger", "bishop", "Nobel", "Viasna", "Memorial",
    "Foro Penal", "OVD-Info", "Amnesty", "Лукашенко", "Мінск", "Вясна", "Białoruś", "Kreml",
    "Vaticano", "Gazprom", "Rosneft", "shadow fleet", "tanker", "aluminium", "LNG",
]  # fmt: skip


def synthetic_rules(n: int = 100) -> list[tuple[int, str, AdminRule]]:
    """A mix like an admin would write: kind filters, phrases, regexes, negations."""
    specs: list[str] = []
    countries = ["BY", "RU", "VE", "CU", "NI", "IR", "AZ", "EG", "MM", "UA"]
    for i in range(n):
        w1, w2 = _WORDS[i % len(_WORDS)], _WORDS[(i * 7 + 3) % len(_WORDS)]
        c = countries[i % len(countries)]
        match i % 5:
            case 0:
                specs.append(f"kind:pardon country:{c} min_count:{(i % 7) * 5}")
            case 1:
                specs.append(f'"{w1}" OR "{w2}"')
            case 2:
                specs.append(f'kind:sanctions direction:{"lifted" if i % 2 else "imposed"} -"{w2}"')
            case 3:
                specs.append(f"regex:/{re.escape(w1.lower())}\\w*|{re.escape(w2.lower())}/i")
            case _:
                specs.append(
                    f'kind:prisoner_count ("{w1}" OR source:Viasna) lang:{["en", "ru", "it"][i % 3]}'
                )
    return [(i + 1, f"rule {i + 1}", parse_rule(s)) for i, s in enumerate(specs)]


def load_items(n: int) -> list[Item]:
    rows: list[dict[str, Any]] = []
    for name in ("dev.jsonl", "seeds.jsonl"):
        with open(CORPUS / name, encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    base = [
        Item(
            key=r["id"],
            title=r["title"],
            summary=r["summary"],
            link=None,
            published=datetime.fromisoformat(r["published"]).replace(tzinfo=UTC),
            lang=r["lang"],
        )
        for r in rows
    ]
    return [base[i % len(base)] for i in range(n)]


def labelled_items() -> list[Item]:
    """Every labelled item (corpus + tests/data/*.jsonl) once: on-topic news, none repeated."""
    rows: list[dict[str, Any]] = []
    for path in [CORPUS / "dev.jsonl", CORPUS / "seeds.jsonl", *sorted(DATA.glob("*.jsonl"))]:
        with open(path, encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return [
        Item(
            key=str(r["id"]),
            title=r.get("title") or "",
            summary=r.get("summary") or "",
            link=None,
            published=datetime.fromisoformat(r["published"]).replace(tzinfo=UTC),
            lang=r.get("lang"),
        )
        for r in rows
    ]


def irrelevant_items(n: int) -> list[Item]:
    now = datetime.now(UTC)
    texts = [
        (
            "Central bank holds interest rates steady",
            "The bank kept its key rate at 4.5% citing easing inflation.",
        ),
        (
            "City council approves new tram line",
            "Construction of the 12-km line will start in spring and cost €300 million.",
        ),
        (
            "Футбольный клуб подписал нового тренера",
            "Контракт рассчитан на два года, сообщила пресс-служба.",
        ),
        (
            "Nowy most otwarty dla ruchu",
            "Przeprawa ma 400 metrów długości i kosztowała 200 mln zł.",
        ),
    ]
    return [
        Item(key=str(i), title=t, summary=s, link=None, published=now, lang="en")
        for i, (t, s) in enumerate(texts * (n // 4))
    ]


def real_feed_items(n: int) -> list[Item]:
    """Every item of the real feed fixtures (parsed like the bot does), repeated to n."""
    from watchers.parse import parse_feed

    base: list[Item] = []
    fetched = datetime(2025, 6, 1, tzinfo=UTC)
    for path in sorted((ROOT / "tests" / "fixtures" / "feeds" / "real").iterdir()):
        if path.suffix not in (".xml", ".json"):
            continue
        try:
            base.extend(parse_feed(path.read_bytes(), {}, fetched_at=fetched).items)
        except Exception:  # a fixture the parser rejects is simply skipped
            continue
    return [base[i % len(base)] for i in range(max(n, len(base)))] if base else []


def _compile_everything() -> None:
    """Compile every regex of every pack (and of the all-language pack), so that the first-sight
    rows time the DFAs meeting new text, not start-up."""
    from dataclasses import fields

    from rules.packs import ALL, languages, pack

    for lang in (*languages(), ALL):
        pk = pack(lang)
        for f in fields(pk):
            rx = getattr(pk, f.name)
            if hasattr(rx, "pattern") and hasattr(rx, "_longest"):
                rx._regexp  # noqa: B018  (a LazyRe compiles on this first read)


def _distinct(items: list[Item]) -> list[Item]:
    """Each text once, in order."""
    seen: set[tuple[str, str]] = set()
    out: list[Item] = []
    for it in items:
        key = (it.title, it.summary or "")
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


def naive_loop(rules: list[tuple[int, str, AdminRule]], items: list[Item]) -> float:
    """One stdlib `re` regex per rule (its text terms OR-ed), searched per item."""
    compiled = []
    for _rid, _name, rule in rules:
        alts = []
        for t in rule.terms():
            alts.append(
                re.escape(t.text)
                if isinstance(t, Phrase)
                else t.pattern
                if isinstance(t, Regex)
                else ""
            )
        compiled.append(re.compile("|".join(alts) or r"(?!x)x", re.I))
    t0 = time.perf_counter()
    hits = 0
    for it in items:
        text = f"{it.title}\n{it.summary}"
        for rx in compiled:
            if rx.search(text):
                hits += 1
    return time.perf_counter() - t0


def timed(fn: Any, items: list[Item], repeat: int = 3) -> float:
    """Best of `repeat` passes (seconds)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for it in items:
            fn(it)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--items", type=int, default=5184)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--quick", action="store_true", help="1,296 items (benchmarks/run_all.py)")
    args = ap.parse_args(argv)
    if args.quick:
        args.items = min(args.items, 1296)
    t0 = time.perf_counter()
    rules = synthetic_rules(100)
    matcher = Matcher(rules)
    builtin_only = Matcher()
    items = load_items(args.items)
    for it in items[:200]:  # compile every language pack before timing
        matcher.evaluate(it)
    _compile_everything()
    warm = time.perf_counter() - t0
    # First sight: RE2 builds the states of its DFAs lazily, from the text it meets, so a text
    # the process has never seen costs far more than one seen before, and the bot sees each
    # item once. Timed before any pass below has met these texts (the real feed items and
    # the labelled sets share no text with the corpus items above).
    real_once = _distinct(real_feed_items(0))
    t1 = time.perf_counter()
    for it in real_once:
        matcher.evaluate(it)
    real_first = len(real_once) / (time.perf_counter() - t1)
    labelled_once = [it for it in _distinct(labelled_items()) if it.key[:2] not in ("d-", "s-")]
    if args.quick:
        labelled_once = labelled_once[:2000]
    t1 = time.perf_counter()
    for it in labelled_once:
        matcher.evaluate(it)
    labelled_first = len(labelled_once) / (time.perf_counter() - t1)
    for it in items:  # one untimed pass: RE2 builds its DFA states lazily
        matcher.evaluate(it)
    other = irrelevant_items(args.items)
    real = real_feed_items(args.items)
    for it in real:  # untimed: DFA states for the feeds' text
        matcher.evaluate(it)
    distinct = labelled_items()
    for it in distinct:  # untimed: DFA states for their text
        matcher.evaluate(it)
    res = {
        "items": len(items),
        "startup_s (parse 100 rules + compile packs)": round(warm, 2),
        "evaluate() built-in only, items/s": round(len(items) / timed(evaluate, items)),
        "Matcher() no admin rules, items/s": round(
            len(items) / timed(builtin_only.evaluate, items)
        ),
        "Matcher(100 admin rules), items/s": round(len(items) / timed(matcher.evaluate, items)),
        "Matcher(100 admin rules), irrelevant items/s": round(
            len(other) / timed(matcher.evaluate, other)
        ),
        "Matcher(100 admin rules), real feed items/s": round(
            len(real) / timed(matcher.evaluate, real)
        )
        if real
        else 0,
        # no item repeated within a pass, but each text met before (its DFA states built)
        "Matcher(100 admin rules), distinct labelled items/s": round(
            len(distinct) / timed(matcher.evaluate, distinct)
        ),
        # each text met for the first time: what the bot sees
        "Matcher(100 admin rules), real feed items at first sight/s": round(real_first),
        f"Matcher(100 admin rules), {len(labelled_once):,} labelled items at first sight/s": (
            round(labelled_first)
        ),
        "naive re loop (100 regexes, text only), items/s": round(
            len(items) / naive_loop(rules, items)
        ),
        # the same loop on the traffic of the first-sight row above (Python's `re` builds no
        # DFA, so first sight and repeats cost it the same)
        "naive re loop (100 regexes, text only), real feed items/s": round(
            len(real_once) / naive_loop(rules, real_once)
        ),
    }
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print("| measure | value |\n|---|---|")
        for k, v in res.items():
            print(f"| {k} | {v:,} |" if isinstance(v, int) else f"| {k} | {v} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
