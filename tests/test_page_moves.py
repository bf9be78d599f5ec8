"""Moving a published page to a new address asks first and says what changes; deleting a page
warns which addresses stop working and which pages and referral links point to it."""

import json

import pytest
from cms.api import create_page
from cms.models import PageContent
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from djangocms_versioning.models import Version

from common.html import parse_document
from editorial.roles import CARE_COORDINATOR
from referrals.models import ReferralLink

from .conftest import edit_and_publish, page_by_id

pytestmark = pytest.mark.django_db
CAUSES = "/hemifacial-spasm/causes/"


def drop_in_tree(editor_client, reverse_id, target_id, position=0):
    """What the page tree's script posts when a page is dropped; its JSON answer."""
    response = editor_client.post(
        reverse("admin:cms_page_move_page", args=[page_by_id(reverse_id).pk]),
        {"target": page_by_id(target_id).pk, "position": position, "site": 1},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    return json.loads(response.content)


def confirmation(editor_client, reverse_id, target_id, position=0):
    url = reverse("admin:page_addresses_confirm_move", args=[page_by_id(reverse_id).pk])
    return editor_client.get(url, {"target": page_by_id(target_id).pk, "position": position, "site": 1})


def text_of(response, xpath):
    document = parse_document(response.content.decode())
    return " ".join(" ".join(element.itertext()) for element in document.xpath(xpath))


# --- Moving ------------------------------------------------------------------------------------


def test_a_drop_that_would_change_an_address_does_not_move_the_page(editor_client):
    drop_in_tree(editor_client, "hfs-causes", "care-team")
    assert Client().get(CAUSES).status_code == 200


def test_the_tree_shows_a_link_to_the_confirmation(editor_client):
    answer = drop_in_tree(editor_client, "hfs-causes", "care-team")
    assert reverse("admin:page_addresses_confirm_move", args=[page_by_id("hfs-causes").pk]) in answer["content"]


def test_the_tree_shows_the_answer_as_a_message_not_a_success(editor_client):
    assert drop_in_tree(editor_client, "hfs-causes", "care-team")["status"] == 400


def test_moving_a_page_among_its_siblings_needs_no_confirmation(editor_client):
    guide = page_by_id("hemifacial-spasm")
    assert drop_in_tree(editor_client, "hfs-causes", "hemifacial-spasm", position=3)["status"] == 200
    assert [page.reverse_id for page in guide.get_child_pages()][0] != "hfs-causes"


def test_the_confirmation_shows_the_new_address(editor_client):
    assert "/care-team/causes/" in text_of(confirmation(editor_client, "hfs-causes", "care-team"), "//table")


def test_the_confirmation_shows_the_new_spanish_address(editor_client):
    table = text_of(confirmation(editor_client, "hfs-causes", "care-team"), "//table")
    assert "/es/equipo-de-atencion/causas/" in table


def test_the_confirmation_shows_the_address_now(editor_client):
    assert CAUSES in text_of(confirmation(editor_client, "hfs-causes", "care-team"), "//table")


def test_the_confirmation_shows_the_new_addresses_of_the_pages_under_it(editor_client):
    table = text_of(confirmation(editor_client, "hemifacial-spasm", "care-team"), "//table")
    assert "/care-team/hemifacial-spasm/causes/" in table


def test_the_confirmation_lists_the_pages_that_link_to_it(editor_client):
    links = text_of(confirmation(editor_client, "hfs-causes", "care-team"), '//ul[@aria-labelledby="linking-pages"]')
    assert "Questions people ask" in links


def test_the_confirmation_lists_the_referral_links_to_it(editor_client):
    ReferralLink.objects.create(label="Riverside clinic letters", page=page_by_id("hfs-causes"))
    links = text_of(confirmation(editor_client, "hfs-causes", "care-team"), '//ul[@aria-labelledby="referral-links"]')
    assert "Riverside clinic letters" in links


def test_the_confirmation_lists_the_referral_links_to_the_pages_under_it(editor_client):
    ReferralLink.objects.create(label="Riverside clinic letters", page=page_by_id("hfs-causes"))
    links = text_of(
        confirmation(editor_client, "hemifacial-spasm", "care-team"), '//ul[@aria-labelledby="referral-links"]'
    )
    assert "Riverside clinic letters" in links


def test_the_confirmation_escapes_what_staff_typed(editor_client):
    ReferralLink.objects.create(label="<script>alert(1)</script>", page=page_by_id("hfs-causes"))
    assert "<script>alert(1)" not in confirmation(editor_client, "hfs-causes", "care-team").content.decode()


def test_the_confirmation_escapes_a_page_title(editor_client, editor):
    page = create_page("<img src=x onerror=alert(1)>", "content_page.html", "en", slug="odd", created_by=editor)
    Version.objects.get_for_content(PageContent.admin_manager.get(page=page)).publish(editor)
    page.reverse_id = "odd"
    page.save()
    assert "<img src=x" not in confirmation(editor_client, "odd", "care-team").content.decode()


def test_the_move_is_made_only_after_confirming(editor_client):
    response = confirmation(editor_client, "hfs-causes", "care-team")
    assert response.status_code == 200
    assert Client().get(CAUSES).status_code == 200


def test_confirming_moves_the_page_and_goes_back_to_the_page_tree(editor_client):
    page = page_by_id("hfs-causes")
    response = editor_client.post(
        reverse("admin:page_addresses_confirm_move", args=[page.pk]),
        {"target": page_by_id("care-team").pk, "position": 0, "site": 1, "confirmed": "1"},
    )
    assert response["Location"] == reverse("admin:cms_pagecontent_changelist")


def test_staff_who_may_not_move_pages_cannot_open_the_confirmation():
    user = get_user_model().objects.create_user("coord", password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=CARE_COORDINATOR))
    client = Client()
    client.force_login(user)
    assert confirmation(client, "hfs-causes", "care-team").status_code == 403


