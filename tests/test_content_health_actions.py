"""Content health says what to do: each flag links to where it is fixed, urgent ones come first,
stray drafts can be discarded in one click, and a recorded review is confirmed."""

import datetime
import re

import pytest
from cms.models import PageContent
from cms.utils.urlutils import admin_reverse
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from djangocms_versioning.models import Version

from editorial.content_health import build_report
from editorial.models import PageReview
from editorial.roles import CLINICAL_REVIEWER, CONTENT_EDITOR
from references.models import Source

from .conftest import edit_and_publish, first_text_plugin, published_content

pytestmark = pytest.mark.django_db
HEALTH = "/admin/editorial/contenthealth/"


def staff(role, **names):
    user = get_user_model().objects.create_user(
        role.lower().replace(" ", "-"), password="x" * 16, is_staff=True, **names
    )
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client, user


def row_for(url, language="en"):
    return next(row for row in build_report() if row.url == url and row.language == language)


def health_rows(html):
    """The <tr> of each page in the content health table, in the order shown."""
    return re.findall(r"<tr[^>]*>\s*<th scope=\"row\">.*?</tr>", html, flags=re.S)


# --- meta descriptions ---------------------------------------------------------------------------


def test_a_published_guide_page_without_a_meta_description_is_flagged(editor):
    PageContent.admin_manager.filter(pk=published_content("hfs-symptoms").pk).update(meta_description=" ")
    row = row_for("/hemifacial-spasm/symptoms/")
    assert "no meta description" in row.flags


def test_without_a_draft_the_meta_description_fix_opens_the_page_to_make_one(editor):
    PageContent.admin_manager.filter(pk=published_content("hfs-symptoms").pk).update(meta_description="")
    flag = next(f for f in row_for("/hemifacial-spasm/symptoms/").problems if f.text == "no meta description")
    assert (flag.fix_url, flag.fix_text) == ("/hemifacial-spasm/symptoms/", "Open the page")


def test_with_a_draft_the_meta_description_fix_opens_the_drafts_page_settings(editor, editor_client):
    PageContent.admin_manager.filter(pk=published_content("hfs-symptoms").pk).update(meta_description="")
    draft = edit_and_publish("hfs-symptoms", editor, "<p>New words.</p>", publish=False)
    flag = next(f for f in row_for("/hemifacial-spasm/symptoms/").problems if f.text == "no meta description")
    assert flag.fix_url == f"/admin/cms/pagecontent/{draft.pk}/change/?language=en"
    settings_form = editor_client.get(flag.fix_url).content.decode()
    assert 'name="meta_description"' in settings_form  # the draft's settings can be changed


def test_pages_with_a_meta_description_are_not_flagged():
    assert not any("no meta description" in row.flags for row in build_report())


# --- changed since review -------------------------------------------------------------------------


def review(reverse_id, day=datetime.date(2026, 11, 2), language="en"):
    return PageReview.objects.create(
        extended_object=published_content(reverse_id, language), reviewed_by="Dr Ana Ruiz", reviewed_on=day
    )


def test_a_page_published_again_after_its_review_is_changed_since_review(editor):
    review("hfs-causes")
    new_version = edit_and_publish("hfs-causes", editor, "<p>Words nobody reviewed.</p>")
    row = row_for("/hemifacial-spasm/causes/")
    assert row.changed_since_review
    assert "changed since review" in row.flags
    # the fix opens the review of the new text (a copy of the old one, to be brought up to date)
    copied = PageReview.objects.get(extended_object=new_version)
    assert row.review_admin_url == reverse("admin:editorial_pagereview_change", args=[copied.pk])


def test_a_review_of_the_published_text_is_not_changed_since_review():
    review("hfs-causes")
    row = row_for("/hemifacial-spasm/causes/")
    assert "changed since review" not in row.flags


def test_reviewing_the_new_text_clears_the_flag(editor):
    review("hfs-causes")
    new_version = edit_and_publish("hfs-causes", editor, "<p>New words.</p>")
    PageReview.objects.filter(extended_object=new_version).update(reviewed_on=datetime.date(2026, 11, 20))
    assert "changed since review" not in row_for("/hemifacial-spasm/causes/").flags


