"""The site's cache backends: diskcache on one server, Redis on several, both failing soft.

The single-server cache is diskcache (SQLite files in DATA_DIR/cache), shared by every worker:
Django's own file cache lists its whole directory on every write once it holds many entries,
which made each page-cache miss slower the longer the site ran.

A cache that cannot be read or written (full disk, read-only files, Redis down) must never turn
a page or a saved callback request into an error: the cache only saves work. So every read
that fails is a miss, every write that fails is skipped, and the failure is logged (at most
once a minute per process and operation). The rate limits then fail open (RATELIMIT_FAIL_OPEN)
and /readyz reports the cache as down without taking the node out.
"""

import logging
import time

from diskcache import DjangoCache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
LOG_EVERY_SECONDS = 60


class FailSoftMixin:
    def _failed(self, operation, error):
        now = time.monotonic()
        last = getattr(self, "_last_failure_logged", {})
        if now - last.get(operation, -LOG_EVERY_SECONDS) >= LOG_EVERY_SECONDS:
            last[operation] = now
            self._last_failure_logged = last
            logger.warning("Cache %s failed (%s); carrying on without the cache", operation, type(error).__name__)

    def get(self, key, default=None, version=None, **kwargs):
        try:
            return super().get(key, default, version=version, **kwargs)
        except Exception as error:
            self._failed("read", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version=version)
        except Exception as error:
            self._failed("read", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version=version)
        except Exception as error:
            self._failed("read", error)
            return False

    def _write(self, method, *args, **kwargs):
        try:
            return getattr(super(), method)(*args, **kwargs)
        except Exception as error:
            self._failed("write", error)
            return False

    def set(self, *args, **kwargs):
        return self._write("set", *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._write("add", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        result = self._write("set_many", *args, **kwargs)
        return [] if result is False else result

    def touch(self, *args, **kwargs):
        return self._write("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._write("delete", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._write("delete_many", *args, **kwargs)

    def clear(self, *args, **kwargs):
        return self._write("clear", *args, **kwargs)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version=version)
        except ValueError:
            raise
        except Exception as error:
            self._failed("write", error)
            raise ValueError("cache unavailable") from error  # what Django says of a missing key


# A write of the value already stored is skipped while the stored entry expires at most this
# many seconds before the new one would.
REWRITE_AFTER_SECONDS = 1
PLAIN_VALUES = (int, str, bytes)  # compared by value (a model instance compares by its key only)
_MISSING = object()


class PersistentDiskCache(FailSoftMixin, DjangoCache):
    """Keeps its SQLite connections open between requests. Django closes every cache when a
    request finishes; for diskcache that means reconnecting (and setting up SQLite again) on
    the next request, which cost more than serving a cached page.

    django CMS writes its page-cache version again after every page it stores, to keep it alive
    as long as the pages: one SQLite row that every worker would write on every cache miss,
    each write waiting for the others. A write that would store the same value again is
    skipped unless it also moves the expiry on by more than REWRITE_AFTER_SECONDS (so the
    version is rewritten about once a second, and never expires more than a second early)."""

    def close(self, **kwargs):
        pass

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        plain = type(value) in PLAIN_VALUES and not kwargs  # (no tag or file to store with it)
        if plain and self._holds(key, value, self.get_backend_timeout(timeout), version):
            return True
        return super().set(key, value, timeout, version=version, **kwargs)

    def _holds(self, key, value, seconds, version):
        """Whether the entry already holds `value` (of the same type) until about `seconds` on."""
        found = self.get(key, _MISSING, version=version, expire_time=True)
        if found is _MISSING:  # the cache could not be read: write (or fail softly) as ever
            return False
        stored, expires = found
        if type(stored) is not type(value) or stored != value:
            return False
        if seconds is None or expires is None:
            return seconds is None and expires is None
        asked = time.time() + seconds  # never later than asked, and at most a second earlier
        return seconds > REWRITE_AFTER_SECONDS and asked - REWRITE_AFTER_SECONDS <= expires <= asked


class FailSoftRedisCache(FailSoftMixin, RedisCache):
    """Django's Redis cache, for several servers (REDIS_URL)."""
