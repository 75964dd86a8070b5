"""watchers.parse / watchers.urls over the fixture corpus and hand-made hostile input."""

from __future__ import annotations

import csv
import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from releasewatch.errors import ParseError
from watchers.parse import content_hash, html_to_text, normalise_lang, parse_feed
from watchers.urls import canonical_url

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
REAL = FEEDS / "real"
FETCHED = datetime(2026, 12, 31, 12, 0, tzinfo=UTC)  # after every fixture's newest item

CHECK = {
    row["path"]: row
    for row in csv.DictReader((FEEDS / "PARSE_CHECK.tsv").open(encoding="utf-8"), delimiter="\t")
}
CORPUS = sorted(
    p
    for p in [*(FEEDS / "feedparser").rglob("*"), *REAL.iterdir()]
    if p.is_file() and p.suffix not in (".md", ".opml") and not p.name.startswith("LICENSE")
)
_TAG = re.compile(
    r"<\s*/?\s*(script|img|iframe|a|p|div|style|object|embed|svg)\b|on\w+\s*=|javascript:", re.I
)
_HEADER = re.compile(rb"^Header:\s*([\w-]+):\s*(.*?)\s*$", re.M)


def rel(path: Path) -> str:
    return path.relative_to(FEEDS).as_posix()


def headers_for(path: Path) -> dict[str, str]:
    """HTTP headers a feedparser test file declares in its leading comment."""
    if path.suffix == ".json":
        return {"content-type": "application/json"}
    head = path.read_bytes()[:2000]
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in _HEADER.findall(head)}


def parse_file(name: str, **headers: str) -> object:
    path = REAL / name
    return parse_feed(path.read_bytes(), headers or headers_for(path), fetched_at=FETCHED)


# --- the whole corpus ----------------------------------------------------------------------


def test_corpus_is_complete():
    assert len(CORPUS) == 421  # 400 feedparser files + 21 real feeds (OPML is tested elsewhere)
    assert all(rel(p) in CHECK for p in CORPUS)


@pytest.mark.parametrize("path", CORPUS, ids=rel)
def test_every_fixture_parses_or_raises_parse_error(path: Path):
    expected = int(CHECK[rel(path)]["entries"])
    for headers in (headers_for(path), {}):  # with the declared HTTP headers and without
        try:
            feed = parse_feed(path.read_bytes(), headers, fetched_at=FETCHED)
        except ParseError:
            assert expected == 0, "feedparser finds entries here, parse_feed must too"
            continue
        if expected:
            assert feed.items, "PARSE_CHECK has entries for this file"
        keys = [item.key for item in feed.items]
        assert len(keys) == len(set(keys))
        for item in feed.items:
            assert item.key
            assert item.published.tzinfo is not None and item.published.utcoffset() == timedelta(0)
            assert item.published <= FETCHED + timedelta(days=1)
            assert item.published_from_feed or item.published == FETCHED
            assert item.link is None or item.link.startswith(("http://", "https://"))
            assert item.lang is None or re.fullmatch(r"[a-z]{2}", item.lang)
            assert re.fullmatch(r"[0-9a-f]{32}", item.content_hash)
            assert not _TAG.search(item.title) and not _TAG.search(item.summary), (
                item.title,
                item.summary,
            )


# --- real feeds ------------------------------------------------------------------------------

REAL_LANGS = {
    "de_golem_rss2_iso-8859-1.xml": "de",
    "de_tagesschau_alle-meldungen_rss2_content-encoded.xml": "de",
    "en_bbc-news_front-page_rss2.xml": "en",
    "en_guardian-us_rss2.xml": "en",
    "en_macworld_rss2_leading-whitespace.xml": "en",
    "it_corriere_homepage_rss2_inline-img-description.xml": "it",
    "it_repubblica_homepage_rss2_no-xml-prolog.xml": "it",
    "pl_tvn24_biznes_rss2_utf8-bom_2-digit-year.xml": "pl",
    "pt_jornal-de-noticias_ultimas_rss2_iso-8859-1.xml": "pt",
    "ru_gazeta-ru_lenta_rss2_windows-1251.xml": "ru",
    "ru_lenta-ru_news_rss2_200-items.xml": "ru",
    "ru_meduza_all_rss2_truncated-content.xml": "ru",
    "sk_aktuality_rss2.xml": "sk",
    "zh_qq-news_guonei_rss2_gb2312.xml": "zh",
}


