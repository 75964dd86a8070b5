"""Run every benchmark in benchmarks/ in a quick-enough mode and print one summary table.

    python benchmarks/run_all.py        (what `make bench` runs)

Exits non-zero only if a script crashes (non-zero exit); a missed target is a result,
reported in the table, not a failure.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# script -> arguments for a quick run (unknown scripts run with none)
QUICK: dict[str, list[str]] = {
    "poll_scale.py": ["--quick"],
    "alert_latency.py": ["--quick"],
    "rules_quality.py": [],
    "rules_speed.py": ["--quick"],
    "grouping.py": [],
    "scheduler_scale.py": ["--quick"],
}
TIMEOUT = 900


def main() -> int:
    scripts = sorted(p for p in HERE.glob("*.py") if not p.name.startswith(("_", "run_all")))
    rows, crashed = [], 0
    for script in scripts:
        args = QUICK.get(script.name, [])
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(
                [sys.executable, str(script), *args],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                cwd=HERE.parent,
            )
            status = "ok" if proc.returncode == 0 else f"CRASH (exit {proc.returncode})"
            out = proc.stdout.strip()
            err = proc.stderr.strip()
        except subprocess.TimeoutExpired:
            status, out, err = f"CRASH (timeout {TIMEOUT}s)", "", ""
        crashed += status != "ok"
        rows.append((script.name, " ".join(args), status, time.perf_counter() - t0))
        print(f"\n===== {script.name} {' '.join(args)} -> {status}\n{out}", flush=True)
        if status != "ok" and err:
            print(err[-3000:], file=sys.stderr)
    print("\n| benchmark | args | result | seconds |\n|---|---|---|---:|")
    for name, args, status, secs in rows:
        print(f"| {name} | {args} | {status} | {secs:.1f} |")
    return 1 if crashed else 0


if __name__ == "__main__":
    raise SystemExit(main())
