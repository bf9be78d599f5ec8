"""Every address a published page has had keeps working: a permanent redirect (301) to the
page's address now, in English and Spanish, after moves and slug changes, through chains."""

import pytest
from cms.api import create_page
from cms.models import PageContent
from django.test import Client
from django.urls import reverse
from djangocms_versioning.models import Version

from page_addresses.moves import CONFIRMED
from referrals.models import ReferralLink

from .conftest import page_by_id, published_content

pytestmark = pytest.mark.django_db
CAUSES = "/hemifacial-spasm/causes/"
CAUSES_ES = "/es/espasmo-hemifacial/causas/"


def move(editor_client, reverse_id, target_id, position=0):
    """What an editor does: drop the page in the tree, then confirm the move."""
    page, target = page_by_id(reverse_id), page_by_id(target_id)
    response = editor_client.post(
        reverse("admin:page_addresses_confirm_move", args=[page.pk]),
        {"target": target.pk, "position": position, CONFIRMED: "1"},
    )
    assert response.status_code == 302, response.content.decode()


def publish_slug(reverse_id, user, slug, language="en"):
    """A new version of the page with another slug, published."""
    version = Version.objects.get_for_content(published_content(reverse_id, language)).copy(user)
    version.content.slug = slug
    version.content.save()
    version.publish(user)


def test_after_a_move_the_old_address_redirects_permanently(editor_client):
    move(editor_client, "hfs-causes", "care-team")
    assert Client().get(CAUSES).status_code == 301


def test_after_a_move_the_old_address_leads_to_the_new_one(editor_client):
    move(editor_client, "hfs-causes", "care-team")
    assert Client().get(CAUSES)["Location"] == "/care-team/causes/"


def test_after_a_move_the_old_spanish_address_leads_to_the_new_spanish_one(editor_client):
    move(editor_client, "hfs-causes", "care-team")
    assert Client().get(CAUSES_ES)["Location"] == "/es/equipo-de-atencion/causas/"


def test_the_new_address_shows_the_page(editor_client):
    move(editor_client, "hfs-causes", "care-team")
    assert "<h1>Causes of hemifacial spasm</h1>" in Client().get("/care-team/causes/").content.decode()


def test_the_pages_under_a_moved_page_keep_their_old_addresses_too(editor_client):
    move(editor_client, "hemifacial-spasm", "care-team")
    assert Client().get(CAUSES)["Location"] == "/care-team/hemifacial-spasm/causes/"


def test_after_a_slug_change_the_old_address_redirects_permanently(editor):
    publish_slug("hfs-causes", editor, "why-it-happens")
    assert Client().get(CAUSES).status_code == 301


def test_after_a_slug_change_the_old_address_leads_to_the_new_one(editor):
    publish_slug("hfs-causes", editor, "why-it-happens")
    assert Client().get(CAUSES)["Location"] == "/hemifacial-spasm/why-it-happens/"


def test_after_a_spanish_slug_change_the_old_spanish_address_redirects_permanently(editor):
    publish_slug("hfs-causes", editor, "por-que-ocurre", language="es")
    assert Client().get(CAUSES_ES).status_code == 301


def test_after_a_spanish_slug_change_the_old_spanish_address_leads_to_the_new_one(editor):
    publish_slug("hfs-causes", editor, "por-que-ocurre", language="es")
    assert Client().get(CAUSES_ES)["Location"] == "/es/espasmo-hemifacial/por-que-ocurre/"


def test_a_slug_change_leaves_the_other_language_alone(editor):
    publish_slug("hfs-causes", editor, "why-it-happens")
    assert Client().get(CAUSES_ES).status_code == 200


def test_a_chain_of_changes_leads_straight_to_the_address_now(editor_client, editor):
    publish_slug("hfs-causes", editor, "why-it-happens")  # A -> B
    move(editor_client, "hfs-causes", "care-team")  # B -> C
    assert Client().get(CAUSES)["Location"] == "/care-team/why-it-happens/"  # A


