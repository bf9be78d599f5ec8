"""Staff see the site's own name in the admin and the CMS toolbar, never Django's defaults or
the sites framework's "example.com"."""

import lxml.html
import pytest
from django.conf import settings
from django.contrib.sites.models import Site

from common.addresses import public_host

pytestmark = pytest.mark.django_db
DEFAULTS = ["Django administration", "Django site admin", "Django Administration", "example.com"]


@pytest.mark.parametrize("url", ["/admin/", "/admin/referrals/referrallink/", "/hemifacial-spasm/?edit"])
@pytest.mark.parametrize("default", DEFAULTS)
def test_staff_pages_do_not_show_djangos_default_names(editor_client, url, default):
    response = editor_client.get(url)
    assert response.status_code == 200
    assert default not in response.content.decode()


def test_the_admin_is_headed_and_titled_with_the_sites_name(editor_client):
    page = lxml.html.fromstring(editor_client.get("/admin/").content)
    assert str(settings.SITE_NAME) in page.findtext(".//title")
    assert str(settings.SITE_NAME) in page.xpath("string(//h1)")


def test_the_site_record_has_the_public_address_and_the_sites_name():
    site = Site.objects.get(pk=settings.SITE_ID)
    assert site.domain == public_host()
    assert site.name == str(settings.SITE_NAME)