@pytest.mark.parametrize("path", [p for p in CORPUS if p.parent == REAL], ids=lambda p: p.name)
def test_real_feed_item_counts(path: Path):
    feed = parse_feed(path.read_bytes(), headers_for(path), fetched_at=FETCHED)
    expected = 20 if path.suffix == ".json" else int(CHECK[rel(path)]["entries"])
    if path.name.startswith("uk_suspilne"):
        expected -= 1  # the feed lists one article twice (same link, two pubDates): deduped
    assert len(feed.items) == expected
    assert all(item.title for item in feed.items)
    if path.name in REAL_LANGS:
        assert feed.meta.lang == REAL_LANGS[path.name]
        assert {item.lang for item in feed.items} == {REAL_LANGS[path.name]}


def test_windows_1251_decodes_to_cyrillic():
    feed = parse_file("ru_gazeta-ru_lenta_rss2_windows-1251.xml")
    assert feed.items[0].title == "Мэттис: НАТО не является угрозой для России"
    assert feed.items[0].summary.startswith("Министр обороны США в интервью телеканалу CBS News")
    assert not feed.warnings


def test_iso_8859_1_decodes_to_umlauts_and_accents():
    golem = parse_file("de_golem_rss2_iso-8859-1.xml")
    text = " ".join(i.title + i.summary for i in golem.items)
    assert re.search("[äöüß]", text) and "\ufffd" not in text and "Ã" not in text
    jn = parse_file("pt_jornal-de-noticias_ultimas_rss2_iso-8859-1.xml")
    assert jn.items[0].title == "Mãe de utente é a nova presidente da Raríssimas"


def test_latin1_bytes_without_declaration_is_bozo_but_readable():
    feed = parse_file("pt-br_uol-noticias_rss_no-xml-decl_latin1-bytes.xml")
    assert len(feed.items) == 15
    assert any("CharacterEncodingOverride" in w for w in feed.warnings)
    assert feed.items[0].title.startswith("Ibope: Bolsonaro perde de Haddad")
    # Portuguese day/month names ('Seg, 24 Set 2018') do not parse: fetch time is used.
    assert all(not i.published_from_feed and i.published == FETCHED for i in feed.items)


def test_gb2312_decodes_to_chinese():
    feed = parse_file("zh_qq-news_guonei_rss2_gb2312.xml")
    assert feed.items[0].title == "习近平为何如此强调崇尚英雄？"


def test_http_charset_header_is_honoured():
    body = '<rss version="2.0"><channel><item><title>Свабода</title><guid>g</guid></item></channel></rss>'
    feed = parse_feed(
        body.encode("cp1251"),
        {"Content-Type": "text/xml; charset=windows-1251"},
        fetched_at=FETCHED,
    )
    assert feed.items[0].title == "Свабода"


def test_json_feed():
    feed = parse_file("jsonfeed_inessential_v1.json")
    assert feed.parser == "jsonfeed" and len(feed.items) == 20
    first = feed.items[0]
    assert first.title == "James Dempsey and the Breakpoints Benefit App Camp for Girls"
    assert first.link and first.link.startswith("http://inessential.com/2017/06/02/")
    assert (
        first.published == datetime(2017, 6, 3, 5, 5, 47, tzinfo=UTC) and first.published_from_feed
    )
    assert "<" not in first.summary and first.summary.startswith("On Wednesday night")
    # Detected without the content-type too (leading "{" + jsonfeed version).
    again = parse_feed((REAL / "jsonfeed_inessential_v1.json").read_bytes(), {}, fetched_at=FETCHED)
    assert again.items == feed.items


