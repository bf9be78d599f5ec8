"""The sites framework's record of this site, named as the site is.

django.contrib.sites creates it as "example.com", and the admin's header ("Open example.com")
and the CMS toolbar's first menu show its name. After every `migrate` (which each deploy runs)
it gets the public host name (PUBLIC_BASE_URL) and the site's name (SITE_NAME), so it follows
the deployment's settings.
"""

from django.conf import settings
from django.contrib.sites.models import Site
from django.utils import translation

from common.addresses import public_host


def name_the_site_record(sender, apps, using="default", **kwargs):
    """post_migrate receiver (connected for this app, which migrates after the sites framework)."""
    site_model = apps.get_model("sites", "Site")
    with translation.override(settings.LANGUAGE_CODE):
        name = str(settings.SITE_NAME)[: site_model._meta.get_field("name").max_length]
    site_model.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": public_host(), "name": name}
    )
    Site.objects.clear_cache()  # the current site is cached per process
