"""What the site's toolbars share: the page content the toolbar is shown on, and the "Shared
records" menu: records many pages show (glossary terms, sources, care coordinators), one click
away while editing a page. Each app that owns such records adds its own to the one menu, in its
cms_toolbars.py."""

from cms.models import PageContent
from django.contrib.auth import get_permission_codename
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

SHARED_RECORDS_MENU = "shared-records"


def add_shared_records(toolbar, user, models):
    """A link to each model's list in the admin (in the toolbar's side frame), for a user who
    may change its records; no menu at all for a user who may change none."""
    for model in models:
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}"):
            continue
        menu = toolbar.get_or_create_menu(SHARED_RECORDS_MENU, _("Shared records"))
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        menu.add_sideframe_item(capfirst(opts.verbose_name_plural), url=url)


def shown_page_content(toolbar):
    """The page content (one language of one page) the toolbar is shown on, or None on other
    views. The CMS's page view hands it to the toolbar (`toolbar.set_object`)."""
    shown = toolbar.get_object()
    return shown if isinstance(shown, PageContent) else None
