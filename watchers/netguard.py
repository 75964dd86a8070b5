"""SSRF guard for feeds added by users (the Telegram bot).

Two layers:

* :func:`validate_feed_url` - pure syntax check (scheme, host, length, no credentials,
  no whitespace); the CLI and the bot call it before storing a URL.
* :func:`resolve_public` - resolves a host and returns only addresses that are safe to
  connect to, refusing loopback, private, link-local, multicast, reserved, unspecified,
  CGNAT (100.64/10), IPv6 ULA/link-local and the cloud metadata address.

DNS rebinding: a check-then-connect design is racy (the name can resolve to a public
address for the check and to 127.0.0.1 for the connect). We therefore *connect to the
vetted IP*: :class:`GuardedResolver` is the aiohttp resolver of the guarded connection
pool, so aiohttp opens the TCP socket to exactly the addresses it returned, and it
returns only vetted ones. TLS still verifies the certificate against the original host
name (aiohttp passes the URL's host as ``server_hostname``). The guarded pool has DNS
caching off, so the check runs at connect time for every new connection: every redirect
hop and every poll is vetted again. aiohttp never asks the resolver about an IP-literal
host, so :meth:`GuardedResolver.check_literal` vets those before the request (an IP
literal cannot change between check and connect). The guarded pool is never shared with
unguarded fetches, so a connection opened without the guard can never be reused by a
guarded one.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult

from releasewatch.errors import FetchError

MAX_URL_LENGTH = 2048

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_METADATA = ipaddress.ip_address("169.254.169.254")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def validate_feed_url(url: str) -> str:
    """Check that ``url`` is a plausible feed URL and return it (stripped).

    Raises :class:`FetchError` with a user-facing message otherwise. Pure: no DNS.
    """
    if not isinstance(url, str):
        raise FetchError("feed URL must be text")
    url = url.strip()
    if not url:
        raise FetchError("feed URL is empty")
    if len(url) > MAX_URL_LENGTH:
        raise FetchError(f"feed URL is too long ({len(url)} characters, at most {MAX_URL_LENGTH})")
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        raise FetchError("feed URL must not contain spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError on a non-numeric / out-of-range port
    except ValueError as exc:
        raise FetchError(f"feed URL is not valid: {exc}") from None
    if parts.scheme.lower() not in ("http", "https"):
        shown = parts.scheme or "none"
        raise FetchError(f"feed URL must start with http:// or https:// (scheme: {shown})")
    if not parts.hostname:
        raise FetchError("feed URL has no host name")
    if parts.username is not None or parts.password is not None:
        raise FetchError("feed URL must not contain a user name or password")
    if port == 0:
        raise FetchError("feed URL has an invalid port")
    return url


def is_public_address(ip: IPAddress) -> bool:
    """True when ``ip`` is a globally routable unicast address we may connect to."""
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address smuggled inside IPv6 is judged as the IPv4 address.
        if ip.ipv4_mapped is not None:
            return is_public_address(ip.ipv4_mapped)
        if ip in _NAT64:
            return is_public_address(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if ip.sixtofour is not None:
            return is_public_address(ip.sixtofour)
    if ip == _METADATA or (isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT):
        return False
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def host_allowed(host: str, allowed_hosts: Iterable[str]) -> bool:
    host = host.lower().rstrip(".").strip("[]")
    return host in {h.lower().rstrip(".").strip("[]") for h in allowed_hosts}


async def resolve_public(host: str, port: int, allowed_hosts: Iterable[str] = ()) -> list[str]:
    """Resolve ``host`` and return addresses safe to connect to.

    Allowlisted hosts are resolved but not vetted. Raises :class:`FetchError` when the
    name does not resolve or when *any* of its addresses is not public (a name that
    mixes public and private answers is treated as hostile).
    """
    bare = host.strip("[]")
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(bare, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"DNS lookup failed for {bare}") from exc
    addresses: list[str] = []
    for info in infos:
        addr = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        if addr not in addresses:
            addresses.append(addr)
    if not addresses:
        raise FetchError(f"DNS lookup failed for {bare}")
    if host_allowed(bare, allowed_hosts):
        return addresses
    for addr in addresses:
        if not is_public_address(ipaddress.ip_address(addr)):
            raise FetchError(f"refusing to fetch {bare}: it resolves to non-public address {addr}")
    return addresses


def _is_ip_literal(host: str) -> bool:
    # The same test aiohttp uses to skip its resolver (aiohttp.helpers.is_ip_address):
    # anything with a colon or made of digits and dots, including legacy forms like
    # "127.1" (which aiohttp then refuses itself, but vetting them here costs nothing).
    return ":" in host or host.replace(".", "").isdigit()


class GuardedResolver(AbstractResolver):
    """aiohttp resolver that only ever returns vetted public addresses.

    Used with ``TCPConnector(resolver=..., use_dns_cache=False)`` so every new
    connection of the guarded pool is vetted at connect time. Refusals are raised as
    :class:`FetchError` (not ``OSError``), so aiohttp passes them through unchanged.
    """

    def __init__(self, allowed_hosts: Iterable[str] = ()) -> None:
        self._allowed = frozenset(allowed_hosts)

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        # resolve_public is looked up at call time (tests replace it to simulate DNS).
        addresses = await resolve_public(host, port, self._allowed)
        results: list[ResolveResult] = []
        for addr in addresses:
            fam = socket.AF_INET6 if ":" in addr else socket.AF_INET
            if family not in (socket.AF_UNSPEC, fam):
                continue
            results.append(
                ResolveResult(
                    hostname=host,
                    host=addr,  # aiohttp connects to this address; it never re-resolves
                    port=port,
                    family=fam,
                    proto=0,
                    flags=socket.AI_NUMERICHOST | socket.AI_NUMERICSERV,
                )
            )
        if not results:
            raise FetchError(f"DNS lookup failed for {host.strip('[]')}")
        return results

    async def check_literal(self, host: str | None, port: int | None) -> None:
        """Refuse an IP-literal host that is not public (aiohttp bypasses the resolver)."""
        if host and _is_ip_literal(host):
            await resolve_public(host, port or 0, self._allowed)

    async def close(self) -> None:
        pass
