"""The visitor's address, the same for everything that needs one (rate limits, django-axes).

Behind the documented proxy, every request comes from the proxy, so the socket address
(REMOTE_ADDR) is the proxy's. The proxy names the visitor in a header (CLIENT_IP_HEADER, for
example X-Real-IP or X-Forwarded-For). That header is believed only when the request comes
from one of TRUSTED_PROXIES, and only a valid IP address from it is used; otherwise, and for any
missing, empty, listed or malformed value, the socket address counts. Written here rather than
with django-ipware so that the trust rule (which proxy, which header) is one setting each and
visible in one screenful.
"""

import ipaddress

from django.conf import settings

UNKNOWN = "0.0.0.0"  # noqa: S104 - a placeholder address, never bound to


def _valid(value):
    try:
        return str(ipaddress.ip_address(value.strip().strip("[]")))
    except (ValueError, AttributeError):
        return None


def _trusted(address):
    if address is None:
        return False
    ip = ipaddress.ip_address(address)
    return any(ip in ipaddress.ip_network(net, strict=False) for net in settings.TRUSTED_PROXIES)


def client_ip(request) -> str:
    socket_address = _valid(request.META.get("REMOTE_ADDR", ""))
    header = settings.CLIENT_IP_HEADER
    if header and _trusted(socket_address):
        # X-Forwarded-For may be a list; the proxy appends the address it saw last, and anything
        # before it came from the visitor, so walk from the right past our own proxies.
        for value in reversed(str(request.META.get(header, "")).split(",")):
            address = _valid(value)
            if address is None:
                break
            if not _trusted(address):
                return address
    return socket_address or UNKNOWN
