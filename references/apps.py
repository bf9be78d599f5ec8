from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferencesConfig(AppConfig):
    """Glossary and sources: the plain-language glossary (its page and the links it puts on
    words in the guide) and the studies and leaflets the pages cite, with what each reports."""

    name = "references"
    verbose_name = _("Glossary and sources")

    def ready(self):
        from caching.registry import changes_pages

        from .models import GlossaryTerm, Source, SourceList

        changes_pages(GlossaryTerm, plugins=["GlossaryPlugin"])
        citing = ["SourceListPlugin", "TreatmentComparisonPlugin", "DecisionAidPlugin"]  # (the aid: studies' years)
        changes_pages(Source, plugins=citing)
        changes_pages(SourceList, plugins=citing, many_to_many=["sources"], saves=False)
