"""watchers.opml: import the NetNewsWire fixture, refuse entity bombs, round-trip export."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from releasewatch.errors import ParseError
from watchers.opml import OpmlFeed, export_opml, parse_opml
from watchers.urls import canonical_url

FIXTURE = Path(__file__).parent / "fixtures/feeds/real/opml_netnewswire-subs_nested-folders.opml"


def test_fixture_imports_every_feed_once():
    data = FIXTURE.read_bytes()
    feeds = parse_opml(data)
    raw_urls = [o.get("xmlUrl") for o in ET.fromstring(data).iter("outline") if o.get("xmlUrl")]
    assert len(raw_urls) == 207
    # 207 outlines, one listed twice ("http://feed.katiefloyd.com" and ".../"): 206 feeds.
    assert len(feeds) == 206
    assert {canonical_url(f.url) for f in feeds} == {canonical_url(u) for u in raw_urls}
    assert len({canonical_url(f.url) for f in feeds}) == len(feeds)
    by_url = {f.url: f for f in feeds}
    assert by_url["http://daringfireball.net/feeds/main"] == OpmlFeed(
        "http://daringfireball.net/feeds/main", "Daring Fireball", None
    )
    assert by_url["https://medium.com/feed/swift-programming"].folder == "Programming"
    assert {f.folder for f in feeds} == {None, "Programming", "Macintosh", "Weblogs", "Writers"}


def test_nested_folders_flattened_and_non_http_skipped():
    data = b"""<?xml version="1.0"?><opml version="2.0"><head/><body>
      <outline text="News"><outline title="Belarus"><outline text="Viasna" xmlUrl="https://spring96.org/rss"/>
        </outline><outline text="Top" xmlURL="http://example.com/top.xml"/></outline>
      <outline text="Mail" xmlUrl="mailto:x@example.com"/>
      <outline text="Dup" xmlUrl="https://SPRING96.org/rss#x"/>
    </body></opml>"""
    assert parse_opml(data) == [
        OpmlFeed("https://spring96.org/rss", "Viasna", "News / Belarus"),
        OpmlFeed("http://example.com/top.xml", "Top", "News"),
    ]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE opml [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<opml version="1.0"><head><title>&lol9;</title></head><body>
<outline text="&lol9;" xmlUrl="http://example.com/feed"/></body></opml>"""


def test_billion_laughs_refused():
    with pytest.raises(ParseError, match="billion-laughs"):
        parse_opml(BILLION_LAUGHS)


def test_external_entity_refused():
    xxe = b"""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <opml version="1.0"><body><outline text="&x;" xmlUrl="http://example.com/f"/></body></opml>"""
    with pytest.raises(ParseError):
        parse_opml(xxe)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"<opml><body>", "not valid XML"),
        (b"<rss version='2.0'><channel/></rss>", "not an OPML"),
        (b"<opml version='1.0'><head/></opml>", "no <body>"),
        (b"\x00\xff\xfe garbage", "not valid XML"),
    ],
)
def test_bad_opml(data, message):
    with pytest.raises(ParseError, match=message):
        parse_opml(data)


def test_size_limit():
    with pytest.raises(ParseError, match="too large"):
        parse_opml(FIXTURE.read_bytes(), max_bytes=1000)


def test_export_import_round_trip():
    feeds = [
        ("https://spring96.org/be/rss", "Вясна — навіны"),
        ("http://example.com/feed?a=1&b=2", 'Quotes "and" <angles> & ampersands'),
        ("https://example.org/atom.xml", None),
    ]
    data = export_opml(feeds)
    assert data.startswith(b"<?xml") and b"<opml" in data
    back = parse_opml(data)
    assert [(f.url, f.title) for f in back] == [
        feeds[0],
        feeds[1],
        ("https://example.org/atom.xml", "https://example.org/atom.xml"),  # title falls back to URL
    ]
    assert all(f.folder is None for f in back)


def test_fixture_round_trip():
    feeds = parse_opml(FIXTURE.read_bytes())
    again = parse_opml(export_opml((f.url, f.title) for f in feeds))
    assert [(f.url, f.title) for f in again] == [(f.url, f.title) for f in feeds]
