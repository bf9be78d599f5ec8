"""The CMS toolbar shows each role only entries that do something for it: reviewers and
coordinators never get the greyed-out "Create", "New Page" and page settings entries."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from editorial.roles import CARE_COORDINATOR, CLINICAL_REVIEWER, CONTENT_EDITOR

pytestmark = pytest.mark.django_db
PAGE = "/hemifacial-spasm/causes/"


def toolbar_entries(role, page=PAGE):
    """The names of the toolbar's menu entries and buttons a member of `role` sees on a page,
    each with whether it is greyed out."""
    user = get_user_model().objects.create_user(role.lower().replace(" ", "-"), password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    html = client.get(page).content.decode()
    toolbar = html[html.index('<div class="cms-toolbar') :]
    entries = {}
    for attributes, name in re.findall(r'<li class="([^"]*)">\s*<a[^>]*>\s*<span>([^<]+)<', toolbar):
        entries[name.strip()] = "disabled" in attributes
    for attributes, name in re.findall(r'<a ([^>]*class="[^"]*cms-btn[^"]*"[^>]*)>([^<]+)</a>', toolbar):
        entries[name.strip()] = "cms-btn-disabled" in attributes
    return entries


@pytest.mark.parametrize("role", [CLINICAL_REVIEWER, CARE_COORDINATOR])
@pytest.mark.parametrize("entry", ["Create", "Create Page", "New Page...", "New Sub Page...", "Page settings..."])
def test_reviewers_and_coordinators_do_not_see_entries_they_cannot_use(role, entry):
    assert entry not in toolbar_entries(role)


@pytest.mark.parametrize("role", [CLINICAL_REVIEWER, CARE_COORDINATOR])
def test_no_greyed_out_entry_is_left_for_reviewers_and_coordinators(role):
    assert [name for name, disabled in toolbar_entries(role).items() if disabled] == []


def test_a_reviewer_still_records_a_review_from_the_page_menu():
    entries = toolbar_entries(CLINICAL_REVIEWER)
    assert entries.get("Clinical review...") is False


def test_a_reviewer_still_switches_language():
    assert "Español" in toolbar_entries(CLINICAL_REVIEWER)


def test_a_coordinator_gets_no_page_or_language_menu():
    entries = toolbar_entries(CARE_COORDINATOR)
    assert {"Page", "Language", "Español"} & set(entries) == set()


def test_a_coordinator_still_reaches_the_admin_and_signs_out():
    entries = toolbar_entries(CARE_COORDINATOR)
    assert {"Administration...", "Logout care-coordinator"} <= set(entries)


@pytest.mark.parametrize("entry", ["Create", "New Page...", "Page settings...", "Clinical review..."])
def test_content_editors_keep_every_page_entry(entry):
    assert toolbar_entries(CONTENT_EDITOR).get(entry) is False


@pytest.mark.parametrize("page", ["/hemifacial-spasm/", PAGE])
def test_content_editors_edit_the_condition_facts_from_a_guide_page(page):
    assert toolbar_entries(CONTENT_EDITOR, page).get("Condition facts (for search engines)...") is False


def test_condition_facts_are_not_offered_outside_a_guide():
    assert "Condition facts (for search engines)..." not in toolbar_entries(CONTENT_EDITOR, "/accessibility/")


def test_reviewers_are_not_offered_the_condition_facts():
    assert "Condition facts (for search engines)..." not in toolbar_entries(CLINICAL_REVIEWER, "/hemifacial-spasm/")
