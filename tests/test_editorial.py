"""Editors and reviewers: drafts, compare, publish, unpublish, revert, roles, review, rich text."""

import datetime
import re

import pytest
from cms.api import add_plugin
from cms.toolbar.utils import get_object_preview_url
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from djangocms_versioning import constants
from djangocms_versioning.models import Version

from editorial.models import PageReview, add_months
from editorial.roles import CARE_COORDINATOR, CLINICAL_REVIEWER, CONTENT_EDITOR

from .conftest import edit_and_publish, first_text_plugin, published_content

pytestmark = pytest.mark.django_db
OLD = "The nerve then sends extra signals"
NEW = "<p>Edited by the neurology team in a draft.</p>"


def versioning_url(action, version):
    return reverse(f"admin:djangocms_versioning_pagecontentversion_{action}", args=[version.pk])


def staff(role):
    user = get_user_model().objects.create_user(role.lower().replace(" ", "-"), password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client, user


# --- drafts and publishing through the versioning admin ----------------------------------------


def test_an_editor_previews_compares_publishes_and_a_visitor_sees_it(editor):
    client, user = staff(CONTENT_EDITOR)
    published = Version.objects.get_for_content(published_content("hfs-causes"))
    draft = edit_and_publish("hfs-causes", user, NEW, publish=False)
    draft_version = Version.objects.get_for_content(draft)

    preview = client.get(get_object_preview_url(draft)).content.decode()
    assert "Edited by the neurology team" in preview
    assert '<nav class="contents-list"' in preview
    assert "<h1>Causes of hemifacial spasm</h1>" in preview

    compare = client.get(versioning_url("compare", draft_version) + f"?compare_to={published.pk}")
    assert compare.status_code == 200
    html = compare.content.decode()
    # the compare view shows the two versions side by side, each as a preview
    v1, v2 = (re.search(rf'"{key}": "([^"?]+)', html).group(1) for key in ("v1_url", "v2_url"))
    assert "Edited by the neurology team" in client.get(v1).content.decode()
    assert OLD in client.get(v2).content.decode()

    visitor = Client()
    assert OLD in visitor.get("/hemifacial-spasm/causes/").content.decode()
    response = client.post(versioning_url("publish", draft_version))
    assert response.status_code == 302
    html = visitor.get("/hemifacial-spasm/causes/").content.decode()
    assert "Edited by the neurology team" in html
    assert OLD not in html


def test_an_editor_unpublishes_a_page(editor):
    client, _ = staff(CONTENT_EDITOR)
    version = Version.objects.get_for_content(published_content("hfs-diagnosis"))
    assert client.post(versioning_url("unpublish", version)).status_code == 302
    assert Client().get("/hemifacial-spasm/diagnosis/").status_code == 404


def test_an_editor_reverts_to_an_earlier_version(editor):
    client, user = staff(CONTENT_EDITOR)
    first = Version.objects.get_for_content(published_content("hfs-causes"))
    edit_and_publish("hfs-causes", user, NEW)
    first = Version.objects.get(pk=first.pk)
    assert first.state == constants.UNPUBLISHED  # replaced by the newer version
    assert client.post(versioning_url("revert", first)).status_code == 302
    draft = Version.objects.filter_by_content_grouping_values(first.content).get(state=constants.DRAFT)
    assert OLD in first_text_plugin(draft.content).body
    client.post(versioning_url("publish", draft))
    assert OLD in Client().get("/hemifacial-spasm/causes/").content.decode()


# --- roles ----------------------------------------------------------------------------------


def test_a_content_editor_edits_plugins_and_images_but_not_users_or_callbacks():
    client, user = staff(CONTENT_EDITOR)
    for perm in ("cms.publish_page", "djangocms_text.change_text", "filer.add_image", "conditions.add_callout"):
        assert user.has_perm(perm)
    draft = edit_and_publish("hfs-symptoms", user, NEW, publish=False)
    plugin = first_text_plugin(draft)
    edit_url = reverse("admin:cms_placeholder_edit_plugin", args=[plugin.pk])
    assert client.get(edit_url).status_code == 200
    assert client.get("/admin/filer/folder/").status_code == 200
    for url in ("/admin/auth/user/", "/admin/coordinators/callbackrequest/", "/admin/auth/group/"):
        assert client.get(url).status_code == 403, url


def test_a_clinical_reviewer_records_a_review_but_cannot_change_or_publish_pages(editor):
    client, user = staff(CLINICAL_REVIEWER)
    content = published_content("hfs-treatment")
    add_url = reverse("admin:editorial_pagereview_add") + f"?extended_object={content.pk}"
    response = client.post(
        add_url,
        {"reviewed_by": "Dr Ana Ruiz", "reviewer_credentials": "MD", "reviewed_on": "2026-11-02"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    review = PageReview.objects.get(extended_object=content)
    assert review.next_review_due == datetime.date(2028, 11, 2)  # 24 months by default
    assert "Reviewed by Dr Ana Ruiz, MD on" in Client().get("/hemifacial-spasm/treatment/").content.decode()

    draft = edit_and_publish("hfs-treatment", editor, NEW, publish=False)
    draft_version = Version.objects.get_for_content(draft)
    client.post(versioning_url("publish", draft_version))
    assert Version.objects.get(pk=draft_version.pk).state == constants.DRAFT  # not published
    plugin = first_text_plugin(draft)
    assert client.get(reverse("admin:cms_placeholder_edit_plugin", args=[plugin.pk])).status_code == 403
    assert not user.has_perm("cms.change_page")
    assert not user.has_perm("cms.publish_page")
    assert client.get("/admin/coordinators/callbackrequest/").status_code == 403


def test_a_content_editor_manages_the_glossary_and_a_reviewer_confirms_sources(client):
    from references.models import GlossaryTerm, Source

    editor_client, _user = staff(CONTENT_EDITOR)
    response = editor_client.post(
        "/admin/references/glossaryterm/add/",
        {"language": "en", "term": "Twitch", "slug": "twitch", "matches": "twitch", "definition": "A small jump."},
    )
    assert response.status_code == 302
    assert GlossaryTerm.objects.filter(slug="twitch").exists()
    assert 'href="/glossary/#twitch"' in client.get("/hemifacial-spasm/").content.decode()

    reviewer_client, _reviewer = staff(CLINICAL_REVIEWER)
    source = Source.objects.get(key="barker-1995")
    fields = {name: getattr(source, name) or "" for name in ("key", "authors", "title", "publication", "year", "url")}
    response = reviewer_client.post(
        f"/admin/references/source/{source.pk}/change/",
        {**fields, "confirmed_by": "Dr Ana Ruiz", "confirmed_on": "2026-11-20"},
    )
    assert response.status_code == 302
    assert not Source.objects.get(key="barker-1995").needs_check
    assert reviewer_client.get("/admin/references/glossaryterm/").status_code == 403
    assert staff(CARE_COORDINATOR)[0].get("/admin/references/source/").status_code == 403


def test_each_role_sees_content_health_only_if_it_needs_it():
    assert staff(CONTENT_EDITOR)[0].get("/admin/editorial/contenthealth/").status_code == 200
    assert staff(CLINICAL_REVIEWER)[0].get("/admin/editorial/contenthealth/").status_code == 200
    assert staff(CARE_COORDINATOR)[0].get("/admin/editorial/contenthealth/").status_code == 403


# --- clinical review rules ------------------------------------------------------------------


def review(**fields):
    return PageReview(extended_object=published_content("hfs-causes"), **fields)


def test_the_next_review_must_come_after_the_last():
    with pytest.raises(ValidationError, match="after the last review"):
        review(
            reviewed_by="Dr A", reviewed_on=datetime.date(2026, 5, 1), next_review_due=datetime.date(2026, 5, 1)
        ).clean()


def test_a_review_needs_a_name_and_a_date_not_in_the_future():
    with pytest.raises(ValidationError, match="both"):
        review(reviewed_by="Dr A").clean()
    with pytest.raises(ValidationError, match="future"):
        review(reviewed_by="Dr A", reviewed_on=datetime.date.today() + datetime.timedelta(days=2)).clean()


def test_the_next_review_defaults_to_the_configured_period(settings):
    settings.CLINICAL_REVIEW_INTERVAL_MONTHS = 12
    saved = review(reviewed_by="Dr A", reviewed_on=datetime.date(2026, 3, 31))
    saved.save()
    assert saved.next_review_due == datetime.date(2027, 3, 31)
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 11, 15), 24) == datetime.date(2028, 11, 15)


# --- rich text ------------------------------------------------------------------------------


def test_rich_text_keeps_only_accessible_markup(editor):
    placeholder = published_content("hfs-causes").get_placeholders().get(slot="content")
    pasted = (
        '<h1>Big</h1><p style="color:red"><font size="7" color="red">Loud</font> <span class="x">words</span></p>'
        "<table><tr><td>cell</td></tr></table><h5>small</h5>"
        "<h3>Kept</h3><ul><li><strong>b</strong> <em>i</em></li></ul>"
        '<p><a href="/care-team/" target="_blank" onclick="x()">team</a><img src="x.png"></p>'
    )
    plugin = add_plugin(placeholder, "TextPlugin", "en", body=pasted)
    plugin.refresh_from_db()
    body = plugin.body
    for gone in ("<h1", "style=", "<font", "<span", "<table", "<td", "<h5", "target=", "onclick", "<img"):
        assert gone not in body, gone
    for kept in ("Big", "Loud", "words", "cell", "small", "<h3>Kept</h3>", "<strong>b</strong>", "<em>i</em>"):
        assert kept in body, kept
    assert '<a href="/care-team/">team</a>' in body


def test_the_old_content_health_and_review_addresses_lead_to_their_new_place(editor_client):
    """Content health and clinical reviews moved from the conditions app to editorial: staff
    bookmarks keep working."""
    response = editor_client.get("/admin/conditions/contenthealth/?format=csv")
    assert response.status_code == 301
    assert response["Location"] == "/admin/editorial/contenthealth/?format=csv"
    review = editor_client.get("/admin/conditions/pagereview/add/?extended_object=1")
    assert review["Location"] == "/admin/editorial/pagereview/add/?extended_object=1"
