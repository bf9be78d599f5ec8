"""Spanish editors edit and preview Spanish drafts exactly as English editors edit English ones:
the draft's own text, in a page that is Spanish around it (lang, header, contents, footer)."""

import re

import pytest
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from djangocms_versioning.models import Version

from editorial.roles import CONTENT_EDITOR

from .conftest import published_content

pytestmark = pytest.mark.django_db
SPANISH_TEXT = "Casi siempre, la primera señal es que el párpado de abajo"
ENDPOINTS = {"edit": get_object_edit_url, "preview": get_object_preview_url}


@pytest.fixture
def spanish_editor():
    user = get_user_model().objects.create_user("editora", password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=CONTENT_EDITOR))
    client = Client()
    client.force_login(user)
    return client, user


def open_spanish_draft(spanish_editor, endpoint):
    """What a Spanish editor does: "New draft" on the Spanish symptoms page, then open it."""
    client, user = spanish_editor
    draft = Version.objects.get_for_content(published_content("hfs-symptoms", "es")).copy(user).content
    response = client.get(ENDPOINTS[endpoint](draft))
    assert response.status_code == 200
    return response.content.decode()


def main(html):
    return re.search(r"<main.*?</main>", html, re.DOTALL).group(0)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_spanish_draft_shows_its_own_text(spanish_editor, endpoint):
    assert SPANISH_TEXT in main(open_spanish_draft(spanish_editor, endpoint))


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_spanish_draft_is_marked_as_spanish(spanish_editor, endpoint):
    assert '<html lang="es">' in open_spanish_draft(spanish_editor, endpoint)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_the_page_around_a_spanish_draft_is_spanish(spanish_editor, endpoint):
    html = open_spanish_draft(spanish_editor, endpoint)
    assert "Ir al contenido principal" in html  # the skip link (header)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_the_footer_of_a_spanish_draft_is_spanish(spanish_editor, endpoint):
    html = open_spanish_draft(spanish_editor, endpoint)
    assert "En una emergencia, llame al 911." in html


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_english_draft_is_still_english(spanish_editor, endpoint):
    client, user = spanish_editor
    draft = Version.objects.get_for_content(published_content("hfs-symptoms")).copy(user).content
    html = client.get(ENDPOINTS[endpoint](draft)).content.decode()
    assert '<html lang="en">' in html
