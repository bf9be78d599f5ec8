"""A per-worker copy of finished anonymous pages, in front of the django CMS page cache.

The CMS page cache is shared (diskcache or Redis), so a hit still costs a cache read, the
middleware stack and gzip. This keeps each gunicorn worker's last finished responses in memory
and replays them while they are fresh. It only stores what the CMS page cache would serve to
everybody (GET, no session or query string, 200, cacheable, no cookie set), keyed by path and
gzip. Entries die with the response's own max-age (60 s at most) and as soon as the site's
content version changes (publishing, saving a coordinator, ...: `caching.registry`): each worker
re-reads that version at most every HOT_PAGE_CACHE_RECHECK seconds (1 s), so a publish reaches
every worker within a second. Why not a reverse proxy: the site must be fast with nothing but gunicorn.
"""

import re
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_max_age, patch_response_headers

from .versions import content_version

MAX_ENTRIES = 500
# The same test as Django's GZipMiddleware: "gzip" as a whole token, so "nogzip" is not gzip.
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
SKIPPED_HEADERS = {"expires", "cache-control", "content-length"}


class HotPageCache:
    def __init__(self, get_response):
        self.get_response = get_response
        self.entries = OrderedDict()
        # gunicorn's gthread workers run several requests at once: every read and change of
        # `entries` holds the lock (the page itself is rendered outside it)
        self.lock = threading.Lock()

    def __call__(self, request):
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        now = time.monotonic()
        version = content_version.current(now)
        with self.lock:
            entry = self.entries.get(key)
        if entry and entry[0] == version and entry[1] > now:
            return self._replay(entry, now)
        response = self.get_response(request)
        max_age = self._storable_for(response)
        if max_age:
            headers = [(k, v) for k, v in response.items() if k.lower() not in SKIPPED_HEADERS]
            with self.lock:
                self.entries[key] = (version, now + max_age, response.status_code, headers, response.content)
                self.entries.move_to_end(key)
                while len(self.entries) > MAX_ENTRIES:
                    self.entries.popitem(last=False)
        return response

    @staticmethod
    def _key(request):
        if (
            request.method != "GET"
            or request.META.get("QUERY_STRING")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return None
        return request.path, bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))

    @staticmethod
    def _storable_for(response):
        """Seconds the response may be replayed, or 0."""
        if response.status_code != 200 or response.streaming or response.cookies:
            return 0
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-cache" in cache_control or "no-store" in cache_control:
            return 0
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        if not vary <= {"accept-encoding", "accept-language", "cookie"}:
            return 0
        return get_max_age(response) or 0

    @staticmethod
    def _replay(entry, now):
        _version, expires, status, headers, body = entry
        response = HttpResponse(body, status=status)
        for name, value in headers:
            response[name] = value
        patch_response_headers(response, cache_timeout=max(1, int(expires - now)))
        return response
