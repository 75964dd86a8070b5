"""Alert text: escaping, links, Telegram's 4096 limit, headline per kind."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest

from releasewatch.format import Source, render_alert, safe_url, tg_len
from releasewatch.models import Event, Evidence

EV = Evidence(rule="builtin:pardon", words=("pardoned",), sentence="…", count_text="25", how="")


def test_seed_story_headline_and_context():
    events = [
        Event("pardon", count=25, country="BY", date="2025-09-16", evidence=EV),
        Event(
            "pardon",
            count=52,
            country="BY",
            date="2025-09-11",
            evidence=Evidence("builtin:pardon", ("release",), "", "52", ""),
        ),
        Event("sanctions", direction="lifted", by="US", target="Belavia"),
        Event("prisoner_count", count=1300, qualifier="about", source="Viasna", country="BY"),
    ]
    src = [Source("Sample Wire", "https://en.news.example/a", "Belarus pardons 25")]
    r = render_alert(events, src, ["builtin:pardon"])
    first = r.plain.splitlines()[0]
    assert first == "🔓 Belarus: 25 prisoners pardoned · 16 Sep 2025"
    assert (
        r.plain.splitlines()[1]
        == "52 freed on 11 Sep 2025 · US lifts sanctions on Belavia · Viasna: ~1,300 political prisoners"
    )
    assert r.links == [{"outlet": "Sample Wire", "url": "https://en.news.example/a"}]
    assert '<a href="https://en.news.example/a">Sample Wire</a>' in r.html
    assert "builtin:pardon" in r.plain and "“pardoned”" in r.plain


def test_prisoner_count_and_sanctions_headlines():
    r = render_alert(
        [Event("prisoner_count", count=853, source="Foro Penal", country="VE")],
        [],
        [],
        fallback_date=datetime(2025, 3, 3, tzinfo=UTC),
    )
    assert r.plain.startswith("📊 Foro Penal: 853 political prisoners in Venezuela · 3 Mar 2025")
    r = render_alert([Event("sanctions", direction="imposed", by="EU", country="RU")], [], [])
    assert r.plain.startswith("⚖️ EU imposes sanctions on Russia")


def test_hostile_feed_text_is_escaped_and_bad_links_dropped():
    title = '<script>alert(1)</script><a href="javascript:x">&amp;</a>'
    src = [
        Source("Evil <b>Outlet</b>", "javascript:alert(1)", title),
        Source("Ok", 'https://x.example/?a=1&b="2"', title),
    ]
    r = render_alert([Event("pardon", count=3, evidence=EV)], src, [])
    assert "<script>" not in r.html and 'href="javascript' not in r.html
    assert html.escape(title) in r.html
    assert [link["url"] for link in r.links] == ['https://x.example/?a=1&b="2"']
    assert 'href="https://x.example/?a=1&amp;b=&quot;2&quot;"' in r.html
    # Only Telegram's tags appear in the markup.
    assert set(re.findall(r"</?([a-z]+)", r.html)) <= {"b", "i", "a"}


@pytest.mark.parametrize("n_sources", [1, 40, 400])
def test_long_alerts_fit_4096_and_tags_stay_balanced(n_sources):
    src = [
        Source(f"Outlet {i} " + "Ж" * 30, f"https://e{i}.example/" + "x" * 150, "T" * 2000)
        for i in range(n_sources)
    ]
    r = render_alert([Event("pardon", count=25, evidence=EV)], src, ["builtin:pardon"])
    assert tg_len(r.html) <= 4096
    for tag in ("b", "i", "a"):
        assert r.html.count(f"<{tag}") == r.html.count(f"</{tag}>")
    if n_sources == 400:  # cannot fit: the source list is cut, and says so
        assert "more" in r.html


def test_tg_len_counts_utf16_after_entities():
    assert tg_len("<b>&amp;</b>") == 1
    assert tg_len("😀") == 2


@pytest.mark.parametrize(
    "url,ok",
    [
        ("https://a.example/x", True),
        ("http://a.example", True),
        ("javascript:alert(1)", False),
        ("data:text/html,x", False),
        ("ftp://a.example", False),
        ("https://", False),
        (None, False),
    ],
)
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok
