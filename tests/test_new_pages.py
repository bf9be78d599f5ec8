"""A page straight out of the CMS's Create wizard (never published) opens for its editor: no
page state may give an editor a 500."""

import re

import pytest
from cms.cms_wizards import cms_page_wizard, cms_subpage_wizard
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url

from .conftest import page_by_id

pytestmark = pytest.mark.django_db


def create_with_wizard(client, wizard, next_to, language, title):
    """What an editor does: toolbar Create, choose "New page" or "New sub page", type a title
    and some text, and press Create. Returns the new draft and where the wizard sends the
    editor."""
    start = f"/cms_wizard/create/?page={next_to.pk}&language={language}"
    choose = {
        "wizard_create_view-current_step": "0",
        "0-entry": wizard.id,
        "0-page": next_to.pk,
        "0-language": language,
    }
    assert client.post(start, choose).status_code == 200
    fill_in = {"wizard_create_view-current_step": "1", "1-title": title, "1-slug": "", "1-content": "<p>New text.</p>"}
    done = client.post("/cms_wizard/create/", fill_in)
    sent_to = re.search(r'href="([^"]+)"', done.content.decode()).group(1)
    return PageContent.admin_manager.get(title=title, language=language), sent_to


WHERE = [
    (cms_page_wizard, "hfs-causes"),  # beside a guide page
    (cms_subpage_wizard, "hfs-causes"),  # below a guide page
    (cms_subpage_wizard, "care-team"),  # below a content page
    (cms_page_wizard, "home"),  # at the top
]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("wizard,next_to", WHERE)
def test_a_new_page_opens_in_edit_mode(editor_client, wizard, next_to, language):
    draft, sent_to = create_with_wizard(editor_client, wizard, page_by_id(next_to), language, "A new page")
    response = editor_client.get(sent_to)
    assert response.status_code == 200


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("wizard,next_to", WHERE)
def test_a_new_page_opens_in_preview(editor_client, wizard, next_to, language):
    draft, _sent_to = create_with_wizard(editor_client, wizard, page_by_id(next_to), language, "A new page")
    response = editor_client.get(get_object_preview_url(draft))
    assert "New text." in response.content.decode()


def test_a_page_below_a_new_page_opens_in_edit_mode_and_preview(editor_client):
    parent, _ = create_with_wizard(editor_client, cms_subpage_wizard, page_by_id("hfs-causes"), "en", "Parent")
    child, _ = create_with_wizard(editor_client, cms_subpage_wizard, parent.page, "en", "Child")
    assert editor_client.get(get_object_edit_url(child)).status_code == 200
    assert editor_client.get(get_object_preview_url(child)).status_code == 200
