from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinatorsConfig(AppConfig):
    """Care coordinators and callbacks: who patients can reach, their opening hours and whether
    the line is open now, the contact section every page shows, and callback requests with the
    e-mails that tell coordinators about them."""

    name = "coordinators"
    verbose_name = _("Care coordinators and callbacks")

    def ready(self):
        from caching.registry import changes_pages

        from .models import CareCoordinator, OpeningHours

        # contact details show on every page, and in the "call the care team" boxes
        changes_pages(CareCoordinator, plugins=["CallCareTeamPlugin"], many_to_many=["guides"])
        changes_pages(OpeningHours, plugins=["CallCareTeamPlugin"])
