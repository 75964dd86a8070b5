"""URL canonicalisation: one article linked with different tracking junk gets one key."""

from __future__ import annotations

from urllib.parse import unquote_plus, urlsplit, urlunsplit

# Query parameters that only track the click and never select content.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "yclid",
        "msclkid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "ref",
        "ref_src",
        "cmpid",
        "ocid",
        "icid",
        "ncid",
        "s_cid",
        "xtor",
        "spm",
        "sr_share",
        "rss",
        "ito",
    }
)
# Whole families: utm_source/utm_medium/..., AT Internet's at_medium/at_campaign/..., Piwik's pk_*.
TRACKING_PREFIXES = ("utm_", "at_", "pk_")

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Return a canonical form of ``url`` for comparing and keying.

    Lower-cases scheme and host, drops user info, default ports, the fragment and
    tracking parameters, and sorts the remaining query parameters (raw, so their
    percent-encoding is kept). A URL that cannot be split is returned stripped, never
    raises: callers key on the result and must not crash on a junk link.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").rstrip(".")
        try:
            port = parts.port
        except ValueError:
            port = None
    except ValueError:
        return url
    if not host:
        return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))
    if ":" in host:  # IPv6 literal: hostname strips the brackets
        host = f"[{host}]"
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    path = parts.path or ("/" if scheme in _DEFAULT_PORTS else "")
    pairs = [p for p in parts.query.split("&") if p]
    kept = sorted(p for p in pairs if not _is_tracking(unquote_plus(p.split("=", 1)[0])))
    return urlunsplit((scheme, netloc, path, "&".join(kept), ""))


def is_http_url(url: str | None) -> bool:
    """True for absolute http(s) URLs with a host (javascript:, data:, relative: False)."""
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
