from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Page feedback (see the package's docstring)."""

    name = "feedback"
    verbose_name = _("Page feedback")
