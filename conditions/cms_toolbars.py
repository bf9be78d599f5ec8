"""Adds "Clinical review" to the toolbar's Page menu."""

from cms.extensions.toolbar import ExtensionToolbar
from cms.toolbar_pool import toolbar_pool
from django.utils.translation import gettext_lazy as _

from .models import PageReview


@toolbar_pool.register
class PageReviewToolbar(ExtensionToolbar):
    model = PageReview

    def populate(self):
        page_menu = self._setup_extension_toolbar()
        if not page_menu:
            return
        _extension, url = self.get_page_content_extension_admin()
        if url:
            page_menu.add_modal_item(_("Clinical review"), url=url, disabled=not self.toolbar.edit_mode_active)
