"""Double-clicking something that is edited elsewhere (the comparison's figures, the care team's
phone numbers) says where to change it, with a way there, saves nothing, and leaves no empty
draft behind."""

import pytest
from cms.models import CMSPlugin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from djangocms_versioning.models import Version

from editorial.roles import CONTENT_EDITOR

from .conftest import edit_and_publish, published_content

pytestmark = pytest.mark.django_db
PLUGINS = {
    "TreatmentComparisonPlugin": ("hfs-choosing-a-treatment", "/hemifacial-spasm/treatment/"),
    "CallCareTeamPlugin": ("hfs-after-surgery", "/admin/coordinators/carecoordinator/"),
    "CareCoordinatorsPlugin": ("care-team", "/admin/coordinators/carecoordinator/"),
}


@pytest.fixture
def editor_and_client():
    user = get_user_model().objects.create_user("ana", password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=CONTENT_EDITOR))
    client = Client()
    client.force_login(user)
    return client, user


def new_draft(reverse_id, user):
    """What an editor does first: "New draft" on the page."""
    return Version.objects.get_for_content(published_content(reverse_id)).copy(user)


def double_click(client, draft, plugin_type):
    """A double-click on the plugin in edit mode opens its edit form (the CMS's edit-plugin view)."""
    plugin = CMSPlugin.objects.get(placeholder__in=draft.content.get_placeholders(), plugin_type=plugin_type)
    url = reverse("admin:cms_placeholder_edit_plugin", args=[plugin.pk])
    response = client.get(url + "?cms_path=/")
    assert response.status_code == 200
    return response.content.decode()


def leave(client, **data):
    return client.post(reverse("leave_unchanged_draft"), data)


@pytest.mark.parametrize("plugin_type", PLUGINS)
def test_the_edit_form_says_the_data_is_not_changed_here(editor_and_client, plugin_type):
    client, user = editor_and_client
    html = double_click(client, new_draft(PLUGINS[plugin_type][0], user), plugin_type)
    assert "are not changed here. They come from" in html


@pytest.mark.parametrize("plugin_type", PLUGINS)
def test_the_edit_form_leads_to_where_the_data_lives(editor_and_client, plugin_type):
    client, user = editor_and_client
    html = double_click(client, new_draft(PLUGINS[plugin_type][0], user), plugin_type)
    assert f'name="next" value="{PLUGINS[plugin_type][1]}"' in html


def test_the_comparison_names_the_treatment_page(editor_and_client):
    client, user = editor_and_client
    html = double_click(client, new_draft("hfs-choosing-a-treatment", user), "TreatmentComparisonPlugin")
    assert "Go to the page “Treatment for hemifacial spasm”" in html


def test_opening_the_form_saves_nothing(editor_and_client):
    client, user = editor_and_client
    draft = new_draft("hfs-choosing-a-treatment", user)
    double_click(client, draft, "TreatmentComparisonPlugin")
    assert Version.objects.get(pk=draft.pk).modified <= draft.created


def test_going_there_removes_the_editors_unchanged_draft(editor_and_client):
    client, user = editor_and_client
    draft = new_draft("hfs-choosing-a-treatment", user)
    leave(client, next="/hemifacial-spasm/treatment/", version=draft.pk)
    assert not Version.objects.filter(pk=draft.pk).exists()


def test_going_there_leads_there(editor_and_client):
    client, user = editor_and_client
    draft = new_draft("hfs-choosing-a-treatment", user)
    response = leave(client, next="/hemifacial-spasm/treatment/", version=draft.pk)
    assert response["Location"] == "/hemifacial-spasm/treatment/"


def test_the_published_page_stays_when_the_unchanged_draft_goes(editor_and_client, client):
    editor, user = editor_and_client
    leave(editor, next="/", version=new_draft("hfs-choosing-a-treatment", user).pk)
    assert client.get("/hemifacial-spasm/choosing-a-treatment/").status_code == 200


def test_a_draft_with_changes_is_kept(editor_and_client):
    client, user = editor_and_client
    draft = edit_and_publish("hfs-choosing-a-treatment", user, "<p>A change worth keeping.</p>", publish=False)
    version = Version.objects.get_for_content(draft)
    leave(client, next="/hemifacial-spasm/treatment/", version=version.pk)
    assert Version.objects.filter(pk=version.pk).exists()


def test_someone_elses_draft_is_kept(editor_and_client, editor):
    client, _user = editor_and_client
    draft = new_draft("hfs-choosing-a-treatment", editor)
    leave(client, next="/", version=draft.pk)
    assert Version.objects.filter(pk=draft.pk).exists()


def test_a_published_version_is_never_removed(editor_and_client):
    client, _user = editor_and_client
    published = Version.objects.get_for_content(published_content("hfs-choosing-a-treatment"))
    leave(client, next="/", version=published.pk)
    assert Version.objects.filter(pk=published.pk).exists()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_the_way_there_never_leaves_the_site(editor_and_client, target):
    client, _user = editor_and_client
    assert leave(client, next=target)["Location"] == "/"


@pytest.mark.parametrize("version", ["abc", "-1", "99999999999999999999", ""])
def test_junk_is_answered_with_a_redirect(editor_and_client, version):
    client, _user = editor_and_client
    assert leave(client, next="/", version=version).status_code == 302


def test_visitors_cannot_use_it(client):
    assert leave(client, next="/")["Location"].startswith("/admin/login/")


def test_in_edit_mode_the_contact_section_says_where_its_numbers_are_changed(editor_and_client, client):
    """The contact section on every page is not a plugin: in edit mode it says where it is changed."""
    from cms.toolbar.utils import get_object_edit_url

    editor_client, user = editor_and_client
    draft = new_draft("hfs-causes", user)
    html = editor_client.get(get_object_edit_url(draft.content)).content.decode()
    assert "are not changed here. They come from the care coordinator records." in html
    assert 'href="/admin/coordinators/carecoordinator/"' in html
    assert "are not changed here" not in client.get("/hemifacial-spasm/causes/").content.decode()
