"""What lets readers trust the site: who publishes it, how it is made, which reviews happened,
the questions page's structured data, readability in both languages, and readers' answers."""

import datetime
import json
import re

import pytest
from cms.models import Page
from django.core.management import call_command

from editorial.content_health import build_report
from editorial.models import PageReview
from editorial.readability import measure
from feedback.models import PageFeedback

from .conftest import ALL_PAGES, published_content

pytestmark = pytest.mark.django_db
ABOUT = {"en": "/about-our-information/", "es": "/es/sobre-nuestra-informacion/"}


def _json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL).group(1))


@pytest.mark.parametrize(
    "url,language",
    [("/hemifacial-spasm/treatment/", "en"), ("/es/espasmo-hemifacial/tratamiento/", "es"), ("/es/callback/", "es")],
)
def test_the_footer_names_its_publisher_and_leads_to_how_it_is_made_in_the_readers_language(client, url, language):
    """The footer is one include on every page: check once per kind of page (guide page,
    form) that it says who publishes the site and that its links reach working pages in the
    reader's language, rather than that each page carries it."""
    html = client.get(url).content.decode()
    footer = html.split('class="site-footer"')[1]
    if language == "es":
        assert "Publicado por el Instituto de Neurociencias" in footer
        assert "No reemplaza los consejos de su propio equipo de atención" in footer
    else:
        assert "Published by the Neuroscience Institute" in footer
        assert "It does not replace advice from your own care team" in footer
    links = re.findall(r'<a href="([^"]+)"', footer)
    assert ABOUT[language] in links, "the footer links how the information is made"
    for href in links:
        page = client.get(href)
        assert page.status_code == 200, href
        assert f'<html lang="{language}">' in page.content.decode(), href
    about = client.get(ABOUT[language]).content.decode()
    assert re.findall(r"<h1>(.*?)</h1>", about) == [ALL_PAGES[ABOUT[language]]], "the link reaches the page it names"


@pytest.mark.parametrize("language", ["en", "es"])
def test_how_we_make_this_information_covers_what_readers_need_to_judge_it(client, language):
    html = client.get(ABOUT[language]).content.decode()
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    expected = {
        "en": ["Who writes", "How a clinician checks", "Where the facts", "How often", "What you tell us",
               "No advertising", "How to tell us about a mistake"],
        "es": ["Quién escribe", "Cómo revisa", "De dónde salen", "Cada cuánto", "Lo que usted nos dice",
               "Sin anuncios", "Cómo avisarnos de un error"],
    }[language]  # fmt: skip
    for start in expected:
        assert any(h.startswith(start) for h in headings), start


def test_the_page_says_no_review_happened_until_one_is_recorded_and_then_names_it(client):
    html = client.get(ABOUT["en"]).content.decode()
    assert "No page on this site has had a clinical review yet." in html
    assert "reviewed by" not in html
    content = published_content("hfs-causes")
    PageReview.objects.create(
        extended_object=content, reviewed_by="Dr Ana Ruiz", reviewer_credentials="Neurologist",
        reviewed_on=datetime.date(2026, 11, 2),
    )  # fmt: skip
    html = client.get(ABOUT["en"]).content.decode()
    assert "No page on this site has had a clinical review yet." not in html
    assert "Causes of hemifacial spasm" in html
    assert "reviewed by Dr Ana Ruiz, Neurologist on" in html
    # the Spanish page lists only Spanish reviews
    assert "Dr Ana Ruiz" not in client.get(ABOUT["es"]).content.decode()


@pytest.mark.parametrize(
    ("url", "questions"), [("/hemifacial-spasm/questions/", "en"), ("/es/espasmo-hemifacial/preguntas/", "es")]
)
def test_the_questions_page_is_an_faq_page_built_from_its_own_questions(client, url, questions):
    html = client.get(url).content.decode()
    page = _json_ld(html)["@graph"][0]
    assert page["@type"] == ["MedicalWebPage", "FAQPage"]
    headings = [
        re.sub(r"<[^>]+>", "", h)
        for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html.split("<main")[1].split('id="page-feedback"')[0])
    ]
    asked = [h for h in headings if h.endswith("?")]
    assert [q["name"] for q in page["mainEntity"]] == asked
    assert len(asked) >= 8
    assert all(q["acceptedAnswer"]["text"] for q in page["mainEntity"])


def test_other_guide_pages_are_not_faq_pages(client):
    page = _json_ld(client.get("/hemifacial-spasm/causes/").content.decode())["@graph"][0]
    assert page["@type"] == "MedicalWebPage"


def test_spanish_readability_uses_the_inflesz_scale_and_flags_hard_text():
    easy = measure("El espasmo hemifacial no suele ser grave. Se puede tratar. Hable con su médico.", "es")
    assert easy.inflesz >= 65
    assert easy.fernandez_huerta
    assert easy.grade is None
    assert not easy.flags
    hard = measure(
        "La descompresión microvascular constituye una intervención neuroquirúrgica intracraneal "
        "caracterizada por la manipulación microscópica de estructuras vasculares adyacentes al nervio.",
        "es",
    )
    assert hard.inflesz < 65
    assert hard.flags == [f"INFLESZ below 65 ({hard.inflesz_band})"]


def test_content_health_grades_every_published_page_in_its_own_language():
    rows = [row for row in build_report() if row.status == "published"]
    spanish = [row for row in rows if row.language == "es"]
    english = [row for row in rows if row.language == "en"]
    assert spanish
    assert all(row.inflesz is not None and row.grade is None for row in spanish)
    assert all(row.grade is not None and row.inflesz is None for row in english)
    hard = [row.url for row in rows if any("grade" in flag or "INFLESZ" in flag for flag in row.flags)]
    assert hard == [], "every seeded page is easy to read: English grade 7 or lower, Spanish INFLESZ 65 or more"


def test_content_health_shows_readers_answers_and_the_report_json_counts_them(editor_client, capsys):
    page = Page.objects.get(reverse_id="hfs-treatment")
    old = datetime.date.today() - datetime.timedelta(days=120)
    PageFeedback.objects.create(page=page, language="en", helped=True)
    PageFeedback.objects.create(page=page, language="en", helped=False, comment="<b>Too long</b>")
    PageFeedback.objects.create(page=page, language="en", helped=False, created_on=old)  # outside 90 days
    PageFeedback.objects.create(page=page, language="es", helped=True)
    html = editor_client.get("/admin/editorial/contenthealth/").content.decode()
    assert "1 yes, 1 no" in html
    assert "&lt;b&gt;Too long&lt;/b&gt;" in html
    assert "<b>Too long" not in html
    call_command("content_report", "--format", "json")
    rows = {(r["url"], r["language"]): r for r in json.loads(capsys.readouterr().out)}
    treatment = rows[("/hemifacial-spasm/treatment/", "en")]
    assert (treatment["feedback_yes"], treatment["feedback_no"]) == (1, 1)
    assert rows[("/es/espasmo-hemifacial/tratamiento/", "es")]["feedback_yes"] == 1
