"""Contact details appear on every cached page (and in the "call the care team" lists): clear
the page cache, and those lists' placeholder cache, when they change."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from conditions.site_cache import refresh_pages_showing

from .models import CareCoordinator, OpeningHours


@receiver([post_save, post_delete], sender=CareCoordinator)
@receiver([post_save, post_delete], sender=OpeningHours)
@receiver(m2m_changed, sender=CareCoordinator.guides.through)
def clear_page_cache(**kwargs):
    refresh_pages_showing("CallCareTeamPlugin")
