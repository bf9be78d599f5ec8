"""The one helper for cached fragments: what every page shows around its content (guide
navigation, dates, contacts, languages, links).

Keys carry the site's content version (`caching.versions`), which publishing a page and saving
any record that pages show bump (`caching.registry`): so an entry can never outlive the pages it
belongs to, and a page-cache miss costs the CMS's own work and the page's content. Entries live
in the shared cache only, no longer than the CMS keeps a page.
"""

from cms.utils.conf import get_cms_setting
from django.core.cache import cache

from .versions import content_version

_MISSING = object()


def lifetime():
    """Seconds a fragment is kept: no longer than the CMS keeps a page, so a change the CMS does
    not announce (a page hidden from the menu) shows within the same time as on cached pages."""
    return get_cms_setting("CACHE_DURATIONS")["content"]


def cached(name, *parts, build, storable=None):
    """The value of build() under this name and these parts, for the current content version.
    `storable(value)` says whether a value just built may be stored (by default every value is):
    addresses that find nothing must not fill the cache, and a fragment holding a plugin that
    opts out of caching must be built afresh each time."""
    key = ":".join(["hfs", name, str(content_version.current()), *map(str, parts)])
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if storable is not None and not storable(value):
            return value
        cache.set(key, value, lifetime())
    return value
