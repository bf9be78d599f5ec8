"""Content health's "newer seed content available" flag, with a link to the comparison."""

from django.urls import reverse

from .models import SeedRecord


def add_newer_seed_link(row, page):
    if not page.reverse_id:
        return
    record = SeedRecord.objects.filter(
        kind=SeedRecord.Kind.PAGE, key=page.reverse_id, language=row.language, pending_spec__isnull=False
    ).first()
    if record:
        row.newer_seed_url = reverse("admin:seed_seedrecord_compare", args=[record.pk])
