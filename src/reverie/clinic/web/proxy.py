"""Who is really asking: forwarded headers are believed only from the TLS proxies named in REVERIE_TRUSTED_PROXIES.

``TrustedProxyMiddleware`` runs first. When the direct peer (``REMOTE_ADDR``) is a trusted proxy, the client is
the right-most ``X-Forwarded-For`` address that is not itself a trusted proxy, and ``X-Forwarded-Proto`` stays
for Django's ``SECURE_PROXY_SSL_HEADER`` (so ``request.is_secure()`` is true and HSTS is sent). From any other
peer both headers are removed before anything reads them: a client cannot claim to be HTTPS or someone else.
In clinic mode a request that did not arrive over HTTPS is refused (403) before any view runs.
``client_address(request)`` is the one place the rest of Reverie reads an address from (sign-in throttles).
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

log = logging.getLogger("reverie.web")

CLIENT_KEY = "reverie.client_address"
PLAIN_HTTP_REFUSED = (
    "Reverie runs in clinic mode and answers over HTTPS only. Operator: serve it behind a TLS proxy and list the "
    "proxy's address in REVERIE_TRUSTED_PROXIES (error E600).\n"
)
FORWARDED = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_FORWARDED")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_trusted(text: str, proxies: Iterable[Network]) -> bool:
    address = _ip(text)
    return address is not None and any(address in network for network in proxies)


def resolve(remote_addr: str, forwarded_for: str, proxies: tuple[Network, ...]) -> tuple[str, bool]:
    """(the client's address, whether the direct peer is a trusted proxy)."""
    peer = remote_addr or "unknown"
    if not proxies or not is_trusted(peer, proxies):
        return peer, False
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if _ip(hop) is None:
            break  # a garbled hop: stop believing the chain here
        if not is_trusted(hop, proxies):
            return str(_ip(hop)), True
    return peer, True


class TrustedProxyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        proxies: tuple[Network, ...] = tuple(settings.REVERIE["REVERIE_TRUSTED_PROXIES"])
        meta = request.META
        client, trusted = resolve(
            str(meta.get("REMOTE_ADDR", "")), str(meta.get("HTTP_X_FORWARDED_FOR", "")), proxies
        )
        if not trusted:
            for header in FORWARDED:
                meta.pop(header, None)
        meta[CLIENT_KEY] = client
        if settings.REVERIE.clinic_mode and not request.is_secure():
            # Clinic mode never answers over plain HTTP, whatever server runs it: a request that reached it
            # without TLS (or through a proxy not listed) gets this refusal, not a page.
            log.warning("clinic mode refused a request that did not come over HTTPS")
            return HttpResponse(PLAIN_HTTP_REFUSED, status=403, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def client_address(request: HttpRequest) -> str:
    """The address a request came from: the real client behind a trusted proxy, else the direct peer."""
    known = request.META.get(CLIENT_KEY)
    if known:
        return str(known)
    proxies: tuple[Network, ...] = tuple(settings.REVERIE["REVERIE_TRUSTED_PROXIES"])
    client, _ = resolve(
        str(request.META.get("REMOTE_ADDR", "")), str(request.META.get("HTTP_X_FORWARDED_FOR", "")), proxies
    )
    return client