@pytest.mark.parametrize("query", [{"target": "abc", "position": "0"}, {"target": "1", "position": "x"}, {}])
def test_a_confirmation_for_a_move_that_cannot_be_made_explains_it(editor_client, query):
    url = reverse("admin:page_addresses_confirm_move", args=[page_by_id("hfs-causes").pk])
    response = editor_client.get(url, query)
    assert response.status_code == 400


def test_a_page_cannot_be_moved_under_itself(editor_client):
    response = confirmation(editor_client, "hemifacial-spasm", "hfs-causes")
    assert response.status_code == 400


def test_a_confirmation_for_a_page_that_does_not_exist_is_not_found(editor_client):
    url = reverse("admin:page_addresses_confirm_move", args=[99999999999999999999])
    assert editor_client.get(url).status_code == 404


# --- Deleting ----------------------------------------------------------------------------------


def delete_question(editor_client, reverse_id):
    return editor_client.get(reverse("admin:cms_page_delete", args=[page_by_id(reverse_id).pk]))


WARNING = '//section[@aria-labelledby="what-breaks"]'


def test_the_delete_question_lists_the_pages_that_link_to_the_page(editor_client):
    assert "Questions people ask" in text_of(delete_question(editor_client, "hfs-causes"), WARNING)


def test_the_delete_question_lists_spanish_pages_that_link_to_the_page(editor_client):
    assert "Preguntas frecuentes" in text_of(delete_question(editor_client, "hfs-causes"), WARNING)


def test_the_delete_question_lists_the_referral_links_to_the_page(editor_client):
    ReferralLink.objects.create(label="Riverside clinic letters", page=page_by_id("hfs-causes"))
    assert "Riverside clinic letters" in text_of(delete_question(editor_client, "hfs-causes"), WARNING)


def test_the_delete_question_lists_the_addresses_that_stop_working(editor_client):
    assert "/es/espasmo-hemifacial/causas/" in text_of(delete_question(editor_client, "hfs-causes"), WARNING)


def test_the_delete_question_counts_a_link_the_rich_text_editor_made_to_the_page(editor_client, editor):
    causes = page_by_id("hfs-causes")
    edit_and_publish("glossary", editor, f'<p><a data-cms-href="cms.page:{causes.pk}" href="/x/">Causes</a></p>')
    assert "Glossary" in text_of(delete_question(editor_client, "hfs-causes"), WARNING)


def test_the_delete_question_counts_a_full_address_on_this_site(editor_client, editor):
    edit_and_publish("glossary", editor, f'<p><a href="http://127.0.0.1:8000{CAUSES}#x">Causes</a></p>')
    assert "Glossary" in text_of(delete_question(editor_client, "hfs-causes"), WARNING)


def test_the_delete_question_leaves_out_the_same_path_on_another_site(editor_client, editor):
    edit_and_publish("glossary", editor, f'<p><a href="https://example.com{CAUSES}">Causes</a></p>')
    assert "Glossary" not in text_of(delete_question(editor_client, "hfs-causes"), WARNING)


def test_the_delete_question_counts_a_link_in_a_waiting_draft(editor_client, editor):
    edit_and_publish("glossary", editor, f'<p><a href="{CAUSES}">Causes</a></p>', publish=False)
    assert "Glossary" in text_of(delete_question(editor_client, "hfs-causes"), WARNING)


def test_the_delete_question_for_a_page_nothing_points_to_has_no_warning(editor_client, editor):
    page = create_page("Never published", "content_page.html", "en", slug="never", created_by=editor)
    response = editor_client.get(reverse("admin:cms_page_delete", args=[page.pk]))
    assert text_of(response, WARNING) == ""


def test_the_delete_question_still_asks(editor_client):
    assert 'name="post" value="yes"' in delete_question(editor_client, "hfs-causes").content.decode()


def test_the_delete_question_escapes_what_staff_typed(editor_client):
    ReferralLink.objects.create(label="<script>alert(1)</script>", page=page_by_id("hfs-causes"))
    assert "<script>alert(1)" not in delete_question(editor_client, "hfs-causes").content.decode()
