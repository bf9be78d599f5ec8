"""Shared records staff keep (sources, glossary terms, care coordinators): named plainly, easy to
fill in, and easy to reach."""

import lxml.html
import pytest

from references.models import Source

pytestmark = pytest.mark.django_db


def source_names_in_the_admin(client):
    listing = lxml.html.fromstring(client.get("/admin/references/source/").content)
    return [
        cell.text_content().strip() for cell in listing.xpath('//table[@id="result_list"]//th[@class="field-__str__"]')
    ]


@pytest.mark.parametrize(
    "authors",
    ["The Newcastle upon Tyne Hospitals NHS Foundation Trust", "Newcastle upon Tyne Hospitals NHS Foundation Trust"],
)
def test_a_source_by_an_organisation_is_listed_by_its_name(editor_client, authors):
    Source.objects.filter(key="newcastle-botox").update(authors=authors)
    names = source_names_in_the_admin(editor_client)
    assert "Newcastle upon Tyne Hospitals NHS Foundation Trust" in names
    assert "The" not in names


def test_a_source_by_people_is_listed_by_its_first_authors_surname_and_year(editor_client):
    names = source_names_in_the_admin(editor_client)
    assert "Barker, 1995" in names
    assert "Lu, 2014" in names


# --- the toolbar's "Shared records" menu ------------------------------------------------------

SHARED_LISTS = {
    "/admin/references/glossaryterm/": "Glossary terms",
    "/admin/references/source/": "Sources",
    "/admin/coordinators/carecoordinator/": "Care coordinators",
}


def shared_records_menu(client, url="/hemifacial-spasm/causes/?edit"):
    """{address: name} of the toolbar's Shared records menu, as the signed-in user gets it."""
    toolbar = lxml.html.fromstring(client.get(url).content)
    menus = [item for item in toolbar.xpath('//div[contains(@class, "cms-toolbar")]//li') if item.xpath("./a/span")]
    for menu in menus:
        if menu.xpath("string(./a/span)").strip() == "Shared records":
            return {a.get("href"): a.text_content().strip().rstrip(".") for a in menu.xpath("./ul//a")}
    return {}


def staff_client(role):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    user = get_user_model().objects.create_user(role, password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


def test_editors_reach_every_shared_record_from_the_toolbar(editor_client):
    assert shared_records_menu(editor_client) == SHARED_LISTS


def test_each_menu_entry_opens_its_list(editor_client):
    for url in shared_records_menu(editor_client):
        assert editor_client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "role,lists",
    [
        ("Content editor", SHARED_LISTS),
        ("Clinical reviewer", {"/admin/references/source/": "Sources"}),  # reviewers confirm sources
        ("Care coordinator", {}),  # they may only read the coordinator records: no menu
    ],
)
def test_the_menu_lists_only_the_records_a_user_may_change(role, lists):
    assert shared_records_menu(staff_client(role), "/hemifacial-spasm/causes/") == lists
