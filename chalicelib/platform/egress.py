"""Egress guard: where the platform may send a request a tenant chose (merchant webhook URLs).

A tenant admin picks the URL, so without a guard a webhook is a way to make our Lambda call our own
network (server-side request forgery): instance metadata at 169.254.169.254, a VPC endpoint, a
service on loopback. ``check_url`` resolves the host and admits it only when **every** address it
resolves to is a public unicast address; the caller then connects to one of exactly those addresses
(``post``), so a DNS answer that changes between the check and the connection cannot slip through.

Refused, in IPv4, IPv6 and IPv4-mapped / NAT64 / 6to4 forms: loopback, private (RFC 1918, fc00::/7),
link-local (169.254/16, fe80::/10), CGNAT (100.64/10), multicast, unspecified, reserved, benchmarking
and documentation ranges. A host written as a number (``2130706433``, ``127.1``, ``0x7f.1``) is read the
way ``inet_aton`` reads it before it is judged. Only ``https`` is allowed, except where
``allow_local`` is set (the local stage): there plain ``http`` to a loopback receiver is fine too.
"""
from __future__ import annotations

import http.client
import ipaddress
import re
import socket
from dataclasses import dataclass
from typing import Callable, Sequence
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[..., Sequence[tuple]]

# Ranges never reachable through a merchant URL, named by why; checked before ``ipaddress``'s flags,
# whose ``is_private`` / ``is_global`` tables differ between Python patch releases (3.11.10, 3.12.4).
_REFUSED = tuple((ipaddress.ip_network(net), category) for net, category in (
    ("0.0.0.0/8", "unspecified"),          # "this network"
    ("10.0.0.0/8", "private"),             # RFC 1918
    ("100.64.0.0/10", "cgnat"),            # RFC 6598 shared address space
    ("127.0.0.0/8", "loopback"),
    ("169.254.0.0/16", "link_local"),      # cloud instance metadata lives here
    ("172.16.0.0/12", "private"),
    ("192.0.0.0/24", "reserved"),          # IETF protocol assignments
    ("192.0.2.0/24", "documentation"),     # TEST-NET-1
    ("192.88.99.0/24", "reserved"),        # 6to4 relay anycast (deprecated)
    ("192.168.0.0/16", "private"),
    ("198.18.0.0/15", "reserved"),         # benchmarking
    ("198.51.100.0/24", "documentation"),  # TEST-NET-2
    ("203.0.113.0/24", "documentation"),   # TEST-NET-3
    ("224.0.0.0/4", "multicast"),
    ("240.0.0.0/4", "reserved"),           # and the broadcast address
    ("::/128", "unspecified"),
    ("::1/128", "loopback"),
    ("64:ff9b:1::/48", "private"),         # local-use NAT64 (before ::/8, which holds it)
    ("::/8", "reserved"),                  # IPv4-compatible (deprecated) and unassigned
    ("100::/64", "reserved"),              # discard-only
    ("2001:db8::/32", "documentation"),
    ("2001::/23", "reserved"),             # Teredo, ORCHID, benchmarking
    ("2002::/16", "reserved"),             # 6to4 (deprecated; relays reach anything)
    ("3fff::/20", "documentation"),        # RFC 9637
    ("5f00::/16", "reserved"),             # SRv6 SIDs
    ("fc00::/7", "private"),               # unique local
    ("fe80::/10", "link_local"),
    ("fec0::/10", "private"),              # site-local (deprecated)
    ("ff00::/8", "multicast"),
))
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # the well-known prefix: judged by the IPv4 it embeds


class Refusal(Exception):
    """Why a URL may not be called. ``reason`` is one of ``malformed``, ``scheme``, ``credentials``,
    ``unresolvable`` or ``address`` (then ``address`` and ``category`` say which and why)."""

    def __init__(self, reason: str, host: str = "", address: str = "", category: str = ""):
        self.reason, self.host, self.address, self.category = reason, host, address, category
        extra = f" {address} ({category})" if address else ""
        super().__init__(f"egress refused: {reason} {host}{extra}".strip())


@dataclass(frozen=True)
class Destination:
    """A URL found safe to call, with the addresses it may be called at (in resolver order)."""

    scheme: str
    host: str
    port: int
    target: str  # path and query, as sent on the request line
    addresses: tuple[IPAddress, ...]


