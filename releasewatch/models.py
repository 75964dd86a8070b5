"""Plain data passed between the pipeline's stages.

These are frozen dataclasses so stages stay pure: a stage gets values and returns new
values; only the orchestrator reads and writes storage or the network.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

KINDS = ("pardon", "sanctions", "prisoner_count")


@dataclass(frozen=True, slots=True)
class Item:
    """One feed entry, normalised by the parser."""

    key: str  # guid, else canonical link, else hash of title + summary
    title: str  # plain text
    summary: str  # plain text (HTML reduced)
    link: str | None  # http(s) only
    published: datetime  # timezone-aware UTC; fetch time when the feed gives none
    lang: str | None = None  # ISO 639-1, lower case
    content_hash: str = ""  # hash of normalised title + summary: one article seen through two feeds
    published_from_feed: bool = True  # False when `published` is the fetch time


@dataclass(frozen=True, slots=True)
class FeedMeta:
    title: str | None = None
    link: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    meta: FeedMeta
    items: tuple[Item, ...]
    warnings: tuple[str, ...] = ()  # e.g. feedparser's bozo exception, as text
    parser: str = "feedparser"  # which parser produced this (fast path or fallback)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why an event was extracted: enough to answer "why did this fire?"."""

    rule: str  # e.g. "builtin:pardon" or "admin:3"
    words: tuple[str, ...]  # trigger words as they appear in the text
    sentence: str  # the sentence the event was found in
    count_text: str | None = None  # the number as written, e.g. "двадцати пяти"
    how: str = ""  # how fields were derived, e.g. "'over 1,000' -> 1000 (qualifier: over)"


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event reported by an item."""

    kind: str  # one of KINDS (admin keyword rules may add "mention")
    count: int | None = None  # people released / political prisoners held
    direction: str | None = None  # sanctions: "lifted" | "imposed"
    qualifier: str | None = None  # "about" | "over" | "under" | "exactly" | None
    country: str | None = None  # ISO 3166-1 alpha-2 where known
    by: str | None = None  # who granted / imposed (e.g. "US", "EU", "Lukashenko")
    target: str | None = None  # sanctions target when stated (e.g. "Belavia")
    source: str | None = None  # prisoner_count: the counting organisation (e.g. "Viasna")
    date: str | None = None  # ISO date of the release / figure when stated
    previous: int | None = (
        None  # prisoner_count: the same organisation's last figure (storage fills it)
    )
    evidence: Evidence | None = field(default=None, compare=False)

    def to_json(self, *, with_evidence: bool = True) -> dict[str, Any]:
        data = asdict(self)
        if not with_evidence:
            data.pop("evidence")
        return data


def event_from_json(data: dict[str, Any]) -> Event:
    """Inverse of ``Event.to_json`` (unknown keys ignored, so old rows still load)."""
    known = {f for f in Event.__dataclass_fields__}
    fields_ = {k: v for k, v in data.items() if k in known and k != "evidence"}
    ev = data.get("evidence")
    evidence = None
    if isinstance(ev, dict):
        evidence = Evidence(
            rule=ev.get("rule", ""),
            words=tuple(ev.get("words") or ()),
            sentence=ev.get("sentence", ""),
            count_text=ev.get("count_text"),
            how=ev.get("how", ""),
        )
    return Event(**fields_, evidence=evidence)
