"""Which stored event a new extraction belongs to: a pure decision on structured fields.

Grouping keys on what the rules extracted (kind, figure, country, direction, target,
counting organisation, date), never on the words, so a report in Russian joins the
English one. Different figures are different events: "52 freed" never joins "25
pardoned". Dates must fall within a window (default 72 h) of the event's date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from releasewatch.models import Event

DEFAULT_WINDOW = timedelta(hours=72)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored event, as the decider needs it."""

    id: int
    kind: str
    route: str
    count: int | None
    direction: str | None
    country: str | None
    target: str | None
    source: str | None
    by: str | None
    event_date: date
    alert_id: int
    reported_date: date | None = None  # publication date of the first report

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Candidate:
        return cls(
            id=row["id"],
            kind=row["kind"],
            route=row["route"],
            count=row["count"],
            direction=row["direction"],
            country=row["country"],
            target=row["target"],
            source=row["source"],
            by=row["by_whom"],
            event_date=date.fromisoformat(row["event_date"][:10]),
            alert_id=row["alert_id"],
        )


def event_day(event: Event, published: datetime) -> date:
    """The event's own date when the text states it, else the report's publication date."""
    if event.date:
        try:
            return date.fromisoformat(event.date[:10])
        except ValueError:
            pass
    return published.date()


_EXCHANGE = (
    "swap",
    "exchang",
    "обмен",
    "обмін",
    "абмен",
    "austausch",
    "échange",
    "scambi",
    "canje",
    "intercambi",
    "wymian",
)


def is_exchange(event: Event) -> bool:
    """Whether the release was a prisoner exchange, from the evidence's words."""
    ev = event.evidence
    if ev is None:
        return False
    text = (" ".join(ev.words) + " " + ev.sentence).casefold()
    return any(stem in text for stem in _EXCHANGE)


def _same(a: str | None, b: str | None) -> bool | None:
    """True/False when both are known, None when either is unknown."""
    if not a or not b:
        return None
    return a.casefold() == b.casefold()


def score(
    event: Event,
    day: date,
    route: str,
    cand: Candidate,
    window: timedelta,
    *,
    relaxed: bool = False,
    reported: date | None = None,
) -> int | None:
    """How well ``event`` fits ``cand`` (higher is better), or None when incompatible.

    Dates are compatible when the events' dates are within the window, or the reports'
    publication dates are (one outlet states the release date, another only reports it).

    ``relaxed`` ignores a country conflict: used only against events of an alert the same
    item already joined, where the other facts matched and the country is the likelier
    extraction slip (a release "negotiated with the US" is not a US release).
    """
    if cand.kind != event.kind or cand.route != route:
        return None
    near = abs((cand.event_date - day).days) <= window.days
    if not near and reported is not None and cand.reported_date is not None:
        near = abs((cand.reported_date - reported).days) <= window.days
    if not near:
        return None
    points = 0
    country = _same(event.country, cand.country)
    if event.kind in ("pardon", "prisoner_count"):
        if country is False:
            # Country is supporting evidence: extraction can name the negotiating side
            # ("freed after talks with the US"), and an exchange has two sides. The same
            # specific figure within the window outweighs it.
            same_figure = event.count is not None and event.count == cand.count
            if not (relaxed or (same_figure and (event.count >= 10 or is_exchange(event)))):
                return None
            country = None
        points += 1 if country else 0
        if event.count is not None and cand.count is not None:
            if event.count != cand.count:
                return None  # a different figure is a different event
            points += 4
        elif event.count is None and cand.count is None:
            if not country:  # "a group of prisoners" joins only within one known country
                return None
            points += 1
        else:
            return None  # one states a figure, the other does not: keep apart
        if event.kind == "prisoner_count":
            src = _same(event.source, cand.source)
            if src is False:
                return None
            points += 2 if src else 0
    elif event.kind == "sanctions":
        if event.direction != cand.direction:
            return None
        by = _same(event.by, cand.by)
        if by is False:
            return None
        # Two measures by one actor on one day (a Russia package, Syria listings) differ
        # by target country. A "country" equal to the actor is an extraction slip, not a
        # target, so it does not count as a conflict.
        slip = event.country == event.by or cand.country == cand.by
        if country is False and not slip:
            return None
        # Targets are free text in many languages and inflections: supporting evidence
        # only, never a reason to keep two reports apart.
        target = _same(event.target, cand.target) is True
        points += (2 if by else 0) + (2 if target else 0) + (1 if country else 0)
        if not (by or target or country):
            return None  # nothing in common but the direction: too weak to merge
    else:
        return None  # admin "mention" matches are not grouped beyond same-article dedupe
    return points


def best_match(
    event: Event,
    day: date,
    route: str,
    candidates: Sequence[Candidate],
    window: timedelta = DEFAULT_WINDOW,
    *,
    relaxed: bool = False,
    reported: date | None = None,
) -> Candidate | None:
    """The best-fitting stored event, ties to the oldest; None opens a new event."""
    best: tuple[int, int] | None = None
    chosen = None
    for cand in candidates:
        s = score(event, day, route, cand, window, relaxed=relaxed, reported=reported)
        if s is None:
            continue
        key = (s, -cand.id)
        if best is None or key > best:
            best, chosen = key, cand
    return chosen
