from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    """Search engines and sharing (see the package's docstring)."""

    name = "seo"
    verbose_name = _("Search engines and sharing")
