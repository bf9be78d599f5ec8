"""Create or update the staff groups with exactly the permissions each role needs. Idempotent."""

from django.core.management.base import BaseCommand

from editorial.roles import ensure_roles


class Command(BaseCommand):
    help = "Create or update the staff groups (roles) and their permissions."

    def handle(self, *args, verbosity=1, **options):
        for name, count in ensure_roles().items():
            if verbosity:
                self.stdout.write(f"{name}: {count} permissions")