def test_a_draft_made_before_the_review_and_published_after_it_is_changed_since_review(editor):
    draft_version = Version.objects.get_for_content(published_content("hfs-causes")).copy(editor)
    review("hfs-causes")  # recorded on the old published text, after the draft was made
    draft_version.publish(editor)
    row = row_for("/hemifacial-spasm/causes/")
    assert "changed since review" in row.flags
    assert row.reviewed_by == "Dr Ana Ruiz"


# --- stray drafts ---------------------------------------------------------------------------------


def test_a_draft_nobody_changed_is_flagged_with_a_discard_button(editor_client, editor):
    draft = Version.objects.get_for_content(published_content("hfs-causes")).copy(editor)
    row = row_for("/hemifacial-spasm/causes/")
    assert any(flag.startswith("draft never changed since") for flag in row.flags)
    html = editor_client.get(HEALTH).content.decode()
    discard_url = reverse("admin:djangocms_versioning_pagecontentversion_discard", args=[draft.pk])
    assert f'<form method="post" action="{discard_url}">' in html


def test_the_discard_button_removes_the_draft_and_keeps_the_published_page(editor_client, editor):
    draft = Version.objects.get_for_content(published_content("hfs-causes")).copy(editor)
    html = editor_client.get(HEALTH).content.decode()
    form = re.search(rf'<form method="post" action="([^"]+/{draft.pk}/discard/)">(.*?)</form>', html, flags=re.S)
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]+)"', form.group(2)))
    response = editor_client.post(form.group(1), data)
    assert response.status_code == 302
    assert not Version.objects.filter(pk=draft.pk).exists()
    assert editor_client.get("/hemifacial-spasm/causes/").status_code == 200


def test_a_changed_draft_is_listed_without_a_one_click_discard(editor_client, editor):
    draft = Version.objects.get_for_content(published_content("hfs-causes")).copy(editor)
    plugin = first_text_plugin(draft.content)
    # the editor changes the text through the CMS's own plugin form, as in the toolbar
    response = editor_client.post(
        admin_reverse("cms_placeholder_edit_plugin", args=[plugin.pk]) + "?cms_path=/hemifacial-spasm/causes/",
        {"body": "<p>Work in progress.</p>"},
    )
    assert response.status_code == 200
    row = row_for("/hemifacial-spasm/causes/")
    assert any(flag.startswith("draft waiting since") for flag in row.flags)
    assert f"/{draft.pk}/discard/" not in editor_client.get(HEALTH).content.decode()


def test_a_reviewer_gets_no_discard_button_and_cannot_discard(editor):
    draft = Version.objects.get_for_content(published_content("hfs-causes")).copy(editor)
    reviewer, _ = staff(CLINICAL_REVIEWER)
    assert f"/{draft.pk}/discard/" not in reviewer.get(HEALTH).content.decode()
    reviewer.post(reverse("admin:djangocms_versioning_pagecontentversion_discard", args=[draft.pk]), {"discard": "1"})
    assert Version.objects.filter(pk=draft.pk).exists()


# --- sources, order, links ------------------------------------------------------------------------


def test_sources_to_check_are_named_as_patients_see_them_and_open_their_records(editor_client):
    html = editor_client.get(HEALTH).content.decode()
    lu = Source.objects.get(key="lu-2014")
    assert f'<a href="/admin/references/source/{lu.pk}/change/">Lu, 2014</a>' in html
    assert "lu-2014" not in html


def test_pages_that_need_fixing_now_are_listed_first(editor_client, editor):
    edit_and_publish("hfs-diagnosis", editor, '<p>See <a href="/hemifacial-spasm/no-such-page/">this</a>.</p>')
    rows = health_rows(editor_client.get(HEALTH).content.decode())
    assert "How hemifacial spasm is diagnosed" in rows[0]


def test_an_urgent_flag_says_what_is_wrong_and_links_to_the_fix(editor_client, editor):
    edit_and_publish("hfs-diagnosis", editor, '<p>See <a href="/hemifacial-spasm/no-such-page/">this</a>.</p>')
    first = health_rows(editor_client.get(HEALTH).content.decode())[0]
    assert '<span class="fix">broken links</span>: <a href="/hemifacial-spasm/diagnosis/">Open the page<' in first
    assert "/hemifacial-spasm/no-such-page/" in first


