"""Where a webhook may go: http(s) to a public address, checked after DNS resolution.

Loopback, private, link-local, multicast, reserved and unspecified addresses are refused
unless WEBHOOK_ALLOWED_NETWORKS names them (a receiver on the same host in tests, a
studio's own network). The connection is then made to the very address that was checked,
so a name that resolves elsewhere a moment later (DNS rebinding) changes nothing; TLS
still checks the certificate against the host name. Redirects are never followed.
"""

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings


class TargetRefused(ValueError):
    """Not a URL a webhook may be sent to; the message says why."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str
    address: str  # the checked IP the connection goes to


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(n, strict=False) for n in settings.WEBHOOK_ALLOWED_NETWORKS]


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def target_check(url: str) -> Target:
    """The URL's target, resolved and checked; TargetRefused if it may not be sent to."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise TargetRefused("Only http and https URLs can receive webhooks.")
    if not parts.hostname:
        raise TargetRefused("The URL has no host.")
    if parts.username or parts.password:
        raise TargetRefused("Put no credentials in the URL: verify the signature instead.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise TargetRefused("The URL's port is not a number from 1 to 65535.") from error
    try:
        found = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise TargetRefused(f"“{parts.hostname}” does not resolve.") from error
    addresses = sorted({str(info[4][0]) for info in found})
    allowed = _allowed_networks()
    for text in addresses:
        address = ipaddress.ip_address(text.split("%")[0])
        if not _is_public(address) and not any(address in net for net in allowed):
            raise TargetRefused(
                f"“{parts.hostname}” resolves to {address}, which is not a public address "
                "(loopback, private, link-local or reserved); WEBHOOK_ALLOWED_NETWORKS can "
                "allow it."
            )
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(parts.scheme, parts.hostname, port, path, addresses[0])


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to a checked address, with SNI and certificate checks for the host name."""

    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.address, target.port, timeout=timeout)
        self._server_hostname = target.host
        self._ssl_context = ssl.create_default_context()

    def connect(self) -> None:
        sock = socket.create_connection((self.host, self.port), self.timeout)
        self.sock = self._ssl_context.wrap_socket(sock, server_hostname=self._server_hostname)


def target_post(target: Target, body: bytes, headers: dict[str, str], timeout: float) -> int:
    """POST `body` to the checked address; the status code (no redirect is followed)."""
    if target.scheme == "https":
        connection: http.client.HTTPConnection = _PinnedHTTPS(target, timeout)
    else:
        connection = http.client.HTTPConnection(target.address, target.port, timeout=timeout)
    host = target.host if target.port in (80, 443) else f"{target.host}:{target.port}"
    try:
        connection.request("POST", target.path, body=body, headers={**headers, "Host": host})
        response = connection.getresponse()
        response.read(65536)
        return response.status
    finally:
        connection.close()
