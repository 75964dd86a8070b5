"""Feed bytes -> :class:`~releasewatch.models.ParsedFeed`. Pure: no network, no clock.

RSS 0.9x/1.0/2.0 and Atom go through feedparser; JSON Feed 1.0/1.1 is read with
:mod:`json`. Every text field comes out as plain text (nh3 strips markup, so a
``<script>`` in a summary can never reach the Telegram message as markup), every link is
an http(s) URL or ``None``, every date is aware UTC.

Any failure is reported as :class:`~releasewatch.errors.ParseError`; nothing else
escapes :func:`parse_feed`.
"""

from __future__ import annotations

import calendar
import codecs
import hashlib
import html
import io
import json
import re
import urllib.parse
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser
import nh3

try:  # optional fast path: without it every feed goes through feedparser
    import feedparser_rs as _fast
except ImportError:  # pragma: no cover - depends on the installed extras
    _fast = None

from releasewatch.errors import ParseError
from releasewatch.models import FeedMeta, Item, ParsedFeed
from watchers.urls import canonical_url, is_http_url

JSONFEED_PREFIX = "https://jsonfeed.org/version/"
MAX_FUTURE = timedelta(days=1)
SHORT_SUMMARY = 80  # below this many characters, content:encoded is preferred
MAX_KEY_LENGTH = 512
FAST_PARSER = "feedparser-rs"
# Module switch (benchmarks and tests flip it); the fast path also needs feedparser-rs.
FAST_PATH_ENABLED = True

# Tags whose *content* is never text a reader sees.
_DROP_CONTENT = {
    "script",
    "style",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "applet",
    "noembed",
    "noframes",
}
_BLOCK = re.compile(
    r"<\s*(?:br|hr|/?p|/?div|/?li|/?ul|/?ol|/?h[1-6]|/?tr|/?blockquote|/?pre|/?section|/?article|/?table|/?figure)\b[^>]*>",
    re.IGNORECASE,
)
_TAG_LIKE = re.compile(r"<\s*/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?\s*>|<!--")
_LANG = re.compile(r"[a-z]{2}")
# Text nh3 would hand back unchanged (checked by fuzzing against the full path): no markup,
# no entity, no NUL (dropped), no lone surrogate (an error), no leading BOM (stripped).
_NEEDS_CLEANING = re.compile("[<&\x00\ud800-\udfff]")


def html_to_text(value: str | None) -> str:
    """Reduce (possibly hostile) HTML to plain text; paragraph breaks become newlines."""
    if not value:
        return ""
    if value[0] != "\ufeff" and not _NEEDS_CLEANING.search(value):
        # Plain text (most titles): only the whitespace rules below apply.
        if "\n" not in value and "\r" not in value:
            return " ".join(value.split())
        return _text_lines(value)
    text = value
    # Up to three rounds: double-escaped HTML ("&lt;p&gt;") is common in feeds and would
    # otherwise come out as literal tags after the first unescape.
    for round_ in range(3):
        if round_ == 0 and _TAG_LIKE.search(text):
            # In HTML a newline is just a space; only block tags make paragraph breaks.
            text = " ".join(text.split())
        marked = _BLOCK.sub("\n", text)
        cleaned = nh3.clean(
            marked, tags=set(), clean_content_tags=_DROP_CONTENT, attributes={}, strip_comments=True
        )
        text = html.unescape(cleaned)
        if not _TAG_LIKE.search(text):
            break
    else:
        text = _TAG_LIKE.sub(" ", text)
    return _text_lines(text)


def _text_lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def content_hash(title: str, summary: str) -> str:
    norm = f"{_collapse(title).casefold()}\n{_collapse(summary).casefold()}"
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def normalise_lang(value: Any) -> str | None:
    """'en-GB' / 'en_US' / ' RU ' -> 'en' / 'en' / 'ru'; anything else -> None."""
    if not isinstance(value, str):
        return None
    primary = re.split(r"[-_,;\s]", value.strip().lower(), maxsplit=1)[0]
    return primary if _LANG.fullmatch(primary) else None


def _first_lang(candidates: Iterable[Any]) -> str | None:
    for cand in candidates:
        lang = normalise_lang(cand)
        if lang:
            return lang
    return None


