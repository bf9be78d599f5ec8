"""Page > Condition facts, on the first page of a guide."""

from cms.extensions.toolbar import ExtensionToolbar
from cms.toolbar_pool import toolbar_pool
from django.utils.translation import gettext_lazy as _

from common.guide_tree import GUIDE_TEMPLATE

from .models import ConditionFacts


@toolbar_pool.register
class ConditionFactsToolbar(ExtensionToolbar):
    """Page > Condition facts: what search engines are told the guide is about."""

    model = ConditionFacts

    def populate(self):
        page_menu = self._setup_extension_toolbar()
        if not page_menu or self.page_content is None or self.page_content.template != GUIDE_TEMPLATE:
            return
        _extension, url = self.get_page_content_extension_admin()
        if url:
            page_menu.add_modal_item(_("Condition facts (for search engines)"), url=url)
