"""Each staff role reaches only what it needs: page previews and the clinical review form."""

import pytest
from cms.models import Page, PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url, get_object_structure_url
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from conditions.models import ConditionFacts
from editorial.models import PageReview
from editorial.roles import CARE_COORDINATOR, CLINICAL_REVIEWER, CONTENT_EDITOR

from .conftest import edit_and_publish, published_content

pytestmark = pytest.mark.django_db
SECRET_DRAFT = "<p>Unpublished wording the neurology team has not approved.</p>"


def staff(role):
    user = get_user_model().objects.create_user(role.lower().replace(" ", "-"), password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client, user


def page_views(content):
    return {
        "preview": get_object_preview_url(content),
        "structure": get_object_structure_url(content),
        "edit": get_object_edit_url(content),
    }


# --- finding 7: placeholder preview and structure ---------------------------------------------


def test_a_care_coordinator_cannot_read_drafts_or_pages_through_the_cms_endpoints(editor):
    draft = edit_and_publish("hfs-symptoms", editor, SECRET_DRAFT, publish=False)
    coordinator, _ = staff(CARE_COORDINATOR)
    for content in (draft, published_content("hfs-causes")):
        for name, url in page_views(content).items():
            response = coordinator.get(url)
            assert response.status_code == 403, (name, url, response.status_code)
            assert "Unpublished wording" not in response.content.decode()


def test_editors_and_reviewers_still_preview_drafts(editor):
    draft = edit_and_publish("hfs-symptoms", editor, SECRET_DRAFT, publish=False)
    clients = {role: staff(role)[0] for role in (CONTENT_EDITOR, CLINICAL_REVIEWER)}
    for role, client in clients.items():
        response = client.get(get_object_preview_url(draft))
        assert response.status_code == 200, role
        assert "Unpublished wording" in response.content.decode()
        assert client.get(get_object_structure_url(draft)).status_code == 200, role


def test_a_content_editor_edits_the_draft_they_made():
    """(Someone else's draft is locked to its author: tests/test_version_locks.py.)"""
    client, user = staff(CONTENT_EDITOR)
    draft = edit_and_publish("hfs-symptoms", user, SECRET_DRAFT, publish=False)
    assert client.get(get_object_edit_url(draft)).status_code == 200


def test_signed_out_visitors_are_sent_to_sign_in(client):
    url = get_object_preview_url(published_content("hfs-causes"))
    response = client.get(url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_junk_object_ids_are_not_found(editor_client):
    content = published_content("hfs-causes")
    url = get_object_preview_url(content).replace(f"/{content.pk}/", "/999999/")
    assert editor_client.get(url).status_code == 404
    coordinator, _ = staff(CARE_COORDINATOR)
    assert coordinator.get(url).status_code in (403, 404)


# --- finding 9: the extension add views with a missing or bad page ----------------------------


@pytest.mark.parametrize("model_name", ["editorial_pagereview", "conditions_conditionfacts"])
@pytest.mark.parametrize("query", ["", "?extended_object=", "?extended_object=abc", "?extended_object=999999"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_extension_forms_refuse_a_missing_or_unknown_page(editor_client, model_name, query, method):
    url = reverse(f"admin:{model_name}_add") + query
    data = {"reviewed_by": "Dr A", "reviewed_on": "2026-11-02", "condition_name": "X"}
    response = getattr(editor_client, method)(url, data if method == "post" else None)
    assert response.status_code in (400, 404), (url, response.status_code)
    assert not PageReview.objects.filter(reviewed_by="Dr A").exists()


def test_an_id_that_is_no_page_version_is_refused(editor_client):
    """Ids of other things (a page, not one of its versions), too large for the database, or
    not plain digits, get 400 or 404."""
    known = set(PageContent.admin_manager.values_list("pk", flat=True))
    other = max(Page.objects.values_list("pk", flat=True)) + max(known)
    for value in (str(other), "9" * 30, "1e3", "-1", "١", "1%00"):
        url = reverse("admin:editorial_pagereview_add") + f"?extended_object={value}"
        assert editor_client.get(url).status_code in (400, 404), value


def test_the_review_link_from_content_health_still_works(editor):
    content = published_content("hfs-causes")
    PageReview.objects.filter(extended_object=content).delete()
    reviewer, _ = staff(CLINICAL_REVIEWER)
    url = reverse("admin:editorial_pagereview_add") + f"?extended_object={content.pk}"
    assert reviewer.get(url).status_code == 200
    response = reviewer.post(url, {"reviewed_by": "Dr Ana Ruiz", "reviewed_on": "2026-11-02"})
    assert response.status_code == 302
    assert PageReview.objects.get(extended_object=content).reviewed_by == "Dr Ana Ruiz"
    # the same link now opens the saved review
    assert reviewer.get(url).status_code == 302


def test_condition_facts_open_from_the_toolbar_link(editor_client):
    content = published_content("hemifacial-spasm")
    url = reverse("admin:conditions_conditionfacts_add") + f"?extended_object={content.pk}"
    response = editor_client.get(url)
    facts = ConditionFacts.objects.get(extended_object=content)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:conditions_conditionfacts_change", args=[facts.pk])
