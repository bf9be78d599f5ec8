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
