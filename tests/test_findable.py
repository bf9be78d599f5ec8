"""Search engines and sharing: sitemap, robots.txt, canonical links, Open Graph tags."""

import re
import xml.etree.ElementTree as ET

import pytest

from .conftest import ALL_PAGES, SPANISH_PAGES, edit_and_publish

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.PUBLIC_BASE_URL = "https://hfs.example.org"


def test_the_sitemap_lists_every_published_page_with_lastmod_and_hreflang(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    entries = {url.find("s:loc", NS).text: url for url in root.findall("s:url", NS)}
    assert set(entries) == {f"https://hfs.example.org{path}" for path in ALL_PAGES}
    for english, (spanish, _title) in SPANISH_PAGES.items():
        pair = {"en": f"https://hfs.example.org{english}", "es": f"https://hfs.example.org{spanish}"}
        for loc in pair.values():
            url = entries[loc]
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", url.find("s:lastmod", NS).text)
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
            assert alternates == {**pair, "x-default": pair["en"]}


def test_unpublished_pages_leave_the_sitemap(client, editor):
    from cms.models import PageContent
    from djangocms_versioning.models import Version

    from .conftest import page_by_id

    content = PageContent.objects.get(page=page_by_id("hfs-diagnosis"), language="en")
    Version.objects.get_for_content(content).unpublish(editor)
    assert b"/hemifacial-spasm/diagnosis/" not in client.get("/sitemap.xml").content


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_private_parts(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://hfs.example.org/sitemap.xml" in text
    for private in ("Disallow: /admin/", "Disallow: /r/", "Disallow: /callback/", "Disallow: /es/callback/"):
        assert private in text


@pytest.mark.parametrize("path,title", ALL_PAGES.items())
def test_every_page_has_a_canonical_link_and_sharing_tags(client, path, title):
    html = client.get(path).content.decode()
    assert f'<link rel="canonical" href="https://hfs.example.org{path}">' in html
    assert f'<meta property="og:url" content="https://hfs.example.org{path}">' in html
    assert f'<meta property="og:title" content="{title}">' in html
    description = re.search(r'<meta name="description" content="([^"]+)">', html).group(1)
    assert f'<meta property="og:description" content="{description}">' in html
    assert re.search(r'<meta property="og:image" content="https://hfs.example.org/static/img/share[^"]*\.png">', html)
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_an_edited_meta_description_is_shared(client, editor):
    draft = edit_and_publish("hfs-causes", editor, "<p>x</p>", publish=False)
    draft.meta_description = "A new description written by an editor for search engines."
    draft.save()
    from djangocms_versioning.models import Version

    Version.objects.get_for_content(draft).publish(editor)
    html = client.get("/hemifacial-spasm/causes/").content.decode()
    assert (
        '<meta property="og:description" content="A new description written by an editor for search engines.">' in html
    )


def test_a_guide_page_cannot_be_published_without_a_meta_description(editor_client, editor):
    from django.urls import reverse
    from djangocms_versioning import constants
    from djangocms_versioning.models import Version

    draft = edit_and_publish("hfs-symptoms", editor, "<p>Changed.</p>", publish=False)
    draft.meta_description = " "
    draft.save()
    version = Version.objects.get_for_content(draft)
    url = reverse("admin:djangocms_versioning_pagecontentversion_publish", args=[version.pk])
    response = editor_client.post(url, follow=True)
    assert response.status_code == 200
    assert "Add a meta description in Page settings before publishing" in response.content.decode()
    assert Version.objects.get(pk=version.pk).state == constants.DRAFT

    draft.meta_description = "What the symptoms of hemifacial spasm are, and which need a doctor soon."
    draft.save()
    editor_client.post(url)
    assert Version.objects.get(pk=version.pk).state == constants.PUBLISHED
