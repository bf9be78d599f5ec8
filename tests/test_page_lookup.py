"""The cached page lookup (conditions/page_lookup.py): a page-cache miss finds the visitor's page
without asking the database, and still follows every change an editor makes at once."""

import pytest
from cms import constants
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from djangocms_versioning.models import Version

from conditions.site_cache import cached

from .conftest import page_by_id, published_content
from .test_performance import PAGES

pytestmark = pytest.mark.django_db
CAUSES = "/hemifacial-spasm/causes/"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Every request below is a page-cache miss: only the lookup can remember anything."""
    settings.CMS_PAGE_CACHE = False


def tables(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"].split(" FROM ")[1].split()[0].strip('"') for query in captured.captured_queries]


@pytest.mark.parametrize("url", [*PAGES, CAUSES, "/es/espasmo-hemifacial/causas/"])
def test_a_second_miss_asks_the_database_only_for_the_placeholders(client, url):
    client.get(url)
    assert tables(client, url) == ["cms_placeholder"]


def test_signed_in_editors_get_the_cms_lookup_every_time(editor_client):
    editor_client.get(CAUSES)
    assert "cms_pageurl" in tables(editor_client, CAUSES)


def test_a_new_title_shows_on_the_next_visit(client, editor):
    assert "<h1>Causes of hemifacial spasm</h1>" in client.get(CAUSES).content.decode()
    version = Version.objects.get_for_content(published_content("hfs-causes")).copy(editor)
    version.content.title = version.content.page_title = "Why hemifacial spasm happens"
    version.content.save()
    version.publish(editor)
    assert "<h1>Why hemifacial spasm happens</h1>" in client.get(CAUSES).content.decode()


def test_an_unpublished_page_is_gone_on_the_next_visit(client, editor):
    assert client.get(CAUSES).status_code == 200
    Version.objects.get_for_content(published_content("hfs-causes")).unpublish(editor)
    assert client.get(CAUSES).status_code == 404


def test_a_page_moved_in_the_admin_answers_at_its_new_address_at_once(editor_client):
    client = Client()  # a visitor (editor_client is the signed-in `client`)
    assert client.get(CAUSES).status_code == 200
    target = page_by_id("care-team")
    response = editor_client.post(
        reverse("admin:cms_page_move_page", args=[page_by_id("hfs-causes").pk]), {"target": target.pk, "position": 0}
    )
    assert response.status_code == 200, response.content
    assert client.get(CAUSES).status_code == 404
    assert "<h1>Causes of hemifacial spasm</h1>" in client.get("/care-team/causes/").content.decode()


def test_the_x_frame_options_a_page_inherits_hold_on_every_visit(client, editor):
    child = "/hemifacial-spasm/treatment/"
    assert client.get(child)["X-Frame-Options"] == "DENY"  # the site's default
    version = Version.objects.get_for_content(published_content("hemifacial-spasm")).copy(editor)
    version.content.xframe_options = constants.X_FRAME_OPTIONS_SAMEORIGIN
    version.content.save()
    version.publish(editor)
    assert [client.get(child)["X-Frame-Options"] for _ in range(2)] == ["SAMEORIGIN", "SAMEORIGIN"]


def test_addresses_that_find_no_page_are_not_remembered(client):
    built = []
    for _ in range(2):
        assert cached("test-nothing", build=lambda: built.append(1), keep_none=False) is None
    assert len(built) == 2
    assert Client().get("/" + "a" * 3000 + "/").status_code == 404