def test_the_middle_of_a_chain_leads_to_the_address_now(editor_client, editor):
    publish_slug("hfs-causes", editor, "why-it-happens")
    move(editor_client, "hfs-causes", "care-team")
    assert Client().get("/hemifacial-spasm/why-it-happens/")["Location"] == "/care-team/why-it-happens/"


def test_a_page_moved_back_answers_at_its_first_address_without_a_loop(editor_client):
    move(editor_client, "hfs-causes", "care-team")
    move(editor_client, "hfs-causes", "hemifacial-spasm")
    assert Client().get(CAUSES).status_code == 200


def test_a_page_moved_back_is_reached_from_the_address_it_had_in_between(editor_client):
    move(editor_client, "hfs-causes", "care-team")
    move(editor_client, "hfs-causes", "hemifacial-spasm")
    assert Client().get("/care-team/causes/")["Location"] == CAUSES


def new_page_at(slug, parent_id, user, title="A new page about causes"):
    page = create_page(title, "content_page.html", "en", slug=slug, parent=page_by_id(parent_id), created_by=user)
    Version.objects.get_for_content(PageContent.admin_manager.get(page=page, language="en")).publish(user)
    return page


def test_a_new_page_at_an_old_address_is_shown_there(editor):
    publish_slug("hfs-causes", editor, "why-it-happens")
    new_page_at("causes", "hemifacial-spasm", editor)
    assert "<h1>A new page about causes</h1>" in Client().get(CAUSES).content.decode()


def test_an_old_address_taken_by_a_new_page_then_follows_the_new_page(editor, editor_client):
    publish_slug("hfs-causes", editor, "why-it-happens")
    new_page = new_page_at("causes", "hemifacial-spasm", editor)
    new_page.reverse_id = "new-causes"
    new_page.save()
    move(editor_client, "new-causes", "care-team")
    assert Client().get(CAUSES)["Location"] == "/care-team/causes/"


def test_an_old_address_works_at_once_although_the_page_was_cached(editor_client):
    visitor = Client()
    assert visitor.get(CAUSES).status_code == 200  # now in the page caches
    move(editor_client, "hfs-causes", "care-team")
    assert visitor.get(CAUSES).status_code == 301


def test_an_old_address_keeps_its_query_string(editor_client):
    move(editor_client, "hfs-causes", "care-team")
    assert Client().get(CAUSES + "?fbclid=abc")["Location"] == "/care-team/causes/?fbclid=abc"


def test_browsers_keep_an_old_address_s_redirect_for_a_day_only(editor_client):
    """A 301 without a lifetime is kept for ever: a new page at the address would never be seen."""
    move(editor_client, "hfs-causes", "care-team")
    assert "max-age=86400" in Client().get(CAUSES)["Cache-Control"]


def test_the_old_addresses_of_an_unpublished_page_redirect_nowhere(editor_client, editor):
    move(editor_client, "hfs-causes", "care-team")
    Version.objects.get_for_content(published_content("hfs-causes")).unpublish(editor)
    assert Client().get(CAUSES).status_code == 404


def test_the_old_addresses_of_a_deleted_page_redirect_nowhere(editor_client):
    move(editor_client, "hfs-causes", "care-team")
    page = page_by_id("hfs-causes")
    response = editor_client.post(reverse("admin:cms_page_delete", args=[page.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert Client().get(CAUSES).status_code == 404


def test_a_referral_link_follows_a_page_moved_in_the_admin(editor_client):
    link = ReferralLink.objects.create(label="Riverside clinic", page=page_by_id("hfs-causes"))
    move(editor_client, "hfs-causes", "care-team")
    assert Client().get(f"/r/{link.code}/")["Location"] == "/care-team/causes/"


def test_a_page_that_was_never_moved_answers_as_before(client):
    assert client.get(CAUSES).status_code == 200
