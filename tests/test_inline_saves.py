"""Inline text editing shows that it saved: djangocms-text asks for the admin's messages after
each save and shows them in the toolbar's message bar."""

import pytest
from django.urls import reverse

from .conftest import edit_and_publish, first_text_plugin
from .test_version_locks import content_editor

pytestmark = pytest.mark.django_db
MESSAGES_URL = reverse("admin:djangocms_text_textplugin_get_messages")


def save(client, draft, body, frame):
    """What the inline editor (`fetch`: "empty") or the editing dialog's form ("iframe") sends."""
    plugin = first_text_plugin(draft)
    url = reverse("admin:cms_placeholder_edit_plugin", args=[plugin.pk]) + "?cms_path=/hemifacial-spasm/symptoms/"
    return client.post(url, {"body": body, "_save": "Save"}, headers={"sec-fetch-dest": frame})


def shown_messages(client):
    return [message["message"] for message in client.post(MESSAGES_URL).json()["messages"]]


@pytest.fixture
def editor_with_draft():
    client, user = content_editor("ana", "Ana")
    return client, edit_and_publish("hfs-symptoms", user, "<p>Old words.</p>", publish=False)


def test_an_inline_save_says_it_saved(editor_with_draft):
    client, draft = editor_with_draft
    save(client, draft, "<p>New words.</p>", frame="empty")
    assert shown_messages(client) == ["Saved in the draft."]


def test_a_save_from_the_editing_dialog_leaves_no_message_for_later(editor_with_draft):
    client, draft = editor_with_draft
    save(client, draft, "<p>New words.</p>", frame="iframe")
    assert shown_messages(client) == []


def test_a_refused_save_does_not_say_it_saved(editor_with_draft):
    _client, draft = editor_with_draft
    other, _user = content_editor("ben", "Ben")
    save(other, draft, "<p>Ben's words.</p>", frame="empty")
    assert shown_messages(other) == []
