"""Alert text: a pure function of events and sources.

Telegram HTML parse mode. Every piece of feed text is escaped and every link is
checked to be http(s), so a feed can never inject markup. The message stays within
Telegram's 4096 characters (counted after entity parsing, in UTF-16 code units): the
parts that can shrink (source list, quoted title, explanation) are cut whole, never
mid-tag.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

import pycountry

from releasewatch.models import Event

TELEGRAM_LIMIT = 4096

EMOJI = {
    "pardon": "🔓",
    "sanctions": "⚖️",
    "prisoner_count": "📊",
    "mention": "🔔",
    "change": "📈",
}

# pycountry's official names are long ("Iran, Islamic Republic of"); use what news uses.
_SHORT_NAMES = {
    "RU": "Russia",
    "US": "US",
    "GB": "UK",
    "KR": "South Korea",
    "KP": "North Korea",
    "CD": "DR Congo",
    "PS": "Palestine",
    "TR": "Turkey",
    "CZ": "Czech Republic",
    "EU": "EU",
    "UN": "UN",
}

# Trigger stems that say the release was a pardon (the headline then says "pardoned").
_PARDON_STEMS = (
    "pardon",
    "clemen",
    "amnest",
    "помил",
    "памiл",
    "паміл",
    "помилув",
    "амнист",
    "амніст",
    "ułaskaw",
    "begnad",
    "gnade",
    "graci",
    "grâce",
    "grace",
    "indult",
    "grazia",
    "graziat",
    "amnist",
    "amnistí",
    "amnistia",
)
_EXCHANGE_STEMS = (
    "swap",
    "exchange",
    "обмен",
    "обмін",
    "абмен",
    "austausch",
    "échange",
    "scambio",
    "canje",
    "intercambio",
    "wymian",
)


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    code = code.upper()
    if code in _SHORT_NAMES:
        return _SHORT_NAMES[code]
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return code
    return getattr(found, "common_name", None) or found.name


def fmt_count(n: int) -> str:
    return f"{n:,}"


def fmt_date(value: str | date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return None
    return f"{value.day} {value.strftime('%b %Y')}"


_QUALIFIER = {"about": "~", "over": ">", "under": "<", "exactly": ""}


def _approx(event: Event) -> str:
    return _QUALIFIER.get(event.qualifier or "", "") + fmt_count(event.count or 0)


def _verb(event: Event) -> str:
    # The trigger may be "releasing" in "a series of pardons, releasing 25": the sentence
    # says how they were freed.
    ev = event.evidence
    words = (" ".join(ev.words) + " " + ev.sentence).casefold() if ev else ""
    if any(stem in words for stem in _EXCHANGE_STEMS):
        return "freed in exchange"
    if any(stem in words for stem in _PARDON_STEMS):
        return "pardoned"
    return "freed"


def describe(event: Event, *, short: bool = False) -> str:
    """One event as a short English phrase (plain text, not escaped)."""
    country = country_name(event.country)
    if event.kind == "pardon":
        who = f"{fmt_count(event.count)} prisoners" if event.count else "prisoners"
        if event.count == 1:
            who = "1 prisoner"
        phrase = f"{who} {_verb(event)}"
        if short:
            day = fmt_date(event.date)
            return f"{fmt_count(event.count) if event.count else 'prisoners'} {_verb(event)}" + (
                f" on {day}" if day else ""
            )
        return f"{country}: {phrase}" if country else phrase[0].upper() + phrase[1:]
    if event.kind == "sanctions":
        by = country_name(event.by) if event.by and len(event.by) == 2 else event.by
        verb = "lifts" if event.direction == "lifted" else "imposes"
        if by is None:
            verb = "lifted" if event.direction == "lifted" else "imposed"
        target = event.target or (f"{country}" if country and country != by else None)
        phrase = f"{by} {verb} sanctions" if by else f"Sanctions {verb}"
        return phrase + (f" on {target}" if target else "")
    if event.kind == "prisoner_count":
        figure = f"{_approx(event)} political prisoners" if event.count else "political prisoners"
        if event.count and event.previous is not None and event.previous != event.count:
            delta = event.count - event.previous
            figure = (
                f"{fmt_count(event.previous)} → {_approx(event)} ({delta:+,}) political prisoners"
            ).replace("-", "−")
        where = f" in {country}" if country and not short else ""
        return f"{event.source}: {figure}{where}" if event.source else f"{figure}{where}".strip()
    if event.kind == "mention":
        words = ", ".join(event.evidence.words) if event.evidence else ""
        return f"Mention: {words}" if words else "Mention"
    return event.kind


@dataclass(frozen=True, slots=True)
class Source:
    outlet: str
    url: str | None
    title: str
    lang: str | None = None
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class Rendered:
    html: str
    plain: str
    links: list[dict[str, str]] = field(default_factory=list)


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs with a host become links."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def outlet_name(feed_name: str | None, link: str | None) -> str:
    if feed_name:
        return feed_name
    host = urlsplit(link or "").hostname or "source"
    return host.removeprefix("www.")


def tg_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units of the text after entity parsing."""
    import re

    plain = html.unescape(re.sub(r"<[^>]+>", "", text))
    return len(plain.encode("utf-16-le")) // 2


