"""URL canonicalisation (courlan + our rules) and the SSRF guard."""

from __future__ import annotations

import ipaddress
import logging
import posixpath
import socket
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import courlan

log = logging.getLogger(__name__)

# Beyond courlan's own list: analytics/campaign parameters that never change the document.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "ref_src", "cmpid"}
)


def canonicalise(url: str) -> str:
    """Canonical form used for de-duplication: lower-case host, no default port, no fragment,
    dot-segments resolved, tracking parameters removed, remaining query parameters sorted."""
    url = courlan.normalize_url(url.strip())
    parts = urlsplit(url)
    path = parts.path or "/"
    if "/." in path:
        resolved = posixpath.normpath(path)
        path = resolved + "/" if path.endswith("/") and resolved != "/" else resolved
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if k.lower() not in TRACKING_PARAMS and not k.lower().startswith("utm_")
        )
    )
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def dedupe(urls: list[str]) -> list[str]:
    """Canonicalise and drop duplicates, keeping first-seen order."""
    seen: dict[str, None] = {}
    for url in urls:
        try:
            seen.setdefault(canonicalise(url), None)
        except ValueError:
            log.info("discarded: unparsable URL %r", url)
    return list(seen)


def host_key(url: str) -> str:
    """host[:port] as used for politeness and allow lists."""
    return urlsplit(url).netloc.lower()


def is_public_address(ip: str) -> bool:
    address = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def check_target(
    url: str, allowed_hosts: tuple[str, ...] = (), allow_private: bool = False
) -> tuple[str, str] | None:
    """(error_class, reason) when `url` must not be fetched, else None.

    Refuses non-http(s) URLs (`bad_url`), unresolvable hosts (`connection_error`) and hosts resolving to
    private, loopback, link-local or otherwise non-global addresses (`private_address`) unless the host (or
    host:port) is in `allowed_hosts` or `allow_private` is set.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "bad_url", f"unsupported URL {url!r}"
    if private_allowed(url, allowed_hosts, allow_private):
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        return "connection_error", f"cannot resolve {parts.hostname}: {exc}"
    for info in infos:
        ip = str(info[4][0])
        if not is_public_address(ip):
            return "private_address", f"{parts.hostname} resolves to non-public address {ip}"
    return None


def private_allowed(url: str, allowed_hosts: tuple[str, ...], allow_private: bool) -> bool:
    """True when `url`'s host may be private: `allow_private`, or host / host:port in `allowed_hosts`."""
    parts = urlsplit(url)
    return allow_private or parts.hostname in allowed_hosts or parts.netloc.lower() in allowed_hosts
