"""The invalidation registry: which records change which pages.

Records that plugins show (coordinators, glossary terms, sources, reviews, treatment figures)
are not part of any page version, so saving one clears neither the CMS page cache nor the
placeholder cache of the pages that show it. Each app declares its own in its AppConfig.ready():

    changes_pages(CareCoordinator, plugins=["CallCareTeamPlugin"])

and saving or deleting such a record then calls `pages_changed(*plugins)`: the placeholder cache
of every page showing those plugins is cleared, the CMS page cache is invalidated and the site's
content version is bumped (cached pages and fragments everywhere). `refresh_on_publish` names
plugins that show other pages' content, refreshed whenever a page is published or unpublished.
"""

from cms.cache import invalidate_cms_page_cache
from cms.models import CMSPlugin
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .versions import content_version

RULES: dict[str, tuple[str, ...]] = {}  # model label -> plugin types whose pages it changes
ON_PUBLISH: set[str] = set()  # plugin types refreshed when any page is published or unpublished


def pages_changed(*plugin_types):
    """Pages showing these plugins (and every page's fragments) are out of date: refresh, now
    and again once the change is committed. (Another worker may render a page between the two,
    from what the database held before the commit: what it stores is then out of date too.)"""
    _refresh(plugin_types)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _refresh(plugin_types))


def _refresh(plugin_types):
    if plugin_types:
        plugins = CMSPlugin.objects.filter(plugin_type__in=plugin_types).select_related("placeholder")
        for placeholder, language in {(plugin.placeholder, plugin.language) for plugin in plugins}:
            placeholder.clear_cache(language)
    invalidate_cms_page_cache()
    content_version.bump()


def changes_pages(model, *, plugins=(), many_to_many=(), saves=True):
    """Saving or deleting a `model` record (or changing one of its `many_to_many` fields)
    changes the pages that show `plugins`, and every page's fragments. saves=False: only the
    many-to-many changes do (a plugin model, whose own saves belong to a draft)."""
    plugins = tuple(plugins)
    label = model._meta.label
    RULES[label] = plugins

    def refresh(**kwargs):
        pages_changed(*plugins)

    for signal in (post_save, post_delete) if saves else ():
        signal.connect(refresh, sender=model, weak=False, dispatch_uid=f"caching:{signal}:{label}")
    for name in many_to_many:
        through = model._meta.get_field(name).remote_field.through
        m2m_changed.connect(refresh, sender=through, weak=False, dispatch_uid=f"caching:m2m:{label}.{name}")


def refresh_on_publish(*plugin_types):
    """These plugins show content of other pages: refresh them whenever a page is published."""
    ON_PUBLISH.update(plugin_types)
