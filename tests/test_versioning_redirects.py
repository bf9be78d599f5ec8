"""Version actions (publish, unpublish, ...) never send an editor to another site."""

from urllib.parse import urlsplit

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from djangocms_versioning import constants
from djangocms_versioning.models import Version

from editorial.roles import CONTENT_EDITOR

from .conftest import published_content

pytestmark = pytest.mark.django_db
OFF_SITE = [
    "//evil.example/",
    "https://evil.example/admin/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "javascript:alert(1)",
    "http:/evil.example/",
]


@pytest.fixture
def content_editor():
    user = get_user_model().objects.create_user("writer", password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=CONTENT_EDITOR))
    client = Client()
    client.force_login(user)
    return client, user


def publish_url(version):
    return reverse("admin:djangocms_versioning_pagecontentversion_publish", args=[version.pk])


def off_site(location):
    parts = urlsplit(location.replace("\\", "/"))
    return parts.netloc not in ("", "testserver") or parts.scheme not in ("", "http", "https")


@pytest.mark.parametrize("next_url", OFF_SITE)
def test_publishing_a_draft_with_an_off_site_next_stays_on_the_site(content_editor, next_url):
    client, user = content_editor
    draft = Version.objects.get_for_content(published_content("hfs-causes")).copy(user)
    response = client.post(f"{publish_url(draft)}?next={next_url}")
    assert response.status_code == 302
    assert not off_site(response["Location"]), response["Location"]
    assert "evil.example" not in response["Location"]
    assert Version.objects.get(pk=draft.pk).state == constants.PUBLISHED  # the publish itself still happens


def test_a_next_on_the_site_is_still_followed(content_editor):
    client, user = content_editor
    draft = Version.objects.get_for_content(published_content("hfs-causes")).copy(user)
    response = client.post(f"{publish_url(draft)}?next=/hemifacial-spasm/causes/")
    assert response.status_code == 302
    assert response["Location"] == "/hemifacial-spasm/causes/"


@pytest.mark.parametrize("back_url", OFF_SITE)
def test_the_back_link_of_a_version_action_stays_on_the_site(content_editor, back_url):
    client, _user = content_editor
    version = Version.objects.get_for_content(published_content("hfs-causes"))
    url = reverse("admin:djangocms_versioning_pagecontentversion_unpublish", args=[version.pk])
    response = client.get(url, {"back": back_url})
    assert response.status_code == 200
    for href in lxml.html.fromstring(response.content).xpath("//a/@href"):
        assert not off_site(href), href
        assert "evil.example" not in href, href
