"""Keep the page cache honest when site-wide content changes.

Publishing a page clears the django CMS page cache, but publishing a static alias (the care
coordinator contact shown on every page) does not. Without this, every cached page would show
the old phone number until the cache expired.
"""

from cms.cache import invalidate_cms_page_cache
from django.dispatch import receiver
from djangocms_alias.models import AliasContent
from djangocms_versioning import constants
from djangocms_versioning.signals import post_version_operation


@receiver(post_version_operation, sender=AliasContent)
def clear_page_cache_on_alias_change(sender, operation, obj, **kwargs):
    if operation in (constants.OPERATION_PUBLISH, constants.OPERATION_UNPUBLISH):
        invalidate_cms_page_cache()
