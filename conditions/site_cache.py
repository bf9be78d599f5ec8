"""Cache what every page shows around its content (guide navigation, dates, contacts, links).

Keys carry the django CMS page-cache version, which the CMS bumps whenever it invalidates the
page cache (publishing a page) and which this project bumps too (saving a coordinator, a review,
shared content): so these entries can never outlive the pages they belong to. A page-cache miss
then costs only the CMS's own queries.

Each worker also keeps what it read for HOT_PAGE_CACHE_RECHECK seconds (1 s), and reads the
version itself at most that often, so a page-cache miss does not go back to the shared cache
for each of a page's dozen fragments. A publish reaches every worker within that time, as with
the hot page cache (conditions/hot_cache.py). The tests set it to 0: no per-worker copy.
"""

import threading
import time

from cms.cache import _get_cache_version
from cms.utils.conf import get_cms_setting
from django.conf import settings
from django.core.cache import cache

_MISSING = object()
MAX_LOCAL_ENTRIES = 5000


class _VersionClock:
    """The CMS page-cache version, read from the shared cache at most every `recheck` seconds."""

    def __init__(self):
        self.version, self.read_at = None, float("-inf")

    def current(self, now):
        # a clock that went backwards (another process's readings, a test's) re-reads too
        if not 0 <= now - self.read_at < settings.HOT_PAGE_CACHE_RECHECK:
            self.version, self.read_at = _get_cache_version(), now
        return self.version

    def forget(self):
        self.version, self.read_at = None, float("-inf")


page_cache_version = _VersionClock()
_local = {}  # key -> (expires, value), for the current version only
_local_version = [None]
_local_lock = threading.Lock()  # gunicorn runs several threads per worker


def reset():
    """Forget everything this worker keeps (the tests call it between tests)."""
    page_cache_version.forget()
    with _local_lock:
        _local.clear()
        _local_version[0] = None


def cached(name, *parts, build, keep_none=True):
    now = time.monotonic()
    version = page_cache_version.current(now)
    key = ":".join(["hfs", name, str(version), *map(str, parts)])
    keep_locally = settings.HOT_PAGE_CACHE_RECHECK > 0
    if keep_locally:
        with _local_lock:
            if _local_version[0] != version or len(_local) > MAX_LOCAL_ENTRIES:
                _local.clear()
                _local_version[0] = version
            entry = _local.get(key)
        if entry is not None and entry[0] > now:
            return entry[1]
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if value is None and not keep_none:
            return None
        # no longer than the CMS keeps a page: a change the CMS does not announce (say, a page
        # hidden from the menu) shows within the same time as on cached pages
        cache.set(key, value, get_cms_setting("CACHE_DURATIONS")["content"])
    if keep_locally:
        with _local_lock:
            if _local_version[0] == version:
                _local[key] = (now + settings.HOT_PAGE_CACHE_RECHECK, value)
    return value


def refresh_pages_showing(*plugin_types):
    """Records shown by plugins (coordinators, glossary terms, sources, treatment figures) are
    not part of any page version, so changing one clears neither the page cache nor the
    placeholder cache of the pages that show them: clear both."""
    from cms.cache import invalidate_cms_page_cache
    from cms.models import CMSPlugin

    plugins = CMSPlugin.objects.filter(plugin_type__in=plugin_types).select_related("placeholder")
    for placeholder, language in {(plugin.placeholder, plugin.language) for plugin in plugins}:
        placeholder.clear_cache(language)
    invalidate_cms_page_cache()
