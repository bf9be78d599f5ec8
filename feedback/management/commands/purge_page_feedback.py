"""Delete visitors' comments once they are older than the retention period; the yes/no answers
stay for the counts. Run it daily, for example from cron:
15 3 * * *  cd /srv/hfs && .venv/bin/python manage.py purge_page_feedback
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback.models import PageFeedback


class Command(BaseCommand):
    help = "Remove page feedback comments older than FEEDBACK_COMMENT_RETENTION_DAYS days (default 365)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.FEEDBACK_COMMENT_RETENTION_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be removed.")

    def handle(self, *args, days, dry_run, **options):
        cutoff = timezone.localdate() - timedelta(days=days)
        expired = PageFeedback.objects.filter(created_on__lt=cutoff).exclude(comment="", action_taken="")
        count = expired.count()
        if not dry_run:
            expired.update(comment="", action_taken="")
        verb = "Would remove" if dry_run else "Removed"
        self.stdout.write(f"{verb} {count} page feedback comment(s) older than {days} days.")
