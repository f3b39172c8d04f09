"""What a draft may name as its source, when the draft comes from a pull request.

In CI a draft is untrusted input: its front matter could name ``/etc/passwd``, a file
beside the repository, or a URL on the runner's own network (a cloud metadata service
at 169.254.169.254, an admin page on 127.0.0.1) and the report would echo what it read.
So a source named by a draft or by the repository's config must be:

- a path that, with every symlink resolved, lies inside the repository; or
- an http(s) URL, only when the config sets ``allow_urls``, whose host resolves only to
  public addresses: no loopback, link-local, private, shared, multicast or reserved
  ranges, unless the config lists the host or its network in ``allow_private``.

Everything else is a :class:`~checker.errors.RefusedInput` (exit 2, no findings).

Limits: the host is resolved here and again by the fetcher, so DNS that changes its
answer between the two (rebinding) is not caught.  Redirects are judged before they are
followed: the fetcher calls :meth:`SourcePolicy.check_url` for every request it is about
to send.  Run CI for untrusted pull requests where the runner cannot reach anything
sensitive.
Sources given with ``--source`` on the command line are the operator's own choice and
are not subject to this policy.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from checker.errors import RefusedInput

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Iterable[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host`` (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise RefusedInput(f"source URL host {host!r} does not resolve ({err.strerror})") from err
    return [info[4][0] for info in infos]


@dataclass(frozen=True)
class SourcePolicy:
    """Where sources named by untrusted drafts may come from."""

    root: Path
    allow_urls: bool = False
    allow_private: tuple[str, ...] = ()

    def check_path(self, location: str, base: Path, named_by: str) -> Path:
        """``location`` (relative to ``base``) resolved, if it lies inside the repository."""
        if location.lower().startswith("file:"):
            raise RefusedInput(f"{named_by}: source {location!r} refused: file: URLs are "
                               "not allowed; name a path inside the repository")
        path = (base / location).resolve()
        root = self.root.resolve()
        if path != root and root not in path.parents:
            raise RefusedInput(f"{named_by}: source {location!r} refused: it is outside the "
                               f"repository ({root})")
        return path

    def check_url(self, url: str, named_by: str, resolve: Resolver = system_resolver) -> str:
        """``url`` unchanged if it is http(s) to a public host (or an allowed private one).

        The fetcher should call this again for every redirect it follows, so that a
        public address cannot bounce the request to a private one.
        """
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise RefusedInput(f"{named_by}: source {url!r} refused: only http and https "
                               "URLs are allowed")
        if not self.allow_urls:
            raise RefusedInput(f"{named_by}: source {url!r} refused: URL sources are off; "
                               "set allow_urls = true under [tool.checker.policy] to allow them")
        host = parts.hostname
        if not host:
            raise RefusedInput(f"{named_by}: source {url!r} refused: no host")
        if self._host_allowed(host):
            return url
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError as err:
            raise RefusedInput(f"{named_by}: source {url!r} refused: {err}") from err
        for text in resolve(host, port):
            address = ipaddress.ip_address(text.split("%", 1)[0])
            if not is_public(address) and not self._address_allowed(address):
                raise RefusedInput(
                    f"{named_by}: source {url!r} refused: {host} resolves to non-public "
                    f"address {address}; list it under allow_private to allow it")
        return url

    def _host_allowed(self, host: str) -> bool:
        return host.lower().rstrip(".") in {h.lower().rstrip(".") for h in self.allow_private
                                            if "/" not in h}

    def _address_allowed(self, address: Address) -> bool:
        for entry in self.allow_private:
            try:
                network = ipaddress.ip_network(entry, strict=False)
            except ValueError:
                continue  # a host name, handled by _host_allowed
            if address.version == network.version and address in network:
                return True
        return False


def is_public(address: Address) -> bool:
    """Globally routable unicast; an IPv4-mapped IPv6 address is judged as its IPv4."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast
