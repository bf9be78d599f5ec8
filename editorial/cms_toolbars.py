"""The editorial workflow in the toolbar, for each role.

- Page > Clinical review, for anyone who may record reviews. It opens the review of the version
  being shown (usually the published one), so a reviewer can record a review without making a
  draft; the review shows on the public page at once.
- Who holds a page's draft (version locking), and the message bar announced to screen readers.
- For staff who may not change pages (clinical reviewers, care coordinators), the entries the
  CMS shows them greyed out ("Create", Page > Create Page > New Page, Page settings ...) are
  taken out, with the menus they leave empty: they can never do anything for them. Without
  page access at all (care coordinators), the Language menu goes too: its links open the page
  editor, which they may not open.
"""

from cms.cms_toolbars import LANGUAGE_MENU_IDENTIFIER, PAGE_MENU_IDENTIFIER
from cms.extensions.toolbar import ExtensionToolbar
from cms.toolbar.items import Break, ButtonList, Menu, SubMenu, TemplateItem
from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.utils.translation import gettext_lazy as _

from common.toolbar import shown_page_content

from .models import PageReview
from .version_locks import holder_name, locked_draft_for


@toolbar_pool.register
class PageReviewToolbar(ExtensionToolbar):
    model = PageReview

    def populate(self):
        shown = shown_page_content(self.toolbar)
        if shown is None or not self.request.user.has_perm("editorial.change_pagereview"):
            return
        _extension, url = self.get_page_content_extension_admin(shown)
        if url:
            page_menu = self.toolbar.get_or_create_menu(PAGE_MENU_IDENTIFIER, _("Page"))
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


@toolbar_pool.register
class RoleToolbar(CMSToolbar):
    """Runs after the CMS's own toolbars (this app comes after cms and djangocms_versioning in
    INSTALLED_APPS, and the pool keeps that order), once they have added their buttons."""

    def post_template_populate(self):
        user = self.request.user
        if user.has_perm("cms.change_page"):
            return  # editors see disabled entries with the reason, e.g. why Publish is greyed out
        toolbar = self.toolbar
        for item in [*toolbar.get_left_items(), *toolbar.get_right_items()]:
            all_disabled = isinstance(item, ButtonList) and all(button.disabled for button in item.buttons)
            emptied = isinstance(item, Menu) and item.get_items() and not _without_disabled_entries(item)
            if (all_disabled and item.buttons) or emptied:
                toolbar.remove_item(item)
        if not user.has_perm("cms.view_page"):
            language_menu = toolbar.get_menu(LANGUAGE_MENU_IDENTIFIER)
            if language_menu is not None:
                toolbar.remove_item(language_menu)


def _without_disabled_entries(menu) -> int:
    """Remove the menu's disabled entries, its sub-menus left empty and the breaks left over;
    return how many entries remain."""
    for item in list(menu.get_items()):
        if isinstance(item, SubMenu):
            if item.get_items() and not _without_disabled_entries(item):
                menu.remove_item(item)
        elif getattr(item, "disabled", False):
            menu.remove_item(item)
    previous = None
    for item in list(menu.get_items()):
        if isinstance(item, Break) and (previous is None or isinstance(previous, Break)):
            menu.remove_item(item)
        else:
            previous = item
    items = menu.get_items()
    if items and isinstance(items[-1], Break):
        menu.remove_item(items[-1])
    return len(menu.get_items())