def render_alert(
    events: Sequence[Event],
    sources: Sequence[Source],
    rule_ids: Sequence[str],
    *,
    fallback_date: date | datetime | None = None,
    limit: int = TELEGRAM_LIMIT,
) -> Rendered:
    """Render one alert: headline, context line, quoted title, sources, why it fired."""
    if not events:
        raise ValueError("an alert needs at least one event")
    main, others = events[0], list(events[1:])
    day = fmt_date(main.date) or fmt_date(fallback_date)
    headline = f"{EMOJI.get(main.kind, '•')} {describe(main)}" + (f" · {day}" if day else "")
    context = " · ".join(describe(e, short=True) for e in others[:6])
    if len(others) > 6:
        context += f" · +{len(others) - 6} more"
    title = sources[0].title if sources else ""

    links = []
    for s in sources:
        url = safe_url(s.url)
        if url and all(link["url"] != url for link in links):
            links.append({"outlet": s.outlet, "url": url})

    why_parts = []
    for e in events:
        if e.evidence and e.evidence.words:
            quoted = ", ".join(f"“{w}”" for w in e.evidence.words[:3])
            number = f" → {e.count}" if e.count is not None and e.evidence.count_text else ""
            why_parts.append(f"{e.evidence.rule}: {quoted}{number}")
    rules_line = "; ".join(dict.fromkeys(why_parts)) or ", ".join(dict.fromkeys(rule_ids))

    def build(n_links: int, title_max: int, why_max: int) -> tuple[str, str]:
        h = [f"<b>{html.escape(headline)}</b>"]
        p = [headline]
        if context:
            h.append(html.escape(context))
            p.append(context)
        if title and title_max:
            t = title if len(title) <= title_max else title[: title_max - 1].rstrip() + "…"
            h.append(f"<i>{html.escape(t)}</i>")
            p.append(f"“{t}”")
        shown = links[:n_links]
        if shown:
            more = len(links) - len(shown)
            h.append(
                "Sources: "
                + ", ".join(
                    f'<a href="{html.escape(link["url"], quote=True)}">{html.escape(link["outlet"])}</a>'
                    for link in shown
                )
                + (f" +{more} more" if more else "")
            )
            p.append(
                "Sources: "
                + ", ".join(f"{link['outlet']} <{link['url']}>" for link in shown)
                + (f" +{more} more" if more else "")
            )
        if rules_line and why_max:
            w = rules_line if len(rules_line) <= why_max else rules_line[: why_max - 1] + "…"
            h.append(f"<i>Rule {html.escape(w)}</i>")
            p.append(f"Rule {w}")
        return "\n".join(h), "\n".join(p)

    # Shrink the parts that can shrink until the message fits.
    n_links, title_max, why_max = len(links), 300, 400
    text, plain = build(n_links, title_max, why_max)
    while tg_len(text) > limit:
        if n_links > 3:
            n_links = max(3, n_links // 2)
        elif why_max > 0:
            why_max = 0
        elif title_max > 0:
            title_max = 0
        elif n_links > 0:
            n_links -= 1
        else:  # headline and at most 7 short phrases: always far below the limit
            break
        text, plain = build(n_links, title_max, why_max)
    return Rendered(html=text, plain=plain, links=links)
