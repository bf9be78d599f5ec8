"""The site's content version: one value in the shared cache that cached pages and fragments
are keyed by. Bumping it (`caching.registry.pages_changed`) retires all of them at once, in
every worker, whatever cache backend the site uses.

Each worker reads the value at most every HOT_PAGE_CACHE_RECHECK seconds (1 s; the tests set 0),
so a change reaches every worker within that time; the worker that made the change sees it at
once.
"""

import threading
import time

from django.conf import settings
from django.core.cache import cache

KEY = "hfs:content-version"


class ContentVersion:
    def __init__(self):
        self._lock = threading.Lock()  # gunicorn runs several threads per worker
        self._value, self._read_at = None, float("-inf")

    def current(self, now=None):
        now = time.monotonic() if now is None else now
        with self._lock:
            # a clock that went backwards (another process's reading, a test's) reads again
            if self._value is not None and 0 <= now - self._read_at < settings.HOT_PAGE_CACHE_RECHECK:
                return self._value
        value = cache.get(KEY)
        if value is None:  # a new or emptied cache: start a version every worker then shares
            cache.add(KEY, time.time_ns(), timeout=None)
            value = cache.get(KEY) or time.time_ns()  # a cache that cannot be read: always new
        with self._lock:
            self._value, self._read_at = value, now
        return value

    def bump(self):
        value = max(time.time_ns(), (self._value or 0) + 1)
        cache.set(KEY, value, timeout=None)
        with self._lock:
            self._value, self._read_at = value, time.monotonic()

    def forget(self):
        """Read the shared value on the next call (the tests call it between tests)."""
        with self._lock:
            self._value, self._read_at = None, float("-inf")


content_version = ContentVersion()
