"""Political-prisoner counts over time: the series and the chart.

Every ``prisoner_count`` event is a point in a series per (counting organisation,
country). ``series`` reads them; ``draw`` renders a PNG with matplotlib (Agg backend,
no display needed): one line per source, dated x axis, release events marked.
"""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import date

import sqlite_utils

from releasewatch.format import country_name

Series = dict[str, list[tuple[date, int]]]


def series(db: sqlite_utils.Database, country: str | None = None) -> Series:
    """(source, country) label -> [(date, count)], one point per day (the latest report)."""
    sql = (
        "SELECT source, country, event_date, count FROM events WHERE kind = 'prisoner_count'"
        " AND count IS NOT NULL"
    )
    params: list[str] = []
    if country:
        sql += " AND upper(country) = upper(?)"
        params.append(country)
    points: dict[str, dict[date, int]] = defaultdict(dict)
    for row in db.query(sql + " ORDER BY event_date, id", params):
        label = row["source"] or "unattributed"
        if row["country"] and not country:
            label += f" ({country_name(row['country'])})"
        points[label][date.fromisoformat(row["event_date"][:10])] = row["count"]
    return {label: sorted(p.items()) for label, p in sorted(points.items())}


def releases(
    db: sqlite_utils.Database, country: str | None = None
) -> list[tuple[date, int | None]]:
    sql = "SELECT event_date, count FROM events WHERE kind = 'pardon'"
    params: list[str] = []
    if country:
        sql += " AND upper(country) = upper(?)"
        params.append(country)
    return [
        (date.fromisoformat(r["event_date"][:10]), r["count"])
        for r in db.query(sql + " ORDER BY event_date", params)
    ]


def previous_count(
    db: sqlite_utils.Database, source: str | None, country: str | None, day: date
) -> int | None:
    """The figure the same organisation last gave for the same country before ``day``.

    Only exact-ish figures count on both sides: "over 1,000" against 1,110 is no change.
    """
    if not source:
        return None
    row = db.execute(
        "SELECT count FROM events WHERE kind = 'prisoner_count' AND count IS NOT NULL"
        " AND lower(source) = lower(?) AND coalesce(country, '') = coalesce(?, '')"
        " AND event_date < ? AND coalesce(json_extract(event, '$.qualifier'), '') NOT IN"
        " ('over', 'under') ORDER BY event_date DESC, id DESC LIMIT 1",
        [source, country, day.isoformat()],
    ).fetchone()
    return None if row is None else int(row[0])


def draw(data: Series, marks: list[tuple[date, int | None]], *, title: str) -> bytes:
    """A PNG of the series. Raises ValueError when there is nothing to draw."""
    if not any(data.values()):
        raise ValueError("no political-prisoner counts stored yet")
    import matplotlib

    matplotlib.use("Agg")  # no display on a server
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.8), dpi=110)
    try:
        for label, pts in data.items():
            if not pts:
                continue
            xs, ys = zip(*pts, strict=True)
            ax.plot(xs, ys, marker="o", linewidth=2, label=label)
            ax.annotate(
                f"{ys[-1]:,}",
                (xs[-1], ys[-1]),
                textcoords="offset points",
                xytext=(6, 4),
                fontsize=8,
            )
        first = True
        for day, count in marks:
            ax.axvline(
                day,
                color="tab:green",
                alpha=0.35,
                linestyle="--",
                label="release" if first else None,
            )
            if count:
                ax.annotate(
                    f"{count:,} freed",
                    (day, ax.get_ylim()[1]),
                    rotation=90,
                    va="top",
                    ha="right",
                    fontsize=7,
                    color="tab:green",
                )
            first = False
        ax.set_title(title)
        ax.set_ylabel("political prisoners")
        ax.xaxis.set_major_locator(mdates.AutoDateLocator())
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _p: f"{v:,.0f}"))
        ax.grid(True, alpha=0.3)
        ax.legend(loc="best", fontsize=8)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return buf.getvalue()
    finally:
        plt.close(fig)


def chart_png(db: sqlite_utils.Database, country: str | None = None) -> bytes:
    where = country_name(country) if country else "all countries"
    return draw(
        series(db, country), releases(db, country), title=f"Political prisoners over time — {where}"
    )
