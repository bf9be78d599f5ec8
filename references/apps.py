from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferencesConfig(AppConfig):
    name = "references"
    verbose_name = _("Glossary and sources")

    def ready(self):
        from . import signals  # noqa: F401
