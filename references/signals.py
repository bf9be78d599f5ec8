"""Glossary terms and sources show on cached pages: refresh those pages when they change."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from conditions.site_cache import refresh_pages_showing

from .models import GlossaryTerm, Source, SourceList


@receiver([post_save, post_delete], sender=GlossaryTerm)
def refresh_glossary(**kwargs):
    refresh_pages_showing("GlossaryPlugin")


@receiver([post_save, post_delete], sender=Source)
@receiver(m2m_changed, sender=SourceList.sources.through)
def refresh_sources(**kwargs):
    refresh_pages_showing("SourceListPlugin", "TreatmentComparisonPlugin")
