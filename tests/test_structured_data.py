"""schema.org JSON-LD: parses, says what the guide is about, and is built from the content."""

import datetime
import json
import re

import pytest

from conditions.models import ConditionFacts
from editorial.models import PageReview

from .conftest import edit_and_publish, published_content

pytestmark = pytest.mark.django_db


def graph(client, url):
    html = client.get(url).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(blocks) == 1, url
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    return {item["@type"]: item for item in data["@graph"]}


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.PUBLIC_BASE_URL = "https://hfs.example.org"


@pytest.mark.parametrize("url", ["/hemifacial-spasm/", "/hemifacial-spasm/causes/", "/hemifacial-spasm/treatment/"])
def test_every_guide_page_is_a_medical_web_page_about_the_condition(client, url):
    items = graph(client, url)
    page = items["MedicalWebPage"]
    assert page["url"] == f"https://hfs.example.org{url}"
    assert page["inLanguage"] == "en"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", page["dateModified"])
    # never reviewed
    assert "lastReviewed" not in page
    assert "reviewedBy" not in page
    condition = page["about"]
    assert condition["@type"] == "MedicalCondition"
    assert condition["name"] == "Hemifacial spasm"
    assert "facial twitch" in condition["alternateName"]
    assert condition["relevantSpecialty"]["name"] == "Neurologic"
    assert all(s["@type"] == "MedicalSignOrSymptom" and s["name"] for s in condition["signOrSymptom"])
    assert all(c["@type"] == "MedicalCause" and c["name"] for c in condition["cause"])
    assert [t["name"] for t in condition["possibleTreatment"]] == [
        "Botulinum toxin injections",
        "Medicines taken by mouth",
        "Microvascular decompression (MVD)",
        "Choosing not to treat for now",
    ]


def test_breadcrumbs_follow_the_page_tree(client):
    crumbs = graph(client, "/hemifacial-spasm/diagnosis/")["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["item"]) for c in crumbs] == [
        (1, "https://hfs.example.org/"),
        (2, "https://hfs.example.org/hemifacial-spasm/"),
        (3, "https://hfs.example.org/hemifacial-spasm/diagnosis/"),
    ]


def test_a_recorded_review_appears_and_treatments_follow_the_plugins(client, editor):
    PageReview.objects.create(
        extended_object=published_content("hfs-causes"),
        reviewed_by="Dr Ana Ruiz",
        reviewer_credentials="MD",
        reviewed_on=datetime.date(2026, 10, 1),
    )
    page = graph(client, "/hemifacial-spasm/causes/")["MedicalWebPage"]
    assert page["lastReviewed"] == "2026-10-01"
    assert page["reviewedBy"] == {"@type": "Person", "name": "Dr Ana Ruiz", "jobTitle": "MD"}

    draft = edit_and_publish("hfs-treatment", editor, "<p>x</p>", publish=False)
    from cms.api import add_plugin
    from djangocms_versioning.models import Version

    placeholder = draft.get_placeholders().get(slot="content")
    fields = {f: "<p>x</p>" for f in ("summary", "how_it_works", "benefits", "risks", "recovery")}
    add_plugin(placeholder, "TreatmentOptionPlugin", "en", name="Nerve block", **fields)
    Version.objects.get_for_content(draft).publish(editor)
    condition = graph(client, "/hemifacial-spasm/")["MedicalWebPage"]["about"]
    assert condition["possibleTreatment"][-1]["name"] == "Nerve block"


def test_condition_facts_edited_by_an_editor_are_used(client):
    facts = ConditionFacts.objects.get(extended_object=published_content("hemifacial-spasm"))
    facts.alternate_names = "facial twitch, HFS, tic convulsif"
    facts.save()  # clears the page cache, like publishing
    condition = graph(client, "/hemifacial-spasm/symptoms/")["MedicalWebPage"]["about"]
    assert condition["alternateName"] == ["facial twitch", "HFS", "tic convulsif"]


def test_the_care_team_page_describes_the_organization_and_how_to_reach_it(client):
    items = graph(client, "/care-team/")
    organization = items["MedicalOrganization"]
    [point] = organization["contactPoint"]
    assert point["telephone"] == "(555) 010-4477"
    assert point["email"] == "hfs.coordinator@example.org"
    assert point["availableLanguage"] == ["English", "Spanish"]
    assert [h["dayOfWeek"] for h in point["hoursAvailable"]] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    assert "about" not in items["MedicalWebPage"]  # not a guide page
