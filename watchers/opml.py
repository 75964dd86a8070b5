"""OPML import/export of feed subscriptions.

Import uses defusedxml with entities forbidden, so a billion-laughs or external-entity
OPML is refused outright instead of being expanded.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree.ElementTree import Element

import defusedxml
import defusedxml.ElementTree as DET

from releasewatch.errors import FetchError, ParseError
from watchers.netguard import validate_feed_url
from watchers.urls import canonical_url

FOLDER_SEPARATOR = " / "


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    url: str
    title: str | None
    folder: str | None  # nested folders joined with " / ", None at top level


def _attr(el: Element, name: str) -> str | None:
    # OPML in the wild spells attributes xmlUrl, xmlurl, XMLURL...
    wanted = name.lower()
    for key, value in el.attrib.items():
        if key.lower() == wanted:
            value = " ".join(value.split())
            return value or None
    return None


def parse_opml(data: bytes, max_bytes: int = 1_000_000) -> list[OpmlFeed]:
    """Return every feed outline once (first occurrence wins), folders flattened."""
    if not isinstance(data, (bytes, bytearray)):
        raise ParseError("OPML must be given as bytes")
    if len(data) > max_bytes:
        raise ParseError(f"OPML file too large ({len(data)} bytes, at most {max_bytes})")
    if not data.strip():
        raise ParseError("OPML file is empty")
    try:
        root = DET.fromstring(
            bytes(data), forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except defusedxml.EntitiesForbidden:
        raise ParseError(
            "OPML declares XML entities; refused (possible billion-laughs attack)"
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise ParseError(f"OPML refused: {exc}") from None
    except ET.ParseError as exc:
        raise ParseError(f"not valid XML: {exc}") from None
    except (ValueError, RecursionError) as exc:
        raise ParseError(f"could not read OPML: {exc}") from None
    if root.tag.lower() != "opml":
        raise ParseError(f"not an OPML document (root element <{root.tag}>)")
    body = next((child for child in root if child.tag.lower() == "body"), None)
    if body is None:
        raise ParseError("OPML has no <body>")

    feeds: list[OpmlFeed] = []
    seen: set[str] = set()

    def walk(parent: Element, path: tuple[str, ...]) -> None:
        for el in parent:
            if el.tag.lower() != "outline":
                continue
            name = _attr(el, "title") or _attr(el, "text")
            url = _attr(el, "xmlUrl")
            if url:
                try:
                    url = validate_feed_url(url)
                except FetchError:
                    continue  # not an http(s) feed: nothing we could poll
                key = canonical_url(url)
                if key not in seen:
                    seen.add(key)
                    feeds.append(
                        OpmlFeed(url=url, title=name, folder=FOLDER_SEPARATOR.join(path) or None)
                    )
            if len(el):
                walk(el, (*path, name) if name and not url else path)

    try:
        walk(body, ())
    except RecursionError:
        raise ParseError("OPML outlines are nested too deeply") from None
    return feeds


def export_opml(
    feeds: Iterable[tuple[str, str | None]], *, title: str = "releasewatch feeds"
) -> bytes:
    """OPML 2.0 with one flat ``<outline type="rss">`` per (url, title)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    for url, name in feeds:
        label = name or url
        ET.SubElement(body, "outline", type="rss", text=label, title=label, xmlUrl=url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
