"""Append-only, named schema migrations.

Never edit a migration that has shipped: add a new one at the end. Each runs once, in
order, inside one transaction, and its name is recorded in ``migrations``.
Every column carries a comment saying what it holds.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,            -- current URL; a permanent redirect (301/308) rewrites it
    name TEXT,                           -- name given by the admin; falls back to title
    title TEXT,                          -- the feed's own title, from the last parse
    site_link TEXT,                      -- the feed's <link> (the site), from the last parse
    lang TEXT,                           -- the feed's declared language
    etag TEXT,                           -- validator for conditional GET
    last_modified TEXT,                  -- validator for conditional GET
    body_hash TEXT,                      -- sha256 of the last body: unchanged bodies are not parsed again
    interval_min INTEGER NOT NULL DEFAULT 10,   -- poll every N minutes
    backfill_hours INTEGER NOT NULL DEFAULT 24, -- first poll alerts only items newer than this; -1 = all
    allow_private INTEGER NOT NULL DEFAULT 1,   -- 0 for feeds added through the bot (SSRF guard applies)
    enabled INTEGER NOT NULL DEFAULT 1,         -- 0 = paused or disabled
    disabled_reason TEXT,                -- why it is disabled (e.g. "410 Gone"); NULL when paused by hand
    baseline_done INTEGER NOT NULL DEFAULT 0,   -- 1 once the first poll stored its baseline
    next_poll_at TEXT,                   -- ISO UTC; earliest time of the next poll (backoff, Retry-After)
    last_polled_at TEXT,                 -- ISO UTC of the last attempt
    last_ok_at TEXT,                     -- ISO UTC of the last successful poll
    last_status TEXT,                    -- short status of the last poll: "ok", "304", "unchanged", "error"
    last_error TEXT,                     -- message of the last failure, NULL after a success
    consecutive_failures INTEGER NOT NULL DEFAULT 0, -- drives the exponential backoff
    failing_since TEXT,                  -- ISO UTC of the first failure in the current run of failures
    health_notified INTEGER NOT NULL DEFAULT 0,  -- 1 once admins were told this feed is failing
    items_seen INTEGER NOT NULL DEFAULT 0,       -- items stored from this feed
    added_by TEXT,                       -- "cli", "opml", "demo" or "tg:<user id>"
    added_at TEXT NOT NULL               -- ISO UTC
);

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE, -- the feed it came from
    key TEXT NOT NULL,                   -- guid, canonical link, or hash: unique per feed
    content_hash TEXT NOT NULL,          -- normalised title+summary hash: one article seen through two feeds
    title TEXT NOT NULL,                 -- plain text
    summary TEXT NOT NULL,               -- plain text
    link TEXT,                           -- http(s) link to the article
    lang TEXT,                           -- ISO 639-1 of the item, the feed or the HTTP header
    published TEXT NOT NULL,             -- ISO UTC; fetch time when the feed gave none
    fetched_at TEXT NOT NULL,            -- ISO UTC when we first stored it
    alertable INTEGER NOT NULL,          -- 0 for baseline items older than the backfill window
    duplicate_of INTEGER REFERENCES items(id), -- the first item with the same content_hash, if any
    UNIQUE (feed_id, key)
);
CREATE INDEX items_content_hash ON items(content_hash);
CREATE INDEX items_published ON items(published);

CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL, -- the item that opened it
    route TEXT NOT NULL,                 -- destination chat id, or "default" for the main channel
    kinds TEXT NOT NULL,                 -- JSON list of event kinds in the alert
    text TEXT NOT NULL,                  -- the message as sent (Telegram HTML)
    plain TEXT NOT NULL,                 -- the same as plain text (console, logs)
    links TEXT NOT NULL,                 -- JSON list of {"outlet", "url"}
    events TEXT NOT NULL,                -- JSON list of the events, with evidence
    status TEXT NOT NULL,                -- pending | sending | sent | failed | held | rejected
    attempts INTEGER NOT NULL DEFAULT 0, -- send attempts so far
    next_attempt_at TEXT,                -- ISO UTC; NULL = as soon as possible
    last_error TEXT,                     -- last send error
    message_id TEXT,                     -- Telegram message id (or "console") once sent
    chat_id TEXT,                        -- the chat it was delivered to
    created_at TEXT NOT NULL,            -- ISO UTC
    sent_at TEXT                         -- ISO UTC
);
CREATE INDEX alerts_status ON alerts(status, next_attempt_at);

CREATE TABLE matches (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE, -- the matching item
    alert_id INTEGER REFERENCES alerts(id), -- the alert it produced (NULL when not alertable)
    rule_id TEXT NOT NULL,               -- "builtin:<kind>" or "admin:<id>"
    kind TEXT NOT NULL,                  -- event kind
    event TEXT NOT NULL,                 -- JSON of the extracted event (fields)
    evidence TEXT,                       -- JSON: trigger words, sentence, how the number was read
    created_at TEXT NOT NULL             -- ISO UTC
);
CREATE INDEX matches_item ON matches(item_id);

CREATE TABLE rules (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,                  -- short label shown in alerts
    spec TEXT NOT NULL,                  -- the rule as the admin wrote it
    normalised TEXT NOT NULL,            -- canonical form echoed back
    enabled INTEGER NOT NULL DEFAULT 1,  -- 0 = disabled
    route TEXT NOT NULL DEFAULT 'default', -- destination chat id, or "default"
    created_by TEXT NOT NULL,            -- "cli" or "tg:<user id>"
    created_at TEXT NOT NULL             -- ISO UTC
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,                    -- ISO UTC
    actor TEXT NOT NULL,                 -- "cli", "tg:<user id>", "system"
    action TEXT NOT NULL,                -- e.g. "feeds.add", "rules.remove", "denied"
    detail TEXT,                         -- JSON or text: arguments, outcome
    ok INTEGER NOT NULL DEFAULT 1        -- 0 when refused or failed
);

CREATE TABLE state (
    key TEXT PRIMARY KEY,                -- e.g. "heartbeat", "telegram_offset"
    value TEXT                           -- free text / JSON
);
""",
    ),
    (
        "0002_event_groups",
        """
-- One row per real-world event: matches from many items and outlets group into it.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                  -- pardon | sanctions | prisoner_count | mention
    route TEXT NOT NULL,                 -- destination ("default" or a chat id)
    count INTEGER,                       -- people released / prisoners held, when stated
    direction TEXT,                      -- sanctions: lifted | imposed
    country TEXT,                        -- ISO alpha-2 where known
    target TEXT,                         -- sanctions target, when stated
    source TEXT,                         -- prisoner_count: the counting organisation
    by_whom TEXT,                        -- who granted / imposed, when stated
    event_date TEXT NOT NULL,            -- ISO date of the event, else of the first report
    event TEXT NOT NULL,                 -- JSON of the first extraction, with its evidence
    rule_ids TEXT NOT NULL,              -- JSON list of the rules that matched it
    alert_id INTEGER NOT NULL REFERENCES alerts(id), -- the alert that carries this event
    first_seen TEXT NOT NULL,            -- ISO UTC
    last_seen TEXT NOT NULL              -- ISO UTC of the latest source
);
CREATE INDEX events_lookup ON events(kind, route, event_date);
CREATE INDEX events_alert ON events(alert_id);

-- Every report of an event: outlet, link, language, when we first saw it.
CREATE TABLE event_sources (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, -- the event reported
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL, -- the item (NULL once pruned)
    outlet TEXT NOT NULL,                -- feed name or the link's host
    link TEXT,                           -- http(s) link to the report
    title TEXT NOT NULL,                 -- the report's title
    lang TEXT,                           -- its language
    first_seen TEXT NOT NULL             -- ISO UTC
);
CREATE INDEX event_sources_event ON event_sources(event_id);

ALTER TABLE alerts ADD COLUMN op TEXT NOT NULL DEFAULT 'send'; -- send | edit (edit the message of update_of)
ALTER TABLE alerts ADD COLUMN update_of INTEGER REFERENCES alerts(id); -- edit: the alert whose message changes
ALTER TABLE alerts ADD COLUMN reply_to INTEGER REFERENCES alerts(id); -- follow-up: posted as a reply to this alert
""",
    ),
    (
        "0003_event_reported_date",
        """
ALTER TABLE events ADD COLUMN reported_date TEXT; -- ISO date of the first report's publication
CREATE INDEX events_reported ON events(kind, route, reported_date);
""",
    ),
    (
        "0004_feeds_due_index",
        """
-- The daemon's ticker asks every second which enabled feeds are due (repo.due_feeds):
-- with this index that is two short range scans, not a scan of every feed.
CREATE INDEX feeds_due ON feeds(enabled, next_poll_at);
""",
    ),
]
