"""Keep the CMS caches honest when shared content changes.

Publishing a page clears the django CMS page cache, but publishing an alias (shared content
such as the stroke warning shown on several pages) clears neither the page cache nor the
placeholder cache of the pages that show it. Without this, those pages would show the old
text until their caches expired.
"""

from cms import operations
from cms.cache import invalidate_cms_page_cache
from cms.models import PageContent
from cms.signals import post_obj_operation
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from djangocms_alias.models import AliasContent, AliasPlugin
from djangocms_versioning import constants
from djangocms_versioning.signals import post_version_operation

from .models import ConditionFacts, PageReview
from .site_cache import refresh_pages_showing


@receiver(post_version_operation, sender=AliasContent)
def clear_caches_on_alias_change(sender, operation, obj, **kwargs):
    if operation not in (constants.OPERATION_PUBLISH, constants.OPERATION_UNPUBLISH):
        return
    for plugin in AliasPlugin.objects.filter(alias_id=obj.content.alias_id).select_related("placeholder"):
        plugin.placeholder.clear_cache(plugin.language)
    invalidate_cms_page_cache()


@receiver(post_version_operation, sender=PageContent)
def refresh_comparisons(sender, operation, obj, **kwargs):
    """A treatment comparison shows figures from another page: when a page is published or
    unpublished, the comparisons are rendered again."""
    if operation in (constants.OPERATION_PUBLISH, constants.OPERATION_UNPUBLISH):
        refresh_pages_showing("TreatmentComparisonPlugin")


@receiver(post_obj_operation)
def refresh_page_lookups(sender, operation, **kwargs):
    """Moving or deleting a page, or changing its page-wide settings, changes what an address
    shows at once (no new version is published). The CMS clears its page cache for some of
    these only while that cache is on; the cached page lookup (conditions.page_lookup) must
    follow every time."""
    if operation in (
        operations.MOVE_PAGE,
        operations.DELETE_PAGE,
        operations.CHANGE_PAGE,
        operations.DELETE_PAGE_TRANSLATION,
    ):
        invalidate_cms_page_cache()


@receiver([post_save, post_delete], sender=PageReview)
@receiver([post_save, post_delete], sender=ConditionFacts)
def clear_page_cache_on_review_change(**kwargs):
    """A recorded review, or new condition facts, show on the public pages at once (and in the
    list of reviews on "How we make this information")."""
    refresh_pages_showing("ReviewRecordsPlugin")