def test_not_reviewed_is_a_quiet_status_not_a_flag_to_fix(editor_client):
    html = editor_client.get(HEALTH).content.decode()
    assert "No page needs fixing now." in html
    assert '<p class="quiet">Not reviewed yet</p>' in html
    assert '<span class="fix">not reviewed</span>' not in html


def test_a_reviewer_is_not_offered_fixes_only_editors_can_make(editor):
    edit_and_publish("hfs-diagnosis", editor, '<p>See <a href="/hemifacial-spasm/no-such-page/">this</a>.</p>')
    reviewer, _ = staff(CLINICAL_REVIEWER)
    first = health_rows(reviewer.get(HEALTH).content.decode())[0]
    assert '<span class="fix">broken links</span></p>' in first


# --- recording a review ---------------------------------------------------------------------------


def add_review_url(reverse_id="hfs-causes"):
    return reverse("admin:editorial_pagereview_add") + f"?extended_object={published_content(reverse_id).pk}"


def test_a_recorded_review_is_confirmed_by_name_of_the_page():
    reviewer, _ = staff(CLINICAL_REVIEWER, first_name="Ana", last_name="Ruiz")
    response = reviewer.post(add_review_url(), {"reviewed_by": "Dr Ana Ruiz", "reviewed_on": "2026-11-02"}, follow=True)
    assert (
        '<li class="success">Clinical review recorded for “Causes of hemifacial spasm” (English): reviewed by '
        "Dr Ana Ruiz on Nov. 2, 2026. Next review due Nov. 2, 2028.</li>"
    ) in response.content.decode()


def test_after_recording_a_review_the_reviewer_is_back_in_content_health():
    reviewer, _ = staff(CLINICAL_REVIEWER)
    response = reviewer.post(add_review_url(), {"reviewed_by": "Dr Ana Ruiz", "reviewed_on": "2026-11-02"})
    assert response["Location"] == HEALTH


def test_reviewed_by_left_empty_is_the_signed_in_reviewers_full_name():
    reviewer, _ = staff(CLINICAL_REVIEWER, first_name="Ana", last_name="Ruiz")
    reviewer.post(add_review_url(), {"reviewed_by": "", "reviewed_on": "2026-11-02"})
    assert PageReview.objects.get(extended_object=published_content("hfs-causes")).reviewed_by == "Ana Ruiz"


def test_the_review_form_says_whose_name_an_empty_reviewed_by_becomes():
    reviewer, _ = staff(CLINICAL_REVIEWER, first_name="Ana", last_name="Ruiz")
    assert "Leave empty to use your name: Ana Ruiz." in reviewer.get(add_review_url()).content.decode()


def test_a_typed_reviewer_name_is_kept():
    editor_client, _ = staff(CONTENT_EDITOR, first_name="Sam", last_name="Editor")
    editor_client.post(add_review_url(), {"reviewed_by": "Dr Ana Ruiz", "reviewed_on": "2026-11-02"})
    assert PageReview.objects.get(extended_object=published_content("hfs-causes")).reviewed_by == "Dr Ana Ruiz"


def test_without_a_full_name_an_empty_reviewer_is_still_an_error():
    reviewer, _ = staff(CLINICAL_REVIEWER)
    response = reviewer.post(add_review_url(), {"reviewed_by": "", "reviewed_on": "2026-11-02"})
    assert "Give both the reviewer" in response.content.decode()


def test_the_source_form_says_not_yet_checked_by_a_clinician(editor_client):
    barker = Source.objects.get(key="barker-1995")
    html = editor_client.get(reverse("admin:references_source_change", args=[barker.pk])).content.decode()
    assert "Not yet checked by a clinician" in html


def test_the_source_form_no_longer_says_check_before_publishing(editor_client):
    barker = Source.objects.get(key="barker-1995")
    html = editor_client.get(reverse("admin:references_source_change", args=[barker.pk])).content.decode()
    assert "Check before publishing" not in html
