"""The Spanish site: every page in Spanish, the switcher and hreflang, and the Spanish parts of
referrals, the callback form and the printed guide."""

import re

import pytest
from django.core import mail

from coordinators.models import CallbackRequest
from referrals.models import ReferralLink

from .conftest import SEEDED_PAGES, SPANISH_PAGES, page_by_id, post_form

pytestmark = pytest.mark.django_db
PAIRS = [(english, spanish) for english, (spanish, _title) in SPANISH_PAGES.items()]


def h1(html):
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL).group(1).strip()


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.DOTALL).group(0)
    return re.findall(r'<a href="([^"]+)" lang="([a-z]+)" hreflang="([a-z]+)">([^<]+)</a>', nav)


def test_every_page_a_visitor_can_read_in_english_can_be_read_in_spanish(client):
    """Every published page the CMS holds (not this suite's list of them) has a public Spanish
    version at its own address."""
    from cms.models import PageContent

    english_pages = PageContent.objects.filter(language="en").select_related("page")
    assert {content.page.get_absolute_url("en") for content in english_pages} == set(SEEDED_PAGES)
    for content in english_pages:
        spanish = content.page.get_absolute_url("es")
        assert spanish.startswith("/es/"), spanish
        response = client.get(spanish)
        assert response.status_code == 200, spanish
        assert '<html lang="es">' in response.content.decode(), spanish


@pytest.mark.parametrize("english,spanish", PAIRS)
def test_every_spanish_page_is_public_in_spanish(client, english, spanish):
    response = client.get(spanish)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert h1(html) == SPANISH_PAGES[english][1]
    # the page around the content is Spanish too: skip link, contact section, footer
    assert "Ir al contenido principal" in html
    assert "En una emergencia, llame al 911." in html
    assert "Skip to main content" not in html


@pytest.mark.parametrize("english,spanish", PAIRS)
def test_the_switcher_leads_to_the_same_page_in_the_other_language(client, english, spanish):
    english_html = client.get(english).content.decode()
    spanish_html = client.get(spanish).content.decode()
    assert '<html lang="en">' in english_html
    assert switcher_links(english_html) == [(spanish, "es", "es", "Español")]
    assert switcher_links(spanish_html) == [(english, "en", "en", "English")]
    assert client.get(switcher_links(english_html)[0][0]).status_code == 200


@pytest.mark.parametrize("english,spanish", PAIRS)
def test_every_page_names_both_languages_for_search_engines(client, settings, english, spanish):
    settings.PUBLIC_BASE_URL = "https://hfs.example.org"
    for path in (english, spanish):
        html = client.get(path).content.decode()
        alternates = dict(re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">', html))
        assert alternates == {
            "en": f"https://hfs.example.org{english}",
            "es": f"https://hfs.example.org{spanish}",
            "x-default": f"https://hfs.example.org{english}",
        }
        assert f'<link rel="canonical" href="https://hfs.example.org{path}">' in html


def test_a_page_not_yet_written_in_spanish_has_no_switcher_and_no_spanish_hreflang(client, editor):
    from cms.models import PageContent
    from djangocms_versioning.models import Version

    spanish = PageContent.objects.get(page=page_by_id("hfs-living-with"), language="es")
    Version.objects.get_for_content(spanish).unpublish(editor)
    html = client.get("/hemifacial-spasm/living-with/").content.decode()
    assert "language-switcher" not in html
    assert 'hreflang="es"' not in html
    # and its Spanish address sends the reader to the English page instead of a dead end
    response = client.get("/es/espasmo-hemifacial/vivir-con-espasmo-hemifacial/")
    assert response.status_code in (302, 404)


def test_the_spanish_guide_has_its_own_contents_list_and_print_view(client):
    html = client.get("/es/espasmo-hemifacial/tratamiento/").content.decode()
    contents = re.search(r'<nav class="contents-list".*?</nav>', html, re.DOTALL).group(0)
    assert 'href="/es/espasmo-hemifacial/causas/"' in contents
    assert 'href="/es/espasmo-hemifacial/elegir-un-tratamiento/"' in contents
    assert 'href="/es/espasmo-hemifacial/print/"' in html
    printed = client.get("/es/espasmo-hemifacial/print/")
    assert printed.status_code == 200
    text = printed.content.decode()
    assert '<html lang="es">' in text
    for _english, (spanish, title) in SPANISH_PAGES.items():
        if spanish.startswith("/es/espasmo-hemifacial/") and spanish != "/es/espasmo-hemifacial/":
            assert title in text, title
    assert "Treatment for hemifacial spasm" not in text


def test_a_referral_link_can_open_the_spanish_page(client):
    link = ReferralLink.objects.create(page=page_by_id("hfs-treatment"), language="es", label="Carta")
    response = client.get(f"/r/{link.code}/")
    assert response.status_code == 302
    assert response["Location"] == "/es/espasmo-hemifacial/tratamiento/"
    english = ReferralLink.objects.create(page=page_by_id("hfs-treatment"), label="Letter")
    assert client.get(f"/r/{english.code}/")["Location"] == "/hemifacial-spasm/treatment/"


def test_the_callback_form_works_in_spanish_and_tells_staff_the_language(client):
    page = client.get("/es/callback/").content.decode()
    assert '<html lang="es">' in page
    assert "Su nombre" in page
    errors = post_form(client, "/es/callback/", {"name": "", "phone": "", "email": ""}).content.decode()
    assert "Hay un problema" in errors
    assert "Escriba su nombre." in errors
    response = post_form(
        client,
        "/es/callback/",
        {"name": "María José Núñez", "phone": "617 555 0101", "best_time": "any", "consent": "on"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/es/callback/thanks/"
    thanks = client.get(response["Location"]).content.decode()
    assert '<html lang="es">' in thanks
    request = CallbackRequest.objects.get(name="María José Núñez")
    assert request.language == "es"
    # staff read the notification in English; it says which language to call back in
    message = mail.outbox[-1]
    assert "Language they used on the site: Español" in message.body
    assert "María" not in message.body


def test_pages_that_are_not_cms_pages_switch_language_too(client):
    assert switcher_links(client.get("/callback/").content.decode()) == [("/es/callback/", "es", "es", "Español")]
    assert switcher_links(client.get("/es/callback/").content.decode()) == [("/callback/", "en", "en", "English")]
    # an address that does not exist offers the other language's home page, not itself
    assert switcher_links(client.get("/no-such-page/").content.decode()) == [("/es/", "es", "es", "Español")]