def test_json_feed_1_1_language_and_fallbacks():
    body = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "T", "language": "be-BY",
      "items": [{"id": 7, "content_text": "Released 12 people", "date_published": "2024-05-01T12:00:00+03:00"},
                {"id": "7", "title": "dup"}, {"id": "x", "language": "ru", "url": "javascript:alert(1)"}, 5]}"""
    feed = parse_feed(body, {"content-type": "application/feed+json"}, fetched_at=FETCHED)
    assert [i.key for i in feed.items] == ["7", "x"]
    assert feed.items[0].published == datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    assert feed.items[0].summary == "Released 12 people" and feed.items[0].lang == "be"
    assert feed.items[1].lang == "ru" and feed.items[1].link is None
    assert feed.warnings  # the non-object item


def test_language_fallback_chain():
    def lang_of(body: bytes, **headers: str) -> tuple[str | None, str | None]:
        feed = parse_feed(body, headers, fetched_at=FETCHED)
        return feed.meta.lang, feed.items[0].lang

    item = b"<item><title>t</title><guid>g</guid>%s</item>"
    plain = b'<rss version="2.0"><channel>%s' + item % b"" + b"</channel></rss>"
    assert lang_of(plain % b"<language>en-GB</language>") == ("en", "en")
    assert lang_of(plain % b"", **{"Content-Language": "ru-RU"}) == ("ru", "ru")
    assert lang_of(plain % b"<language>be</language>", **{"Content-Language": "ru"}) == ("be", "be")
    own = b'<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><language>en</language>'
    own += item % b"<dc:language>uk</dc:language>" + b"</channel></rss>"
    assert lang_of(own) == ("en", "uk")
    atom = b'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-AT"><title>x</title>'
    atom += b'<entry xml:lang="fr"><id>a</id><title>t</title></entry></feed>'
    assert lang_of(atom, **{"Content-Language": "en"}) == ("de", "fr")
    assert lang_of(plain % b"") == (None, None)


def test_normalise_lang():
    assert normalise_lang("en-gb") == "en" and normalise_lang(" RU_ru ") == "ru"
    assert (
        normalise_lang("x-default") is None
        and normalise_lang("") is None
        and normalise_lang(None) is None
    )


# --- hostile HTML ----------------------------------------------------------------------------

HOSTILE = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Evil &lt;b&gt;feed&lt;/b&gt;</title>
<item>
 <title>&lt;script&gt;alert(1)&lt;/script&gt;Pardon &lt;b&gt;granted&lt;/b&gt; &amp;amp; more</title>
 <link>javascript:alert(document.cookie)</link>
 <description><![CDATA[<p>First paragraph <img src=x onerror="alert(1)"> with
   <a href="javascript:alert(2)">a link</a>.</p><script>steal()</script><style>p{}</style>
   <p>Second&nbsp;paragraph &lt;iframe src=//evil&gt;</p><!-- comment --><iframe src="//evil">fallback</iframe>]]></description>
</item>
<item><title>Data link</title><link>data:text/html;base64,PHNjcmlwdD4=</link><description>x</description></item>
</channel></rss>"""


def test_hostile_html_becomes_plain_text():
    feed = parse_feed(HOSTILE, {}, fetched_at=FETCHED)
    first, second = feed.items
    assert first.title == "Pardon granted & more"
    assert first.summary == "First paragraph with a link.\nSecond paragraph"
    assert first.link is None and second.link is None
    assert feed.meta.title == "Evil feed"
    for text in (first.title, first.summary):
        assert "<" not in text and ">" not in text and "alert" not in text and "steal" not in text


def test_html_to_text():
    assert html_to_text("<p>a</p><p>b<br>c</p>") == "a\nb\nc"
    assert (
        html_to_text("  lots \n\n of   <b>space</b>  ") == "lots of space"
    )  # HTML: newline = space
    assert html_to_text("plain line one\n\n  line   two ") == "plain line one\nline two"
    assert html_to_text("&lt;p&gt;double &amp;amp; escaped&lt;/p&gt;") == "double & escaped"
    assert html_to_text("5 < 6 and AT&T") == "5 < 6 and AT&T"
    assert html_to_text(None) == "" and html_to_text("") == ""


def test_content_encoded_used_when_description_is_short():
    body = b"""<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
    <item><guid>a</guid><title>t</title><description>Read more</description>
    <content:encoded><![CDATA[<p>Twenty political prisoners were released on Tuesday, the human rights group said.</p>
    <p>More details.</p>]]></content:encoded></item>
    <item><guid>b</guid><title>t</title><description>A description that is long enough to stand on its own, so the
    full content is not needed at all here.</description><content:encoded>Other</content:encoded></item>
    </channel></rss>"""
    a, b = parse_feed(body, {}, fetched_at=FETCHED).items
    assert a.summary.startswith("Twenty political prisoners were released") and a.summary.endswith(
        "\nMore details."
    )
    assert b.summary.startswith("A description that is long enough")


def test_tagesschau_content_encoded_is_plain_text():
    feed = parse_file("de_tagesschau_alle-meldungen_rss2_content-encoded.xml")
    assert all(i.summary and "<" not in i.summary for i in feed.items)


# --- keys, links, hashes ---------------------------------------------------------------------


