"""The editorial workflow in the toolbar: "Clinical review" in the Page menu, for anyone who may
record reviews, and who holds a page's draft.

The review opens for the version being shown (usually the published one), so a reviewer can
record a review without making a draft; the review shows on the public page at once.
"""

from cms.extensions.toolbar import ExtensionToolbar
from cms.toolbar.items import TemplateItem
from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.utils.translation import gettext_lazy as _

from .models import PageReview
from .version_locks import holder_name, locked_draft_for


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


@toolbar_pool.register
class DraftLockToolbar(CMSToolbar):
    """Says who holds this page's draft to everyone else who opens the page (version locking:
    editorial/version_locks.py). On the draft itself versioning says "Locked by ..." already."""

    class Media:
        css = {"all": ("editorial/toolbar.css",)}

    def populate(self):
        shown = self.toolbar.get_object()
        if shown is None or not self.request.user.is_staff:
            return
        draft = locked_draft_for(shown, self.request.user)
        if draft is None or draft.content == shown:
            return
        notice = TemplateItem(
            "editorial/toolbar/draft_lock.html", extra_context={"holder": holder_name(draft)}, side=self.toolbar.RIGHT
        )
        self.toolbar.add_item(notice, position=0)


@toolbar_pool.register
class EditingMessagesToolbar(CMSToolbar):
    """Makes the toolbar's message bar announce itself (editorial/inline_saves.py)."""

    class Media:
        js = ("editorial/editing.js",)
