"""The forms staff fill in speak plain words: no bare technical terms, no two fields with one
name, nothing required that is not needed, and a section of a page named as staff see it."""

import re

import lxml.html
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from djangocms_versioning.models import Version

from editorial.roles import CARE_COORDINATOR
from referrals.models import ReferralLink

from .conftest import page_by_id, published_content

pytestmark = pytest.mark.django_db

SITE_APPS = ["conditions", "coordinators", "editorial", "feedback", "references", "referrals", "seed"]
# Words staff do not know, allowed in a label only with a plain explanation beside it.
NEEDS_EXPLAINING = re.compile(r"\b(id|pixels?|anchor)\b", re.IGNORECASE)


def form_fields():
    for app in SITE_APPS:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if getattr(field, "editable", False) and not getattr(field, "auto_created", False) and field.concrete:
                    yield f"{model.__name__}.{field.name}", str(field.verbose_name), str(field.help_text)


@pytest.mark.parametrize("name,label,help_text", list(form_fields()))
def test_no_field_is_labelled_or_explained_with_a_bare_technical_word(name, label, help_text):
    assert "slug" not in f"{label} {help_text}".lower(), name
    assert "section id" not in f"{label} {help_text}".lower(), name
    if NEEDS_EXPLAINING.search(label):
        assert help_text, f"{name}: '{label}' needs a plain explanation"


def test_the_treatment_option_form_names_every_field_differently(editor_client, editor):
    version = Version.objects.get_for_content(published_content("hfs-treatment")).copy(editor)
    option = next(
        p.get_bound_plugin()
        for p in version.content.get_placeholders().get(slot="content").get_plugins()
        if p.plugin_type == "TreatmentOptionPlugin"
    )
    form = lxml.html.fromstring(
        editor_client.get(reverse("admin:cms_placeholder_edit_plugin", args=[option.pk])).content
    )
    fields = form.xpath("//form//label[@for]")
    labels = [label.text_content().strip().rstrip(":") for label in fields if "key_figures-" not in label.get("for")]
    assert sorted({label for label in labels if labels.count(label) > 1}) == []
    # each key figure row repeats the same labels, but names its own fields differently too
    row = [label.text_content().strip() for label in fields if label.get("for").startswith("id_key_figures-0-")]
    assert row
    assert sorted({label for label in row if row.count(label) > 1}) == []


# --- a glossary term's extra words are optional -------------------------------------------


def test_a_glossary_term_can_be_added_without_extra_matching_words(editor_client, client):
    response = editor_client.post(
        "/admin/references/glossaryterm/add/",
        {"language": "en", "term": "Twitch", "slug": "twitch", "matches": "", "definition": "A small movement."},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert 'href="/glossary/#twitch"' in client.get("/hemifacial-spasm/").content.decode()


# --- a referral link's section: a heading's words or its id --------------------------------


@pytest.fixture
def coordinator_client():
    user = get_user_model().objects.create_user("coord", password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=CARE_COORDINATOR))
    client = Client()
    client.force_login(user)
    return client


def add_link(client, section, page="hfs-treatment", language=""):
    return client.post(
        "/admin/referrals/referrallink/add/",
        {
            "label": "Riverside letters",
            "page": page_by_id(page).pk,
            "anchor": section,
            "language": language,
            "code": "",
            "is_active": "on",
            "expires_on": "",
            "visits-TOTAL_FORMS": "0",
            "visits-INITIAL_FORMS": "0",
        },
    )


@pytest.mark.parametrize(
    "section",
    ["Microvascular decompression (MVD)", "microvascular decompression (mvd) ", "microvascular-decompression"],
)
def test_a_section_is_found_by_its_heading_or_its_id_and_stored_as_the_id(coordinator_client, section):
    assert add_link(coordinator_client, section).status_code == 302
    link = ReferralLink.objects.get(label="Riverside letters")
    assert link.anchor == "microvascular-decompression"
    assert Client().get(f"/r/{link.code}/")["Location"] == "/hemifacial-spasm/treatment/#microvascular-decompression"


def test_a_spanish_links_section_is_found_among_the_spanish_headings(coordinator_client):
    html = Client().get("/es/espasmo-hemifacial/tratamiento/").content
    first = lxml.html.fromstring(html).xpath("//main//h2[@id][not(ancestor::nav)]")[0]
    assert add_link(coordinator_client, first.text_content(), language="es").status_code == 302
    assert ReferralLink.objects.get(label="Riverside letters").anchor == first.get("id")


def test_a_section_that_matches_no_heading_is_refused_with_the_headings_to_choose_from(coordinator_client):
    response = add_link(coordinator_client, "Surgery for spasms")
    assert response.status_code == 200
    assert not ReferralLink.objects.filter(label="Riverside letters").exists()
    page = lxml.html.fromstring(response.content)
    [error] = page.xpath('//div[contains(@class, "field-anchor")]//ul[@class="errorlist"]')
    assert "No heading of this page matches" in error.text_content()
    assert "Microvascular decompression (MVD)" in error.text_content()


def test_the_form_offers_the_headings_of_the_links_page(coordinator_client):
    link = ReferralLink.objects.create(label="Riverside", page=page_by_id("hfs-treatment"))
    page = lxml.html.fromstring(coordinator_client.get(f"/admin/referrals/referrallink/{link.pk}/change/").content)
    [field] = page.xpath('//input[@name="anchor"]')
    offered = page.xpath(f'//datalist[@id="{field.get("list")}"]/option/@value')
    assert "Microvascular decompression (MVD)" in offered


def test_a_hostile_section_stays_text_in_the_error(coordinator_client):
    response = add_link(coordinator_client, '<script>alert("x")</script>')
    page = lxml.html.fromstring(response.content)
    assert not page.xpath('//div[contains(@class, "field-anchor")]//script')
    assert "&lt;script&gt;alert(" in response.content.decode()
