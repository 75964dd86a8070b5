"""Opening the database: one function, ``open_db``, applies every pending migration."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from releasewatch.errors import StorageError
from storage.migrations import MIGRATIONS


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(dt: datetime) -> str:
    """ISO 8601 in UTC with seconds, so text comparison orders correctly."""
    # isoformat is several times faster than strftime and gives the same text for UTC.
    return dt.astimezone(UTC).replace(microsecond=0).isoformat()


def open_db(path: str | Path = ":memory:") -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` and migrate it.

    WAL so the health check and backups can read while the daemon writes; foreign keys
    on; a busy timeout so a second process (CLI next to the daemon) waits, not fails.
    The connection runs in autocommit mode: every multi-statement change goes through
    ``db.atomic()`` so it is one transaction.
    """
    try:
        if str(path) != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        if str(path) != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable across application crashes in WAL mode; a power loss
            # may lose the last transactions but never corrupts the database.
            conn.execute("PRAGMA synchronous = NORMAL")
            # Checkpoint every ~16 MB of WAL instead of 4 MB: a cold pass over 1,000 feeds
            # writes 60,000 items, and each checkpoint is an fsync (wall time halved in
            # benchmarks/poll_scale.py); the WAL file is cut back to 32 MB afterwards.
            conn.execute("PRAGMA wal_autocheckpoint = 4000")
            conn.execute("PRAGMA journal_size_limit = 33554432")
        db = sqlite_utils.Database(conn)
        migrate(db)
        return db
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"cannot open database {path}: {exc}") from exc
    except OSError as exc:
        raise StorageError(f"cannot open database {path}: {exc}") from exc


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations in order; return the names applied."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row["name"] for row in db.query("SELECT name FROM migrations")}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        with db.atomic():
            for statement in _statements(sql):
                db.execute(statement)
            db.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)", [name, iso(utcnow())]
            )
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (executescript would commit our transaction)."""
    out, buf = [], []
    for line in sql.splitlines():
        code = line.split("--", 1)[0]
        buf.append(line)  # keep comments: SQLite stores them in sqlite_master
        if code.rstrip().endswith(";"):
            stmt = "\n".join(buf).strip()
            if stmt.strip(";").strip():
                out.append(stmt)
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        out.append(rest)
    return out
