"""What a patient sees on each seeded page, as an anonymous visitor."""

import re

import lxml.html
import pytest

from .conftest import SEEDED_PAGES, SPANISH_PAGES

pytestmark = pytest.mark.django_db

PAGES = SEEDED_PAGES
GUIDE = [
    ("/hemifacial-spasm/", "Overview"),
    ("/hemifacial-spasm/causes/", "Causes"),
    ("/hemifacial-spasm/symptoms/", "Symptoms"),
    ("/hemifacial-spasm/diagnosis/", "Diagnosis"),
    ("/hemifacial-spasm/treatment/", "Treatment"),
    ("/hemifacial-spasm/choosing-a-treatment/", "Choosing a treatment"),
    ("/hemifacial-spasm/after-surgery/", "After surgery"),
    ("/hemifacial-spasm/living-with/", "Living with HFS"),
    ("/hemifacial-spasm/your-appointment/", "Your appointment"),
    ("/hemifacial-spasm/questions/", "Questions people ask"),
]


def h1s(html):
    return re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)


def block(html, css_class):
    match = re.search(rf'<nav class="{css_class}".*?</nav>', html, re.DOTALL)
    return match.group(0) if match else ""


@pytest.mark.parametrize("url,title", PAGES.items())
def test_every_seeded_page_is_public_with_its_heading(client, url, title):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert h1s(html) == [title]
    assert '<html lang="en">' in html
    assert re.search(r'<meta name="description" content="[^"]{50,}">', html)
    assert 'href="#main-content"' in html
    assert 'id="main-content"' in html


@pytest.mark.parametrize(
    "url,language",
    [("/hemifacial-spasm/causes/", "en"), ("/es/espasmo-hemifacial/causas/", "es"), ("/callback/", "en")],
)
def test_the_contact_sections_links_dial_write_and_lead_to_working_pages_in_the_same_language(client, url, language):
    """The contact section is the same include on every page: check once per kind of page that
    its links do what they say, rather than that each page carries them."""
    section = lxml.html.fromstring(client.get(url).content).xpath('//section[@class="care-contact"]')
    assert len(section) == 1, "one contact section"
    phone = section[0].xpath('.//a[@class="care-contact__phone"]')[0]
    assert phone.get("href") == "tel:" + re.sub(r"\D", "", phone.text_content()), (
        "the phone link dials the number shown"
    )
    email = section[0].xpath('.//a[starts-with(@href, "mailto:")]')[0]
    assert email.get("href") == "mailto:" + email.text_content(), "the e-mail link writes to the address shown"
    pages = section[0].xpath('.//ul[@class="care-contact__links"]//a/@href')
    assert len(pages) == 2, "the callback form and the care team"
    for href in pages:
        page = client.get(href)
        assert page.status_code == 200, href
        assert f'<html lang="{language}">' in page.content.decode(), href


@pytest.mark.parametrize("url,title", PAGES.items())
def test_every_page_says_when_it_was_last_updated(client, url, title):
    html = client.get(url).content.decode()
    assert re.search(r'Page last updated: <time datetime="\d{4}-\d\d-\d\d">', html)
    assert "Reviewed by" not in html  # seeded pages have had no clinical review


def test_home_routes_to_the_guide_and_the_care_team(client):
    """Through its own text, not the menu or footer that every page has; each link works."""
    response = client.get("/")
    assert "breadcrumbs" not in response.content.decode()
    links = lxml.html.fromstring(response.content).xpath("//main//a/@href")
    assert "/hemifacial-spasm/" in links
    assert "/care-team/" in links
    for href in links:
        if href.startswith("/"):
            assert client.get(href).status_code == 200, href


