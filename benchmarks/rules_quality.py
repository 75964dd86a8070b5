"""Quality of the built-in rules vs a plain keyword filter, on labelled items.

    python benchmarks/rules_quality.py                # dev.jsonl + seeds.jsonl
    python benchmarks/rules_quality.py --file tests/data/rules_holdout.jsonl --json

Metrics (identical definitions for both systems, so the comparison is fair):
- item-level P/R/F1 per kind: does the item report >=1 event of that kind? The macro F1 of
  the three kinds is the headline number.
- event-level P/R/F1 per kind: predicted and gold events are paired within an item by kind
  and (pardon / prisoner_count) count or (sanctions) direction.
- count accuracy: of pardon / prisoner_count events detected (paired by kind), the share
  whose count is right.  Direction accuracy: the same for sanctions directions.
- false-alert rate: share of negative items (no gold event) with at least one predicted event.
No network; reads only files inside the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rules import evaluate  # noqa: E402

CORPUS = ROOT / "releasewatch" / "samples" / "corpus"
KINDS = ("pardon", "sanctions", "prisoner_count")

Pred = list[dict[str, Any]]


def load(paths: Iterable[Path]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return rows


def as_item(row: dict[str, Any]) -> SimpleNamespace:
    pub = (
        datetime.fromisoformat(row["published"]).replace(tzinfo=UTC)
        if row.get("published")
        else None
    )
    return SimpleNamespace(
        title=row["title"], summary=row["summary"], lang=row.get("lang"), published=pub
    )


def rules_system(row: dict[str, Any]) -> Pred:
    return [
        {"kind": e.kind, "count": e.count, "direction": e.direction} for e in evaluate(as_item(row))
    ]


# ---------------------------------------------------------------- keyword baseline
# What a Miniflux keep-rule would do: one keyword regex per kind, first number as count.
_KW = {
    "pardon": r"pardon|amnest|clemency|releas|freed|frees|помил|амнист|освобод|памілав|вызвал|помилув|звільн|ułaskaw|uwoln|amnesti|begnadig|freigelassen|gracié|gracie|libér|indult|excarcel|libera|grazia|graziat|scarcer",
    "sanctions": r"sanction|санкци|санкцы|санкці|sankcj|sanktion|sancion|sanzion",
    "prisoner_count": r"political prisoner|политзаключ|палітвязн|політв.язн|więźni\w* polit|politische\w* gefangene|prisonniers? politiques|presos? polític|prigionier\w* politic",
}
_LIFT = r"lift|eas|relief|снят|сня|знят|зня|znie|aufgeh|lev[ée]|levant|alivi|revoc|allent"
_NUM = re.compile(r"\d[\d.,\u00a0\u202f ]*\d|\d")


def keyword_system(row: dict[str, Any]) -> Pred:
    text = f"{row['title']} {row['summary']}"
    low = text.lower()
    m = _NUM.search(text)
    first = int(re.sub(r"\D", "", m.group(0))) if m else None
    out: Pred = []
    for kind, kw in _KW.items():
        if re.search(kw, low):
            if kind == "sanctions":
                d = "lifted" if re.search(_LIFT, low) else "imposed"
                out.append({"kind": kind, "count": None, "direction": d})
            else:
                out.append({"kind": kind, "count": first, "direction": None})
    return out


# ------------------------------------------------------------------------- metrics
def _key(e: dict[str, Any]) -> Any:
    return e.get("direction") if e["kind"] == "sanctions" else e.get("count")


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def score(rows: list[dict[str, Any]], system: Callable[[dict[str, Any]], Pred]) -> dict[str, Any]:
    ev = {k: [0, 0, 0] for k in KINDS}
    it = {k: [0, 0, 0] for k in KINDS}
    count_ok = count_pairs = dir_ok = dir_pairs = 0
    neg = neg_alert = 0
    errors: list[dict[str, Any]] = []
    for row in rows:
        pred = system(row)
        gold = row["events"]
        if not gold:
            neg += 1
            neg_alert += bool(pred)
        wrong = False
        for k in KINDS:
            g = [e for e in gold if e["kind"] == k]
            p = [e for e in pred if e["kind"] == k]
            # item level
            it[k][0] += bool(g) and bool(p)
            it[k][1] += bool(p) and not g
            it[k][2] += bool(g) and not p
            # event level: pair exact keys first
            gk = [_key(e) for e in g]
            pk = [_key(e) for e in p]
            tp = 0
            rest_p: list[Any] = []
            for v in pk:
                if v in gk:
                    gk.remove(v)
                    tp += 1
                else:
                    rest_p.append(v)
            ev[k][0] += tp
            ev[k][1] += len(rest_p)
            ev[k][2] += len(gk)
            wrong |= bool(rest_p or gk)
            # detected-but-wrong-value pairs (kind matched, key did not)
            mism = min(len(rest_p), len(gk))
            if k == "sanctions":
                dir_ok += tp
                dir_pairs += tp + mism
            else:
                count_ok += tp
                count_pairs += tp + mism
        if wrong:
            errors.append({"id": row.get("id"), "gold": gold, "pred": pred})
    per_kind_item = {k: _prf(*it[k]) for k in KINDS}
    per_kind_event = {k: _prf(*ev[k]) for k in KINDS}
    return {
        "items": len(rows),
        "negatives": neg,
        "item_level": per_kind_item,
        "event_level": per_kind_event,
        "macro_f1_item": round(sum(v["f1"] for v in per_kind_item.values()) / 3, 4),
        "macro_f1_event": round(sum(v["f1"] for v in per_kind_event.values()) / 3, 4),
        "count_accuracy": round(count_ok / count_pairs, 4) if count_pairs else 1.0,
        "direction_accuracy": round(dir_ok / dir_pairs, 4) if dir_pairs else 1.0,
        "false_alert_rate": round(neg_alert / neg, 4) if neg else 0.0,
        "errors": errors,
    }


def markdown(results: dict[str, dict[str, Any]]) -> str:
    names = list(results)
    lines = ["| metric | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]

    def row(label: str, get: Callable[[dict[str, Any]], Any]) -> None:
        lines.append(f"| {label} | " + " | ".join(str(get(results[n])) for n in names) + " |")

    row("**macro F1 (item level)**", lambda r: f"**{r['macro_f1_item']:.3f}**")
    row("macro F1 (event level)", lambda r: f"{r['macro_f1_event']:.3f}")
    for k in KINDS:
        for lvl in ("item_level", "event_level"):
            row(
                f"{k} {lvl.split('_')[0]} P / R / F1",
                lambda r, k=k, lvl=lvl: "{precision:.3f} / {recall:.3f} / {f1:.3f}".format(
                    **r[lvl][k]
                ),
            )
    row("count accuracy", lambda r: f"{r['count_accuracy']:.3f}")
    row("sanctions direction accuracy", lambda r: f"{r['direction_accuracy']:.3f}")
    row("false alerts on negatives", lambda r: f"{r['false_alert_rate']:.1%}")
    row("items (negatives)", lambda r: f"{r['items']} ({r['negatives']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--file", action="append", type=Path, help="JSONL file(s) to score (default: dev + seeds)"
    )
    ap.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    ap.add_argument("--errors", action="store_true", help="list the items the rules got wrong")
    args = ap.parse_args(argv)
    files = args.file or [CORPUS / "dev.jsonl", CORPUS / "seeds.jsonl"]
    rows = load(files)
    results = {"rules": score(rows, rules_system), "keyword filter": score(rows, keyword_system)}
    if args.json:
        out = {
            k: {kk: vv for kk, vv in v.items() if kk != "errors" or args.errors}
            for k, v in results.items()
        }
        out["files"] = [str(f) for f in files]  # type: ignore[assignment]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(
            f"files: {', '.join(str(f.relative_to(ROOT) if f.is_relative_to(ROOT) else f) for f in files)}\n"
        )
        print(markdown(results))
        if args.errors:
            for e in results["rules"]["errors"]:
                print(json.dumps(e, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
