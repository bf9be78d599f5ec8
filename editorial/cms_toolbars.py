"""Adds "Clinical review" to the toolbar's Page menu, for anyone who may record reviews.

It opens the review of the version being shown (usually the published one), so a reviewer can
record a review without making a draft; the review shows on the public page at once.
"""

from cms.extensions.toolbar import ExtensionToolbar
from cms.toolbar_pool import toolbar_pool
from django.utils.translation import gettext_lazy as _

from .models import PageReview


@toolbar_pool.register
class PageReviewToolbar(ExtensionToolbar):
    model = PageReview

    def populate(self):
        if not self._get_page() or not self.request.user.has_perm("editorial.change_pagereview"):
            return
        _extension, url = self.get_page_content_extension_admin()
        if url:
            page_menu = self.toolbar.get_or_create_menu("page", _("Page"))
            page_menu.add_modal_item(_("Clinical review"), url=url)