@pytest.mark.parametrize("index", range(len(GUIDE)))
def test_guide_contents_list_marks_the_current_page(client, index):
    url, _ = GUIDE[index]
    contents = block(client.get(url).content.decode(), "contents-list")
    items = re.findall(r"<li[^>]*>(.*?)</li>", contents, re.DOTALL)
    assert len(items) == len(GUIDE)
    for position, (item, (other_url, label)) in enumerate(zip(items, GUIDE, strict=True)):
        if position == index:
            assert 'aria-current="page"' in item
            assert label in item
            assert "<a " not in item
        else:
            assert f'<a href="{other_url}">{label}</a>' in item


@pytest.mark.parametrize("index", range(len(GUIDE)))
def test_guide_previous_and_next_links(client, index):
    url, _ = GUIDE[index]
    pagination = block(client.get(url).content.decode(), "pagination")
    previous = re.search(r'href="([^"]+)" rel="prev"', pagination)
    following = re.search(r'href="([^"]+)" rel="next"', pagination)
    assert (previous.group(1) if previous else None) == (GUIDE[index - 1][0] if index > 0 else None)
    assert (following.group(1) if following else None) == (GUIDE[index + 1][0] if index + 1 < len(GUIDE) else None)


def test_guide_breadcrumbs_lead_home_through_the_guide(client):
    crumbs = block(client.get("/hemifacial-spasm/diagnosis/").content.decode(), "breadcrumbs")
    assert re.findall(r'href="([^"]+)"', crumbs) == ["/", "/hemifacial-spasm/"]
    assert '<span aria-current="page">Diagnosis</span>' in crumbs


def test_treatment_sections_have_stable_ids_and_an_on_this_page_list(client):
    html = client.get("/hemifacial-spasm/treatment/").content.decode()
    assert '<h2 id="microvascular-decompression">Microvascular decompression (MVD)</h2>' in html
    assert '<h2 id="botulinum-toxin">' in html
    on_this_page = block(html, "on-this-page")
    assert re.findall(r'href="#([^"]+)"', on_this_page) == [
        "botulinum-toxin",
        "medicines",
        "microvascular-decompression",
        "no-treatment",
        "when-to-think-about-surgery",
        "everyday-help",
        "sources",
    ]


@pytest.mark.parametrize("url", [u for u, _ in GUIDE])
def test_every_h2_on_guide_pages_has_an_id_that_is_unique(client, url):
    html = client.get(url).content.decode()
    h2s = re.findall(r"<h2([^>]*)>", html)
    ids = [re.search(r'id="([^"]+)"', attrs).group(1) for attrs in h2s if "visually-hidden" not in attrs]
    assert len(ids) == len(set(ids))
    assert len(ids) == len([a for a in h2s if "visually-hidden" not in a])


def test_causes_page_shows_the_diagram_in_webp_with_a_fallback_and_alt_text(client, settings):
    html = client.get("/hemifacial-spasm/causes/").content.decode()
    picture = re.search(r"<picture>.*?</picture>", html, re.DOTALL).group(0)
    webp = re.search(r'<source type="image/webp" srcset="([^"]+)"', picture).group(1)
    img = re.search(
        r'<img src="(/media/[^"]+)" srcset="([^"]+)" sizes="[^"]+" width="(\d+)" height="(\d+)" alt="([^"]+)"', picture
    )
    assert img, "the facial nerve diagram is missing"
    assert (img.group(3), img.group(4)) == ("720", "450")
    assert "blood vessel" in img.group(5)
    assert 'loading="lazy"' in picture
    for srcset, extension in ((webp, ".webp"), (img.group(2), ".png")):
        candidates = [part.split() for part in srcset.split(", ")]
        assert [int(w[:-1]) for _, w in candidates] == [360, 540, 720, 1080, 1440]
        for url, _ in candidates:
            assert url.endswith(extension)
            thumbnail = settings.MEDIA_ROOT / url.removeprefix("/media/")
            assert thumbnail.exists()
            assert thumbnail.stat().st_size > 1000


