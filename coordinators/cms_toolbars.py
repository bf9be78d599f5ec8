"""Care coordinators in the toolbar's "Shared records" menu (common/toolbar.py)."""

from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool

from common.toolbar import add_shared_records

from .models import CareCoordinator


@toolbar_pool.register
class SharedCoordinatorsToolbar(CMSToolbar):
    def populate(self):
        add_shared_records(self.toolbar, self.request.user, [CareCoordinator])
