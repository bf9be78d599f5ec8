"""Every change an editor makes shows on the very next visit, with the page caches on: the
CMS's page cache, each worker's page copies and the fragments (caching/) all follow it."""

import pytest
from cms import constants
from django.test import Client
from django.urls import reverse
from djangocms_versioning.models import Version

from caching.fragments import cached

from .conftest import page_by_id, published_content

pytestmark = pytest.mark.django_db
CAUSES = "/hemifacial-spasm/causes/"


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
        reverse("admin:page_addresses_confirm_move", args=[page_by_id("hfs-causes").pk]),
        {"target": target.pk, "position": 0, "confirmed": "1"},
    )
    assert response.status_code == 302, response.content
    assert client.get(CAUSES).status_code == 301  # the old address redirects (tests/test_old_addresses.py)
    assert "<h1>Causes of hemifacial spasm</h1>" in client.get("/care-team/causes/").content.decode()


def test_the_x_frame_options_a_page_inherits_hold_on_every_visit(client, editor):
    child = "/hemifacial-spasm/treatment/"
    assert client.get(child)["X-Frame-Options"] == "DENY"  # the site's default, which seeded pages state
    inherit, sameorigin = constants.X_FRAME_OPTIONS_INHERIT, constants.X_FRAME_OPTIONS_SAMEORIGIN
    for reverse_id, choice in (("hfs-treatment", inherit), ("hemifacial-spasm", sameorigin)):
        version = Version.objects.get_for_content(published_content(reverse_id)).copy(editor)
        version.content.xframe_options = choice
        version.content.save()
        version.publish(editor)
    assert [client.get(child)["X-Frame-Options"] for _ in range(2)] == ["SAMEORIGIN", "SAMEORIGIN"]


def test_a_changed_coordinator_shows_on_every_page_at_once(client):
    """Records shown by plugins are no part of a page version: the registry refreshes the pages."""
    from coordinators.models import CareCoordinator

    assert "555-0100" not in client.get(CAUSES).content.decode()
    coordinator = CareCoordinator.objects.filter(is_active=True).first()
    coordinator.phone = "555-0100"
    coordinator.save()
    assert "555-0100" in client.get(CAUSES).content.decode()


def test_addresses_that_find_no_page_are_not_remembered(client):
    built = []
    for _ in range(2):
        assert cached("test-nothing", build=lambda: built.append(1), storable=lambda value: value is not None) is None
    assert len(built) == 2
    assert Client().get("/" + "a" * 3000 + "/").status_code == 404


def test_a_fragment_kept_before_a_publish_is_committed_is_not_served_after_it(
    editor, django_capture_on_commit_callbacks
):
    """Another worker can render a page while the publish is not yet committed, from the old
    content, and keep it under the new content version: the commit refreshes once more."""
    with django_capture_on_commit_callbacks(execute=False) as at_commit:
        version = Version.objects.get_for_content(published_content("hfs-treatment")).copy(editor)
        version.publish(editor)
        assert cached("test-during-publish", build=lambda: "from before the commit") == "from before the commit"
    for callback in at_commit:
        callback()
    assert cached("test-during-publish", build=lambda: "from the committed page") == "from the committed page"
