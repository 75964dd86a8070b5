"""Grouping decides on extracted structure: same figure, country, direction, date window."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from releasewatch.grouping import Candidate, best_match, event_day, score
from releasewatch.models import Event

W = timedelta(hours=72)
D = date(2025, 9, 16)


def cand(
    id_,
    kind="pardon",
    count=None,
    country="BY",
    direction=None,
    target=None,
    source=None,
    by=None,
    day=D,
    route="default",
    alert_id=1,
):
    return Candidate(id_, kind, route, count, direction, country, target, source, by, day, alert_id)


def test_same_figure_and_country_within_window_merges_across_languages():
    # The Italian report of "25 pardoned" joins the English one: only structure is compared.
    assert (
        best_match(
            Event("pardon", count=25, country="BY"),
            D + timedelta(days=1),
            "default",
            [cand(1, count=52), cand(2, count=25)],
            W,
        ).id
        == 2
    )


def test_different_figures_never_merge():
    assert (
        score(Event("pardon", count=52, country="BY"), D, "default", cand(1, count=25), W) is None
    )
    assert (
        score(
            Event("prisoner_count", count=1177, source="Viasna"),
            D,
            "default",
            cand(1, kind="prisoner_count", count=1300, source="Viasna"),
            W,
        )
        is None
    )


def test_outside_window_or_other_country_or_route_does_not_merge():
    ev = Event("pardon", count=25, country="BY")
    assert score(ev, D + timedelta(days=4), "default", cand(1, count=25), W) is None
    assert score(ev, D, "-100", cand(1, count=25), W) is None
    small = Event("pardon", count=3, country="BY")
    assert score(small, D, "default", cand(1, count=3, country="RU"), W) is None


def test_the_same_specific_figure_outweighs_a_country_misread():
    # "123 freed after talks with the US" read as a US release in one language.
    assert (
        score(Event("pardon", count=123, country="US"), D, "default", cand(1, count=123), W)
        is not None
    )
    assert (
        score(Event("pardon", count=123, country="US"), D, "default", cand(1, count=124), W) is None
    )


def test_sanction_targets_are_supporting_evidence_only():
    # Targets come out as free text in many languages ("Беларусі", "Białorusi", "la").
    ev = Event("sanctions", direction="imposed", by="EU", target="Беларусі")
    assert (
        score(
            ev,
            D,
            "default",
            cand(
                1, kind="sanctions", direction="imposed", by="EU", target="Białorusi", country=None
            ),
            W,
        )
        is not None
    )
    same = score(
        Event("sanctions", direction="imposed", by="US", target="Rosneft"),
        D,
        "default",
        cand(1, kind="sanctions", direction="imposed", by="US", target="Rosneft", country=None),
        W,
    )
    other = score(
        Event("sanctions", direction="imposed", by="US", target="Sovcomflot"),
        D,
        "default",
        cand(1, kind="sanctions", direction="imposed", by="US", target="Rosneft", country=None),
        W,
    )
    assert same > other


def test_a_stated_release_date_still_meets_reports_by_publication_date():
    # One outlet gives the release date (5 days on), the others only report the decision.
    ev = Event("pardon", count=13000, country="VN", date="2025-09-02")
    from dataclasses import replace as _replace

    c = _replace(
        cand(1, count=13000, country="VN", day=date(2025, 8, 28)), reported_date=date(2025, 8, 28)
    )
    assert score(ev, date(2025, 9, 2), "default", c, W) is None
    assert score(ev, date(2025, 9, 2), "default", c, W, reported=date(2025, 8, 28)) is not None


def test_unknown_country_is_compatible_but_known_match_preferred():
    ev = Event("pardon", count=25, country=None)
    assert score(ev, D, "default", cand(1, count=25), W) is not None
    best = best_match(
        Event("pardon", count=25, country="BY"),
        D,
        "default",
        [cand(1, count=25, country=None), cand(2, count=25)],
        W,
    )
    assert best.id == 2


def test_vague_counts_merge_only_within_a_known_country():
    assert score(Event("pardon", country="BY"), D, "default", cand(1), W) is not None
    assert score(Event("pardon", country=None), D, "default", cand(1, country=None), W) is None
    assert score(Event("pardon", count=18, country="BY"), D, "default", cand(1), W) is None


def test_sanctions_need_same_direction_and_something_in_common():
    lifted = Event("sanctions", direction="lifted", by="US", target="Belavia")
    assert (
        score(
            lifted,
            D,
            "default",
            cand(1, kind="sanctions", direction="lifted", by="US", target="Belavia", country=None),
            W,
        )
        is not None
    )
    assert (
        score(
            lifted,
            D,
            "default",
            cand(1, kind="sanctions", direction="imposed", by="US", target="Belavia", country=None),
            W,
        )
        is None
    )
    assert (
        score(
            lifted,
            D,
            "default",
            cand(1, kind="sanctions", direction="lifted", by="EU", country=None),
            W,
        )
        is None
    )
    bare = Event("sanctions", direction="imposed")
    assert (
        score(bare, D, "default", cand(1, kind="sanctions", direction="imposed", country=None), W)
        is None
    )


def test_event_day_prefers_the_stated_date():
    pub = datetime(2025, 9, 17, 8, tzinfo=UTC)
    assert event_day(Event("pardon", date="2025-09-11"), pub) == date(2025, 9, 11)
    assert event_day(Event("pardon"), pub) == date(2025, 9, 17)


def test_relaxed_mode_forgives_a_country_conflict_only_when_asked():
    ev = Event("pardon", count=5, country="US")
    assert score(ev, D, "default", cand(1, count=5), W) is None
    assert score(ev, D, "default", cand(1, count=5), W, relaxed=True) is not None
    assert (
        score(
            Event("pardon", count=6, country="US"), D, "default", cand(1, count=5), W, relaxed=True
        )
        is None
    )


def test_an_exchange_reported_from_either_side_is_one_event():
    from releasewatch.models import Evidence

    swap = Event(
        "pardon",
        count=8,
        country="RU",
        evidence=Evidence("builtin:pardon", ("обмін",), "Обмін полоненими: 8 українців", "8"),
    )
    assert score(swap, D, "default", cand(1, count=8, country="UA"), W) is not None
    plain = Event(
        "pardon",
        count=8,
        country="RU",
        evidence=Evidence("builtin:pardon", ("freed",), "Russia freed 8", "8"),
    )
    assert score(plain, D, "default", cand(1, count=8, country="UA"), W) is None


def test_one_actors_measures_against_different_countries_stay_apart():
    syria = cand(1, kind="sanctions", direction="imposed", by="EU", country="SY")
    assert (
        score(
            Event("sanctions", direction="imposed", by="EU", country="RU"), D, "default", syria, W
        )
        is None
    )
    # ... but a "country" that is just the actor again is no conflict.
    assert (
        score(
            Event("sanctions", direction="imposed", by="US", country="US", target="Rosneft"),
            D,
            "default",
            cand(1, kind="sanctions", direction="imposed", by="US", country="RU", target="Rosneft"),
            W,
        )
        is not None
    )
