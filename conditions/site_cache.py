"""Cache what every page shows around its content (guide navigation, dates, contacts, links).

Keys carry the django CMS page-cache version, which the CMS bumps whenever it invalidates the
page cache (publishing a page) and which this project bumps too (saving a coordinator, a review,
shared content): so these entries can never outlive the pages they belong to. A page-cache miss
then costs only the CMS's own queries.
"""

from cms.cache import _get_cache_version
from cms.utils.conf import get_cms_setting
from django.core.cache import cache

_MISSING = object()


def cached(name, *parts, build):
    key = ":".join(["hfs", name, str(_get_cache_version()), *map(str, parts)])
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        # no longer than the CMS keeps a page: a change the CMS does not announce (say, a page
        # hidden from the menu) shows within the same time as on cached pages
        cache.set(key, value, get_cms_setting("CACHE_DURATIONS")["content"])
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
