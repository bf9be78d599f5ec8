from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinatorsConfig(AppConfig):
    name = "coordinators"
    verbose_name = _("Care coordinators and callbacks")

    def ready(self):
        from . import signals  # noqa: F401 - clears the page cache when contact details change
