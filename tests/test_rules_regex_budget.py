"""No built-in lexicon outgrows its RE2 memory budget.

When a search's DFA fills the memory RE2 gives it, RE2 falls back to its NFA without a word:
the same answers, about ten times slower (a few fragments added to the all-language
prefilter once took real feed items from ~33,000 to ~16,000 items/s). With error logging on
(RELEASEWATCH_RE2_LOG_ERRORS=1) RE2 says so on stderr: "DFA out of memory". This is no
timing test: for the same texts in the same order the message comes or not, every run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# every labelled item and every item of the real feed fixtures, through the engine and a
# Matcher with admin rules (their Sets and the number checks compile with the same options)
_RUN_ENGINE = r"""
import json, sys
from datetime import UTC, datetime
from pathlib import Path
from releasewatch.models import Item
from rules.admin import Matcher, parse_rule
from watchers.parse import parse_feed

root = Path(sys.argv[1])
items = []
for path in sorted((root / "tests" / "fixtures" / "feeds" / "real").iterdir()):
    if path.suffix in (".xml", ".json"):
        try:
            items.extend(parse_feed(path.read_bytes(), {}, fetched_at=datetime(2025, 6, 1, tzinfo=UTC)).items)
        except Exception:
            pass
for path in sorted((root / "tests" / "data").glob("*.jsonl")):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            items.append(Item(key=r["id"], title=r["title"], summary=r["summary"], link=None,
                published=datetime.fromisoformat(r["published"]).replace(tzinfo=UTC),
                lang=r.get("lang")))
rules = ['kind:pardon country:BY min_count:10', '"Statkevich" OR "Статкевич"',
         'regex:/(?:sanction|санкц)\\pL*/', 'kind:sanctions', 'change:prisoner_count source:Viasna by>=10']
m = Matcher([(i + 1, f"rule {i + 1}", parse_rule(s)) for i, s in enumerate(rules)])
for it in items:
    m.evaluate(it)
print(len(items))
"""

# the signal itself: a DFA that cannot fit a 1 MB budget ([ab]*a[ab]{20} needs ~2^20 states)
_RUN_TINY_BUDGET = r"""
import random, re2
opts = re2.Options()
opts.log_errors = True
opts.max_mem = 1 << 20
rx = re2.compile("[ab]*a[ab]{20}c", opts)
random.seed(7)
print(rx.search("".join(random.choice("ab") for _ in range(200_000))) is None)
"""


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, RELEASEWATCH_RE2_LOG_ERRORS="1", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", code, str(ROOT)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
        check=False,
    )


def test_re2_reports_a_dfa_that_outgrows_its_budget() -> None:
    """The guard below can fail: the installed RE2 does report an exhausted DFA budget."""
    out = _run(_RUN_TINY_BUDGET)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"
    assert "DFA out of memory" in out.stderr


def test_no_lexicon_outgrows_its_dfa_budget_on_labelled_and_real_feed_items() -> None:
    out = _run(_RUN_ENGINE)
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.strip()) > 15_000  # every labelled set and the real feed items
    lines = [line for line in out.stderr.splitlines() if "DFA out of memory" in line]
    assert not lines, f"{len(lines)} searches fell back to the NFA, e.g. {lines[0]}"