def address_category(address: IPAddress, *, allow_loopback: bool = False) -> str | None:
    """None for a public unicast address; otherwise why it is refused (``loopback``, ``private``,
    ``link_local``, ``cgnat``, ``multicast``, ``unspecified``, ``documentation``, ``reserved``)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or (
            ipaddress.IPv4Address(int(address) & 0xFFFFFFFF) if address in _NAT64 else None)
        if embedded is not None:
            return address_category(embedded, allow_loopback=allow_loopback)
        if address.scope_id:
            return "link_local"  # a zone only means something on one link
    category = next((c for net, c in _REFUSED if address.version == net.version and address in net), None)
    if category is None:
        for flag, name in (("is_loopback", "loopback"), ("is_unspecified", "unspecified"),
                           ("is_multicast", "multicast"), ("is_link_local", "link_local"),
                           ("is_private", "private"), ("is_reserved", "reserved")):
            if getattr(address, flag):
                category = name
                break
        else:
            category = None if address.is_global else "reserved"
    if category == "loopback" and allow_loopback:
        return None
    return category


def numeric_host(host: str) -> IPAddress | None:
    """The address a host names when it is written as one: ``::1``, ``10.0.0.1``, but also the forms
    ``inet_aton`` (and so every resolver) accepts — ``127.1``, ``2130706433``, ``0x7f.1``, ``0177.0.0.1``."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefxABCDEFX." for c in host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def check_url(url: str, *, allow_local: bool, resolve: Resolver | None = None) -> Destination:
    """The destination ``url`` names, if the platform may call it; else ``Refusal``.

    Every address the host resolves to must be public (one bad answer refuses the lot: a client
    might pick any of them). ``allow_local`` (the local stage only) admits loopback and plain http
    to it; elsewhere only https to public addresses passes.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise Refusal("malformed") from None
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme not in ("https", "http") or not host:
        raise Refusal("scheme" if host else "malformed", host)
    if parts.username is not None or parts.password is not None:
        raise Refusal("credentials", host)
    port = port or (443 if parts.scheme == "https" else 80)
    literal = numeric_host(host)
    if parts.scheme == "http" and not (allow_local and (host == "localhost" or literal is not None)):
        raise Refusal("scheme", host)  # decided before any DNS query: http goes to loopback or nowhere
    if literal is not None:
        addresses: tuple[IPAddress, ...] = (literal,)
    else:
        if not _host_name(host):
            raise Refusal("malformed", host)  # never handed to a resolver
        try:
            infos = (resolve or socket.getaddrinfo)(host, port, type=socket.SOCK_STREAM)
            addresses = tuple(dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos))
        except (OSError, ValueError):  # no such name, an IDNA or NUL-byte host, an odd answer
            raise Refusal("unresolvable", host) from None
        if not addresses:
            raise Refusal("unresolvable", host)
    for address in addresses:
        category = address_category(address, allow_loopback=allow_local)
        if category is not None:
            raise Refusal("address", host, str(address), category)
    if parts.scheme == "http" and not (allow_local and all(_is_loopback(a) for a in addresses)):
        raise Refusal("scheme", host)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Destination(parts.scheme, host, port, target, addresses)


_LABELS = re.compile(r"(?!-)[a-z0-9_-]{1,63}(?<!-)(\.(?!-)[a-z0-9_-]{1,63}(?<!-))*")


def _host_name(host: str) -> bool:
    """A DNS name (IDNA allowed): letters, digits, hyphens (and underscores) in dot-separated labels, nothing else."""
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return False
    return len(ascii_host) <= 253 and _LABELS.fullmatch(ascii_host) is not None


def _is_loopback(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_loopback


# --- calling a checked destination ---------------------------------------------------------------------


def _pinned(connection_class: type[http.client.HTTPConnection], address: IPAddress):
    """``connection_class`` that connects to ``address`` whatever the host resolves to now, while
    the Host header, TLS SNI and certificate check still use the host name."""

    class Pinned(connection_class):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._create_connection = lambda _addr, timeout, source: socket.create_connection(
                (str(address), self.port), timeout, source)

    return Pinned


def post(destination: Destination, body: bytes, headers: dict[str, str], timeout_s: float) -> int:
    """POST ``body`` to ``destination`` at one of its checked addresses; the response status.

    Redirects are never followed (a 3xx is just the answer); no proxy from the environment is used.
    Raises ``OSError`` when no address answers.
    """
    kind = http.client.HTTPSConnection if destination.scheme == "https" else http.client.HTTPConnection
    error: OSError = OSError("no address")
    for address in destination.addresses:
        conn = _pinned(kind, address)(destination.host, destination.port, timeout=timeout_s)
        try:
            try:
                conn.connect()
            except OSError as exc:  # this address does not answer: try the next one
                error = exc
                continue
            # Connected: from here a failure is the attempt's (never sent twice to another address).
            try:
                conn.request("POST", destination.target, body=body, headers=headers)
                response = conn.getresponse()
                response.read(64 * 1024)  # the merchant's answer is not used; read a little, politely
            except http.client.HTTPException as exc:
                raise OSError(f"{type(exc).__name__}: {exc}") from exc
            return response.status
        finally:
            conn.close()
    raise error
