"""Requests the site makes to itself, as an anonymous visitor over the network would.

The content report reads every page as visitors get it, and each gunicorn worker renders a few
pages before it takes traffic. Both build a WSGI environ here and hand it to Django's own
WSGI handler, so the real middleware (host check, HTTPS redirect, languages, the CMS, security
headers) runs; django.test is for tests only.
"""

import io
import sys
from urllib.parse import unquote_to_bytes, urlsplit

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.utils import translation

REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 10


def site_host() -> str:
    """A host name the site answers to (the first usable ALLOWED_HOSTS entry)."""
    for host in settings.ALLOWED_HOSTS:
        if host != "*":
            return host.lstrip(".")
    return "localhost"


def visitor_environ(path: str, query: str = "", headers: dict | None = None) -> dict:
    """The WSGI environ of a visitor's GET of `path` (no cookies), over HTTPS when the site
    insists on it, through the proxy header production trusts (SECURE_PROXY_SSL_HEADER)."""
    secure = getattr(settings, "SECURE_SSL_REDIRECT", False)
    host = site_host()
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        # WSGI carries the path as bytes decoded as ISO-8859-1 (PEP 3333)
        "PATH_INFO": unquote_to_bytes(path).decode("iso-8859-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": host,
        "SERVER_PORT": "443" if secure else "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": host,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "https" if secure else "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if secure and proxy_header:
        environ[proxy_header[0]] = proxy_header[1]
    environ.update(headers or {})
    return environ


class SiteReader:
    """Gets pages of the site in process, following the site's own redirects.

    It calls the handler's get_response, not the handler itself: the caller (an admin view, a
    management command) is already inside a request or a command of its own, whose database
    connections the request_started/request_finished signals must not close."""

    def __init__(self):
        self.handler = WSGIHandler()

    def get(self, path: str):
        """(status, text) of path after redirects; text is None for a redirect off the site or a
        chain of more than MAX_REDIRECTS. A request switches the thread's language (Django's
        LocaleMiddleware); the caller's stays active afterwards."""
        with translation.override(translation.get_language()):
            return self._get(path)

    def _get(self, path):
        for _hop in range(MAX_REDIRECTS):
            parts = urlsplit(path)
            response = self.handler.get_response(WSGIRequest(visitor_environ(parts.path, parts.query)))
            if response.status_code not in REDIRECTS:
                body = b"".join(response.streaming_content) if response.streaming else response.content
                return response.status_code, body.decode(response.charset or "utf-8", errors="replace")
            target = urlsplit(response["Location"])
            if target.netloc and target.netloc != site_host():
                return response.status_code, None
            path = target.path + (f"?{target.query}" if target.query else "")
        return response.status_code, None
