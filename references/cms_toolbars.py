"""Glossary terms and sources in the toolbar's "Shared records" menu (common/toolbar.py)."""

from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool

from common.toolbar import add_shared_records

from .models import GlossaryTerm, Source


@toolbar_pool.register
class SharedReferencesToolbar(CMSToolbar):
    def populate(self):
        add_shared_records(self.toolbar, self.request.user, [GlossaryTerm, Source])
