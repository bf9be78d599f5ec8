"""What django CMS does to pages that changes what visitors see, and the refresh each needs.

- Publishing or unpublishing a page: the CMS clears its own page cache; the content version is
  bumped for the fragments, and plugins showing other pages (`registry.refresh_on_publish`)
  are refreshed.
- Publishing or unpublishing an alias (shared content, such as the stroke warning): the CMS
  clears nothing, so the pages that show it are refreshed.
- Moving or deleting a page, or changing its page-wide settings: no version is published and
  the CMS clears its page cache for some of these only; every page is refreshed.
"""

from cms import operations
from cms.models import PageContent
from cms.signals import post_obj_operation
from django.dispatch import receiver
from djangocms_alias.models import AliasContent, AliasPlugin
from djangocms_versioning import constants
from djangocms_versioning.signals import post_version_operation

from .registry import ON_PUBLISH, pages_changed

PUBLISHING = (constants.OPERATION_PUBLISH, constants.OPERATION_UNPUBLISH)
PAGE_OPERATIONS = (
    operations.MOVE_PAGE,
    operations.DELETE_PAGE,
    operations.CHANGE_PAGE,
    operations.DELETE_PAGE_TRANSLATION,
)


@receiver(post_version_operation, sender=PageContent)
def page_published(sender, operation, **kwargs):
    if operation in PUBLISHING:
        pages_changed(*sorted(ON_PUBLISH))


@receiver(post_version_operation, sender=AliasContent)
def alias_published(sender, operation, obj, **kwargs):
    if operation not in PUBLISHING:
        return
    for plugin in AliasPlugin.objects.filter(alias_id=obj.content.alias_id).select_related("placeholder"):
        plugin.placeholder.clear_cache(plugin.language)
    pages_changed()


@receiver(post_obj_operation)
def page_changed(sender, operation, **kwargs):
    if operation in PAGE_OPERATIONS:
        pages_changed()