# An absolute http(s) URL already in canonical form, but for a missing "/" path: lower-case
# host, no port, user info, query, fragment, params or whitespace. For these (most item
# links and guids) canonical_url, is_http_url and urljoin are known without urllib
# (checked by fuzzing against them).
_PLAIN_HTTP = re.compile(
    r"https?://[a-z0-9-]+(?:\.[a-z0-9-]+)*(/[\x21\x22\x24-\x3a\x3c-\x3e\x40-\x7e]*)?"
)


def _http_link(url: Any) -> str | None:
    if not isinstance(url, str):
        return None
    plain = _PLAIN_HTTP.fullmatch(url)
    if plain:
        return url if plain.group(1) else url + "/"
    if not is_http_url(url):
        return None
    return canonical_url(url)


def _make_key(ident: Any, link: str | None, title: str, summary: str) -> str:
    if ident is not None and not isinstance(ident, (dict, list)):
        key = str(ident).strip()
        if key:
            # Absurdly long guids would bloat the database index; hash them instead.
            if len(key) > MAX_KEY_LENGTH:
                return "sha256:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
            return key
    if link:
        return link
    digest = hashlib.sha256(f"{title}\n{summary}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256:{digest}"


def _pick_date(
    candidates: Iterable[datetime | None], fetched_at: datetime
) -> tuple[datetime, bool]:
    for when in candidates:
        if when is not None and when <= fetched_at + MAX_FUTURE:
            return when, True
    return fetched_at, False


def _headers(headers: Mapping[str, str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in (headers or {}).items():
        if isinstance(k, str) and isinstance(v, str):
            out[k.lower()] = v
    return out


def parse_feed(
    body: bytes,
    headers: Mapping[str, str],
    *,
    fetched_at: datetime,
    base_url: str | None = None,
) -> ParsedFeed:
    """Parse feed ``body``; ``headers`` are the HTTP response headers (any case).

    ``base_url`` (optional, usually the fetched URL) resolves relative item links.
    Raises :class:`ParseError` when the bytes are not a feed.

    RSS/Atom go through feedparser-rs when it is installed and the feed is plain enough
    (see :func:`_fast_body` and :func:`_from_fast_parser`); anything it reports as
    odd goes through feedparser, so the result is feedparser's wherever they could differ.
    """
    mode = "auto" if FAST_PATH_ENABLED else "feedparser"
    return parse_feed_with(mode, body, headers, fetched_at=fetched_at, base_url=base_url)


def parse_feed_with(
    mode: str,
    body: bytes,
    headers: Mapping[str, str],
    *,
    fetched_at: datetime,
    base_url: str | None = None,
) -> ParsedFeed:
    """:func:`parse_feed` with the parser chosen: ``auto`` (fast path with fallback),
    ``feedparser`` (reference path only) or ``fast`` (fast path, ``ParseError`` where it
    would fall back). For tests and benchmarks that compare the two paths."""
    if fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=UTC)
    fetched_at = fetched_at.astimezone(UTC)
    try:
        if not isinstance(body, (bytes, bytearray, memoryview)):
            raise ParseError(f"feed body must be bytes, not {type(body).__name__}")
        body = bytes(body)
        if not body.strip():
            raise ParseError("empty body: not a feed")
        hdrs = _headers(headers)
        jsonfeed = _maybe_json_feed(body, hdrs)
        if jsonfeed is not None:
            return _from_json_feed(jsonfeed, hdrs, fetched_at)
        if mode != "feedparser":
            fast_body = _fast_body(body)
            fast = (
                _from_fast_parser(body, fast_body, hdrs, fetched_at, base_url)
                if fast_body is not None
                else None
            )
            if fast is not None:
                return fast
            if mode == "fast":
                raise ParseError("fast path declined this feed")
        return _from_feedparser(body, hdrs, fetched_at, base_url)
    except ParseError:
        raise
    except Exception as exc:  # any parser bug on hostile input must stay a ParseError
        raise ParseError(f"could not parse feed: {type(exc).__name__}: {exc}"[:300]) from exc


# --- RSS / Atom -------------------------------------------------------------------------


def _from_feedparser(
    body: bytes, hdrs: dict[str, str], fetched_at: datetime, base_url: str | None
) -> ParsedFeed:
    fp_headers = dict(hdrs)
    if base_url and is_http_url(base_url) and "content-location" not in fp_headers:
        fp_headers["content-location"] = base_url
    # A BytesIO, never bytes: feedparser.parse() tries open() on bytes first, so a body
    # like b"/etc/passwd" would be read as a local file name. nh3 does the sanitising,
    # so feedparser's slower sanitizer and URI rewriting inside content are off.
    d = feedparser.parse(
        io.BytesIO(body),
        response_headers=fp_headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    entries = d.get("entries") or []
    version = d.get("version") or ""
    if not version and not entries:
        exc = d.get("bozo_exception")
        why = f" ({type(exc).__name__}: {exc})"[:200] if exc else ""
        head = body[:200].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
            raise ParseError("not a feed: got an HTML page" + why)
        raise ParseError("not a feed: no RSS/Atom/JSON Feed found" + why)
    warnings: list[str] = []
    if d.get("bozo"):
        exc = d.get("bozo_exception")
        warnings.append(f"{type(exc).__name__}: {exc}"[:300] if exc else "bozo feed")
    return _build(d.get("feed") or {}, entries, hdrs, fetched_at, warnings, "feedparser")


def _build(
    feed: Mapping[str, Any],
    entries: Iterable[Any],
    hdrs: dict[str, str],
    fetched_at: datetime,
    warnings: list[str],
    parser: str,
) -> ParsedFeed:
    """Feedparser-shaped feed and entries (either parser) -> ParsedFeed."""
    header_lang = hdrs.get("content-language")
    feed_lang = _first_lang(
        [
            feed.get("language"),
            (feed.get("title_detail") or {}).get("language"),
            (feed.get("subtitle_detail") or {}).get("language"),
            header_lang,
        ]
    )
    meta = FeedMeta(
        title=html_to_text(feed.get("title")) or None,
        link=_http_link(feed.get("link")),
        lang=feed_lang,
    )
    items: list[Item] = []
    seen: set[str] = set()
    for entry in entries:
        item = _entry_to_item(entry, header_lang, feed_lang, fetched_at)
        if item.key not in seen:
            seen.add(item.key)
            items.append(item)
    return ParsedFeed(meta=meta, items=tuple(items), warnings=tuple(warnings), parser=parser)


def _struct_to_dt(value: Any) -> datetime | None:
    try:
        # feedparser's *_parsed are UTC struct_times.
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _entry_to_item(
    entry: Any, header_lang: str | None, feed_lang: str | None, fetched_at: datetime
) -> Item:
    title = html_to_text(entry.get("title"))
    summary = html_to_text(entry.get("summary"))
    if len(summary) < SHORT_SUMMARY:
        for content in entry.get("content") or []:
            text = html_to_text(content.get("value") if isinstance(content, dict) else None)
            if len(text) > len(summary):
                summary = text
    link = _http_link(entry.get("link"))
    if link is None:
        for candidate in entry.get("links") or []:
            if isinstance(candidate, dict) and candidate.get("rel", "alternate") == "alternate":
                link = _http_link(candidate.get("href"))
                if link:
                    break
    published, from_feed = _pick_date(
        # dict.get: FeedParserDict maps a missing updated_parsed to published_parsed
        # (with a DeprecationWarning); we want the real field or nothing.
        (
            _struct_to_dt(dict.get(entry, k))
            for k in ("published_parsed", "updated_parsed", "created_parsed")
        ),
        fetched_at,
    )
    details = [
        entry.get("title_detail"),
        entry.get("summary_detail"),
        *(entry.get("content") or []),
    ]
    # A detail's language may just be inherited from Content-Language; that ranks last.
    own = [d.get("language") for d in details if isinstance(d, dict)]
    own = [lang for lang in own if normalise_lang(lang) != normalise_lang(header_lang)]
    lang = _first_lang([entry.get("language"), *own]) or feed_lang
    return Item(
        key=_make_key(entry.get("id"), link, title, summary),
        title=title,
        summary=summary,
        link=link,
        published=published,
        lang=lang,
        content_hash=content_hash(title, summary),
        published_from_feed=from_feed,
    )


# --- RSS / Atom fast path ---------------------------------------------------------------
# feedparser-rs is ~25x faster than feedparser on news feeds, with the same field names.
# It is trusted only where it cannot differ from feedparser in what we keep: anything it
# flags (bozo), finds empty, truncates, or decodes against the HTTP charset goes through
# feedparser instead. tests/test_parse_fastpath.py compares both paths item by item.

_CHARSET = re.compile(r";\s*charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_FAST_LIMITS = (
    _fast.ParserLimits(max_feed_size_bytes=1 << 30, max_entries=10_000, max_links_per_entry=50)
    if _fast is not None
    else None
)
_FAST_MAX_ENTRIES = 10_000


def fast_path_available() -> bool:
    return _fast is not None


# Empty elements feedparser-rs 0.7 reads correctly as written. Any other self-closing
# element (<category/>, <comments/>, <guid/>, <dc:creator/> ...) makes it swallow the
# *next* element of the item, title or link included, without a bozo flag. Written as a
# start and an end tag (<category></category>, the same thing in XML) it is read right,
# so the fast path parses a copy with those rewritten (see :func:`_fast_body`).
_SAFE_EMPTY = frozenset(
    {
        b"atom:link",
        b"atom10:link",
        b"enclosure",
        b"media:thumbnail",
        b"media:content",
        b"itunes:image",
        b"img",  # inside escaped/CDATA HTML, i.e. text
        b"br",
        b"hr",
    }
)
# A self-closing element (attribute values may hold '>' when quoted); CDATA sections and
# comments are matched as a whole so that nothing inside them is ever rewritten.
_SELF_CLOSING = re.compile(
    rb"<!\[CDATA\[.*?\]\]>|<!--.*?-->"
    rb"|<([A-Za-z][\w:.-]*)((?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?)/>",
    re.DOTALL,
)
# Constructs feedparser reads and feedparser-rs does not (or reads differently): base64
# content, xml:base, item-level dc:language (the channel's is checked in
# _channel_lang_ok), dcterms dates other than dcterms:modified (see _from_fast_parser),
# xhtml:body, podcast chapters, C1 character references that feedparser maps from
# windows-1252.
_FAST_UNSUPPORTED = (
    b"base64",
    b"xml:base",
    b"xhtml:body",
    b"simple-chapters",
)
_C1_REFS = re.compile(rb"&#(?:1[2-5]\d|[xX][89][0-9a-fA-F]);")
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_PERMALINK = re.compile(rb"ispermalink", re.IGNORECASE)
# An item's text element that is empty in the source (after _fast_body's rewrite of
# <description/>): an entry without text is then the feed's own, not a parser quirk.
_EMPTY_TEXT = re.compile(
    rb"<(description|summary|content:encoded|content)(?:\s[^>]*)?>\s*"
    rb"(?:<!\[CDATA\[\s*\]\]>\s*)?</\1\s*>"
)
_URIFIXER = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)(/*)(.*?)")
_LANG_OPEN = re.compile(rb"<(?:dc:)?language\b", re.IGNORECASE)
_LANG_ELEMENT = re.compile(
    rb"<(?:dc:)?language\b[^<>]*>([^<]*)</(?:dc:)?language\s*>", re.IGNORECASE
)
_DCTERMS_MODIFIED = (b"xmlns:dcterms", b"<dcterms:modified", b"</dcterms:modified")


def _fast_body(body: bytes) -> bytes | None:
    """The bytes to give feedparser-rs (empty elements rewritten), or None where
    feedparser must parse the feed instead."""
    # Markup only: feedparser-rs fetches a *URL* given as source, so never hand it
    # anything that does not start like XML (JSON Feed was handled before this).
    if _fast is None or body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"<":
        return None
    # Plain substring tests (memchr speed); a regex alternation here cost more than parsing.
    if any(marker in body for marker in _FAST_UNSUPPORTED) or _C1_REFS.search(body):
        return None
    if b"dc:language" in body and not _channel_lang_ok(body):
        return None
    if b"dcterms" in body and body.count(b"dcterms") != sum(map(body.count, _DCTERMS_MODIFIED)):
        return None
    if b"/>" not in body:
        return body
    atom = b"<feed" in body[:4096]  # Atom's <link href=.../> is read right as it is

    def expand(m: re.Match[bytes]) -> bytes:
        name = m.group(1)
        if name is None:
            return m.group(0)  # CDATA or comment: text, left alone
        low = name.lower()
        if low in _SAFE_EMPTY or (atom and low == b"link"):
            return m.group(0)
        return b"<" + name + m.group(2) + b"></" + name + b">"

    return _SELF_CLOSING.sub(expand, body)


def _channel_lang_ok(body: bytes) -> bool:
    """dc:language only ahead of the first item, and every language element there means
    the same language: feedparser (last one wins) and feedparser-rs (<language> wins)
    then agree on the feed's language and on what items inherit."""
    ends = [i for i in (body.find(b"<item"), body.find(b"<entry")) if i >= 0]
    head = body[: min(ends)] if ends else body
    if b"dc:language" in body[len(head) :]:
        return False
    values = _LANG_ELEMENT.findall(head)
    if len(values) != len(_LANG_OPEN.findall(head)):
        return False  # CDATA, markup or a comment inside: not worth reading here
    langs = {normalise_lang(v.decode("utf-8", "replace")) for v in values}
    return len(langs) == 1


def _urljoin(base: str, uri: str) -> str:
    # feedparser.urls._urljoin, which feedparser applies to every entry id (guid/id).
    if _PLAIN_HTTP.fullmatch(uri):
        return uri  # absolute with a host: urljoin gives it back as it is
    uri = _URIFIXER.sub(r"\1\3", uri)
    try:
        return urllib.parse.urljoin(base, uri)
    except ValueError:
        return ""


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return "?" + name.strip().lower()


def _detail(obj: Any) -> dict[str, Any] | None:
    # TextConstruct / Content -> the plain dict feedparser would have given.
    if obj is None:
        return None
    return {"value": getattr(obj, "value", None), "language": getattr(obj, "language", None)}


def _fast_entry(entry: Any) -> dict[str, Any]:
    """A feedparser-rs Entry as the dict :func:`_entry_to_item` reads."""
    return {
        "id": entry.id,
        "title": entry.title,
        "title_detail": _detail(entry.title_detail),
        "summary": entry.summary,
        "summary_detail": _detail(entry.summary_detail),
        "content": [_detail(c) for c in entry.content or ()],
        "link": entry.link,
        "links": [{"rel": ln.rel or "alternate", "href": ln.href} for ln in entry.links or ()],
        "published_parsed": entry.published_parsed,
        "updated_parsed": entry.updated_parsed,
        "created_parsed": entry.created_parsed,
        "language": entry.get("language"),
    }


def _from_fast_parser(
    body: bytes,
    fast_body: bytes,
    hdrs: dict[str, str],
    fetched_at: datetime,
    base_url: str | None,
) -> ParsedFeed | None:
    """feedparser-rs result for ``fast_body`` (``body`` as :func:`_fast_body` rewrote
    it), or None where feedparser must decide instead."""
    assert _fast is not None
    try:
        d = _fast.parse_with_limits(
            fast_body, limits=_FAST_LIMITS, sanitize_html=False, resolve_relative_uris=False
        )
    except Exception:  # a fast-parser bug is a reason to fall back, never a failure
        return None
    entries = d.entries or []
    if d.bozo or not d.version or not entries or len(entries) >= _FAST_MAX_ENTRIES:
        return None
    declared = _CHARSET.search(hdrs.get("content-type", ""))
    if declared and _codec(declared.group(1)) != _codec(d.encoding):
        return None  # the HTTP charset overrides the document's: feedparser's rules apply
    try:
        # feedparser-rs replaces undecodable bytes silently (no bozo); feedparser notices
        # and retries other encodings (latin-1 served as UTF-8 is common). C-speed check.
        body.decode(d.encoding or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return None
    if _codec(d.encoding) in ("latin_1", "iso8859-1") and _C1_BYTES.search(body):
        return None  # feedparser reads these bytes as windows-1252 ("smart quotes")
    if d.version.startswith("rss") and b"<summary" in body:
        return None  # RSS with both <description> and <summary>: feedparser keeps the first
    # feedparser resolves every guid (unless isPermaLink="false") against the base URL.
    base = hdrs.get("content-location") or (base_url if base_url and is_http_url(base_url) else "")
    permalink_attr = _PERMALINK.search(body) is not None
    # feedparser reads dcterms:modified as the entry's updated date, which feedparser-rs
    # ignores: the same only where the published date is taken first anyway.
    latest = fetched_at + MAX_FUTURE if b"dcterms:modified" in body else None
    raw = [_fast_entry(e) for e in entries]
    textless = sum(1 for e in raw if not (e["summary"] or e["content"]))
    if textless and textless > len(_EMPTY_TEXT.findall(fast_body)):
        return None  # more entries without text than empty elements: a quirk may have hidden some
    for entry in raw:
        link = entry["link"]
        if not link or not (_PLAIN_HTTP.fullmatch(link) or is_http_url(link)):
            return None  # missing, relative or odd link: feedparser resolves it
        if not entry["title"]:
            return None  # possibly swallowed by a parser quirk: let feedparser look
        if not (entry["published_parsed"] or entry["updated_parsed"] or entry["created_parsed"]):
            return None  # a date format feedparser-rs does not read (or none at all)
        if latest is not None:
            published = _struct_to_dt(entry["published_parsed"])
            if published is None or published > latest:
                return None
        ident = entry["id"]
        if isinstance(ident, str) and ident:
            resolved = _urljoin(base, ident)
            if resolved != ident:
                if permalink_attr:
                    return None  # which guids are permalinks is not exposed: feedparser
                entry["id"] = resolved
    f = d.feed
    feed = {
        "title": f.title,
        "link": f.link,
        "language": f.language,
        "title_detail": _detail(f.title_detail),
        "subtitle_detail": _detail(f.subtitle_detail),
    }
    return _build(feed, raw, hdrs, fetched_at, [], FAST_PARSER)


# --- JSON Feed --------------------------------------------------------------------------


def _maybe_json_feed(body: bytes, hdrs: dict[str, str]) -> dict[str, Any] | None:
    ctype = hdrs.get("content-type", "").split(";", 1)[0].strip().lower()
    declared = ctype in ("application/feed+json", "application/json")
    text_start = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if not declared and text_start != b"{":
        return None
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        if declared and text_start == b"{":
            raise ParseError(f"invalid JSON Feed: {exc}"[:300]) from None
        return None  # e.g. XML served as application/json: let feedparser try
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, str) and version.startswith(JSONFEED_PREFIX):
        return data
    if declared or text_start == b"{":
        raise ParseError("not a feed: JSON document without a JSON Feed version")
    return None


def _iso_date(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _from_json_feed(data: dict[str, Any], hdrs: dict[str, str], fetched_at: datetime) -> ParsedFeed:
    header_lang = hdrs.get("content-language")
    feed_lang = _first_lang([data.get("language"), header_lang])
    meta = FeedMeta(
        title=html_to_text(_str(data.get("title"))) or None,
        link=_http_link(data.get("home_page_url")),
        lang=feed_lang,
    )
    raw_items = data.get("items")
    warnings: list[str] = []
    if not isinstance(raw_items, list):
        warnings.append("JSON Feed has no items list")
        raw_items = []
    items: list[Item] = []
    seen: set[str] = set()
    for raw in raw_items:
        if not isinstance(raw, dict):
            warnings.append("skipped a JSON Feed item that is not an object")
            continue
        title = html_to_text(_str(raw.get("title")))
        summary = html_to_text(_str(raw.get("summary")))
        if len(summary) < SHORT_SUMMARY:
            body = html_to_text(_str(raw.get("content_html"))) or _collapse(
                _str(raw.get("content_text")) or ""
            )
            if len(body) > len(summary):
                summary = body
        link = _http_link(raw.get("url")) or _http_link(raw.get("external_url"))
        published, from_feed = _pick_date(
            [_iso_date(raw.get("date_published")), _iso_date(raw.get("date_modified"))], fetched_at
        )
        key = _make_key(raw.get("id"), link, title, summary)
        if key in seen:
            continue
        seen.add(key)
        items.append(
            Item(
                key=key,
                title=title,
                summary=summary,
                link=link,
                published=published,
                lang=_first_lang([raw.get("language")]) or feed_lang,
                content_hash=content_hash(title, summary),
                published_from_feed=from_feed,
            )
        )
    return ParsedFeed(meta=meta, items=tuple(items), warnings=tuple(warnings), parser="jsonfeed")
