"""A second condition guide, added the way an editor adds one, works everywhere without code.

The pages that point a reader to the guides without belonging to one (the 404 page, an ended
referral link, the callback thank-you page) list every published guide, in each language.
"""

import datetime
from pathlib import Path

import lxml.html
import pytest
from cms.api import add_plugin, create_page, create_page_content
from cms.models import PageContent
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation
from djangocms_versioning.models import Version

from referrals import views as referral_views
from referrals.models import ReferralLink

from .conftest import page_by_id

pytestmark = pytest.mark.django_db

GUIDE_TEMPLATE = "guide_page.html"
HFS = {"en": ("Hemifacial spasm", "/hemifacial-spasm/"), "es": ("Espasmo hemifacial", "/es/espasmo-hemifacial/")}
SECOND = {"en": ("Blepharospasm", "/blepharospasm/"), "es": ("Blefaroespasmo", "/es/blefaroespasmo/")}
SECOND_CHILD = {"en": "/blepharospasm/causes/", "es": "/es/blefaroespasmo/causas/"}
TEXT = "<h2>What it is</h2><p>The eyelids close by themselves.</p><h2>Who gets it</h2><p>Mostly adults.</p>"


def publish_content(page, language, editor):
    """Fill the page's draft in `language` with text and a meta description, then publish it."""
    content = PageContent.admin_manager.get(page=page, language=language)
    placeholder = content.get_placeholders().get(slot="content")
    add_plugin(placeholder, "TextPlugin", language, body=TEXT)
    content.meta_description = "A plain-words guide for patients and families."  # the publish rule asks for one
    content.save()
    Version.objects.get_for_content(content).publish(editor)


@pytest.fixture
def second_guide(editor):
    """Blepharospasm: a guide page with one child page, in English and Spanish, published."""
    guide = create_page("Blepharospasm", GUIDE_TEMPLATE, "en", slug="blepharospasm", created_by=editor)
    child = create_page("Causes of blepharospasm", GUIDE_TEMPLATE, "en", slug="causes", parent=guide, created_by=editor)
    spanish = {guide: ("Blefaroespasmo", "blefaroespasmo"), child: ("Causas del blefaroespasmo", "causas")}
    for page, (title, slug) in spanish.items():
        create_page_content(
            "es", title, page, slug=slug, created_by=editor, template=GUIDE_TEMPLATE, in_navigation=True
        )
    for page in (guide, child):  # parent first: a child's address hangs on its parent's
        for language in ("en", "es"):
            publish_content(page, language, editor)
    return guide


def links(html, xpath):
    """{href: text} of the links under the elements `xpath` finds."""
    found = {}
    for element in lxml.html.fromstring(html).xpath(xpath):
        for anchor in element.iter("a"):
            found[anchor.get("href")] = anchor.text_content().strip()
    return found


def assert_lists_both_guides(found, language, page):
    for title, url in (HFS[language], SECOND[language]):
        assert url in found, f"{page} ({language}) has no link to {url}: {found}"
        assert title in found[url], f"{page} ({language}): the link to {url} does not name {title!r}"


@pytest.mark.parametrize("language,missing", [("en", "/no-such-page/"), ("es", "/es/no-such-page/")])
def test_the_404_page_lists_every_guide(client, second_guide, language, missing):
    response = client.get(missing)
    assert response.status_code == 404
    found = links(response.content.decode(), '//ul[@class="error-actions"]')
    assert_lists_both_guides(found, language, "the 404 page")


