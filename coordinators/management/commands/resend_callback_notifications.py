"""E-mail the coordinators about saved callback requests they were never told about (the mail
server was down, or the request was saved while something after it failed).

Run it every few minutes, for example from cron:
*/10 * * * *  cd /srv/hfs && .venv/bin/python manage.py resend_callback_notifications
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from coordinators.models import CallbackRequest
from coordinators.notifications import notify_coordinators


class Command(BaseCommand):
    help = "Notify the coordinators of callback requests that are still 'not notified'."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=2,
            help="Only requests saved at least this many minutes ago (the site may still be sending).",
        )

    def handle(self, *args, older_than, **options):
        cutoff = timezone.now() - timedelta(minutes=older_than)
        waiting = CallbackRequest.objects.filter(notified_at__isnull=True, created_at__lte=cutoff).exclude(
            status=CallbackRequest.Status.CLOSED
        )
        sent = failed = 0
        for callback in waiting.order_by("pk"):
            if notify_coordinators(callback):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Notified {sent} callback request(s); {failed} still not notified.")
