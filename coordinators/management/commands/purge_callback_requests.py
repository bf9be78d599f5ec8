"""Delete closed callback requests once the retention period has passed.

Run it daily, for example from cron:  15 3 * * *  cd /srv/hfs && .venv/bin/python manage.py purge_callback_requests
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from coordinators.models import CallbackRequest


class Command(BaseCommand):
    help = "Delete callback requests closed more than CALLBACK_RETENTION_DAYS days ago (default 90)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.CALLBACK_RETENTION_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, days, dry_run, **options):
        cutoff = timezone.now() - timedelta(days=days)
        expired = CallbackRequest.objects.filter(status=CallbackRequest.Status.CLOSED, closed_at__lt=cutoff)
        count = expired.count()
        if not dry_run:
            expired.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} closed callback request(s) older than {days} days.")