def test_unknown_and_ended_referral_links_list_every_guide(client, second_guide):
    ended = ReferralLink.objects.create(
        label="Riverside clinic",
        page=page_by_id("hfs-treatment"),
        expires_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    for code, status in [("ZZZZZZZ", 404), (ended.code, 410)]:
        response = client.get(f"/r/{code}/")  # /r/ has no language prefix: always English
        assert response.status_code == status, code
        found = links(response.content.decode(), '//ul[@class="error-actions"]')
        assert_lists_both_guides(found, "en", f"/r/{code}/")


def test_the_referral_page_lists_every_guide_in_spanish_too(second_guide):
    """/r/ addresses carry no language, so the view is called with Spanish active, as the
    page would be if it were shown to a Spanish reader."""
    request = RequestFactory().get("/r/ZZZZZZZ/")
    request.user = AnonymousUser()
    with translation.override("es"):
        response = referral_views.follow(request, "ZZZZZZZ")
    assert response.status_code == 404
    found = links(response.content.decode(), '//ul[@class="error-actions"]')
    assert_lists_both_guides(found, "es", "/r/ZZZZZZZ/")


@pytest.mark.parametrize("language,url", [("en", "/callback/thanks/"), ("es", "/es/callback/thanks/")])
def test_the_callback_thank_you_page_lists_every_guide(client, second_guide, language, url):
    response = client.get(url)
    assert response.status_code == 200
    found = links(response.content.decode(), '//main[@id="main-content"]')
    assert_lists_both_guides(found, language, url)


def test_a_draft_guide_is_not_listed(client, editor):
    draft = create_page("Dystonia", GUIDE_TEMPLATE, "en", slug="dystonia", created_by=editor)
    assert not PageContent.objects.filter(page=draft).exists(), "the new page should be a draft only"
    found = links(client.get("/no-such-page/").content.decode(), '//ul[@class="error-actions"]')
    assert "/dystonia/" not in found, "a draft guide is listed on the 404 page"
    assert "/hemifacial-spasm/" in found, "the published guide is missing from the 404 page"


def test_an_unpublished_guide_leaves_the_lists_at_once(client, editor, second_guide):
    assert "/blepharospasm/" in links(client.get("/no-such-page/").content.decode(), "//main")
    content = PageContent.objects.get(page=second_guide, language="en")
    Version.objects.get_for_content(content).unpublish(editor)
    found = links(client.get("/no-such-page/").content.decode(), '//ul[@class="error-actions"]')
    assert "/blepharospasm/" not in found, "the 404 page still lists an unpublished guide"
    assert "/es/blefaroespasmo/" in links(client.get("/es/no-such-page/").content.decode(), "//main"), (
        "unpublishing the English guide hid the Spanish one"
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_second_guides_pages_have_their_contents_list_and_print_view(client, second_guide, language):
    guide_url, child_url = SECOND[language][1], SECOND_CHILD[language]
    for url in (guide_url, child_url):
        response = client.get(url)
        assert response.status_code == 200, url
        contents = links(response.content.decode(), '//nav[@class="contents-list"]')
        other = guide_url if url == child_url else child_url
        assert list(contents) == [other], f"{url}: contents list {contents}"  # the current page is not a link
    html = client.get(guide_url).content.decode()
    assert f'href="{guide_url}print/"' in html, f"{guide_url} has no print link"
    printed = client.get(f"{guide_url}print/")
    assert printed.status_code == 200, f"{guide_url}print/"
    sections = lxml.html.fromstring(printed.content.decode()).xpath('//section[@class="print-section"]/h2/text()')
    titles = {"en": ["Blepharospasm", "Causes of blepharospasm"], "es": ["Blefaroespasmo", "Causas del blefaroespasmo"]}
    assert sections == titles[language], f"{guide_url}print/ sections"


@pytest.mark.parametrize("template", ["400.html", "403.html", "403_csrf.html", "500.html"])
def test_the_error_pages_name_the_site_from_settings_not_one_guide(settings, template):
    """These pages cannot read the CMS, so the site's name is a setting (translated by default)."""
    assert "Hemifacial spasm guide" in render_to_string(template), "the default name, in English"
    with translation.override("es"):
        assert "Guía sobre el espasmo hemifacial" in render_to_string(template), "the default name, in Spanish"
    settings.SITE_NAME = "Riverside patient guides"
    html = render_to_string(template)
    assert html.count("Riverside patient guides") == 2, "the title and the header name the site"
    assert "Hemifacial spasm guide" not in html, "the name is written in the template"


def template_files():
    folders = [settings.BASE_DIR / "templates", *settings.BASE_DIR.glob("*/templates")]
    return sorted(path for folder in folders for path in Path(folder).rglob("*") if path.is_file())


def test_no_template_names_one_guide():
    files = template_files()
    assert any(path.name == "404.html" for path in files), "the scan found no templates"
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for slug in ("hemifacial-spasm", "espasmo-hemifacial"):
            assert slug not in text, f"{path.relative_to(settings.BASE_DIR)} hard-codes the guide {slug!r}"
