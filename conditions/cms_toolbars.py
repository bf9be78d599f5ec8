"""Page > Condition facts, on the pages of a guide."""

from cms.cms_toolbars import PAGE_MENU_IDENTIFIER
from cms.extensions.toolbar import ExtensionToolbar
from cms.toolbar_pool import toolbar_pool
from cms.utils.page_permissions import user_can_change_page
from django.utils.translation import gettext_lazy as _

from common.guide_tree import GUIDE_TEMPLATE
from common.toolbar import shown_page_content

from .models import ConditionFacts


@toolbar_pool.register
class ConditionFactsToolbar(ExtensionToolbar):
    """Page > Condition facts: what search engines are told the guide is about."""

    model = ConditionFacts

    def populate(self):
        shown = shown_page_content(self.toolbar)
        if shown is None or shown.template != GUIDE_TEMPLATE:
            return
        if not user_can_change_page(self.request.user, page=shown.page):
            return
        _extension, url = self.get_page_content_extension_admin(shown)
        if url:
            page_menu = self.toolbar.get_or_create_menu(PAGE_MENU_IDENTIFIER, _("Page"))
            page_menu.add_modal_item(_("Condition facts (for search engines)"), url=url)
