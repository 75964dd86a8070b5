"""Operating it: health from the heartbeat, backups while the daemon writes, the token file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from releasewatch.pipeline import heartbeat
from storage import repo
from storage.db import open_db

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "bot.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_health_follows_the_heartbeat(tmp_path):
    db_path = str(tmp_path / "h.db")
    missing = cli("--db", db_path, "health")
    assert missing.returncode == 1 and "no database" in missing.stdout
    db = open_db(db_path)
    assert cli("--db", db_path, "health").returncode == 1  # no heartbeat yet
    heartbeat(db, datetime.now(UTC) - timedelta(minutes=10))
    stale = cli("--db", db_path, "health")
    assert stale.returncode == 1 and "unhealthy" in stale.stdout
    heartbeat(db)
    ok = cli("--db", db_path, "health")
    assert ok.returncode == 0 and ok.stdout.startswith("healthy")


def test_backup_is_consistent_while_a_writer_is_busy(tmp_path):
    db_path = tmp_path / "live.db"
    db = open_db(db_path)
    for i in range(50):
        repo.add_feed(db, f"https://e{i}.example/rss")
    # The "daemon": a second connection in the middle of a write transaction.
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO feeds (url, added_at) VALUES ('https://uncommitted.example/', 'x')")
    out = cli("--db", str(db_path), "backup", str(tmp_path / "copy.db"))
    writer.execute("ROLLBACK")
    assert out.returncode == 0, out.stderr
    assert "integrity: ok" in out.stdout
    copy = open_db(tmp_path / "copy.db")
    urls = [r["url"] for r in repo.list_feeds(copy)]
    assert len(urls) == 50 and "https://uncommitted.example/" not in urls
    again = cli("--db", str(db_path), "backup", str(tmp_path / "copy.db"))
    assert again.returncode == 2 and "exists" in again.stderr  # never overwrites
