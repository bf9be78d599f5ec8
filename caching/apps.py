from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    """The page copies, fragments and content version (see the package's docstring)."""

    name = "caching"
    verbose_name = _("Caching")

    def ready(self):
        from . import cms_events  # noqa: F401 - publishing, moving and deleting pages
