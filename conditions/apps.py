from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConditionsConfig(AppConfig):
    """The condition guide pattern.

    A guide is a page with the guide template and its child pages (`common.guide_tree`). This app
    holds what such a guide is made of: its plugins (callouts, treatment options and their
    comparison, "call the care team", pictures, the spasm diary), the condition facts extension,
    the guide navigation and "On this page" sections, the language links, page dates and the
    printable guide.
    """

    name = "conditions"
    verbose_name = _("Condition guides")

    def ready(self):
        from caching.registry import changes_pages, refresh_on_publish

        from .models import ConditionFacts

        changes_pages(ConditionFacts)  # the guide's structured data
        # a comparison and a decision aid show figures from other pages' treatment options
        refresh_on_publish("TreatmentComparisonPlugin", "DecisionAidPlugin")