def rss(*items: str) -> bytes:
    return (
        '<rss version="2.0"><channel><title>c</title>' + "".join(items) + "</channel></rss>"
    ).encode()


def test_key_rules():
    feed = parse_feed(
        rss(
            "<item><guid isPermaLink='false'>urn:uuid:1</guid><link>https://a.example/x</link><title>A</title></item>",
            "<item><link>HTTPS://News.Example:443/a?utm_source=rss&amp;b=2&amp;a=1&amp;fbclid=z#top</link>"
            "<title>B</title></item>",
            "<item><title>C</title><description>no link, no guid</description></item>",
            "<item><guid>urn:uuid:1</guid><title>duplicate of A</title></item>",
        ),
        {},
        fetched_at=FETCHED,
    )
    a, b, c = feed.items
    assert a.key == "urn:uuid:1" and a.title == "A"  # duplicate key: first one kept
    assert b.key == b.link == "https://news.example/a?a=1&b=2"
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", c.key) and c.link is None
    again = parse_feed(
        rss("<item><title>C</title><description>no link, no guid</description></item>"),
        {},
        fetched_at=FETCHED,
    )
    assert again.items[0].key == c.key  # stable across fetches


def test_relative_link_resolved_with_base_url():
    body = rss("<item><title>r</title><link>/news/1?utm_medium=x</link></item>")
    feed = parse_feed(body, {}, fetched_at=FETCHED, base_url="https://Site.example/feed.xml")
    assert feed.items[0].link == "https://site.example/news/1"
    assert parse_feed(body, {}, fetched_at=FETCHED).items[0].link is None  # relative, no base


def test_same_article_in_two_feeds_has_same_content_hash():
    one = rss(
        "<item><guid>1</guid><title>Lukashenko  pardons 18</title><description><![CDATA[<p>Eighteen people</p>]]></description></item>"
    )
    two = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><id>tag:2</id>'
        b'<title type="html">LUKASHENKO pardons 18</title><summary>Eighteen\n   people</summary></entry></feed>'
    )
    a = parse_feed(one, {}, fetched_at=FETCHED).items[0]
    b = parse_feed(two, {}, fetched_at=FETCHED).items[0]
    assert a.key != b.key and a.content_hash == b.content_hash
    assert content_hash("x", "y") != content_hash("x", "z")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://Example.COM:80/a/b?z=1&y=2#frag", "http://example.com/a/b?y=2&z=1"),
        ("https://example.com:443", "https://example.com/"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        (
            "https://e.com/p?utm_source=tw&utm_campaign=x&gclid=1&yclid=2&mc_cid=3&mc_eid=4&_ga=5&ref=rss"
            "&cmpid=6&at_medium=7&fbclid=8&id=42",
            "https://e.com/p?id=42",
        ),
        ("https://e.com/p?q=a%20b&UTM_Source=x", "https://e.com/p?q=a%20b"),
        ("https://user:pw@e.com/p", "https://e.com/p"),
        ("http://[2001:DB8::1]:80/", "http://[2001:db8::1]/"),
        ("  https://e.com/p  ", "https://e.com/p"),
        ("http://[bad", "http://[bad"),  # never raises
    ],
)
def test_canonical_url(url: str, expected: str):
    assert canonical_url(url) == expected


# --- dates ---------------------------------------------------------------------------------


def item_dates(*pubdates: str) -> list[tuple[datetime, bool]]:
    items = [
        f"<item><guid>{i}</guid><title>t{i}</title><pubDate>{d}</pubDate></item>"
        for i, d in enumerate(pubdates)
    ]
    feed = parse_feed(rss(*items), {}, fetched_at=FETCHED)
    return [(i.published, i.published_from_feed) for i in feed.items]


def test_dates_to_utc():
    assert item_dates(
        "Tue, 02 Apr 2019 13:42:00 +0200",
        "Tue, 02 Apr 19 13:42:00 +0200",
        "Wed, 1 May 2024 10:00:00 EST",
    ) == [
        (datetime(2019, 4, 2, 11, 42, tzinfo=UTC), True),
        (datetime(2019, 4, 2, 11, 42, tzinfo=UTC), True),  # two-digit year
        (datetime(2024, 5, 1, 15, 0, tzinfo=UTC), True),
    ]


def test_two_digit_year_in_real_feed():
    feed = parse_file("pl_tvn24_biznes_rss2_utf8-bom_2-digit-year.xml")
    assert feed.items[0].published == datetime(2019, 4, 2, 11, 42, tzinfo=UTC)


