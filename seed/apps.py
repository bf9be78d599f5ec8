from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeedConfig(AppConfig):
    name = "seed"
    verbose_name = _("Seed content")

    def ready(self):
        from django.db.models.signals import post_migrate

        from editorial.content_health import ROW_EXTENSIONS

        from .site_record import name_the_site_record

        post_migrate.connect(name_the_site_record, sender=self)

        from .health import add_newer_seed_link

        if add_newer_seed_link not in ROW_EXTENSIONS:
            ROW_EXTENSIONS.append(add_newer_seed_link)
