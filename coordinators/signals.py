"""Contact details appear on every cached page: clear the page cache when they change."""

from cms.cache import invalidate_cms_page_cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import CareCoordinator, OpeningHours


@receiver([post_save, post_delete], sender=CareCoordinator)
@receiver([post_save, post_delete], sender=OpeningHours)
@receiver(m2m_changed, sender=CareCoordinator.guides.through)
def clear_page_cache(**kwargs):
    invalidate_cms_page_cache()
