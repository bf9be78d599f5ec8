from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageAddressesConfig(AppConfig):
    """Old page addresses redirect (301) to where the page is now, filled in whenever a
    published page's address changes; moving or deleting a page first says what changes."""

    name = "page_addresses"
    verbose_name = _("Page addresses")

    def ready(self):
        from . import cms_events  # noqa: F401 - publishing, moving, changing and deleting pages
