from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConditionsConfig(AppConfig):
    name = "conditions"
    verbose_name = _("Condition guides")

    def ready(self):
        from . import signals  # noqa: F401 - connects the cache invalidation receivers
        from .publishing import register_publish_rules
        from .rich_text import restrict_rich_text

        restrict_rich_text()
        register_publish_rules()
