"""When page addresses may change: the CMS's public operation signals.

Before each operation the addresses are remembered (so an address from before this app was
installed is not lost); after it the redirects are brought up to date (`history`). Both run
inside the operation's own transaction.

- publishing or unpublishing a page version (djangocms-versioning): the CMS sets the page's
  address from the published slug, or takes it away;
- moving a page (its whole branch gets new addresses in every language), changing its
  settings, deleting it or one of its translations (django CMS's page operations).
"""

from cms import operations
from cms.models import PageContent
from cms.signals import post_obj_operation, pre_obj_operation
from django.dispatch import receiver
from djangocms_versioning import constants
from djangocms_versioning.signals import post_version_operation, pre_version_operation

from .history import refresh_redirects, remember_addresses

PUBLISHING = (constants.OPERATION_PUBLISH, constants.OPERATION_UNPUBLISH)
PAGE_OPERATIONS = (
    operations.MOVE_PAGE,
    operations.CHANGE_PAGE,
    operations.DELETE_PAGE,
    operations.DELETE_PAGE_TRANSLATION,
)


@receiver(pre_version_operation, sender=PageContent, dispatch_uid="page_addresses:pre_publish")
def before_publishing(sender, operation, **kwargs):
    if operation in PUBLISHING:
        remember_addresses()


@receiver(post_version_operation, sender=PageContent, dispatch_uid="page_addresses:post_publish")
def after_publishing(sender, operation, **kwargs):
    if operation in PUBLISHING:
        refresh_redirects()


@receiver(pre_obj_operation, dispatch_uid="page_addresses:pre_page")
def before_page_operation(sender, operation, **kwargs):
    if operation in PAGE_OPERATIONS:
        remember_addresses()


@receiver(post_obj_operation, dispatch_uid="page_addresses:post_page")
def after_page_operation(sender, operation, **kwargs):
    if operation in PAGE_OPERATIONS:
        refresh_redirects()