def test_bad_and_future_dates_fall_back_to_fetch_time():
    soon = (FETCHED + timedelta(hours=12)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    later = (FETCHED + timedelta(days=30)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    assert item_dates("not a date", later, soon) == [
        (FETCHED, False),
        (FETCHED, False),
        (FETCHED + timedelta(hours=12), True),  # within the 1-day clock-skew allowance
    ]
    none = parse_feed(
        rss("<item><guid>g</guid><title>t</title></item>"), {}, fetched_at=FETCHED
    ).items[0]
    assert (none.published, none.published_from_feed) == (FETCHED, False)


def test_updated_used_when_no_published():
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><id>a</id><title>t</title>'
        b"<updated>2024-05-01T12:00:00+03:00</updated></entry></feed>"
    )
    item = parse_feed(atom, {}, fetched_at=FETCHED).items[0]
    assert item.published == datetime(2024, 5, 1, 9, 0, tzinfo=UTC) and item.published_from_feed


def test_naive_fetched_at_is_taken_as_utc():
    item = parse_feed(
        rss("<item><guid>g</guid></item>"), {}, fetched_at=datetime(2024, 1, 1)
    ).items[0]
    assert item.published == datetime(2024, 1, 1, tzinfo=UTC)


# --- not a feed, fuzzing -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "headers", "message"),
    [
        (b"", {}, "empty"),
        (b"  \n ", {}, "empty"),
        (
            b"<!DOCTYPE html><html><head><title>Hi</title></head><body><p>page</p></body></html>",
            {},
            "HTML page",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00garbage", {}, "not a feed"),
        (b'{"hello": "world"}', {"content-type": "application/json"}, "JSON Feed version"),
        (
            b'{"version": "https://jsonfeed.org/version/1", ',
            {"content-type": "application/feed+json"},
            "invalid JSON",
        ),
        (b"just some text", {"content-type": "text/plain"}, "not a feed"),
    ],
)
def test_not_a_feed(body: bytes, headers: dict[str, str], message: str):
    with pytest.raises(ParseError, match=message):
        parse_feed(body, headers, fetched_at=FETCHED)


def test_body_that_looks_like_a_path_is_not_opened(tmp_path: Path):
    # feedparser.parse(bytes) tries open(bytes) first; parse_feed must never read files.
    feed_file = tmp_path / "feed.xml"
    feed_file.write_bytes(rss("<item><guid>secret</guid><title>local file</title></item>"))
    with pytest.raises(ParseError):
        parse_feed(str(feed_file).encode(), {}, fetched_at=FETCHED)


def test_feed_entities_are_not_expanded_exponentially():
    bomb = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">
    <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
    <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
    <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>
    <rss version="2.0"><channel><item><guid>1</guid><title>&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;</title></item></channel></rss>"""
    try:
        feed = parse_feed(bomb, {}, fetched_at=FETCHED)
    except ParseError:
        return
    assert all(len(i.title) < 1_000_000 for i in feed.items)


def test_fuzz_random_bytes_and_truncations():
    rng = random.Random(1234)
    samples = [
        (REAL / name).read_bytes()
        for name in (
            "ru_gazeta-ru_lenta_rss2_windows-1251.xml",
            "de_heise-online_atom.xml",
            "jsonfeed_inessential_v1.json",
        )
    ]
    cases: list[bytes] = [
        bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 300))) for _ in range(60)
    ]
    for data in samples:
        cases += [data[: rng.randint(0, len(data))] for _ in range(8)]
        for _ in range(6):  # flip a few bytes
            mutated = bytearray(data[:20000])
            for _ in range(20):
                mutated[rng.randrange(len(mutated))] = rng.getrandbits(8)
            cases.append(bytes(mutated))
    cases += [
        b"<",
        b"<rss",
        b"{",
        b'{"version": "https://jsonfeed.org/version/1", "items": {}}',
        b"\xef\xbb\xbf",
        b"\x00" * 50,
    ]
    for data in cases:
        for headers in (
            {},
            {"content-type": "application/feed+json"},
            {"content-type": "text/xml; charset=bogus"},
        ):
            try:
                parse_feed(data, headers, fetched_at=FETCHED)
            except ParseError:
                pass


def test_non_bytes_body_is_a_parse_error():
    with pytest.raises(ParseError):
        parse_feed("text", {}, fetched_at=FETCHED)  # type: ignore[arg-type]
