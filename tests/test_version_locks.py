"""Two editors on one page: a draft is locked to the editor who made it, everyone else is told
who is editing it, and no saved change is overwritten without a warning."""

import pytest
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from djangocms_versioning.models import Version

from editorial.roles import CONTENT_EDITOR

from .conftest import edit_and_publish, first_text_plugin, published_content

pytestmark = pytest.mark.django_db
FIRST_EDIT = "<p>Ana's wording, saved in her draft.</p>"


def content_editor(username, first_name=""):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "x" * 16, is_staff=True, first_name=first_name
    )
    user.groups.add(Group.objects.get(name=CONTENT_EDITOR))
    client = Client()
    client.force_login(user)
    return client, user


@pytest.fixture
def ana():
    return content_editor("ana", "Ana")


@pytest.fixture
def ben():
    return content_editor("ben", "Ben")


@pytest.fixture
def anas_draft(ana):
    """Ana makes a draft of the symptoms page and saves a change in it."""
    return edit_and_publish("hfs-symptoms", ana[1], FIRST_EDIT, publish=False)


def save_text(client, draft, body):
    plugin = first_text_plugin(draft)
    url = reverse("admin:cms_placeholder_edit_plugin", args=[plugin.pk]) + "?cms_path=/hemifacial-spasm/symptoms/"
    return client.post(url, {"body": body, "_save": "Save"})


def unlock(client, draft):
    version = Version.objects.get_for_content(draft)
    return client.post(reverse("admin:djangocms_versioning_pagecontentversion_unlock", args=[version.pk]))


def take_over(client, draft):
    """What a second editor does on the published page after unlocking: "Edit", which opens the
    draft in edit mode."""
    published = Version.objects.get_for_content(published_content("hfs-symptoms"))
    response = client.post(reverse("admin:djangocms_versioning_pagecontentversion_edit_redirect", args=[published.pk]))
    assert response.status_code == 302
    return client.get(response["Location"])


def test_a_draft_is_locked_to_the_editor_who_made_it(anas_draft, ben):
    response = ben[0].get(get_object_edit_url(anas_draft))
    assert response["Location"] == get_object_preview_url(anas_draft)


def test_a_second_editor_cannot_save_into_a_locked_draft(anas_draft, ben):
    assert save_text(ben[0], anas_draft, "<p>Ben's wording.</p>").status_code == 403


def test_the_first_editors_saved_change_is_kept(anas_draft, ben):
    save_text(ben[0], anas_draft, "<p>Ben's wording.</p>")
    assert first_text_plugin(anas_draft).body == FIRST_EDIT


def test_the_refused_save_names_who_is_editing(anas_draft, ben):
    response = save_text(ben[0], anas_draft, "<p>Ben's wording.</p>")
    assert "Ana is now editing this draft, so your last change was not saved." in response.content.decode()


def test_the_published_page_names_who_is_editing_its_draft(anas_draft, ben):
    html = ben[0].get("/hemifacial-spasm/symptoms/").content.decode()
    assert "Ana is editing this page" in html


def test_the_editor_who_holds_the_draft_is_not_told_about_themselves(anas_draft, ana):
    html = ana[0].get("/hemifacial-spasm/symptoms/").content.decode()
    assert "is editing this page" not in html


def test_an_editors_name_is_shown_as_text(ben):
    _client, mallory = content_editor("mallory", '<img src=x onerror="alert(1)">')
    draft = edit_and_publish("hfs-symptoms", mallory, FIRST_EDIT, publish=False)
    html = ben[0].get("/hemifacial-spasm/symptoms/").content.decode()
    refusal = save_text(ben[0], draft, "<p>x</p>").content.decode()
    assert '<img src=x onerror="alert(1)">' not in html + refusal


def test_a_content_editor_may_unlock_a_colleagues_draft(anas_draft, ben):
    assert unlock(ben[0], anas_draft).status_code == 302


def test_unlocking_tells_the_author(anas_draft, ben):
    unlock(ben[0], anas_draft)
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


def test_unlocking_keeps_the_authors_saved_change(anas_draft, ben):
    unlock(ben[0], anas_draft)
    assert FIRST_EDIT in take_over(ben[0], anas_draft).content.decode()


def test_the_editor_who_takes_over_an_unlocked_draft_holds_it(anas_draft, ana, ben):
    unlock(ben[0], anas_draft)
    take_over(ben[0], anas_draft)
    assert save_text(ana[0], anas_draft, "<p>Ana again.</p>").status_code == 403


def test_the_author_is_told_who_took_over(anas_draft, ana, ben):
    unlock(ben[0], anas_draft)
    take_over(ben[0], anas_draft)
    response = save_text(ana[0], anas_draft, "<p>Ana again.</p>")
    assert "Ben is now editing this draft" in response.content.decode()


def test_the_editor_who_took_over_can_save(anas_draft, ben):
    unlock(ben[0], anas_draft)
    take_over(ben[0], anas_draft)
    save_text(ben[0], anas_draft, "<p>Ben's wording.</p>")
    assert first_text_plugin(anas_draft).body == "<p>Ben's wording.</p>"