def test_emergency_callout_says_emergency_in_words(client):
    html = client.get("/hemifacial-spasm/").content.decode()
    callout = re.search(r'<div class="callout callout--emergency">.*?</div>\s*</div>', html, re.DOTALL).group(0)
    assert 'Emergency<span class="visually-hidden">:</span>' in callout
    assert "Call 911" in callout


@pytest.mark.parametrize(
    "url",
    [
        "/no-such-page/",
        "/hemifacial-spasm/cure/",
        "/hemifacial-spasm/treatment/extra/",
        "/en/hemifacial-spasm/",
        "/hemifacial-spasm/%00/",
        "/" + "a" * 500 + "/",
        "/media/../hfs_site/settings/base.py",
    ],
)
def test_unknown_urls_get_the_helpful_404_page(client, url):
    response = client.get(url)
    assert response.status_code in (404, 400)
    if response.status_code == 404 and not url.startswith("/media/"):
        html = response.content.decode()
        assert h1s(html) == ["Page not found"]
        assert 'href="/hemifacial-spasm/"' in html
        assert 'href="tel:5550104477"' in html


def test_trailing_slash_is_added(client):
    response = client.get("/hemifacial-spasm/causes")
    assert response.status_code == 301
    assert response["Location"] == "/hemifacial-spasm/causes/"


def test_accessibility_statement_says_what_was_tested_and_how_to_report(client):
    html = client.get("/accessibility/").content.decode()
    assert "WCAG" in html
    assert "2.2" in html
    assert "axe-core" in html
    assert "Tell us about a problem" in html
    assert "not yet tested the site with people who use screen readers" in html


def test_editors_can_add_a_second_condition_guide_without_code(client, editor):
    from cms.api import add_plugin, create_page
    from cms.models import PageContent
    from djangocms_versioning.models import Version

    def publish(page):
        content = PageContent.admin_manager.get(page=page, language="en")
        placeholder = content.get_placeholders().get(slot="content")
        add_plugin(placeholder, "TextPlugin", "en", body="<h2>What it is</h2><p>a</p><h2>Who gets it</h2><p>b</p>")
        content.meta_description = "A guide to blepharospasm for patients and families, in plain words."
        content.save()
        Version.objects.get_for_content(content).publish(editor)

    guide = create_page("Blepharospasm", "guide_page.html", "en", slug="blepharospasm", created_by=editor)
    publish(guide)
    for title, slug in [("Causes of blepharospasm", "causes"), ("Treatment of blepharospasm", "treatment")]:
        publish(create_page(title, "guide_page.html", "en", slug=slug, parent=guide, created_by=editor))

    html = client.get("/blepharospasm/causes/").content.decode()
    contents = block(html, "contents-list")
    assert re.findall(r'href="([^"]+)"', contents) == ["/blepharospasm/", "/blepharospasm/treatment/"]
    assert 'aria-current="page">Causes of blepharospasm' in contents
    assert re.findall(r'href="([^"]+)" rel="(?:prev|next)"', block(html, "pagination")) == [
        "/blepharospasm/",
        "/blepharospasm/treatment/",
    ]
    assert 'href="/blepharospasm/print/">Print this guide' in html
    assert client.get("/blepharospasm/print/").status_code == 200
    assert "hemifacial-spasm/causes" not in contents  # the guides stay apart


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_home_page_routes_to_every_page_of_the_guide_in_groups(client, language):
    """Understand it, get it treated, live with it, get ready: every guide page, questions too."""
    guide = [url for url in SEEDED_PAGES if url.startswith("/hemifacial-spasm/")]
    if language == "es":
        guide = [SPANISH_PAGES[url][0] for url in guide]
    home = lxml.html.fromstring(client.get("/" if language == "en" else "/es/").content)
    groups = home.xpath("//main//h3")
    linked = {a.get("href") for a in home.xpath("//main//h3/following-sibling::ul[1]//a")}
    assert len(groups) == 4
    assert set(guide) - linked == set()
